import { describe, expect, it } from 'vitest';
import {
  type ActionPlan,
  buildActionPlan,
  importActionPlan,
  PLAN_SYNERGY_LIMIT,
  validatePlan,
} from '../../../shared/plan/index.ts';
import { buildFullBoard } from './fullBoard.ts';
import { edit, REMOVE } from './planEdits.ts';
import { buildSmallBoard, SMALL } from './smallBoard.ts';

const OPTIONS = { workshopId: 'small', productVersion: '9.9.9', now: Date.UTC(2026, 3, 1) };
const sums = (net: number, positive: number, negative: number) => ({ net, positive, negative });

/** A plan through JSON, as a file carries it. */
const asFile = (plan: ActionPlan): ActionPlan => JSON.parse(JSON.stringify(plan));

describe("the plan's analysis", () => {
  it('holds the sums of a hand-checked board of three targets, in catalogue order', () => {
    const { analysis } = asFile(buildActionPlan(buildSmallBoard(), OPTIONS));
    expect(analysis.targets).toEqual([
      {
        code: '1.1',
        prioritised: true,
        out: sums(1, 2, -1),
        in: sums(-2, 0, -2),
        // 1.1 → 4.b → 10.7: 2 · 3.
        secondOrderOut: sums(6, 6, 0),
        // 4.b → 10.7 → 1.1: 3 · −2.
        secondOrderIn: sums(-6, 0, -6),
      },
      {
        code: '4.b',
        prioritised: false,
        out: sums(3, 3, 0),
        in: sums(2, 2, 0),
        secondOrderOut: sums(-6, 0, -6),
        // 10.7 → 1.1 → 4.b: −2 · 2.
        secondOrderIn: sums(-4, 0, -4),
      },
      {
        code: '10.7',
        prioritised: true,
        out: sums(-2, 0, -2),
        in: sums(2, 3, -1),
        secondOrderOut: sums(-4, 0, -4),
        secondOrderIn: sums(6, 6, 0),
      },
    ]);
  });

  it('lists clusters, synergies, trade-offs (prioritised first), incoherences, duplication and coverage', () => {
    const { analysis } = asFile(buildActionPlan(buildSmallBoard(), OPTIONS));
    expect(analysis.clusters).toEqual([
      { targets: ['1.1', '4.b', '10.7'], positiveLinks: 2, strength: 5, negativeLinks: 2 },
    ]);
    expect(analysis.synergies).toEqual([
      {
        interaction: SMALL.x4bto107,
        from: { target: '4.b' },
        to: { target: '10.7' },
        score: 3,
        prioritised: 'one',
        rationale: 'Scholarships open pathways',
      },
      {
        interaction: SMALL.x11to4b,
        from: { target: '1.1' },
        to: { target: '4.b' },
        score: 2,
        prioritised: 'one',
        rationale: 'Income pays for school',
      },
    ]);
    expect(analysis.tradeOffs).toEqual([
      {
        interaction: SMALL.x107to11,
        from: { target: '10.7' },
        to: { target: '1.1' },
        score: -2,
        prioritised: 'both',
        rationale: 'Departures drain households',
      },
      {
        interaction: SMALL.x11to107,
        from: { target: '1.1' },
        to: { target: '10.7' },
        score: -1,
        prioritised: 'both',
        rationale: 'Cash transfers tie people to their place',
      },
    ]);
    expect(analysis.coherence).toEqual([{ ...analysis.tradeOffs[1], incoherence: 'horizontal' }]);
    expect(analysis.duplication).toEqual([
      { target: '10.7', type: 'migration-programming', interventions: [SMALL.iA, SMALL.iB] },
    ]);
    expect(analysis.coverage).toEqual({ targetsWithoutIntervention: ['1.1'], interventionsWithoutTarget: [SMALL.iC] });
  });

  it('reads only the items the plan holds: agreed ones by default, every one when asked', () => {
    const agreed = buildActionPlan(buildSmallBoard());
    expect(JSON.stringify(agreed.analysis)).not.toContain(SMALL.x4bto51);
    const all = buildActionPlan(buildSmallBoard(), { include: 'all' });
    expect(all.analysis.targets[1]).toMatchObject({ code: '4.b', out: sums(6, 6, 0) });
    expect(all.analysis.synergies).toContainEqual(
      expect.objectContaining({ interaction: SMALL.x4bto51, score: 3, prioritised: 'none' }),
    );
  });

  it('names an intervention end by its id, and keeps the strongest synergies only', () => {
    const { doc, ids } = buildFullBoard('agreed');
    const plan = buildActionPlan(doc);
    expect(plan.analysis.targets.map((t) => t.code)).toEqual(['8.8', '10.7']);
    expect(validatePlan(plan).ok).toBe(true);
    const tooMany = asFile(plan);
    const one = tooMany.analysis.synergies[0];
    if (!one) throw new Error('no synergy');
    tooMany.analysis.synergies = Array.from({ length: PLAN_SYNERGY_LIMIT + 1 }, () => ({
      ...one,
      from: { intervention: ids.intervention },
    }));
    expect(validatePlan(tooMany)).toEqual({
      ok: false,
      problems: [{ path: '/analysis/synergies', message: `must NOT have more than ${PLAN_SYNERGY_LIMIT} items` }],
    });
  });

  it('is derived data: import ignores a hand-edited analysis and the next export derives it again', () => {
    const first = buildActionPlan(buildSmallBoard(), OPTIONS);
    const edited = asFile(first);
    edit(edited, '/analysis/targets/0/out/net', 99);
    edit(edited, '/analysis/tradeOffs', []);
    const imported = importActionPlan(JSON.stringify(edited));
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    expect(buildActionPlan(imported.doc, OPTIONS).analysis).toEqual(first.analysis);
  });

  it('must still have the shape the schema gives it', () => {
    const plan = asFile(buildActionPlan(buildSmallBoard(), OPTIONS));
    edit(plan, '/analysis/targets/0/out/positive', -1);
    edit(plan, '/analysis/clusters/0/targets/0', '99.9');
    edit(plan, '/analysis/synergies/0/from', { target: '1.1', intervention: SMALL.iA });
    edit(plan, '/analysis/coverage', REMOVE);
    const check = validatePlan(plan);
    if (check.ok) throw new Error('expected the plan to be refused');
    const paths = new Set(check.problems.map((p) => p.path));
    for (const at of [
      '/analysis/targets/0/out/positive',
      '/analysis/clusters/0/targets/0',
      '/analysis/synergies/0/from',
      '/analysis/coverage',
    ]) {
      expect(paths).toContain(at);
    }
  });
});
