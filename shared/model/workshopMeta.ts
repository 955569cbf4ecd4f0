// Workshop metadata stored in the board itself, so that an exported or imported board carries it:
// the workshop's details (title, level, territory, the plan's period and the workshop's dates) and
// the record of the plan's formal adoption. Only a facilitator may change them (the server
// enforces it: participants never write the meta).
import type * as Y from 'yjs';
import { metaMap } from './layout.ts';
import { WORKSHOP_LEVELS, type WorkshopLevel } from './vocabulary.ts';

export interface WorkshopMeta {
  title: string;
  level: WorkshopLevel;
  territory: string;
  /** The workshop's dates, YYYY-MM-DD or ''. */
  startDate: string;
  endDate: string;
  /** The period the plan covers, YYYY-MM-DD or ''. */
  periodStart: string;
  periodEnd: string;
}

const DEFAULT_META: WorkshopMeta = {
  title: '',
  level: 'local',
  territory: '',
  startDate: '',
  endDate: '',
  periodStart: '',
  periodEnd: '',
};

export const WORKSHOP_DATE_FIELDS = ['startDate', 'endDate', 'periodStart', 'periodEnd'] as const;

/** The longest title, territory or adoption text a board keeps. */
export const MAX_META_TEXT = 500;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written YYYY-MM-DD (so "2026-02-30" is not one). */
export function isIsoDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function readMeta(doc: Y.Doc): WorkshopMeta {
  const meta = metaMap(doc);
  const str = (key: keyof WorkshopMeta) => {
    const v = meta.get(key);
    return typeof v === 'string' ? v : DEFAULT_META[key];
  };
  const level = meta.get('level');
  return {
    title: str('title'),
    level: (WORKSHOP_LEVELS as readonly unknown[]).includes(level) ? (level as WorkshopLevel) : 'local',
    territory: str('territory'),
    startDate: str('startDate'),
    endDate: str('endDate'),
    periodStart: str('periodStart'),
    periodEnd: str('periodEnd'),
  };
}

/** Why a patch of the workshop's details cannot be stored, or null. */
export function checkMetaPatch(patch: Partial<Record<string, unknown>>): string | null {
  for (const [key, value] of Object.entries(patch)) {
    if (!Object.hasOwn(DEFAULT_META, key)) return `${key}: not a workshop field`;
    if (typeof value !== 'string') return `${key}: expected a string`;
    if (value.length > MAX_META_TEXT) return `${key}: at most ${MAX_META_TEXT} characters`;
    if (key === 'level' && !(WORKSHOP_LEVELS as readonly string[]).includes(value)) {
      return `level: expected one of ${WORKSHOP_LEVELS.join(', ')}`;
    }
    if ((WORKSHOP_DATE_FIELDS as readonly string[]).includes(key) && value !== '' && !isIsoDate(value)) {
      return `${key}: expected a date (YYYY-MM-DD)`;
    }
  }
  const merged = { ...patch } as Partial<WorkshopMeta>;
  for (const [from, to] of [
    ['startDate', 'endDate'],
    ['periodStart', 'periodEnd'],
  ] as const) {
    const a = merged[from];
    const b = merged[to];
    if (a && b && a > b) return `${to}: must not be before ${from}`;
  }
  return null;
}

export function updateMeta(doc: Y.Doc, patch: Partial<WorkshopMeta>, origin?: unknown): void {
  // Checked before writing, so a bad patch changes nothing (and cannot touch `schemaVersion`).
  const problem = checkMetaPatch(patch);
  if (problem) throw new Error(problem);
  const current = readMeta(doc);
  const next = { ...current, ...patch };
  if (next.startDate && next.endDate && next.startDate > next.endDate) {
    throw new Error('endDate: must not be before startDate');
  }
  if (next.periodStart && next.periodEnd && next.periodStart > next.periodEnd) {
    throw new Error('periodEnd: must not be before periodStart');
  }
  doc.transact(() => {
    const meta = metaMap(doc);
    for (const [key, value] of Object.entries(patch)) {
      if (meta.get(key) !== value) meta.set(key, value);
    }
  }, origin);
}

/** The record of the plan's formal adoption by a government body (the method's last step). */
export interface Adoption {
  /** The body that adopted the plan, e.g. "Provincial Assembly of Koshi". */
  body: string;
  /** YYYY-MM-DD. */
  date: string;
  /** The act, decision or reference number. */
  reference: string;
  note: string;
  /** Who recorded it (a facilitator's display name) and when (ms since epoch). */
  recordedBy: string;
  recordedAt: number;
}

const ADOPTION_KEY = 'adoption';

export function readAdoption(doc: Y.Doc): Adoption | null {
  const raw = metaMap(doc).get(ADOPTION_KEY);
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const text = (key: string) => (typeof r[key] === 'string' ? (r[key] as string) : '');
  const body = text('body');
  const date = text('date');
  if (body === '' || !isIsoDate(date)) return null;
  return {
    body,
    date,
    reference: text('reference'),
    note: text('note'),
    recordedBy: text('recordedBy'),
    recordedAt: typeof r.recordedAt === 'number' && Number.isFinite(r.recordedAt) ? r.recordedAt : 0,
  };
}

/** Why an adoption record cannot be stored, or null. */
export function checkAdoption(input: Omit<Adoption, 'recordedAt'> & { recordedAt?: number }): string | null {
  if (typeof input.body !== 'string' || input.body.trim() === '') return 'the adopting body is required';
  if (typeof input.date !== 'string' || !isIsoDate(input.date)) return 'the date of adoption is required (YYYY-MM-DD)';
  for (const key of ['body', 'reference', 'note', 'recordedBy'] as const) {
    if (typeof input[key] !== 'string') return `${key}: expected a string`;
    if (input[key].length > MAX_META_TEXT) return `${key}: at most ${MAX_META_TEXT} characters`;
  }
  return null;
}

export function recordAdoption(
  doc: Y.Doc,
  input: Omit<Adoption, 'recordedAt'>,
  origin?: unknown,
  now = Date.now(),
): void {
  const problem = checkAdoption(input);
  if (problem) throw new Error(problem);
  const record: Adoption = {
    body: input.body.trim(),
    date: input.date,
    reference: input.reference.trim(),
    note: input.note.trim(),
    recordedBy: input.recordedBy,
    recordedAt: now,
  };
  doc.transact(() => metaMap(doc).set(ADOPTION_KEY, record), origin);
}

export function clearAdoption(doc: Y.Doc, origin?: unknown): void {
  doc.transact(() => metaMap(doc).delete(ADOPTION_KEY), origin);
}
