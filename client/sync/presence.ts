// Presence through the provider's awareness: who is here and where their pointer is, in board
// coordinates. Ephemeral: never written to the document.
import type { Awareness } from 'y-protocols/awareness';
import { MAX_GROUP_DETAIL } from '../../shared/model/vocabulary.ts';

/** The fastest a cursor is sent; peers interpolate between updates, so it still looks smooth. */
export const CURSOR_THROTTLE_MS = 80;
/** With many people the interval grows, so that a 100-person room sends ~4 cursor updates a second each. */
const CURSOR_MS_PER_PEER = 2.5;
const CURSOR_MAX_MS = 250;
export const SELECTION_THROTTLE_MS = 150;
/** The most selected ids published: enough to outline a group, well under the server's awareness limit. */
export const MAX_PUBLISHED_SELECTION = 200;

/** How often to send the local cursor when `peers` other people are present. */
export function cursorIntervalMs(peers: number): number {
  return Math.min(CURSOR_MAX_MS, Math.max(CURSOR_THROTTLE_MS, peers * CURSOR_MS_PER_PEER));
}

export interface PresenceUser {
  name: string;
  colour: string;
  group: string;
  /** Their own words when the group is "Other"; absent otherwise and from older clients. */
  groupDetail?: string;
  /** The person's stable author id (people panel, following, mentions); absent from older clients. */
  id?: string;
}

export interface BoardPoint {
  x: number;
  y: number;
}

export interface Peer {
  clientId: number;
  user: PresenceUser;
  cursor: BoardPoint | null;
  /** The card and link ids this person has selected (at most MAX_PUBLISHED_SELECTION). */
  selection: readonly string[];
}

export function announce(awareness: Awareness, user: PresenceUser): void {
  awareness.setLocalStateField('user', user);
}

function isUser(value: unknown): value is PresenceUser {
  if (typeof value !== 'object' || value === null) return false;
  const u = value as Record<string, unknown>;
  return typeof u.name === 'string' && typeof u.colour === 'string' && typeof u.group === 'string';
}

function isPoint(value: unknown): value is BoardPoint {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return typeof p.x === 'number' && Number.isFinite(p.x) && typeof p.y === 'number' && Number.isFinite(p.y);
}

/** Everyone else present, with what their (untrusted) awareness state says about them. */
export function readPeer(awareness: Awareness, clientId: number): Peer | undefined {
  if (clientId === awareness.clientID) return undefined;
  const state = awareness.getStates().get(clientId);
  if (!state || !isUser(state.user)) return undefined;
  const name = state.user.name.slice(0, 60);
  const id = typeof state.user.id === 'string' && state.user.id.length <= 64 ? state.user.id : undefined;
  const detail = state.user.groupDetail;
  const groupDetail = typeof detail === 'string' && detail !== '' ? detail.slice(0, MAX_GROUP_DETAIL) : undefined;
  return {
    clientId,
    user: {
      name,
      colour: state.user.colour,
      group: state.user.group,
      ...(groupDetail ? { groupDetail } : {}),
      ...(id ? { id } : {}),
    },
    cursor: isPoint(state.cursor) ? state.cursor : null,
    selection: readSelection(state.selection),
  };
}

function readSelection(value: unknown): readonly string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((id): id is string => typeof id === 'string' && id.length <= 64)
    .slice(0, MAX_PUBLISHED_SELECTION);
}

export function listPeers(awareness: Awareness): Peer[] {
  const out: Peer[] = [];
  for (const clientId of awareness.getStates().keys()) {
    const peer = readPeer(awareness, clientId);
    if (peer) out.push(peer);
  }
  return out;
}

/**
 * Sends the local cursor at most every `intervalMs` (by default growing with the number of people
 * present), always ending on the last position.
 */
export function createCursorSender(
  awareness: Awareness,
  intervalMs: () => number = () => cursorIntervalMs(awareness.getStates().size - 1),
) {
  let pending: BoardPoint | null | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSent = 0;
  const flush = () => {
    timer = undefined;
    if (pending === undefined) return;
    lastSent = Date.now();
    awareness.setLocalStateField('cursor', pending);
    pending = undefined;
  };
  const schedule = (point: BoardPoint | null) => {
    pending = point;
    if (timer !== undefined) return;
    const wait = Math.max(0, lastSent + intervalMs() - Date.now());
    timer = setTimeout(flush, wait);
  };
  return {
    move(point: BoardPoint) {
      schedule({ x: Math.round(point.x), y: Math.round(point.y) });
    },
    leave() {
      schedule(null);
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** Publishes the local selection, throttled and capped, so others can outline it in our colour. */
export function createSelectionPublisher(awareness: Awareness, intervalMs = SELECTION_THROTTLE_MS) {
  let pending: readonly string[] | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSent = 0;
  let last = '';
  const flush = () => {
    timer = undefined;
    if (pending === undefined) return;
    const ids = pending.slice(0, MAX_PUBLISHED_SELECTION);
    pending = undefined;
    const key = ids.join(',');
    if (key === last) return;
    last = key;
    lastSent = Date.now();
    awareness.setLocalStateField('selection', ids);
  };
  return {
    publish(ids: readonly string[]) {
      pending = ids;
      if (timer !== undefined) return;
      timer = setTimeout(flush, Math.max(0, lastSent + intervalMs - Date.now()));
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
