// Presence through the provider's awareness: who is here and where their pointer is, in board
// coordinates. Ephemeral: never written to the document.
import type { Awareness } from 'y-protocols/awareness';

export const CURSOR_THROTTLE_MS = 50;

export interface PresenceUser {
  name: string;
  colour: string;
  group: string;
}

export interface BoardPoint {
  x: number;
  y: number;
}

export interface Peer {
  clientId: number;
  user: PresenceUser;
  cursor: BoardPoint | null;
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
  return { clientId, user: { ...state.user, name }, cursor: isPoint(state.cursor) ? state.cursor : null };
}

export function listPeers(awareness: Awareness): Peer[] {
  const out: Peer[] = [];
  for (const clientId of awareness.getStates().keys()) {
    const peer = readPeer(awareness, clientId);
    if (peer) out.push(peer);
  }
  return out;
}

/** Sends the local cursor at most every CURSOR_THROTTLE_MS, always ending on the last position. */
export function createCursorSender(awareness: Awareness, intervalMs = CURSOR_THROTTLE_MS) {
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
    const wait = Math.max(0, lastSent + intervalMs - Date.now());
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
