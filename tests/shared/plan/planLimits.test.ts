import { describe, expect, it } from 'vitest';
import {
  buildActionPlan,
  checkPlanLimits,
  PLAN_LIMITS,
  type PlanLimitProblem,
  PlanLimitScanner,
  parsePlanText,
} from '../../../shared/plan/index.ts';
import { buildFullBoard } from './fullBoard.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const check = (value: unknown) => checkPlanLimits(bytes(JSON.stringify(value)));
const empties = (n: number) => Array.from({ length: n }, () => ({}));

/** The same check fed `size` bytes at a time, as a request body arrives. */
function checkInChunks(text: string, size: number): PlanLimitProblem | null {
  const all = bytes(text);
  const scanner = new PlanLimitScanner();
  for (let at = 0; at < all.length; at += size) {
    const problem = scanner.feed(all.slice(at, at + size));
    if (problem) return problem;
  }
  return scanner.end();
}

describe('the import limits', () => {
  it('pass a real plan, indented or not', () => {
    const plan = buildActionPlan(buildFullBoard('agreed').doc);
    expect(check(plan)).toBeNull();
    expect(checkPlanLimits(bytes(JSON.stringify(plan, null, 2)))).toBeNull();
  });

  it('refuse 20,000 empty interventions, naming the list and the limit', () => {
    expect(check({ schemaVersion: 2, interventions: empties(20_000) })).toEqual({
      limit: 'interventions',
      path: '/interventions',
      message: 'has more than 5,000 entries; an import takes at most 5,000 interventions',
    });
    expect(check({ interventions: empties(PLAN_LIMITS.interventions) })).toBeNull();
  });

  it('refuse a plan whose parse is deep: nesting past the depth limit', () => {
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
    expect(checkPlanLimits(bytes(deep))).toMatchObject({ limit: 'depth', path: `${'/0'.repeat(PLAN_LIMITS.depth)}` });
    expect(checkPlanLimits(bytes(`${'['.repeat(PLAN_LIMITS.depth)}${']'.repeat(PLAN_LIMITS.depth)}`))).toBeNull();
  });

  it('refuse a list inside an item, a list anywhere, and an object past their limits, by path', () => {
    const funding = { interventions: [{}, { funding: empties(PLAN_LIMITS.listEntries + 1) }] };
    expect(check(funding)).toMatchObject({ limit: 'listEntries', path: '/interventions/1/funding' });
    expect(check(empties(PLAN_LIMITS.listEntries + 1))).toMatchObject({ limit: 'listEntries', path: '' });
    const wide = Object.fromEntries(Array.from({ length: PLAN_LIMITS.objectKeys + 1 }, (_, i) => [`k${i}`, 0]));
    expect(check({ workshop: wide })).toMatchObject({ limit: 'objectKeys', path: '/workshop' });
  });

  it('count every card and link, those held by items too, against the total', () => {
    const full = {
      objectives: empties(PLAN_LIMITS.objectives),
      targets: empties(PLAN_LIMITS.targets),
      interventions: empties(PLAN_LIMITS.interventions),
      actors: empties(PLAN_LIMITS.actors),
      interactions: empties(PLAN_LIMITS.interactions),
    };
    expect(check(full)).toBeNull();
    // The link an intervention holds counts too: the last list is the one that goes over.
    full.interventions[0] = { targets: [{}] };
    expect(check(full)).toMatchObject({ limit: 'items', path: '/interactions' });
  });

  it('let derived lists be as long as the items, and no longer', () => {
    expect(check({ validation: { items: empties(PLAN_LIMITS.items) } })).toBeNull();
    expect(check({ validation: { items: empties(PLAN_LIMITS.items + 1) } })).toMatchObject({
      limit: 'items',
      path: '/validation/items',
    });
    expect(check({ analysis: { tradeOffs: empties(PLAN_LIMITS.items + 1) } })).toMatchObject({ limit: 'items' });
  });

  it('refuse a long string by its path, and a file over the byte limit', () => {
    const long = 'é'.repeat(PLAN_LIMITS.stringBytes / 2 + 1);
    expect(check({ interventions: [{ title: 'ok' }, { title: long }] })).toMatchObject({
      limit: 'stringBytes',
      path: '/interventions/1/title',
    });
    expect(check({ workshop: { title: 'é'.repeat(PLAN_LIMITS.stringBytes / 2) } })).toBeNull();
    const scanner = new PlanLimitScanner();
    expect(scanner.feed(new Uint8Array(PLAN_LIMITS.bytes))).toBeNull();
    expect(scanner.feed(new Uint8Array(1))).toMatchObject({ limit: 'bytes', path: '' });
  });

  it('read keys and strings as JSON.parse does: escapes, quotes and brackets inside strings', () => {
    // An escaped key is the same key once parsed.
    expect(checkPlanLimits(bytes(`{"\\u0069nterventions":${JSON.stringify(empties(5001))}}`))).toMatchObject({
      limit: 'interventions',
    });
    // Brackets, commas and escaped quotes inside strings are text, not structure.
    const tricky = { workshop: { title: `"[[[[,,,,{{{{\\"` }, interventions: [{ title: '\\', x: '"]' }] };
    expect(check(tricky)).toBeNull();
    const commas = { interventions: [{ title: ','.repeat(PLAN_LIMITS.interventions + 1) }] };
    expect(check(commas)).toBeNull();
  });

  it('find the same problem however the bytes are split into chunks', () => {
    const text = JSON.stringify({
      workshop: { title: 'a \\"quoted\\" title, [with] {brackets}' },
      'inter\u00e9': [1, 2],
      interventions: [{ funding: [] }, ...empties(PLAN_LIMITS.interventions)],
    });
    const whole = checkPlanLimits(bytes(text));
    expect(whole).toMatchObject({ limit: 'interventions', path: '/interventions' });
    for (const size of [1, 2, 3, 7, 64, 4096]) expect(checkInChunks(text, size)).toEqual(whole);
  });

  it('are what parsePlanText checks first: a file over a limit is one problem, before any schema check', () => {
    const check = parsePlanText(JSON.stringify({ schemaVersion: 2, interventions: empties(20_000) }));
    expect(check).toEqual({
      ok: false,
      problems: [
        { path: '/interventions', message: 'has more than 5,000 entries; an import takes at most 5,000 interventions' },
      ],
    });
  });
});

describe('the import limits on what parsing costs', () => {
  it('refuse a file of more objects and lists than a real plan has, however shallow', () => {
    const funding = `[${Array(PLAN_LIMITS.listEntries).fill('{}').join(',')}]`;
    const items = Math.ceil(PLAN_LIMITS.containers / PLAN_LIMITS.listEntries) + 1;
    const text = `{"interventions":[${Array(items).fill(`{"funding":${funding}}`).join(',')}]}`;
    expect(checkPlanLimits(bytes(text))).toMatchObject({ limit: 'containers' });
  });
});
