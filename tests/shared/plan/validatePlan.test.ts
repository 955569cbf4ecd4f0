import { describe, expect, it } from 'vitest';
import {
  type ActionPlan,
  buildActionPlan,
  importActionPlan,
  PLAN_SCHEMA_VERSION,
  parsePlanText,
  validatePlan,
} from '../../../shared/plan/index.ts';
import { buildFullBoard } from './fullBoard.ts';
import { edit, REMOVE } from './planEdits.ts';

/** A fresh, valid plan as plain JSON, for a test to break. */
function validPlan(): ActionPlan {
  return JSON.parse(JSON.stringify(buildActionPlan(buildFullBoard('agreed').doc)));
}

function problemsOf(value: unknown) {
  const check = validatePlan(value);
  if (check.ok) throw new Error('expected the plan to be refused');
  return check.problems;
}

describe('validatePlan', () => {
  it('reports every schema violation at once, each by its path', () => {
    const plan = validPlan();
    edit(plan, '/interventions/0/type', 'a-new-kind-of-policy');
    edit(plan, '/objectives/0/title', REMOVE);
    edit(plan, '/interactions/1/score', 5);
    const problems = problemsOf(plan);
    expect(problems.map((p) => p.path).sort()).toEqual(
      ['/interactions/1/score', '/interventions/0/type', '/objectives/0/title'].sort(),
    );
    const type = problems.find((p) => p.path === '/interventions/0/type');
    expect(type?.message).toContain('"new-policy-or-legislation"');
    expect(problems.find((p) => p.path === '/objectives/0/title')?.message).toBe('is missing');
  });

  it('names an unknown property and a malformed date', () => {
    const plan = validPlan();
    edit(plan, '/interventions/0/budgt', 12);
    edit(plan, '/interventions/0/startDate', '01/09/2026');
    const problems = problemsOf(plan);
    expect(problems).toContainEqual({
      path: '/interventions/0/budgt',
      message: 'is not a property of the action plan here (a typo?)',
    });
    expect(problems.map((p) => p.path)).toContain('/interventions/0/startDate');
  });

  it('refuses a link to a card the plan does not hold, and duplicate ids', () => {
    const plan = validPlan();
    const intervention = plan.interventions[0] as ActionPlan['interventions'][number];
    (intervention.targets[0] as { target: string }).target = 'missing-target-1';
    (intervention.implementedBy[0] as { actor: string }).actor = plan.targets[0]?.id as string;
    (plan.actors[0] as { id: string }).id = plan.objectives[0]?.id as string;
    (plan.interactions[0] as { to: string }).to = plan.interactions[0]?.from as string;
    const problems = problemsOf(plan);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: '/actors/0/id', message: `duplicate id "${plan.objectives[0]?.id}" (also used at /objectives/0/id)` },
        {
          path: '/interventions/0/targets/0/target',
          message: 'no target (in /targets) with id "missing-target-1" in this plan',
        },
        expect.objectContaining({ path: '/interventions/0/implementedBy/0/actor' }),
        { path: '/interactions/0/to', message: 'an interaction cannot join a card to itself' },
      ]),
    );
  });

  it('refuses a walk-through decision on an item that is no intervention of the plan', () => {
    const plan = validPlan();
    const at = plan.validation.items.findIndex((v) => v.walkThrough);
    const target = plan.validation.items.findIndex((v) => v.kind === 'target');
    edit(plan, `/validation/items/${target}/walkThrough`, structuredClone(plan.validation.items[at]?.walkThrough));
    edit(plan, `/validation/items/${at}/id`, 'no-such-intervention');
    edit(plan, `/validation/items/${at}/walkThrough/checks`, ['targets', 'a-check-nobody-has']);
    expect(problemsOf(plan).map((p) => p.path)).toEqual([`/validation/items/${at}/walkThrough/checks/1`]);
    edit(plan, `/validation/items/${at}/walkThrough/checks`, ['targets']);
    expect(problemsOf(plan)).toEqual([
      { path: `/validation/items/${target}/walkThrough`, message: 'only an intervention has a walk-through decision' },
      {
        path: `/validation/items/${at}/id`,
        message: 'no intervention (in /interventions) with id "no-such-intervention" in this plan',
      },
    ]);
  });

  it('refuses a file that is not JSON, saying so at the root', () => {
    const check = parsePlanText('{"schemaVersion": 1,');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems).toEqual([{ path: '', message: expect.stringMatching(/^not valid JSON/) }]);
  });

  it('says plainly that a newer plan needs a newer server', () => {
    const plan = { ...validPlan(), schemaVersion: PLAN_SCHEMA_VERSION + 1 };
    expect(problemsOf(plan)).toEqual([{ path: '/schemaVersion', message: expect.stringContaining('newer version') }]);
  });

  it('refuses something that is not a plan at all', () => {
    expect(problemsOf(null)).toEqual([{ path: '', message: 'must be object' }]);
    expect(problemsOf([])).toEqual([{ path: '', message: 'must be object' }]);
  });

  it('builds no board from an invalid plan', () => {
    const plan = validPlan();
    edit(plan, '/targets/0/code', '18.1');
    const result = importActionPlan(plan);
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('doc');
  });
});
