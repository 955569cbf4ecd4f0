// What a room needs of a client connection. `ws` sockets are adapted to this in sync/, and tests
// drive rooms with in-memory pairs.
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import type { Role } from '../auth/roles.ts';

export interface SocketLike {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Bytes sent but not yet written to the network (the peer is not reading them). */
  readonly bufferedAmount: number;
}

export interface Connection {
  readonly id: number;
  readonly role: Role;
  /** The person this connection speaks for (their id, derived from their secret). */
  readonly person: string;
  /** What the person entered about themselves, as their hello carried it (absent from older clients). */
  readonly profile?: ConnectionProfile;
  readonly socket: SocketLike;
  /** The awareness client id this connection speaks for, bound on its first awareness message. */
  awarenessId: number | null;
  closed: boolean;
}

export interface ConnectionProfile {
  name?: string;
  group?: string;
  groupDetail?: string;
}

/**
 * A socket that has this much unread is closed (it reconnects and syncs from its state vector,
 * so nothing is lost): a reader that stops reading must not grow the server's memory.
 */
export const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;
/** A request (sync step 1, an awareness query) from a socket that has not read this much of the answers is not answered again. */
export const MAX_REQUEST_BACKLOG_BYTES = 1024 * 1024;

let nextId = 1;

export function newConnection(socket: SocketLike, role: Role, person: string, profile?: ConnectionProfile): Connection {
  return { id: nextId++, role, person, ...(profile ? { profile } : {}), socket, awarenessId: null, closed: false };
}

/** Closes once; later calls are no-ops (a room may refuse a connection more than once). */
export function closeConnection(conn: Connection, code: number, reason: string): void {
  if (conn.closed) return;
  conn.closed = true;
  conn.socket.close(code, reason);
}

/**
 * Sends a frame unless the socket is too far behind, in which case it is closed with "try again
 * later" and false is returned (for the caller to count). `request` marks an answer to the
 * peer's own request, held to a tighter backlog.
 */
export function sendTo(conn: Connection, frame: Uint8Array, options: { request?: boolean } = {}): boolean {
  if (conn.closed) return true;
  const backlog = conn.socket.bufferedAmount;
  if (backlog > (options.request ? MAX_REQUEST_BACKLOG_BYTES : MAX_BUFFERED_BYTES)) {
    closeConnection(conn, CLOSE.tryAgainLater, 'the connection is not reading what it is sent');
    return false;
  }
  conn.socket.send(frame);
  return true;
}
