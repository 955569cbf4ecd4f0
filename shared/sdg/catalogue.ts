// Typed, read-only access to the SDG catalogue shipped with the product (17 goals, 169 targets).
// The data lives in the generated `catalogueData.ts`; this module adds lookups and flags that the
// board, the inspector and the plan export share, so none of them re-parses codes on its own.

import { SDG_CATALOGUE_DATA } from './catalogueData.ts';

// Re-exported so that code drawing a target card needs a single import for colour and text.
export { relativeLuminance, textColourOn } from './contrast.ts';

export interface SdgGoal {
  number: number;
  short: string;
  title: string;
  /** Official goal colour, `#RRGGBB` upper case. */
  colour: string;
}

export interface SdgTarget {
  /** Canonical code: goal number, dot, number or lower-case letter (`10.7`, `10.c`). */
  code: string;
  goal: number;
  /** Official text as adopted in A/RES/71/313. */
  text: string;
  /** Listed in MIGRATION_EXPLICIT_TARGETS (explicitly relevant to migration, per IOM). */
  migrationExplicit: boolean;
}

/** Every canonical target code, as a literal union derived from the generated data. */
export type SdgTargetCode = (typeof SDG_CATALOGUE_DATA)[number]['targets'][number]['code'];

/**
 * Targets IOM identifies as explicitly relevant to migration (decent work, migrant workers, trafficking,
 * remittances, migration policy, student mobility, data by migratory status). Workshops often add
 * 3.c and 16.9 too; those are tagged per board, not here. 15.7 and 15.c mention trafficking of
 * wildlife and are deliberately absent.
 */
export const MIGRATION_EXPLICIT_TARGETS = [
  '4.b',
  '5.2',
  '8.5',
  '8.7',
  '8.8',
  '10.7',
  '10.c',
  '16.2',
  '17.18',
] as const satisfies readonly SdgTargetCode[];
export type MigrationExplicitTargetCode = (typeof MIGRATION_EXPLICIT_TARGETS)[number];

const migrationExplicitSet: ReadonlySet<string> = new Set(MIGRATION_EXPLICIT_TARGETS);

// Frozen so that consumers sharing these arrays cannot corrupt the catalogue for each other.
export const SDG_GOALS: readonly SdgGoal[] = Object.freeze(
  SDG_CATALOGUE_DATA.map(({ number, short, title, colour }) => Object.freeze({ number, short, title, colour })),
);

/** All 169 targets in official order (goal by goal, numbered targets before lettered ones). */
export const SDG_TARGETS: readonly SdgTarget[] = Object.freeze(
  SDG_CATALOGUE_DATA.flatMap((g) =>
    g.targets.map((t) =>
      Object.freeze({
        code: t.code,
        goal: g.number,
        text: t.text,
        migrationExplicit: migrationExplicitSet.has(t.code),
      }),
    ),
  ),
);

const goalsByNumber: ReadonlyMap<number, SdgGoal> = new Map(SDG_GOALS.map((g) => [g.number, g]));
const targetsByCode: ReadonlyMap<string, SdgTarget> = new Map(SDG_TARGETS.map((t) => [t.code, t]));

/** The goal with this number (1–17), or undefined. */
export function getGoal(goalNumber: number): SdgGoal | undefined {
  return goalsByNumber.get(goalNumber);
}

/**
 * Canonical form of a code typed by a person or read from a file: surrounding whitespace is
 * ignored and letters are lower-cased (' 10.C ' → '10.c'). Undefined if no such target exists.
 */
export function normaliseTargetCode(input: string): SdgTargetCode | undefined {
  const code = input.trim().toLowerCase();
  return isTargetCode(code) ? code : undefined;
}

/** The target with this code (lenient about whitespace and case), or undefined. */
export function getTarget(code: string): SdgTarget | undefined {
  return targetsByCode.get(code.trim().toLowerCase());
}

/**
 * Whether `code` is exactly a canonical target code. Strict on purpose, so it can validate stored
 * data; use `normaliseTargetCode` or `getTarget` for user input.
 */
export function isTargetCode(code: unknown): code is SdgTargetCode {
  return typeof code === 'string' && targetsByCode.has(code);
}

/** The official colour of a goal (`#RRGGBB`), or undefined for an unknown goal number. */
export function goalColour(goalNumber: number): string | undefined {
  return goalsByNumber.get(goalNumber)?.colour;
}

/** The goal number of a target code (lenient like `getTarget`), or undefined if unknown. */
export function goalOfTarget(code: string): number | undefined {
  return getTarget(code)?.goal;
}
