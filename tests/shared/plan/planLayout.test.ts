import { describe, expect, it } from 'vitest';
import { listCards } from '../../../shared/model/index.ts';
import { type ActionPlan, buildActionPlan, importActionPlan, layoutPlan } from '../../../shared/plan/index.ts';
import { buildFullBoard } from './fullBoard.ts';

function withoutPositions(plan: ActionPlan): ActionPlan {
  const strip = <T extends { position?: unknown }>(list: T[]) => list.map(({ position: _, ...rest }) => rest as T);
  return {
    ...plan,
    objectives: strip(plan.objectives),
    targets: strip(plan.targets),
    interventions: strip(plan.interventions),
    actors: strip(plan.actors),
  };
}

describe('import layout', () => {
  it('lays out a plan without positions: objectives, then targets, then interventions, actors to the side', () => {
    const plan = withoutPositions(buildActionPlan(buildFullBoard('agreed').doc));
    const imported = importActionPlan(plan);
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const cards = listCards(imported.doc);
    const top = (kind: string) => Math.min(...cards.filter((c) => c.kind === kind).map((c) => c.y));
    const bottom = (kind: string) => Math.max(...cards.filter((c) => c.kind === kind).map((c) => c.y + c.h));
    expect(bottom('objective')).toBeLessThan(top('target'));
    expect(bottom('target')).toBeLessThan(top('intervention'));
    const actor = cards.find((c) => c.kind === 'actor');
    const leftmost = Math.min(...cards.filter((c) => c.kind !== 'actor').map((c) => c.x));
    expect((actor?.x ?? 0) + (actor?.w ?? 0)).toBeLessThan(leftmost);
  });

  it('never overlaps two laid-out cards, even with many of them', () => {
    const plan = withoutPositions(buildActionPlan(buildFullBoard('agreed').doc));
    const many: ActionPlan = {
      ...plan,
      interventions: Array.from({ length: 25 }, (_, i) => ({
        ...(plan.interventions[0] as ActionPlan['interventions'][number]),
        id: `intervention-${String(i).padStart(3, '0')}`,
        targets: [],
        implementedBy: [],
      })),
    };
    const boxes = [...layoutPlan(many).values()];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i] as (typeof boxes)[number];
        const b = boxes[j] as (typeof boxes)[number];
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart).toBe(true);
      }
    }
  });

  it('keeps the positions a plan gives and places the others below them', () => {
    const plan = buildActionPlan(buildFullBoard('agreed').doc);
    const [first, ...rest] = plan.interventions;
    const partial: ActionPlan = {
      ...plan,
      interventions: [{ ...(first as ActionPlan['interventions'][number]), position: undefined }, ...rest],
    };
    delete partial.interventions[0]?.position;
    const positions = layoutPlan(partial);
    expect(positions.get(plan.objectives[0]?.id as string)).toEqual(plan.objectives[0]?.position);
    const placedBottom = Math.max(
      ...[...plan.objectives, ...plan.targets, ...plan.actors].map((c) => (c.position?.y ?? 0) + (c.position?.h ?? 0)),
    );
    expect(positions.get(first?.id as string)?.y).toBeGreaterThan(placedBottom);
  });
});
