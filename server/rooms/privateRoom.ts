// A person's private board for private brainstorming: a Y.Doc that only the connections presenting
// its secret (with a participant's or facilitator's token of the workshop) and the server open.
// It holds the person's private notes and their ballot in a dot vote. It is named by the workshop
// and the SHA-256 of the secret, so the database never holds the secret itself. Like a workshop
// room it handles messages in order, passes each update through the same gate (updateGate.ts)
// with the private board's rules (auth/privateRules.ts) and a size quota, and stores an update
// before relaying it (to the owner's other tabs); it has no awareness.
// With several server processes, the owner's tabs and the server's own changes (a reveal run by
// another process) meet through the fan-out bus, with a catch-up from storage in case a message
// was lost; storage stays the source of truth.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import {
  boardOwner,
  type Facilitation,
  PRIVATE_ROOT_ENTRIES,
  readBallot,
  setBoardOwner,
} from '../../shared/model/index.ts';
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import { type ClientMessage, decodeClientMessage, type ProtocolError, SYNC } from '../../shared/protocol/messages.ts';
import type { EditVerdict } from '../auth/editRules.ts';
import { decide } from '../auth/permissions.ts';
import { checkPrivateEdit } from '../auth/privateRules.ts';
import type { DecodedUpdate, Touch } from '../auth/updateScope.ts';
import type { Fanout } from '../fanout/fanout.ts';
import type { FanoutMessage } from '../fanout/fanoutMessages.ts';
import type { Counters } from '../metrics/counters.ts';
import type { Storage } from '../storage/storage.ts';
import { type Connection, closeConnection, sendTo } from './connection.ts';
import { syncFrame } from './frames.ts';
import { HeldUpdates } from './heldUpdates.ts';
import { takeTurn } from './loopShare.ts';
import { applyGated, dropPending, gateUpdate, readUpdateInSlices } from './updateGate.ts';

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
/** A person's notes and ballots are a few KiB; this bounds what one person can make the server hold. */
export const MAX_PRIVATE_BOARD_BYTES = 256 * 1024;

export interface PrivateRoomOptions {
  /** The workshop's facilitation state (private mode, the open vote), read when an update is judged. */
  facilitation: (workshopId: string) => Promise<Facilitation>;
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
  /** The stored board's size and what has been added since: held to the quota. */
  private bytes = 0;
  /** Large updates are read and judged in timed slices, the event loop free between them. */
  private readonly stepping = {
    timeWork: <T>(step: () => T) => this.counters.timeWork(step),
    pause: takeTurn,
  };
  private readonly held = new WeakMap<Connection, HeldUpdates>();
  onFailed: (room: PrivateRoom) => void = () => {};

  constructor(
    readonly key: PrivateKey,
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly counters: Counters,
    private readonly options: PrivateRoomOptions,
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
      dropPending(this.doc);
      this.bytes = state?.length ?? 0;
      this.outbox = [];
    } catch (error) {
      this.fail(error);
    }
  }

  /** Runs `task` after everything queued so far; a storage failure fails the room. */
  private enqueue<T>(task: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      if (this.failed) throw new Error('this private board is unavailable');
      await takeTurn();
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
    void this.enqueue(async () => {
      // Whose board this is, for the reveal of their ballot: every connection here is that person.
      if (boardOwner(this.doc) === null) {
        this.outbox = [];
        setBoardOwner(this.doc, conn.person, PRIVATE_SERVER_ORIGIN);
        await this.persistAndRelay(null);
      }
      if (!conn.closed) this.send(conn, syncFrame(SYNC.step1, Y.encodeStateVector(this.doc)));
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
    // An update is read once (in slices), for the empty check and the rules alike.
    const update = message.type === 'sync-step2' || message.type === 'sync-update' ? message.update : null;
    const decoded = update ? await readUpdateInSlices(update, this.stepping) : undefined;
    const decision = decide(conn.role, message, decoded);
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
        this.send(conn, syncFrame(SYNC.step2, diff), { request: true });
        return;
      }
      case 'sync-step2':
      case 'sync-update': {
        // `decide` applies only an update that was read.
        if (!decoded) return;
        return this.receiveUpdate(conn, message.update, decoded);
      }
      case 'awareness':
      case 'query-awareness':
        // Nobody else is on a private board: there is no presence to share.
        return;
    }
  }

  /** Gates, then applies, an update; one that arrived early is held until what it needs has come. */
  private async receiveUpdate(conn: Connection, update: Uint8Array, decoded: DecodedUpdate): Promise<void> {
    if (conn.closed) return;
    if (this.bytes + update.length > MAX_PRIVATE_BOARD_BYTES) {
      return this.refuse(conn, 'private-quota', CLOSE.tooLarge, 'your private board is full');
    }
    const verdict = await gateUpdate(this.doc, decoded, {
      roots: PRIVATE_ROOT_ENTRIES,
      person: conn.person,
      owners: null,
      ...this.stepping,
      rules: (touches) => this.verdict(conn.person, touches),
    });
    if (!verdict.ok) {
      const held = this.held.get(conn) ?? new HeldUpdates();
      this.held.set(conn, held);
      if (verdict.reason === 'gap' && verdict.waitsFor && held.hold(update, decoded, verdict.waitsFor)) return;
      return this.refuse(conn, verdict.reason, verdict.code, `refused edit: ${verdict.detail}`);
    }
    this.outbox = [];
    try {
      this.counters.timeWork(() => applyGated(this.doc, update, conn));
    } catch (error) {
      this.refuse(conn, 'malformed', CLOSE.malformed, `update could not be applied: ${(error as Error).message}`);
    }
    this.bytes += update.length;
    await this.persistAndRelay(conn);
    const ready = this.held.get(conn)?.takeReady((client) => Y.getState(this.doc.store, client)) ?? [];
    for (const next of ready) await this.receiveUpdate(conn, next.update, next.decoded);
  }

  /** Sends unless the connection has fallen too far behind reading (it is then closed, and counted). */
  private send(conn: Connection, frame: Uint8Array, options: { request?: boolean } = {}): void {
    if (!sendTo(conn, frame, options)) this.counters.refuse('slow-reader');
  }

  private async verdict(person: string, touches: readonly Touch[]): Promise<EditVerdict> {
    const { privateMode, vote } = await this.options.facilitation(this.key.workshopId);
    const ballot = vote ? readBallot(this.doc, vote) : new Map<string, number>();
    return checkPrivateEdit(touches, { person, privateMode, vote, ballot });
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
    for (const other of this.connections) if (other !== except && !other.closed) this.send(other, frame);
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
      // The server's changes (a reveal emptying the board) free room under the quota.
      this.bytes = Y.encodeStateAsUpdate(this.doc).length;
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
