import { beforeAll, describe, expect, it } from 'vitest';
import { buildActionPlan, MAX_PLAN_PROBLEMS, validatePlan } from '../../../shared/plan/index.ts';
import { buildFullBoard } from './fullBoard.ts';

const validPlan = () => JSON.parse(JSON.stringify(buildActionPlan(buildFullBoard('agreed').doc)));
const empties = (n: number) => Array.from({ length: n }, () => ({}));

function problemsOf(value: unknown) {
  const check = validatePlan(value);
  if (check.ok) throw new Error('expected the plan to be refused');
  return check.problems;
}

describe('checking a plan with very many problems', () => {
  // Compiles the validator, so that the times below are the checking's alone.
  beforeAll(() => expect(validatePlan(validPlan()).ok).toBe(true));

  // Checked whole, 5,000 empty interventions took 12.9 s and 20,000 took 45 s.
  it('stops after MAX_PLAN_PROBLEMS, says so, and takes a fraction of a second', () => {
    for (const list of ['interventions', 'interactions'] as const) {
      const plan = validPlan();
      plan[list] = empties(5_000);
      const t0 = performance.now();
      const problems = problemsOf(plan);
      expect(performance.now() - t0).toBeLessThan(2_000);
      expect(problems.length).toBeGreaterThanOrEqual(MAX_PLAN_PROBLEMS);
      expect(problems.length).toBeLessThan(MAX_PLAN_PROBLEMS + 100);
      expect(problems.at(-1)).toEqual({ path: '', message: `checking stopped after ${MAX_PLAN_PROBLEMS} problems` });
      expect(problems[0]?.path).toMatch(new RegExp(`^/${list}/0/`));
    }
  });

  it('stops in derived lists too: 20,000 empty validation items', () => {
    const plan = validPlan();
    plan.validation.items = empties(20_000);
    const t0 = performance.now();
    expect(problemsOf(plan).at(-1)?.message).toBe(`checking stopped after ${MAX_PLAN_PROBLEMS} problems`);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it('still reports every problem of a plan with fewer, in lists and around them', () => {
    const plan = validPlan();
    plan.interventions.push({}, {});
    plan.workshop.level = 'galactic';
    const paths = problemsOf(plan).map((p) => p.path);
    expect(paths).toContain('/workshop/level');
    expect(paths).toContain('/interventions/1/id');
    expect(paths).toContain('/interventions/2/id');
    expect(paths).not.toContain('');
  });

  it('checks the shape of a list itself, not only its entries', () => {
    const plan = validPlan();
    plan.interventions = { not: 'a list' };
    expect(problemsOf(plan)).toEqual([{ path: '/interventions', message: 'must be array' }]);
  });
});
