// The rooms in memory: a workshop is loaded on its first connection and unloaded (compacted and
// released) when its last connection leaves. A room being unloaded finishes storing before the
// same workshop is loaded again.
import type { Logger } from 'pino';
import { type Facilitation, readFacilitation } from '../../shared/model/index.ts';
import type { Counters } from '../metrics/counters.ts';
import type { Storage } from '../storage/storage.ts';
import type { Connection } from './connection.ts';
import { PrivateRooms } from './privateRooms.ts';
import { Room, type RoomOptions } from './room.ts';

/**
 * A workshop stays loaded this long after its last connection leaves: loading a large board is
 * the costliest thing a connection can make the server do, and a page reloading, a phone losing
 * its signal or a client connecting and leaving on purpose must not make it happen each time.
 */
export const ROOM_LINGER_MS = 30_000;

export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly unloading = new Map<string, Promise<void>>();
  /** Server tasks using a room, which keep it loaded with no connection. */
  private readonly holds = new Map<string, number>();
  /** People's private boards (private brainstorming), beside the workshops' rooms. */
  readonly privates: PrivateRooms;

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly counters: Counters,
    private readonly options: RoomOptions,
  ) {
    this.privates = new PrivateRooms(storage, log, counters, {
      facilitation: (id) => this.facilitation(id),
      fanout: options.fanout,
      catchUpEveryMs: options.catchUpEveryMs,
    });
    // After a fan-out outage, every room re-reads what it may have missed.
    options.fanout?.onResume(() => {
      for (const room of this.rooms.values()) room.resume();
      this.privates.resume();
    });
  }

  /** Every room in memory. */
  all(): IterableIterator<Room> {
    return this.rooms.values();
  }

  get size(): number {
    return this.rooms.size;
  }

  get connectionCount(): number {
    let n = 0;
    for (const room of this.rooms.values()) n += room.connections.size;
    return n;
  }

  room(id: string): Room | undefined {
    return this.rooms.get(id);
  }

  private async acquire(id: string): Promise<Room> {
    let room = this.rooms.get(id);
    if (!room) {
      await this.unloading.get(id);
      room = this.rooms.get(id);
    }
    if (!room) {
      room = new Room(id, this.storage, this.log, this.counters, this.options);
      room.onFailed = (failed) => {
        if (this.rooms.get(id) === failed) this.rooms.delete(id);
      };
      // Another process revoked a link: that role's private connections here close too.
      room.onRevoked = (role) => this.privates.revoke(id, role);
      this.rooms.set(id, room);
    }
    return room;
  }

  /** Adds a connection to its workshop's room, loading the room if needed. */
  async join(id: string, conn: Connection): Promise<Room> {
    const room = await this.acquire(id);
    room.join(conn);
    return room;
  }

  /**
   * Runs a server task on a workshop's room (e.g. a reveal), loading it for the task if needed.
   * With `lingerMs`, the room stays loaded that long after the task, for a connection that is
   * expected next (a browser fetches the board's state, then opens its socket).
   */
  async use<T>(id: string, task: (room: Room) => Promise<T>, lingerMs = 0): Promise<T> {
    const room = await this.acquire(id);
    const drop = this.hold(room);
    try {
      await room.ready;
      return await task(room);
    } finally {
      if (lingerMs > 0) setTimeout(drop, lingerMs).unref();
      else drop();
    }
  }

  /** Keeps a room loaded with no connection until the returned function is called. */
  private hold(room: Room): () => void {
    const id = room.id;
    this.holds.set(id, (this.holds.get(id) ?? 0) + 1);
    return () => {
      const left = (this.holds.get(id) ?? 1) - 1;
      if (left > 0) this.holds.set(id, left);
      else this.holds.delete(id);
      this.release(room);
    };
  }

  /**
   * The workshop's facilitation state as its room holds it now, loading the room if needed. It
   * waits for the room's load only, not for its queue: a private board judging an update reads
   * it while a reveal may be waiting on that private board.
   */
  async facilitation(id: string): Promise<Facilitation> {
    const room = await this.acquire(id);
    const drop = this.hold(room);
    try {
      await room.loaded;
      if (room.isFailed) throw new Error('the workshop is unavailable');
      return readFacilitation(room.doc);
    } finally {
      drop();
    }
  }

  leave(room: Room, conn: Connection): void {
    room.leave(conn);
    if (room.connections.size > 0 || this.rooms.get(room.id) !== room) return;
    setTimeout(this.hold(room), ROOM_LINGER_MS).unref();
  }

  private release(room: Room): void {
    if (room.connections.size > 0 || this.holds.has(room.id) || this.rooms.get(room.id) !== room) return;
    this.rooms.delete(room.id);
    const done = room
      .close()
      .catch((error) => this.log.error({ event: 'room-unload-failed', workshop: room.id, err: error }, 'unload failed'))
      .finally(() => {
        if (this.unloading.get(room.id) === done) this.unloading.delete(room.id);
      });
    this.unloading.set(room.id, done);
  }

  /** Closes every connection of `role` to workshop `id`, here and (through the fan-out) elsewhere. */
  revoke(id: string, role: string): void {
    this.rooms.get(id)?.revoke(role);
    this.privates.revoke(id, role);
    this.options.fanout?.publish(id, { kind: 'revoke', role });
  }

  /** Stores and releases every room (graceful shutdown). */
  async closeAll(): Promise<void> {
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    await Promise.all([...rooms.map((room) => room.close()), ...this.unloading.values(), this.privates.closeAll()]);
  }
}
