// The attendance of a workshop, recorded from the connections its room admitted
// (shared/model/attendance.ts holds the record). A person (one person id, however many tabs or
// devices) is one presence: their first connection opens a session (markJoined), their last
// leaving closes it (markLeft). The name, group and own words for "Other" are what the person
// entered: from the socket's hello, or from their presence (awareness) for a client that sends
// none in its hello and when they rename. The role is the one their token gave.
//
// Cost: a presence writes when it opens and when it closes, not on each socket: leaving and
// coming back within `leaveGraceMs` (a reload, a phone losing its signal) writes nothing.
// Awareness is compared per connection before anything is parsed, so cursor moves cost a
// string comparison; a rename writes at most once per `renameEveryMs`. Every `heartbeatMs`
// the people present get their `lastSeen` refreshed (one change for all), so that a session
// left open by a crash is closed by the next run near when it really ended. At most
// `maxRecords` people are recorded in a workshop: a link passed around (or a script making up
// people) cannot grow the board without bound.
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import {
  type Attendance,
  attendanceSize,
  closeOpenSessions,
  isAttendee,
  MAX_ATTENDEE_NAME,
  MAX_GROUP_DETAIL,
  markJoined,
  markLeft,
  readAttendance,
  stakeholderGroupOf,
} from '../../shared/model/index.ts';
import type { Role } from '../auth/roles.ts';
import type { Connection } from './connection.ts';

export interface AttendanceSettings {
  /** A presence whose last connection closed is closed this long after, unless they come back. */
  leaveGraceMs: number;
  /** The least time between two writes of one person's new name or group. */
  renameEveryMs: number;
  /** How often the people present get their `lastSeen` refreshed. */
  heartbeatMs: number;
  /** The most people one workshop records. */
  maxRecords: number;
  /** The clock (tests move it). */
  now: () => number;
}

export const ATTENDANCE_DEFAULTS: AttendanceSettings = {
  leaveGraceMs: 10_000,
  renameEveryMs: 10_000,
  heartbeatMs: 5 * 60_000,
  maxRecords: 2_000,
  now: Date.now,
};

/** What a person entered about themselves. */
export interface Profile {
  name: string;
  group: string;
  groupDetail: string;
}

/** A person's entry, made safe to record: no control characters, trimmed, within the limits. */
export function cleanProfile(raw: { name?: unknown; group?: unknown; groupDetail?: unknown }): Profile {
  const group = stakeholderGroupOf(raw.group);
  return {
    name: cleanText(raw.name, MAX_ATTENDEE_NAME),
    group,
    groupDetail: group === 'other' ? cleanText(raw.groupDetail, MAX_GROUP_DETAIL) : '',
  };
}

function cleanText(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  // Control characters (line breaks, tabs, escapes) become spaces; every script's letters stay.
  const text = value.replace(/\p{Cc}+/gu, ' ').trim();
  if (text.length <= max) return text;
  // Not half of a character written as two code units (an emoji, say).
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

const RANK: Record<Role, number> = { viewer: 0, participant: 1, facilitator: 2 };
const stronger = (a: Role, b: Role): Role => (RANK[a] >= RANK[b] ? a : b);

interface Presence {
  personId: string;
  connections: Set<Connection>;
  /** The strongest role of the connections this presence had. */
  role: Role;
  /** The latest the person told us; null until a hello or presence state said anything. */
  profile: Profile | null;
  /** What was last written (profile and role), and when; null until the person is recorded. */
  written: string | null;
  writtenAt: number;
  /** When the last connection closed, while the leave waits out its grace. */
  leftAt: number | null;
  renameTimer: ReturnType<typeof setTimeout> | null;
  leaveTimer: ReturnType<typeof setTimeout> | null;
}

const keyOf = (profile: Profile, role: Role) =>
  `${role}\u0000${profile.name}\u0000${profile.group}\u0000${profile.groupDetail}`;

/** What a room lends its recorder: a server change (stored, then relayed to everyone). */
export interface AttendanceHost {
  readonly id: string;
  change(fn: (doc: Y.Doc) => void): Promise<void>;
}

export class AttendanceRecorder {
  private readonly people = new Map<string, Presence>();
  /** Per connection: its last presence state's user fields, as sent (compared before parsing). */
  private readonly seenUser = new WeakMap<Connection, string>();
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private closed = false;
  private warnedFull = false;

  constructor(
    private readonly host: AttendanceHost,
    private readonly log: Logger,
    private readonly settings: AttendanceSettings = ATTENDANCE_DEFAULTS,
  ) {
    this.heartbeat = setInterval(() => this.refreshPresent(), settings.heartbeatMs);
    this.heartbeat.unref();
  }

  /** A connection to the shared board was admitted. */
  join(conn: Connection): void {
    if (this.closed) return;
    const said = conn.profile && (conn.profile.name !== undefined || conn.profile.group !== undefined);
    const hello = said ? cleanProfile(conn.profile ?? {}) : null;
    let presence = this.people.get(conn.person);
    if (!presence) {
      presence = {
        personId: conn.person,
        connections: new Set([conn]),
        role: conn.role,
        profile: hello,
        written: null,
        writtenAt: 0,
        leftAt: null,
        renameTimer: null,
        leaveTimer: null,
      };
      this.people.set(conn.person, presence);
      // Recorded once they have said who they are (a client without the hello's fields says it in
      // its presence next): a script syncing the board without a name is nobody's attendance.
      if (hello) this.write(presence);
      return;
    }
    // Another tab, or back before the leave was written: the same session goes on.
    if (presence.leaveTimer) clearTimeout(presence.leaveTimer);
    presence.leaveTimer = null;
    presence.leftAt = null;
    presence.connections.add(conn);
    presence.role = stronger(presence.role, conn.role);
    if (hello) presence.profile = hello;
    this.refresh(presence);
  }

  /** A connection closed. */
  leave(conn: Connection): void {
    this.seenUser.delete(conn);
    const presence = this.people.get(conn.person);
    if (this.closed || !presence || !presence.connections.delete(conn) || presence.connections.size > 0) return;
    const leftAt = this.settings.now();
    presence.leftAt = leftAt;
    const close = () => {
      if (this.people.get(presence.personId) !== presence || presence.connections.size > 0) return;
      this.people.delete(presence.personId);
      if (presence.renameTimer) clearTimeout(presence.renameTimer);
      if (presence.written !== null) this.run((doc) => markLeft(doc, presence.personId, leftAt));
    };
    if (this.settings.leaveGraceMs <= 0) close();
    else {
      presence.leaveTimer = setTimeout(close, this.settings.leaveGraceMs);
      presence.leaveTimer.unref();
    }
  }

  /** A connection's presence state changed (`state` as the room now holds it). */
  sawPresence(conn: Connection, state: unknown): void {
    if (this.closed) return;
    const user = (state as { user?: unknown } | undefined)?.user;
    if (typeof user !== 'object' || user === null) return;
    const { name, group, groupDetail } = user as Record<string, unknown>;
    if (typeof name !== 'string' || typeof group !== 'string') return;
    // Cursor moves and selections send the same user again: one comparison, nothing parsed.
    const raw = `${name}\u0000${group}\u0000${typeof groupDetail === 'string' ? groupDetail : ''}`;
    if (this.seenUser.get(conn) === raw) return;
    this.seenUser.set(conn, raw);
    const presence = this.people.get(conn.person);
    if (!presence) return;
    const profile = cleanProfile({ name, group, groupDetail });
    if (profile.name === '' && profile.group === '') return;
    presence.profile = profile;
    this.refresh(presence);
  }

  /**
   * The room is closing: every open presence is closed now (or when its last connection left),
   * in one change queued before the room stores its last state.
   */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    const now = this.settings.now();
    const open = [...this.people.values()].filter((p) => p.written !== null);
    this.stop();
    if (open.length === 0) return Promise.resolve();
    return this.run((doc) => {
      for (const presence of open) markLeft(doc, presence.personId, presence.leftAt ?? now);
    });
  }

  /** Stops every timer; nothing more is written (the room failed, or closed). */
  stop(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const presence of this.people.values()) {
      if (presence.renameTimer) clearTimeout(presence.renameTimer);
      if (presence.leaveTimer) clearTimeout(presence.leaveTimer);
    }
    this.people.clear();
  }

  /** Writes a presence's new name, group or role: at once the first time, else at most every renameEveryMs. */
  private refresh(presence: Presence): void {
    if (presence.profile === null || presence.renameTimer) return;
    if (presence.written === keyOf(presence.profile, presence.role)) return;
    const wait = presence.writtenAt + this.settings.renameEveryMs - this.settings.now();
    // Recorded at once when they first say who they are; a rename waits its turn.
    if (wait <= 0 || presence.written === null) {
      this.write(presence);
      return;
    }
    presence.renameTimer = setTimeout(() => {
      presence.renameTimer = null;
      if (this.people.get(presence.personId) === presence) this.refresh(presence);
    }, wait);
    presence.renameTimer.unref();
  }

  /** Opens or refreshes the presence's record (its session stays open). */
  private write(presence: Presence): void {
    const { personId, role, profile } = presence;
    if (!profile) return;
    presence.written = keyOf(profile, role);
    presence.writtenAt = this.settings.now();
    const now = presence.writtenAt;
    this.run((doc) => this.record(doc, personId, role, profile, now));
  }

  private record(doc: Y.Doc, personId: string, role: Role, profile: Profile, now: number): void {
    if (!isAttendee(doc, personId) && attendanceSize(doc) >= this.settings.maxRecords) {
      if (!this.warnedFull) {
        this.warnedFull = true;
        this.log.warn(
          { event: 'attendance-full', workshop: this.host.id, records: this.settings.maxRecords },
          'attendance is full; newcomers are not recorded',
        );
      }
      return;
    }
    markJoined(doc, { personId, role, ...profile }, now);
  }

  /** Every `heartbeatMs`: the people present are seen now. */
  private refreshPresent(): void {
    if (this.closed) return;
    const present = [...this.people.values()].filter((p) => p.connections.size > 0 && p.written !== null);
    if (present.length === 0) return;
    const now = this.settings.now();
    this.run((doc) => {
      for (const p of present) if (p.profile) this.record(doc, p.personId, p.role, p.profile, now);
    });
  }

  private run(fn: (doc: Y.Doc) => void): Promise<void> {
    return this.host.change(fn).catch((error) => {
      // The room has failed (it logs why) or a record could not be written: the workshop goes on.
      this.log.warn(
        { event: 'attendance-not-written', workshop: this.host.id, err: (error as Error).message },
        'skipped',
      );
    });
  }
}

/**
 * When a room loads: sessions a previous run left open (it crashed, or was killed) are closed at
 * their `lastSeen`. On a fan-out bus other processes may hold some of them open right now: there
 * only the sessions not seen for two heartbeats are closed.
 */
export function closeSessionsLeftOpen(
  doc: Y.Doc,
  options: { shared: boolean; now: number; heartbeatMs: number },
  origin: unknown,
): void {
  if (!options.shared) {
    closeOpenSessions(doc, (record) => record.lastSeen, origin);
    return;
  }
  const stale = (record: Attendance) =>
    record.connectedSince !== null && options.now - record.lastSeen > 2 * options.heartbeatMs;
  const left = readAttendance(doc).filter(stale);
  if (left.length === 0) return;
  doc.transact(() => {
    for (const record of left) markLeft(doc, record.personId, record.lastSeen, origin);
  }, origin);
}
