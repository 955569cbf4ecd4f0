// Checks the shipped (generated) catalogue against the reference data kept beside the repo in
// ../shared/data/sdg. That folder is only in maintainers' workspaces, not in users' clones, so the
// suite skips without it, except in CI, where a missing folder must not pass silently.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SDG_GOALS, SDG_TARGETS } from '../../../shared/sdg/catalogue.ts';

// tests/shared/sdg → tests/shared → tests → repo root → its parent, which holds shared/data/sdg.
const REFERENCE_DIR = new URL('../../../../shared/data/sdg/', import.meta.url);
const JSON_PATH = fileURLToPath(new URL('sdg-catalogue.json', REFERENCE_DIR));
const CSV_PATH = fileURLToPath(new URL('sdg-targets.csv', REFERENCE_DIR));

const haveReference = existsSync(JSON_PATH) && existsSync(CSV_PATH);
// CI=false or CI= are sometimes used to switch CI behaviour off explicitly.
const inCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

const MISSING =
  'the reference data folder ../shared/data/sdg (beside the repo root) is required to check the SDG catalogue';

interface ReferenceGoal {
  goal: number;
  short: string;
  title: string;
  colour: string;
  targets: { id: string; text: string }[];
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Minimal RFC 4180 parser: quoted fields, doubled quotes, commas and newlines inside quotes, CRLF. */
function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// Read only when present: skipped suites are still collected, so this must not throw.
const referenceGoals: ReferenceGoal[] = haveReference
  ? (JSON.parse(readFileSync(JSON_PATH, 'utf8')) as { goals: ReferenceGoal[] }).goals
  : [];
const referenceTargets = referenceGoals.flatMap((g) => g.targets.map((t) => ({ ...t, goal: g.goal })));
const csvRows = haveReference ? parseCsv(readFileSync(CSV_PATH, 'utf8')) : [];

const shippedTarget = (code: string) => SDG_TARGETS.find((t) => t.code === code);

describe('the test CSV parser', () => {
  it('parses quoted fields that contain commas, doubled quotes, newlines and CRLF line ends', () => {
    expect(parseCsv('a,"b, ""c""",d\r\n1,"two\nlines",3\n')).toEqual([
      ['a', 'b, "c"', 'd'],
      ['1', 'two\nlines', '3'],
    ]);
  });
});

describe('the reference data requirement', () => {
  it.runIf(!haveReference && inCi)('fails in CI when the reference data folder is missing', () => {
    expect.fail(`${MISSING}; it was not found at ${fileURLToPath(REFERENCE_DIR)}`);
  });
});

describe.skipIf(!haveReference)(
  haveReference
    ? 'the shipped catalogue matches sdg-catalogue.json'
    : `the shipped catalogue matches sdg-catalogue.json (skipped: ${MISSING}; not found here)`,
  () => {
    it('has 17 goals and 169 targets, as does the reference', () => {
      expect(referenceGoals).toHaveLength(17);
      expect(referenceTargets).toHaveLength(169);
      expect(SDG_GOALS).toHaveLength(17);
      expect(SDG_TARGETS).toHaveLength(169);
    });

    it('ships exactly the reference target codes, in the same order', () => {
      expect(SDG_TARGETS.map((t) => t.code)).toEqual(referenceTargets.map((t) => t.id));
    });

    it('puts every target under the goal the reference lists it under', () => {
      for (const ref of referenceTargets) expect(shippedTarget(ref.id)?.goal, ref.id).toBe(ref.goal);
    });

    it('ships each target text as in the reference, up to whitespace', () => {
      for (const ref of referenceTargets) {
        expect(squash(shippedTarget(ref.id)?.text ?? ''), ref.id).toBe(squash(ref.text));
      }
    });

    it('ships the reference goal numbers, colours, short titles and full titles', () => {
      expect(SDG_GOALS.map((g) => g.number)).toEqual(referenceGoals.map((g) => g.goal));
      for (const [i, ref] of referenceGoals.entries()) {
        const goal = SDG_GOALS[i];
        expect(goal?.colour.toLowerCase(), `goal ${ref.goal} colour`).toBe(ref.colour.toLowerCase());
        expect(goal?.short, `goal ${ref.goal} short title`).toBe(squash(ref.short));
        expect(squash(goal?.title ?? ''), `goal ${ref.goal} title`).toBe(squash(ref.title));
      }
    });
  },
);

describe.skipIf(!haveReference)(
  haveReference
    ? 'the shipped catalogue matches sdg-targets.csv'
    : `the shipped catalogue matches sdg-targets.csv (skipped: ${MISSING}; not found here)`,
  () => {
    it('has the expected header and one row per shipped target, in order', () => {
      const [header, ...rows] = csvRows;
      expect(header).toEqual(['goal', 'goal_short', 'goal_colour', 'target_id', 'target_text']);
      expect(rows.map((r) => r[3])).toEqual(SDG_TARGETS.map((t) => t.code));
    });

    it('agrees with the shipped goal, short title, colour and text of every target', () => {
      for (const [goal, short, colour, code, text] of csvRows.slice(1)) {
        const target = shippedTarget(code ?? '');
        const shippedGoal = SDG_GOALS.find((g) => g.number === target?.goal);
        expect(String(target?.goal), `${code} goal`).toBe(goal);
        expect(shippedGoal?.short, `${code} goal short title`).toBe(squash(short ?? ''));
        expect(shippedGoal?.colour.toLowerCase(), `${code} colour`).toBe(colour?.toLowerCase());
        expect(squash(target?.text ?? ''), `${code} text`).toBe(squash(text ?? ''));
      }
    });
  },
);
