// The lists a workshop acts on: the strongest synergies, every trade-off (those between two
// prioritised targets first) and the incoherences tagged on links. All read resolved interactions,
// of every kind of pair: target–target, intervention–intervention and mixed.
import type { IncoherenceKind } from '../model/vocabulary.ts';
import type { BoardIndex } from './boardIndex.ts';
import { endpointRank, type ResolvedInteraction } from './interactions.ts';

/** How many ends of an interaction are prioritised targets (an intervention end never is). */
export type Prioritised = 'both' | 'one' | 'none';

export interface RankedInteraction extends ResolvedInteraction {
  prioritised: Prioritised;
}

export interface CoherenceNote extends RankedInteraction {
  incoherence: Exclude<IncoherenceKind, ''>;
}

const PRIORITISED: readonly Prioritised[] = ['none', 'one', 'both'];
const PRIORITISED_RANK: Record<Prioritised, number> = { both: 0, one: 1, none: 2 };
const INCOHERENCE_RANK: Record<Exclude<IncoherenceKind, ''>, number> = { horizontal: 0, vertical: 1 };

/** `isPrioritised[t]` is 1 when target t (index in `BoardIndex.targets`) is prioritised. */
export function rankInteraction(interaction: ResolvedInteraction, isPrioritised: Uint8Array): RankedInteraction {
  const { from, to, score, link } = interaction;
  const count =
    (from.kind === 'target' ? (isPrioritised[from.index] ?? 0) : 0) +
    (to.kind === 'target' ? (isPrioritised[to.index] ?? 0) : 0);
  // A literal, not a spread: V8 copies a spread object through a slow path, 20× slower here.
  return { from, to, score, link, prioritised: PRIORITISED[count] ?? 'none' };
}

/**
 * Sorts by one integer per item, `rank × span + position in the matrix`, so every list breaks ties
 * in matrix order. The item's own index is packed below it and the keys sorted natively as a typed
 * array: no comparator, no endpoint objects touched inside the sort.
 */
function sortByRank<T extends ResolvedInteraction>(index: BoardIndex, items: T[], rank: (item: T) => number): T[] {
  const nodes = index.targets.length + index.interventions.length;
  const span = nodes * nodes;
  const count = items.length;
  const keys = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const item = items[k] as T;
    const position = endpointRank(index, item.from) * nodes + endpointRank(index, item.to);
    keys[k] = (rank(item) * span + position) * count + k;
  }
  keys.sort();
  const out: T[] = new Array(count);
  for (let k = 0; k < count; k++) out[k] = items[(keys[k] as number) % count] as T;
  return out;
}

/** Positive interactions, strongest first, ties in matrix order (`from`, then `to`); `limit` keeps the top N. */
export function strongestSynergies(
  index: BoardIndex,
  interactions: readonly ResolvedInteraction[],
  isPrioritised: Uint8Array,
  limit = Number.POSITIVE_INFINITY,
): RankedInteraction[] {
  const positive = interactions.filter((i) => i.score > 0);
  return sortByRank(index, positive, (i) => 3 - i.score)
    .slice(0, limit)
    .map((i) => rankInteraction(i, isPrioritised));
}

/** Every negative interaction: prioritised both ends first, then one, then none; then −3 before −1. */
export function tradeOffs(
  index: BoardIndex,
  interactions: readonly ResolvedInteraction[],
  isPrioritised: Uint8Array,
): RankedInteraction[] {
  const negative: RankedInteraction[] = [];
  for (const i of interactions) if (i.score < 0) negative.push(rankInteraction(i, isPrioritised));
  return sortByRank(index, negative, (t) => PRIORITISED_RANK[t.prioritised] * 7 + (t.score + 3));
}

/** Interactions tagged horizontal or vertical incoherence: horizontal first, then as trade-offs are sorted. */
export function coherenceNotes(
  index: BoardIndex,
  interactions: readonly ResolvedInteraction[],
  isPrioritised: Uint8Array,
): CoherenceNote[] {
  const notes: CoherenceNote[] = [];
  for (const i of interactions) {
    const incoherence = i.link.fields.incoherence;
    if (incoherence === 'horizontal' || incoherence === 'vertical') {
      const { from, to, score, link, prioritised } = rankInteraction(i, isPrioritised);
      notes.push({ from, to, score, link, prioritised, incoherence });
    }
  }
  return sortByRank(
    index,
    notes,
    (n) => (INCOHERENCE_RANK[n.incoherence] * 3 + PRIORITISED_RANK[n.prioritised]) * 7 + (n.score + 3),
  );
}
