// Target search for the picker, run on every keystroke. The catalogue is tiny (169 targets), so a
// linear scan over a precomputed, normalised index is well under a millisecond and needs no
// inverted index; the only per-call allocations are the query tokens and the result array.

import { getTarget, SDG_TARGETS, type SdgTarget } from './catalogue.ts';

export interface SearchTargetsOptions {
  /** Only targets of this goal (1–17). */
  goal?: number;
  /** Only targets in MIGRATION_EXPLICIT_TARGETS. */
  migrationOnly?: boolean;
  /** At most this many results (default: all). */
  limit?: number;
}

/**
 * Lower-case, accents removed (NFKD then drop combining marks), apostrophes dropped so that
 * "women’s" indexes as "womens", and every other run of non-letters/digits turned into one space.
 * Hyphenated words ("well‐being", "small-scale") therefore index as two words.
 */
function normaliseForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’ʼ‘]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface IndexEntry {
  readonly target: SdgTarget;
  /** Normalised words with a space before each and after the last, so `' ' + token` is a word-prefix test. */
  readonly words: string;
}

const INDEX: readonly IndexEntry[] = SDG_TARGETS.map((target) => ({
  target,
  words: ` ${normaliseForSearch(target.text)} `,
}));

// A code or the start of one: "10", "10.", "10.7", "10.c", "17.1". Letters are lower-cased first.
const CODE_QUERY = /^(\d{1,2})(\.[0-9a-z]{0,2})?$/;

/**
 * Targets matching `query`, best first:
 * 1. the target whose code is exactly the query ("10.7", " 10.C ");
 * 2. targets whose code starts with the query ("10." or "10" → goal 10, "17.1" → 17.10–17.19);
 * 3. targets whose text contains every query word as the start of a word, case- and
 *    accent-insensitively ("remit" → 10.c), in official order.
 * A query with a dot is treated as a code only, because splitting "10.7" into the words "10" and
 * "7" would only add noise; a bare number also searches the text ("2030").
 * An empty query returns the whole (filtered) catalogue in official order.
 */
export function searchTargets(query: string, opts: SearchTargetsOptions = {}): SdgTarget[] {
  const { goal, migrationOnly = false } = opts;
  const limit = opts.limit === undefined ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(opts.limit));
  const results: SdgTarget[] = [];
  if (!(limit > 0)) return results;

  const accepts = (t: SdgTarget): boolean =>
    (goal === undefined || t.goal === goal) && (!migrationOnly || t.migrationExplicit);
  const add = (t: SdgTarget): boolean => {
    if (accepts(t)) results.push(t);
    return results.length >= limit;
  };

  const q = query.trim().toLowerCase();
  if (q === '') {
    for (const { target } of INDEX) if (add(target)) break;
    return results;
  }

  const code = CODE_QUERY.exec(q);
  // Goal number of a bare-number query, whose targets are already listed by the code pass.
  let listedGoal: number | undefined;
  if (code) {
    const exact = getTarget(q);
    if (exact && add(exact)) return results;
    const prefix = code[2] === undefined ? `${q}.` : q;
    for (const { target } of INDEX) {
      if (target.code !== q && target.code.startsWith(prefix) && add(target)) return results;
    }
    if (code[2] !== undefined) return results;
    listedGoal = Number(code[1]);
  }

  const tokens = normaliseForSearch(q).split(' ');
  if (tokens[0] === '') return results; // only punctuation: nothing to look for
  for (let i = 0; i < tokens.length; i++) tokens[i] = ` ${tokens[i]}`;

  for (const { target, words } of INDEX) {
    if (target.goal === listedGoal) continue;
    let all = true;
    for (const token of tokens) {
      if (!words.includes(token)) {
        all = false;
        break;
      }
    }
    if (all && add(target)) break;
  }
  return results;
}
