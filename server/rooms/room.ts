// A room: one workshop's live document, its awareness and its connections. Every message is
// handled in arrival order on one queue, after the stored state has loaded, and an update is
// committed to storage before it is relayed or reflected in any answer. With a fan-out bus,
// updates stored by other processes arrive with their sequence numbers; a gap, a bus outage or
// the periodic timer makes the room catch up from storage, the source of truth.

import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { BOARD_ROOT_ENTRIES, migrateBoard } from '../../shared/model/index.ts';
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import {
  type ClientMessage,
  decodeClientMessage,
  encodeAwarenessEntries,
  type ProtocolError,
  SYNC,
} from '../../shared/protocol/messages.ts';
import { ClientOwners } from '../auth/clientOwners.ts';
import { boardStateOf, checkParticipantEdit } from '../auth/editRules.ts';
import { decide, filterAwareness } from '../auth/permissions.ts';
import { withServerRoots } from '../auth/serverRoots.ts';
import type { DecodedUpdate, Touch } from '../auth/updateScope.ts';
import type { Fanout } from '../fanout/fanout.ts';
import type { FanoutMessage } from '../fanout/fanoutMessages.ts';
import type { Counters } from '../metrics/counters.ts';
import type { Storage } from '../storage/storage.ts';
import {
  ATTENDANCE_DEFAULTS,
  AttendanceRecorder,
  type AttendanceSettings,
  closeSessionsLeftOpen,
} from './attendanceRecorder.ts';
import { type Connection, closeConnection, sendTo } from './connection.ts';
import { awarenessFrame, syncFrame } from './frames.ts';
import { HeldUpdates } from './heldUpdates.ts';
import { takeTurn } from './loopShare.ts';
import { TitleKeeper } from './titleKeeper.ts';
import { applyGated, dropPending, gateUpdate, readUpdateInSlices } from './updateGate.ts';

export interface RoomOptions {
  compactEvery: number;
  fanout?: Fanout;
  /** How often a room on a fan-out bus re-reads storage in case a message was lost. */
  catchUpEveryMs?: number;
  /** Awareness changes are sent out together at most this often. */
  awarenessBatchMs?: number;
  /** How attendance is recorded (attendanceRecorder.ts); tests shorten the delays. */
  attendance?: Partial<AttendanceSettings>;
}

/** Origin of changes the server makes itself (loading, migrations). */
export const SERVER_ORIGIN = Symbol('server');
/** Origin of changes that another server process stored. */
export const REMOTE_ORIGIN = Symbol('remote');

const DEFAULT_AWARENESS_BATCH_MS = 50;
const DEFAULT_CATCH_UP_MS = 5000;
const SUBSCRIBE_WAIT_MS = 1000;

/** Who the server's own document writes as, for the client-id owners. */
const SERVER_PERSON = 'server';

/** A state vector that names no client: the sender has nothing yet and needs the whole document. */
const isEmptyStateVector = (sv: Uint8Array) => sv.length === 1 && sv[0] === 0;

interface StoredUpdate {
  update: Uint8Array;
  seq: number;
}

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  private queue: Promise<void>;
  /** Resolves once the stored state has loaded (or failed to). */
  readonly loaded: Promise<void>;
  private outbox: Uint8Array[] = [];
  private sinceCompaction = 0;
  /** The last stored sequence number this room's document is known to include. */
  private lastSeq = 0;
  private failed = false;
  private closed = false;
  private awarenessToSend = new Set<number>();
  private awarenessToPublish = new Set<number>();
  private awarenessTimer: ReturnType<typeof setTimeout> | null = null;
  private catchUpTimer: ReturnType<typeof setInterval> | null = null;
  /** The whole document as one update, kept until the next change: joins in a burst share it. */
  private fullState: Uint8Array | null = null;
  private readonly owners: ClientOwners;
  /** Large updates are read and judged in timed slices, the event loop free between them. */
  private readonly stepping = {
    timeWork: <T>(step: () => T) => this.counters.timeWork(step),
    pause: takeTurn,
  };
  /** Per connection: updates that arrived before what they build on (heldUpdates.ts). */
  private readonly held = new WeakMap<Connection, HeldUpdates>();
  /** Keeps the workshop's stored title the board's (set once the board is loaded). */
  private title: TitleKeeper | null = null;
  /** Who took part: written into the board from the connections admitted here. */
  private readonly attendance: AttendanceRecorder;
  private readonly attendanceSettings: AttendanceSettings;
  /** Called once when the room can no longer serve (storage failed); the registry drops it. */
  onFailed: (room: Room) => void = () => {};
  /** Called when another process revoked a role's link (its private connections close too). */
  onRevoked: (role: string) => void = () => {};

  constructor(
    readonly id: string,
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly counters: Counters,
    private readonly options: RoomOptions,
  ) {
    // The server has no cursor of its own.
    this.awareness.setLocalState(null);
    this.owners = new ClientOwners(id, storage);
    this.owners.reserve(this.doc.clientID, SERVER_PERSON);
    this.doc.on('update', (update: Uint8Array) => {
      this.outbox.push(update);
      this.fullState = null;
    });
    this.awareness.on('update', this.onAwarenessUpdate);
    this.attendanceSettings = { ...ATTENDANCE_DEFAULTS, ...options.attendance };
    this.attendance = new AttendanceRecorder({ id, change: (fn) => this.change(fn) }, log, this.attendanceSettings);
    this.queue = this.load();
    this.loaded = this.queue;
  }

  /** Resolves when the work queued so far (at first: loading the stored state) is done. */
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
        // Subscribe before reading storage, so nothing stored in between goes unseen.
        const subscribed = fanout.subscribe(this.id, (message) => this.onFanout(message));
        await Promise.race([subscribed, new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_WAIT_MS))]);
        this.catchUpTimer = setInterval(
          () => this.enqueue(() => this.catchUp()),
          this.options.catchUpEveryMs ?? DEFAULT_CATCH_UP_MS,
        );
        this.catchUpTimer.unref();
      }
      const stored = await this.storage.loadDoc(this.id);
      this.doc.transact(() => {
        if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot, SERVER_ORIGIN);
        for (const update of stored.updates) Y.applyUpdate(this.doc, update, SERVER_ORIGIN);
      }, SERVER_ORIGIN);
      // Stored by a server that kept incomplete updates: what never integrated never will.
      if (!dropPending(this.doc)) {
        this.log.warn({ event: 'pending-dropped', workshop: this.id }, 'stored updates left structs pending; dropped');
      }
      this.lastSeq = stored.lastSeq;
      this.sinceCompaction = stored.updates.length;
      this.outbox = [];
      migrateBoard(this.doc, SERVER_ORIGIN);
      this.title = new TitleKeeper(this.id, this.doc, this.storage, (error) =>
        this.log.error({ event: 'title-store-failed', workshop: this.id, err: error }, 'storing the title failed'),
      );
      closeSessionsLeftOpen(
        this.doc,
        {
          shared: Boolean(fanout),
          now: this.attendanceSettings.now(),
          heartbeatMs: this.attendanceSettings.heartbeatMs,
        },
        SERVER_ORIGIN,
      );
      const migrated = await this.persistOutbox();
      if (migrated) {
        this.publishUpdate(migrated);
        await this.compactWhenDue();
      }
      this.log.info({ event: 'room-loaded', workshop: this.id, updates: stored.updates.length }, 'room loaded');
    } catch (error) {
      this.fail(error);
    }
  }

  private enqueue(task: () => void | Promise<void>): void {
    this.queue = this.queue.then(async () => {
      if (this.failed) return;
      try {
        await takeTurn();
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
    this.attendance.join(conn);
    this.enqueue(() => {
      if (conn.closed) return;
      // Ask the client for what it has that the server lacks (edits made offline).
      this.send(conn, syncFrame(SYNC.step1, Y.encodeStateVector(this.doc)));
      const states = [...this.awareness.getStates().keys()];
      if (states.length > 0) {
        this.send(conn, awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
      }
    });
  }

  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    conn.closed = true;
    this.attendance.leave(conn);
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
    // An update is decoded once, for the empty check and the edit rules alike.
    const update = message.type === 'sync-step2' || message.type === 'sync-update' ? message.update : null;
    const decoded = update ? await readUpdateInSlices(update, this.stepping) : undefined;
    const decision = decide(conn.role, message, decoded);
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
          const sv = message.stateVector;
          diff = this.counters.timeWork(() =>
            isEmptyStateVector(sv) ? this.currentState() : Y.encodeStateAsUpdate(this.doc, sv),
          );
        } catch {
          this.refuse(conn, 'malformed', CLOSE.malformed, 'malformed state vector');
          return;
        }
        this.send(conn, syncFrame(SYNC.step2, diff), { request: true });
        return;
      }
      case 'sync-step2':
      case 'sync-update': {
        // `decide` applies only an update that decoded.
        if (decoded) await this.receiveUpdate(conn, message.update, decoded);
        return;
      }
      case 'awareness': {
        const { keep, bind } = filterAwareness(conn.awarenessId, message.entries, (id) =>
          this.awarenessOwned(id, conn),
        );
        if (bind !== null) conn.awarenessId = bind;
        if (keep.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(keep), conn);
        if (keep.length > 0 && conn.awarenessId !== null)
          this.attendance.sawPresence(conn, this.awareness.getStates().get(conn.awarenessId));
        return;
      }
      case 'query-awareness': {
        const states = [...this.awareness.getStates().keys()];
        this.send(conn, awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)), {
          request: true,
        });
        return;
      }
    }
  }

  /** Gates, then applies, an update; one that arrived early is held until what it needs has come. */
  private async receiveUpdate(conn: Connection, update: Uint8Array, decoded: DecodedUpdate): Promise<void> {
    if (conn.closed) return;
    const verdict = await gateUpdate(this.doc, decoded, {
      roots: BOARD_ROOT_ENTRIES,
      person: conn.person,
      owners: this.owners,
      ...this.stepping,
      rules: withServerRoots(conn.role === 'participant' ? (touches) => this.participantVerdict(touches) : null),
    });
    if (!verdict.ok) {
      const held = this.held.get(conn) ?? new HeldUpdates();
      this.held.set(conn, held);
      if (verdict.reason === 'gap' && verdict.waitsFor && held.hold(update, decoded, verdict.waitsFor)) return;
      // The client already holds this change; closing tells it to drop its copy and reload.
      this.refuse(conn, verdict.reason, verdict.code, `refused edit: ${verdict.detail}`);
      return;
    }
    await this.applyClientUpdate(conn, update);
    // What waited for this update may integrate now (or is held again).
    const waiting = this.held.get(conn)?.takeReady((client) => Y.getState(this.doc.store, client)) ?? [];
    for (const next of waiting) await this.receiveUpdate(conn, next.update, next.decoded);
  }

  /** Sends unless the connection has fallen too far behind reading (it is then closed, and counted). */
  private send(conn: Connection, frame: Uint8Array, options: { request?: boolean } = {}): void {
    if (!sendTo(conn, frame, options)) this.counters.refuse('slow-reader');
  }

  /** Judged against the document as it is before the update. */
  private participantVerdict(touches: readonly Touch[]) {
    return checkParticipantEdit(touches, boardStateOf(this.doc));
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
      if (!this.counters.timeWork(() => applyGated(this.doc, update, conn))) {
        this.counters.refuse('pending-dropped');
        this.log.error(
          { event: 'pending-dropped', workshop: this.id, conn: conn.id },
          'a gated update left structs pending',
        );
      }
    } catch (error) {
      this.refuse(conn, 'malformed', CLOSE.malformed, `update could not be applied: ${(error as Error).message}`);
    }
    // Whatever did integrate is persisted and relayed, so memory and storage never disagree.
    const stored = await this.persistOutbox();
    if (stored === null) return;
    this.counters.updatesApplied++;
    this.counters.updateBytes += update.length;
    this.relay(stored.update, conn);
    this.publishUpdate(stored);
    await this.compactWhenDue();
  }

  private relay(update: Uint8Array, except: Connection | null): void {
    const frame = syncFrame(SYNC.update, update);
    for (const other of this.connections) {
      if (other !== except && !other.closed) this.send(other, frame);
    }
  }

  private publishUpdate(stored: StoredUpdate): void {
    this.options.fanout?.publish(this.id, { kind: 'update', seq: stored.seq, update: stored.update });
  }

  /** Commits what the document emitted since the outbox was cleared; returns it merged, or null. */
  private async persistOutbox(): Promise<StoredUpdate | null> {
    if (this.outbox.length === 0) return null;
    const update = this.outbox.length === 1 ? (this.outbox[0] as Uint8Array) : Y.mergeUpdates(this.outbox);
    this.outbox = [];
    const seq = await this.storage.appendUpdate(this.id, update);
    // On a fan-out bus (where sequence numbers are contiguous per workshop), a gap means another
    // process stored something this room has not seen: read it from storage before going on.
    if (this.options.fanout && seq !== this.lastSeq + 1) await this.catchUp();
    this.lastSeq = Math.max(this.lastSeq, seq);
    this.sinceCompaction++;
    return { update, seq };
  }

  /** Compaction folds the whole log (milliseconds on a large board): after the relay, not before. */
  private async compactWhenDue(): Promise<void> {
    if (this.sinceCompaction >= this.options.compactEvery) await this.compact();
  }

  private async compact(): Promise<void> {
    await this.storage.compact(this.id);
    this.sinceCompaction = 0;
  }

  /**
   * A change the server makes itself (the reveal of private notes), after everything queued so
   * far: stored, then relayed to every connection and published like a client's update.
   */
  change<T>(fn: (doc: Y.Doc) => T): Promise<T> {
    const run = this.queue.then(async () => {
      if (this.failed) throw new Error('the workshop is unavailable');
      this.outbox = [];
      let result: T | undefined;
      let refused: unknown = null;
      try {
        this.doc.transact(() => {
          result = fn(this.doc);
        }, SERVER_ORIGIN);
      } catch (error) {
        // Whatever was written before the error is stored like the rest; only storage fails a room.
        refused = error;
      }
      const stored = await this.persistOutbox();
      if (stored) {
        this.relay(stored.update, null);
        this.publishUpdate(stored);
        await this.compactWhenDue();
      }
      return { result: result as T, refused };
    });
    this.queue = run.then(
      () => {},
      (error) => this.fail(error),
    );
    return run.then(({ result, refused }) => {
      if (refused) throw refused;
      return result;
    });
  }

  private currentState(): Uint8Array {
    this.fullState ??= Y.encodeStateAsUpdate(this.doc);
    return this.fullState;
  }

  /**
   * The whole document as one update, after the work queued so far, so it holds only stored
   * changes: what a browser opening the board applies before it connects (GET …/state).
   */
  encodeState(): Promise<Uint8Array> {
    const run = this.queue.then(() => {
      if (this.failed) throw new Error('the workshop is unavailable');
      return this.currentState();
    });
    this.queue = run.then(
      () => {},
      () => {},
    );
    return run;
  }

  /** Closes this process's connections of `role` (their link was rotated). */
  revoke(role: string): void {
    for (const conn of [...this.connections]) {
      if (conn.role === role) closeConnection(conn, CLOSE.unauthorized, 'this link was replaced');
    }
  }

  private onFanout(message: FanoutMessage): void {
    if (message.kind === 'revoke') {
      this.revoke(message.role);
      this.onRevoked(message.role);
      return;
    }
    if (message.kind === 'awareness') {
      try {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, REMOTE_ORIGIN);
      } catch (error) {
        this.log.warn({ event: 'fanout-bad-awareness', workshop: this.id, err: (error as Error).message }, 'dropped');
      }
      return;
    }
    this.enqueue(async () => {
      if (message.seq <= this.lastSeq) return;
      if (message.seq === this.lastSeq + 1) {
        this.applyRemote(message.update);
        this.lastSeq = message.seq;
      } else {
        await this.catchUp();
      }
    });
  }

  /** Applies updates another process stored, relaying what is new to this process's clients. */
  private applyRemote(...updates: Uint8Array[]): void {
    this.outbox = [];
    this.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    }, REMOTE_ORIGIN);
    if (this.outbox.length === 0) return;
    const fresh = this.outbox.length === 1 ? (this.outbox[0] as Uint8Array) : Y.mergeUpdates(this.outbox);
    this.outbox = [];
    this.relay(fresh, null);
  }

  /** Reads from storage whatever was stored after the last sequence number this room has. */
  private async catchUp(): Promise<void> {
    if (this.closed) return;
    const stored = await this.storage.loadDoc(this.id, this.lastSeq);
    const updates = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    if (updates.length > 0) this.applyRemote(...updates);
    this.lastSeq = Math.max(this.lastSeq, stored.lastSeq);
  }

  /** Catches up now (the fan-out bus came back after an outage). */
  resume(): void {
    this.enqueue(() => this.catchUp());
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    for (const id of added.concat(updated, removed)) {
      this.awarenessToSend.add(id);
      if (origin !== REMOTE_ORIGIN) this.awarenessToPublish.add(id);
    }
    // Batched: with many people moving cursors, one frame per interval instead of one per move.
    this.awarenessTimer ??= setTimeout(
      this.flushAwareness,
      this.options.awarenessBatchMs ?? DEFAULT_AWARENESS_BATCH_MS,
    );
  };

  private flushAwareness = (): void => {
    this.awarenessTimer = null;
    if (this.closed) return;
    if (this.awarenessToSend.size > 0) {
      const frame = awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awarenessToSend]));
      for (const conn of this.connections) {
        if (!conn.closed) this.send(conn, frame);
      }
    }
    if (this.awarenessToPublish.size > 0 && this.options.fanout) {
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awarenessToPublish]);
      this.options.fanout.publish(this.id, { kind: 'awareness', update });
    }
    this.awarenessToSend.clear();
    this.awarenessToPublish.clear();
  };

  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.log.error({ event: 'room-failed', workshop: this.id, err: error }, 'room failed; closing its connections');
    for (const conn of this.connections) closeConnection(conn, CLOSE.serverError, 'server error; reconnecting');
    this.connections.clear();
    this.release();
    this.onFailed(this);
  }

  private release(): void {
    this.attendance.stop();
    if (this.catchUpTimer) clearInterval(this.catchUpTimer);
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.awarenessTimer = null;
    this.options.fanout?.unsubscribe(this.id).catch(() => {});
  }

  /** Compacts (when there is anything new) and releases the room; resolves when stored. */
  async close(): Promise<void> {
    // Whoever is still here (the server is stopping) leaves now, stored with the rest.
    void this.attendance.close();
    this.enqueue(async () => {
      if (this.sinceCompaction > 0) await this.compact();
    });
    await this.queue;
    await this.title?.close();
    this.closed = true;
    this.release();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
