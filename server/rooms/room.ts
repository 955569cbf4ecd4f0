// A room: one workshop's live document, its awareness and its connections. Every message is
// handled in arrival order on one queue, after the stored state has loaded, and an update is
// committed to storage before it is relayed or reflected in any answer.

import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { migrateBoard } from '../../shared/model/schema.ts';
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import {
  type ClientMessage,
  decodeClientMessage,
  encodeAwarenessEntries,
  MESSAGE,
  type ProtocolError,
  SYNC,
} from '../../shared/protocol/messages.ts';
import { decide, filterAwareness } from '../auth/permissions.ts';
import type { Storage } from '../storage/storage.ts';
import { type Connection, closeConnection } from './connection.ts';
import type { Counters } from './counters.ts';

export interface RoomOptions {
  compactEvery: number;
}

/** Origin of changes the server makes itself (loading, migrations). */
export const SERVER_ORIGIN = Symbol('server');

function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  private queue: Promise<void>;
  private outbox: Uint8Array[] = [];
  private sinceCompaction = 0;
  private failed = false;
  /** Called once when the room can no longer serve (storage failed); the registry drops it. */
  onFailed: (room: Room) => void = () => {};

  constructor(
    readonly id: string,
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly counters: Counters,
    private readonly options: RoomOptions,
  ) {
    // The server has no cursor of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array) => this.outbox.push(update));
    this.awareness.on('update', this.onAwarenessUpdate);
    this.queue = this.load();
  }

  /** Resolves when the stored state is loaded (or loading failed). */
  get ready(): Promise<void> {
    return this.queue;
  }

  private async load(): Promise<void> {
    try {
      const stored = await this.storage.loadDoc(this.id);
      this.doc.transact(() => {
        if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot, SERVER_ORIGIN);
        for (const update of stored.updates) Y.applyUpdate(this.doc, update, SERVER_ORIGIN);
      }, SERVER_ORIGIN);
      this.sinceCompaction = stored.updates.length;
      this.outbox = [];
      migrateBoard(this.doc, SERVER_ORIGIN);
      await this.persistOutbox();
      this.log.info({ event: 'room-loaded', workshop: this.id, updates: stored.updates.length }, 'room loaded');
    } catch (error) {
      this.fail(error);
    }
  }

  private enqueue(task: () => void | Promise<void>): void {
    this.queue = this.queue.then(async () => {
      if (this.failed) return;
      try {
        await task();
      } catch (error) {
        this.fail(error);
      }
    });
  }

  join(conn: Connection): void {
    if (this.failed) {
      closeConnection(conn, CLOSE.serverError, 'server error; reconnecting');
      return;
    }
    this.connections.add(conn);
    this.enqueue(() => {
      if (conn.closed) return;
      // Ask the client for what it has that the server lacks (edits made offline).
      conn.socket.send(syncMessage(SYNC.step1, Y.encodeStateVector(this.doc)));
      const states = [...this.awareness.getStates().keys()];
      if (states.length > 0) {
        conn.socket.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
      }
    });
  }

  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    conn.closed = true;
    if (conn.awarenessId !== null) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [conn.awarenessId], conn);
    }
  }

  /** One binary frame from a client. Malformed frames close that connection only. */
  receive(conn: Connection, frame: Uint8Array): void {
    let message: ClientMessage;
    try {
      message = decodeClientMessage(frame);
    } catch (error) {
      this.refuse(conn, 'malformed', CLOSE.malformed, (error as ProtocolError).message);
      return;
    }
    this.enqueue(() => this.handle(conn, message));
  }

  private refuse(conn: Connection, reason: string, code: number | null, detail: string): void {
    this.counters.refuse(reason);
    this.log.warn(
      { event: 'refused', workshop: this.id, conn: conn.id, role: conn.role, reason, detail },
      'message refused',
    );
    if (code !== null) closeConnection(conn, code, detail.slice(0, 120));
  }

  private async handle(conn: Connection, message: ClientMessage): Promise<void> {
    if (conn.closed) return;
    const decision = decide(conn.role, message);
    switch (decision.action) {
      case 'ignore':
        return;
      case 'drop':
        this.refuse(conn, decision.reason, null, decision.reason);
        return;
      case 'close':
        this.refuse(conn, 'malformed', decision.code, decision.reason);
        return;
      case 'apply':
        break;
    }
    switch (message.type) {
      case 'sync-step1': {
        let diff: Uint8Array;
        try {
          diff = Y.encodeStateAsUpdate(this.doc, message.stateVector);
        } catch {
          this.refuse(conn, 'malformed', CLOSE.malformed, 'malformed state vector');
          return;
        }
        conn.socket.send(syncMessage(SYNC.step2, diff));
        return;
      }
      case 'sync-step2':
      case 'sync-update':
        await this.applyClientUpdate(conn, message.update);
        return;
      case 'awareness': {
        const { keep, bind } = filterAwareness(conn.awarenessId, message.entries, (id) =>
          this.awarenessOwned(id, conn),
        );
        if (bind !== null) conn.awarenessId = bind;
        if (keep.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(keep), conn);
        return;
      }
      case 'query-awareness': {
        const states = [...this.awareness.getStates().keys()];
        conn.socket.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
        return;
      }
    }
  }

  private awarenessOwned(clientId: number, except: Connection): boolean {
    for (const other of this.connections) {
      if (other !== except && other.awarenessId === clientId) return true;
    }
    return false;
  }

  private async applyClientUpdate(conn: Connection, update: Uint8Array): Promise<void> {
    this.outbox = [];
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch (error) {
      this.refuse(conn, 'malformed', CLOSE.malformed, `update could not be applied: ${(error as Error).message}`);
    }
    // Whatever did integrate is persisted and relayed, so memory and storage never disagree.
    const relayed = await this.persistOutbox();
    if (relayed === null) return;
    this.counters.updatesApplied++;
    this.counters.updateBytes += update.length;
    const frame = syncMessage(SYNC.update, relayed);
    for (const other of this.connections) {
      if (other !== conn && !other.closed) other.socket.send(frame);
    }
  }

  /** Commits what the document emitted since the outbox was cleared; returns it merged, or null. */
  private async persistOutbox(): Promise<Uint8Array | null> {
    if (this.outbox.length === 0) return null;
    const merged = this.outbox.length === 1 ? (this.outbox[0] as Uint8Array) : Y.mergeUpdates(this.outbox);
    this.outbox = [];
    await this.storage.appendUpdate(this.id, merged);
    this.sinceCompaction++;
    if (this.sinceCompaction >= this.options.compactEvery) await this.compact();
    return merged;
  }

  private async compact(): Promise<void> {
    await this.storage.compact(this.id);
    this.sinceCompaction = 0;
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    _origin: unknown,
  ): void => {
    const changed = added.concat(updated, removed);
    const frame = awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const conn of this.connections) {
      if (!conn.closed) conn.socket.send(frame);
    }
  };

  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.log.error({ event: 'room-failed', workshop: this.id, err: error }, 'room failed; closing its connections');
    for (const conn of this.connections) closeConnection(conn, CLOSE.serverError, 'server error; reconnecting');
    this.connections.clear();
    this.onFailed(this);
  }

  /** Compacts (when there is anything new) and releases the room; resolves when stored. */
  async close(): Promise<void> {
    this.enqueue(async () => {
      if (this.sinceCompaction > 0) await this.compact();
    });
    await this.queue;
    this.awareness.destroy();
    this.doc.destroy();
  }

  get isFailed(): boolean {
    return this.failed;
  }
}
