// Plans written by earlier versions of the product still import. The fixtures are plans as
// version 1 and version 2 of the schema wrote them (exported by the product at 2a15cfe from the
// boards in fullBoard.ts and smallBoard.ts); they are never regenerated.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type ActionPlan,
  actionPlanSchema,
  buildActionPlan,
  importActionPlan,
  PLAN_SCHEMA_VERSION,
  validatePlan,
} from '../../../shared/plan/index.ts';
import { edit } from './planEdits.ts';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8'));
const schemaFile = (version: number) =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, `action-plan.schema.v${version}.json`), 'utf8'));

const ITEMS = ['objectives', 'targets', 'interventions', 'actors', 'interactions'] as const;
const itemsOf = (plan: Record<string, unknown> | ActionPlan) =>
  Object.fromEntries(ITEMS.map((key) => [key, (plan as Record<string, unknown>)[key]]));

describe.each([
  [1, 'plan.v1.full.json'],
  [2, 'plan.v2.full.json'],
])('a plan of schema version %i', (version, file) => {
  it('still validates, as the current version with the same items', () => {
    const old = fixture(file);
    const check = validatePlan(old);
    if (!check.ok) throw new Error(JSON.stringify(check.problems));
    expect(PLAN_SCHEMA_VERSION).toBe(3);
    expect(check.plan.schemaVersion).toBe(3);
    expect(itemsOf(check.plan)).toEqual(itemsOf(old));
    // The upgraded plan is a valid current plan.
    expect(validatePlan(JSON.parse(JSON.stringify(check.plan))).ok).toBe(true);
  });

  it('still imports, to a board that exports the same items, details and decisions in the current version', () => {
    const old = fixture(file);
    const imported = importActionPlan(JSON.stringify(old));
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const again = buildActionPlan(imported.doc);
    expect(itemsOf(again)).toEqual(itemsOf(old));
    const workshop = old.workshop as Record<string, unknown>;
    expect(again.workshop).toMatchObject({
      title: workshop.title,
      level: workshop.level,
      territory: workshop.territory,
      startDate: workshop.startDate,
      endDate: workshop.endDate,
    });
    const walked = again.validation.items.find((v) => v.walkThrough);
    if (version === 1) expect(walked).toBeUndefined();
    else expect(walked?.walkThrough).toMatchObject({ decision: 'agreed', by: 'Amina Diallo' });
    expect(again.validation.summary).toBe('Validated');
  });

  it('is checked against its own schema', () => {
    const broken = fixture(file);
    edit(broken, '/targets/0/code', '18.1');
    edit(broken, '/workshop/level', 'provincial-or-regional');
    const check = validatePlan(broken);
    if (check.ok) throw new Error('expected the plan to be refused');
    expect(check.problems.map((p) => p.path)).toEqual(['/workshop/level', '/targets/0/code']);
  });

  it(`has the schema published for version ${version} (kept in tests/shared/plan/action-plan.schema.v${version}.json)`, () => {
    expect(JSON.parse(JSON.stringify(actionPlanSchema(version as 1 | 2)))).toEqual(schemaFile(version));
  });
});

describe('older plans read in the current vocabulary', () => {
  it('a version 1 plan may not carry an analysis', () => {
    const v1 = fixture('plan.v1.full.json');
    const v2 = fixture('plan.v2.full.json');
    expect(validatePlan({ ...v1, analysis: v2.analysis })).toEqual({
      ok: false,
      problems: [{ path: '/analysis', message: 'is not a property of the action plan here (a typo?)' }],
    });
  });

  it('an actor of the merged "development partner" group imports in "international and development organisations"', () => {
    const old = fixture('plan.v2.full.json');
    edit(old, '/actors/0/group', 'development-partner');
    const imported = importActionPlan(old);
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    expect(buildActionPlan(imported.doc).actors[0]?.group).toBe('international-organisation');
  });

  it('an intervention version 2 sent back imports sent back, and the plan reads as a draft', () => {
    const old = fixture('plan.v2.small-all.json');
    const items = (old.validation as { items: Array<Record<string, unknown>> }).items;
    const at = items.findIndex((v) => v.kind === 'intervention');
    const id = items[at]?.id as string;
    const index = (old.interventions as Array<{ id: string }>).findIndex((i) => i.id === id);
    edit(old, `/interventions/${index}/status`, 'discussed');
    edit(old, `/validation/items/${at}/status`, 'discussed');
    edit(old, `/validation/items/${at}/walkThrough`, {
      decision: 'sent-back',
      by: 'Ana',
      at: '2026-03-03T10:00:00.000Z',
      comment: 'Who funds it?',
      checks: ['targets'],
    });
    const imported = importActionPlan(old);
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const plan = buildActionPlan(imported.doc, { include: 'all' });
    const item = plan.validation.items.find((v) => v.id === id);
    expect(item?.decision).toBe('sent-back');
    expect(item?.walkThrough).toMatchObject({
      comment: 'Who funds it?',
      checks: ['targets'],
      checksLeft: ['context', 'actions', 'timeframe', 'stakeholders', 'budget'],
    });
    expect(plan.validation.summary).toBe('Draft: 2 agreed, 1 sent back, 0 set aside, 0 not reviewed');
  });
});
