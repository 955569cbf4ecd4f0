// Who took part in the workshop: one record per person, written by the server from the
// connections it admitted (never by a client: the update gate refuses this root to everyone).
// The name and group are what the person entered; the role is the one the server gave them.
// It lives in the board so that the People panel, every export and a re-imported plan read it.
import type * as Y from 'yjs';
import { attendanceMap } from './layout.ts';
import { MAX_GROUP_DETAIL } from './vocabulary.ts';

export const ATTENDANCE_ROLES = ['facilitator', 'participant', 'viewer'] as const;
export type AttendanceRole = (typeof ATTENDANCE_ROLES)[number];

export interface Attendance {
  /** The person id (shared/model/person.ts): the id their cards, comments and dots carry. */
  personId: string;
  name: string;
  /** A stakeholder group id, as the person chose it. */
  group: string;
  /** Their own words when the group is "Other". */
  groupDetail: string;
  role: AttendanceRole;
  /** ms since epoch. */
  firstJoined: number;
  lastSeen: number;
  /** Time connected in closed sessions, in seconds. */
  secondsConnected: number;
  /** When the open session began, while the person is connected; null otherwise. */
  connectedSince: number | null;
}

export interface Attendee {
  personId: string;
  name: string;
  group: string;
  groupDetail?: string;
  role: AttendanceRole;
}

/** The longest display name recorded (the client asks for at most 60 characters). */
export const MAX_ATTENDEE_NAME = 120;
const MAX_NAME = MAX_ATTENDEE_NAME;

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');
const time = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0);

function readRecord(personId: string, raw: unknown): Attendance | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const role = (ATTENDANCE_ROLES as readonly unknown[]).includes(r.role) ? (r.role as AttendanceRole) : null;
  if (!role) return null;
  const since = r.connectedSince;
  return {
    personId,
    name: text(r.name, MAX_NAME),
    group: text(r.group, 64),
    groupDetail: text(r.groupDetail, MAX_GROUP_DETAIL),
    role,
    firstJoined: time(r.firstJoined),
    lastSeen: time(r.lastSeen),
    secondsConnected: time(r.secondsConnected),
    connectedSince: typeof since === 'number' && Number.isFinite(since) ? since : null,
  };
}

/** Everyone who took part, in order of first arrival. */
export function readAttendance(doc: Y.Doc): Attendance[] {
  const out: Attendance[] = [];
  for (const [personId, raw] of attendanceMap(doc).entries()) {
    const record = readRecord(personId, raw);
    if (record) out.push(record);
  }
  return out.sort((a, b) => a.firstJoined - b.firstJoined || (a.personId < b.personId ? -1 : 1));
}

/**
 * Calls `listener` after each transaction that changed anyone's record (the server's writes, as
 * they arrive); returns the function that unsubscribes.
 */
export function observeAttendance(doc: Y.Doc, listener: () => void): () => void {
  const map = attendanceMap(doc);
  const onChange = () => listener();
  map.observe(onChange);
  return () => map.unobserve(onChange);
}

/** How many people the attendance holds (cheaper than reading every record). */
export function attendanceSize(doc: Y.Doc): number {
  return attendanceMap(doc).size;
}

/** Whether `personId` has a record. */
export function isAttendee(doc: Y.Doc, personId: string): boolean {
  return attendanceMap(doc).has(personId);
}

/** Minutes connected up to `now`, counting a session still open. */
export function minutesConnected(record: Attendance, now: number): number {
  const open = record.connectedSince === null ? 0 : Math.max(0, now - record.connectedSince) / 1000;
  return Math.round((record.secondsConnected + open) / 60);
}

function write(doc: Y.Doc, record: Attendance, origin: unknown): void {
  const { personId, ...value } = record;
  doc.transact(() => attendanceMap(doc).set(personId, value), origin);
}

/**
 * A person's first connection (in this server process) opened: their record is created or
 * refreshed with the name, group and role they came with, and a session opens.
 */
export function markJoined(doc: Y.Doc, who: Attendee, now: number, origin?: unknown): void {
  const known = readRecord(who.personId, attendanceMap(doc).get(who.personId));
  write(
    doc,
    {
      personId: who.personId,
      name: text(who.name, MAX_NAME),
      group: text(who.group, 64),
      groupDetail: text(who.groupDetail ?? '', MAX_GROUP_DETAIL),
      // A person keeps the strongest role they had: a facilitator who rejoins as viewer was one.
      role: strongest(known?.role, who.role),
      firstJoined: known?.firstJoined || now,
      lastSeen: now,
      secondsConnected: known?.secondsConnected ?? 0,
      connectedSince: known?.connectedSince ?? now,
    },
    origin,
  );
}

/** A person's last connection (in this server process) closed: the session's time is added. */
export function markLeft(doc: Y.Doc, personId: string, now: number, origin?: unknown): void {
  const known = readRecord(personId, attendanceMap(doc).get(personId));
  if (!known) return;
  const open = known.connectedSince === null ? 0 : Math.max(0, now - known.connectedSince) / 1000;
  write(
    doc,
    { ...known, lastSeen: now, secondsConnected: Math.round(known.secondsConnected + open), connectedSince: null },
    origin,
  );
}

/** Closes every open session (a server that starts finds sessions its previous run left open). */
export function closeOpenSessions(doc: Y.Doc, at: (record: Attendance) => number, origin?: unknown): void {
  doc.transact(() => {
    for (const record of readAttendance(doc))
      if (record.connectedSince !== null) markLeft(doc, record.personId, at(record), origin);
  }, origin);
}

/** Writes records back as they were (an imported plan's participants). */
export function restoreAttendance(doc: Y.Doc, records: readonly Attendance[], origin?: unknown): void {
  doc.transact(() => {
    for (const record of records) write(doc, { ...record, connectedSince: null }, origin);
  }, origin);
}

const RANK: Record<AttendanceRole, number> = { viewer: 0, participant: 1, facilitator: 2 };
function strongest(a: AttendanceRole | undefined, b: AttendanceRole): AttendanceRole {
  return a !== undefined && RANK[a] > RANK[b] ? a : b;
}
