// What a room needs of a client connection. `ws` sockets are adapted to this in sync/, and tests
// drive rooms with in-memory pairs.
import type { Role } from '../auth/roles.ts';

export interface SocketLike {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface Connection {
  readonly id: number;
  readonly role: Role;
  readonly socket: SocketLike;
  /** The awareness client id this connection speaks for, bound on its first awareness message. */
  awarenessId: number | null;
  closed: boolean;
}

let nextId = 1;

export function newConnection(socket: SocketLike, role: Role): Connection {
  return { id: nextId++, role, socket, awarenessId: null, closed: false };
}

/** Closes once; later calls are no-ops (a room may refuse a connection more than once). */
export function closeConnection(conn: Connection, code: number, reason: string): void {
  if (conn.closed) return;
  conn.closed = true;
  conn.socket.close(code, reason);
}
