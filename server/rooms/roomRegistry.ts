// The rooms in memory: a workshop is loaded on its first connection and unloaded (compacted and
// released) when its last connection leaves. A room being unloaded finishes storing before the
// same workshop is loaded again.
import type { Logger } from 'pino';
import type { Counters } from '../metrics/counters.ts';
import type { Storage } from '../storage/storage.ts';
import type { Connection } from './connection.ts';
import { Room, type RoomOptions } from './room.ts';

export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly unloading = new Map<string, Promise<void>>();

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly counters: Counters,
    private readonly options: RoomOptions,
  ) {
    // After a fan-out outage, every room re-reads what it may have missed.
    options.fanout?.onResume(() => {
      for (const room of this.rooms.values()) room.resume();
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

  /** Adds a connection to its workshop's room, loading the room if needed. */
  async join(id: string, conn: Connection): Promise<Room> {
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
      this.rooms.set(id, room);
    }
    room.join(conn);
    return room;
  }

  leave(room: Room, conn: Connection): void {
    room.leave(conn);
    if (room.connections.size > 0 || this.rooms.get(room.id) !== room) return;
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
    this.options.fanout?.publish(id, { kind: 'revoke', role });
  }

  /** Stores and releases every room (graceful shutdown). */
  async closeAll(): Promise<void> {
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    await Promise.all([...rooms.map((room) => room.close()), ...this.unloading.values()]);
  }
}
