// Interaction links resolved to one score per ordered pair of nodes (target codes or interventions).
// Every later result reads these resolved interactions; a superseded link only appears in a conflict.
import { type InteractionScore, isInteractionScore } from '../model/interactionScale.ts';
import type { Link, LinkOf } from '../model/kinds.ts';
import type { BoardIndex } from './boardIndex.ts';

/** One end of an interaction: a target code or an intervention, with its index in its own matrix. */
export type Endpoint =
  | { readonly kind: 'target'; readonly index: number; readonly code: string }
  | { readonly kind: 'intervention'; readonly index: number; readonly id: string };

export interface ResolvedInteraction {
  from: Endpoint;
  to: Endpoint;
  score: InteractionScore;
  /** The link that sets this score (the most recently updated one if several join the pair). */
  link: LinkOf<'interaction'>;
}

export interface ConflictingLink {
  id: string;
  score: InteractionScore;
  updatedAt: number;
}

/** Several links join the same ordered pair; the first in `links` (the most recent) was used. */
export interface InteractionConflict {
  from: Endpoint;
  to: Endpoint;
  /** Most recently updated first. */
  links: ConflictingLink[];
  /** False when the links agree on the score (a duplicate rather than a disagreement). */
  scoresDiffer: boolean;
}

export type IgnoredReason =
  | 'missing-card'
  | 'not-target-or-intervention'
  | 'unknown-target-code'
  | 'self-loop'
  | 'invalid-score';

export interface IgnoredLink {
  linkId: string;
  reason: IgnoredReason;
}

export interface ResolvedInteractions {
  /** Sorted by `from`, then `to`: targets in catalogue order, then interventions. */
  interactions: ResolvedInteraction[];
  conflicts: InteractionConflict[];
  ignored: IgnoredLink[];
}

/** Targets first in catalogue order, then interventions: the order every list is sorted in. */
export function endpointRank(index: BoardIndex, end: Endpoint): number {
  return end.kind === 'target' ? end.index : index.targets.length + end.index;
}

/** Every target and intervention card → its endpoint, built once so the link loop allocates nothing. */
function endpointsByCard(index: BoardIndex): Map<string, Endpoint> {
  const out = new Map<string, Endpoint>();
  index.targets.forEach((target, i) => {
    const end: Endpoint = { kind: 'target', index: i, code: target.code };
    for (const id of target.cardIds) out.set(id, end);
  });
  index.interventions.forEach((intervention, i) => {
    out.set(intervention.id, { kind: 'intervention', index: i, id: intervention.id });
  });
  return out;
}

function whyNoEndpoint(index: BoardIndex, cardId: string): IgnoredReason {
  const card = index.cardsById.get(cardId);
  if (!card) return 'missing-card';
  return card.kind === 'target' ? 'unknown-target-code' : 'not-target-or-intervention';
}

function mostRecentFirst(a: LinkOf<'interaction'>, b: LinkOf<'interaction'>): number {
  return b.updatedAt - a.updatedAt || b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export function resolveInteractions(index: BoardIndex, links: readonly Link[]): ResolvedInteractions {
  const ignored: IgnoredLink[] = [];
  const endpoints = endpointsByCard(index);
  const nodeCount = index.targets.length + index.interventions.length;
  const byRank: Endpoint[] = new Array(nodeCount);
  for (const end of endpoints.values()) byRank[endpointRank(index, end)] = end;
  // One slot per ordered pair of nodes (rank of from × node count + rank of to): a dense array, no
  // string keys, and reading it in slot order gives the matrix order without sorting.
  type One = LinkOf<'interaction'>;
  const first: (One | undefined)[] = new Array(nodeCount * nodeCount);
  const more = new Map<number, One[]>();
  for (const link of links) {
    if (link.kind !== 'interaction') continue;
    if (!isInteractionScore(link.fields.score)) {
      ignored.push({ linkId: link.id, reason: 'invalid-score' });
      continue;
    }
    const from = endpoints.get(link.from);
    const to = endpoints.get(link.to);
    if (from === undefined || to === undefined) {
      ignored.push({ linkId: link.id, reason: whyNoEndpoint(index, from === undefined ? link.from : link.to) });
      continue;
    }
    // Two cards with the same code are one target, so a link between them is a self-loop too.
    if (from === to) {
      ignored.push({ linkId: link.id, reason: 'self-loop' });
      continue;
    }
    const slot = endpointRank(index, from) * nodeCount + endpointRank(index, to);
    const seen = first[slot];
    if (seen === undefined) first[slot] = link;
    else {
      const all = more.get(slot);
      if (all) all.push(link);
      else more.set(slot, [seen, link]);
    }
  }

  const interactions: ResolvedInteraction[] = [];
  const conflicts: InteractionConflict[] = [];
  for (let slot = 0; slot < first.length; slot++) {
    const only = first[slot];
    if (only === undefined) continue;
    const from = byRank[Math.floor(slot / nodeCount)] as Endpoint;
    const to = byRank[slot % nodeCount] as Endpoint;
    const all = more.get(slot);
    if (all === undefined) {
      interactions.push({ from, to, score: only.fields.score, link: only });
      continue;
    }
    all.sort(mostRecentFirst);
    const chosen = all[0] as One;
    interactions.push({ from, to, score: chosen.fields.score, link: chosen });
    conflicts.push({
      from,
      to,
      links: all.map((l) => ({ id: l.id, score: l.fields.score, updatedAt: l.updatedAt })),
      scoresDiffer: all.some((l) => l.fields.score !== chosen.fields.score),
    });
  }
  return { interactions, conflicts, ignored };
}
