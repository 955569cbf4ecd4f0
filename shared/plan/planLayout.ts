// Where import puts cards that a plan gives no position (a hand-written or trimmed plan): a
// reading order a workshop recognises, objectives in a row, their targets below, the
// interventions below those, and the actors in a column to the side.
import { CARD_SIZES, type CardKind } from '../model/index.ts';
import type { ActionPlan, PlanCardRecord, PlanPosition } from './planTypes.ts';

const GAP = 40;
/** Space between the bands of kinds, and between laid-out cards and cards the plan placed. */
const BAND_GAP = 160;
const PER_ROW = { objective: 6, target: 10, intervention: 6 } as const;
const ACTORS_PER_COLUMN = 12;

/** Every card's position: the plan's own where it has one, a laid-out one otherwise. */
export function layoutPlan(plan: ActionPlan): Map<string, PlanPosition> {
  const positions = new Map<string, PlanPosition>();
  const all: PlanCardRecord[] = [...plan.objectives, ...plan.targets, ...plan.interventions, ...plan.actors];
  let originX = 0;
  let originY = 0;
  const placed = all.flatMap((card) => (card.position ? [card.position] : []));
  if (placed.length > 0) {
    // Below whatever the plan placed itself, so that laid-out cards never cover placed ones.
    originX = Math.min(...placed.map((p) => p.x));
    originY = Math.max(...placed.map((p) => p.y + p.h)) + BAND_GAP;
  }
  for (const card of all) if (card.position) positions.set(card.id, { ...card.position });

  const unplaced = (list: readonly PlanCardRecord[]) => list.filter((card) => !card.position).map((card) => card.id);

  let y = originY;
  for (const [kind, list] of [
    ['objective', plan.objectives],
    ['target', plan.targets],
    ['intervention', plan.interventions],
  ] as const) {
    const ids = unplaced(list);
    if (ids.length === 0) continue;
    y = grid(positions, ids, kind, PER_ROW[kind], originX, y) + BAND_GAP;
  }

  const actors = unplaced(plan.actors);
  const { w, h } = CARD_SIZES.actor;
  actors.forEach((id, i) => {
    const column = Math.floor(i / ACTORS_PER_COLUMN);
    positions.set(id, {
      x: originX - (column + 1) * (w + GAP) - BAND_GAP,
      y: originY + (i % ACTORS_PER_COLUMN) * (h + GAP),
      w,
      h,
    });
  });
  return positions;
}

/** Lays `ids` out in rows of `perRow` from (x, y); returns the bottom of the last row. */
function grid(
  positions: Map<string, PlanPosition>,
  ids: readonly string[],
  kind: CardKind,
  perRow: number,
  x: number,
  y: number,
): number {
  const { w, h } = CARD_SIZES[kind];
  ids.forEach((id, i) => {
    positions.set(id, { x: x + (i % perRow) * (w + GAP), y: y + Math.floor(i / perRow) * (h + GAP), w, h });
  });
  return y + Math.ceil(ids.length / perRow) * (h + GAP) - GAP;
}
