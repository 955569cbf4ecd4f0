// A person's private board for private brainstorming: a Y.Doc that only the connections presenting
// its secret (with a participant's or facilitator's token of the workshop) and the server open.
// It is named by the workshop and the SHA-256 of the secret, so the database never holds the
// secret itself. Like a workshop room it handles messages in order and stores an update before
// relaying it (to the owner's other tabs); unlike one it has no awareness and no agreement lock.
// With several server processes, the owner's tabs and the server's own changes (a reveal run by
// another process) meet through the fan-out bus, with a catch-up from storage in case a message
// was lost; storage stays the source of truth.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import { type ClientMessage, decodeClientMessage, type ProtocolError, SYNC } from '../../shared/protocol/messages.ts';
import { decide } from '../auth/permissions.ts';
import type { Fanout } from '../fanout/fanout.ts';
import type { FanoutMessage } from '../fanout/fanoutMessages.ts';
import type { Counters } from '../metrics/counters.ts';
import type { Storage } from '../storage/storage.ts';
import { type Connection, closeConnection } from './connection.ts';
import { syncFrame } from './frames.ts';

/** A private secret: random, URL-safe, long enough not to be guessed. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export interface PrivateKey {
  workshopId: string;
  ownerHash: string;
}

/** The private board a secret opens in a workshop, or null when the secret is malformed. */
export function privateKeyOf(workshopId: string, secret: string): PrivateKey | null {
  if (!SECRET_PATTERN.test(secret)) return null;
  return { workshopId, ownerHash: createHash('sha256').update(secret).digest('hex') };
}

export function privateRoomName(key: PrivateKey): string {
  return `${key.workshopId}/${key.ownerHash}`;
}

/** Origin of the server's own changes to a private board (the reveal emptying it). */
export const PRIVATE_SERVER_ORIGIN = Symbol('private-server');
/** Origin of changes another server process stored. */
const PRIVATE_REMOTE_ORIGIN = Symbol('private-remote');

const DEFAULT_CATCH_UP_MS = 5000;
const SUBSCRIBE_WAIT_MS = 1000;

export interface PrivateRoomOptions {
  fanout?: Fanout;
  /** With a fan-out bus: how often the board re-reads storage in case a message was lost. */
  catchUpEveryMs?: number;
}

export class PrivateRoom {
  readonly doc = new Y.Doc();
  readonly connections = new Set<Connection>();
  readonly name: string;
  private queue: Promise<void>;
  private outbox: Uint8Array[] = [];
  private failed = false;
  private closed = false;
  private catchUpTimer: ReturnType<typeof setInterval> | null = null;
  onFailed: (room: PrivateRoom) => void = () => {};

  constructor(
    readonly key: PrivateKey,
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly counters: Counters,
    private readonly options: PrivateRoomOptions = {},
  ) {
    this.name = privateRoomName(key);
    this.doc.on('update', (update: Uint8Array) => this.outbox.push(update));
    this.queue = this.load();
  }

  get ready(): Promise<void> {
    return this.queue;
  }

  get isFailed(): boolean {
    return this.failed;
  }

  private async load(): Promise<void> {
    try {
      const fanout = this.options.fanout;
      if (fanout) {
        // Subscribed before storage is read, so nothing stored in between goes unseen.
        const subscribed = fanout.subscribe(this.name, (message) => this.onFanout(message));
        await Promise.race([subscribed, new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_WAIT_MS))]);
        this.catchUpTimer = setInterval(
          () => void this.enqueue(() => this.catchUp()).catch(() => {}),
          this.options.catchUpEveryMs ?? DEFAULT_CATCH_UP_MS,
        );
        this.catchUpTimer.unref();
      }
      const state = await this.storage.loadPrivateDoc(this.key.workshopId, this.key.ownerHash);
      if (state) Y.applyUpdate(this.doc, state, PRIVATE_SERVER_ORIGIN);
      this.outbox = [];
    } catch (error) {
      this.fail(error);
    }
  }

  /** Runs `task` after everything queued so far; a storage failure fails the room. */
  private enqueue<T>(task: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      if (this.failed) throw new Error('this private board is unavailable');
      return task();
    });
    this.queue = run.then(
      () => {},
      (error) => this.fail(error),
    );
    return run;
  }

  join(conn: Connection): void {
    if (this.failed) {
      closeConnection(conn, CLOSE.serverError, 'server error; reconnecting');
      return;
    }
    this.connections.add(conn);
    void this.enqueue(() => {
      if (!conn.closed) conn.socket.send(syncFrame(SYNC.step1, Y.encodeStateVector(this.doc)));
    }).catch(() => {});
  }

  leave(conn: Connection): void {
    if (this.connections.delete(conn)) conn.closed = true;
  }

  receive(conn: Connection, frame: Uint8Array): void {
    let message: ClientMessage;
    try {
      message = decodeClientMessage(frame);
    } catch (error) {
      this.refuse(conn, 'malformed', CLOSE.malformed, (error as ProtocolError).message);
      return;
    }
    void this.enqueue(() => this.handle(conn, message)).catch(() => {});
  }

  private refuse(conn: Connection, reason: string, code: number, detail: string): void {
    this.counters.refuse(reason);
    this.log.warn({ event: 'refused', room: 'private', conn: conn.id, reason, detail }, 'message refused');
    closeConnection(conn, code, detail.slice(0, 120));
  }

  private async handle(conn: Connection, message: ClientMessage): Promise<void> {
    if (conn.closed) return;
    const decision = decide(conn.role, message);
    if (decision.action === 'close') return this.refuse(conn, 'malformed', decision.code, decision.reason);
    if (decision.action !== 'apply') return;
    switch (message.type) {
      case 'sync-step1': {
        let diff: Uint8Array;
        try {
          diff = Y.encodeStateAsUpdate(this.doc, message.stateVector);
        } catch {
          return this.refuse(conn, 'malformed', CLOSE.malformed, 'malformed state vector');
        }
        conn.socket.send(syncFrame(SYNC.step2, diff));
        return;
      }
      case 'sync-step2':
      case 'sync-update':
        this.outbox = [];
        try {
          Y.applyUpdate(this.doc, message.update, conn);
        } catch (error) {
          this.refuse(conn, 'malformed', CLOSE.malformed, `update could not be applied: ${(error as Error).message}`);
        }
        await this.persistAndRelay(conn);
        return;
      case 'awareness':
      case 'query-awareness':
        // Nobody else is on a private board: there is no presence to share.
        return;
    }
  }

  /** What the document emitted since the outbox was cleared, as one update, or null; clears it. */
  private drainOutbox(): Uint8Array | null {
    const emitted = this.outbox;
    this.outbox = [];
    if (emitted.length === 0) return null;
    return emitted.length === 1 ? (emitted[0] as Uint8Array) : Y.mergeUpdates(emitted);
  }

  private async persistAndRelay(except: Connection | null): Promise<void> {
    const update = this.drainOutbox();
    if (!update) return;
    await this.storage.appendPrivateUpdate(this.key.workshopId, this.key.ownerHash, update);
    this.relay(update, except);
    this.options.fanout?.publish(this.name, { kind: 'update', seq: 0, update });
  }

  private relay(update: Uint8Array, except: Connection | null): void {
    const frame = syncFrame(SYNC.update, update);
    for (const other of this.connections) if (other !== except && !other.closed) other.socket.send(frame);
  }

  /** An update another process stored (the owner's tab there, or its reveal). */
  private onFanout(message: FanoutMessage): void {
    if (message.kind !== 'update') return;
    void this.enqueue(() => this.applyRemote(message.update)).catch(() => {});
  }

  /** Applies what another process stored and sends what is new here to this process's tabs. */
  private applyRemote(update: Uint8Array): void {
    this.outbox = [];
    try {
      Y.applyUpdate(this.doc, update, PRIVATE_REMOTE_ORIGIN);
    } catch (error) {
      this.log.warn({ event: 'fanout-bad-update', room: 'private', err: (error as Error).message }, 'dropped');
    }
    const fresh = this.drainOutbox();
    if (fresh) this.relay(fresh, null);
  }

  /** Catches up now (the fan-out bus came back after an outage). */
  resume(): void {
    void this.enqueue(() => this.catchUp()).catch(() => {});
  }

  /** Re-reads the stored board (small: one person's notes) for anything a lost message carried. */
  private async catchUp(): Promise<void> {
    if (this.closed) return;
    const state = await this.storage.loadPrivateDoc(this.key.workshopId, this.key.ownerHash);
    if (state) this.applyRemote(state);
  }

  /** A change the server makes (the reveal emptying the board): stored, then sent to the owner. */
  async change<T>(fn: (doc: Y.Doc) => T): Promise<T> {
    const { result, refused } = await this.enqueue(async () => {
      this.outbox = [];
      let result: T | undefined;
      let refused: unknown = null;
      try {
        this.doc.transact(() => {
          result = fn(this.doc);
        }, PRIVATE_SERVER_ORIGIN);
      } catch (error) {
        refused = error;
      }
      await this.persistAndRelay(null);
      return { result: result as T, refused };
    });
    if (refused) throw refused;
    return result;
  }

  revoke(role: string): void {
    for (const conn of [...this.connections]) {
      if (conn.role === role) closeConnection(conn, CLOSE.unauthorized, 'this link was replaced');
    }
  }

  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.log.error({ event: 'private-room-failed', workshop: this.key.workshopId, err: error }, 'private board failed');
    for (const conn of this.connections) closeConnection(conn, CLOSE.serverError, 'server error; reconnecting');
    this.connections.clear();
    this.release();
    this.onFailed(this);
  }

  private release(): void {
    if (this.catchUpTimer) clearInterval(this.catchUpTimer);
    this.catchUpTimer = null;
    this.options.fanout?.unsubscribe(this.name).catch(() => {});
  }

  /** Resolves once everything queued is done, then releases the document. */
  async close(): Promise<void> {
    await this.queue;
    this.closed = true;
    this.release();
    this.doc.destroy();
  }
}
