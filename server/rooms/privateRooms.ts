// The private boards in memory: loaded on their owner's first connection (or for the server's own
// work, such as a reveal) and released when nothing uses them any more. After a fan-out outage,
// each re-reads what it may have missed.
import type { Logger } from 'pino';
import type { Counters } from '../metrics/counters.ts';
import type { Storage } from '../storage/storage.ts';
import type { Connection } from './connection.ts';
import { type PrivateKey, PrivateRoom, type PrivateRoomOptions, privateRoomName } from './privateRoom.ts';

export class PrivateRooms {
  private readonly rooms = new Map<string, PrivateRoom>();
  private readonly unloading = new Map<string, Promise<void>>();
  /** Server tasks using a room, which keep it loaded with no connection. */
  private readonly holds = new Map<string, number>();

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly counters: Counters,
    private readonly options: PrivateRoomOptions,
  ) {}

  get size(): number {
    return this.rooms.size;
  }

  private async acquire(key: PrivateKey): Promise<PrivateRoom> {
    const name = privateRoomName(key);
    let room = this.rooms.get(name);
    if (!room) {
      await this.unloading.get(name);
      room = this.rooms.get(name);
    }
    if (!room) {
      room = new PrivateRoom(key, this.storage, this.log, this.counters, this.options);
      room.onFailed = (failed) => {
        if (this.rooms.get(name) === failed) this.rooms.delete(name);
      };
      this.rooms.set(name, room);
    }
    return room;
  }

  async join(key: PrivateKey, conn: Connection): Promise<PrivateRoom> {
    const room = await this.acquire(key);
    room.join(conn);
    return room;
  }

  leave(room: PrivateRoom, conn: Connection): void {
    room.leave(conn);
    this.release(room);
  }

  /** Runs a server task on a private board, loading it for the time of the task if needed. */
  async use<T>(key: PrivateKey, task: (room: PrivateRoom) => Promise<T>): Promise<T> {
    const room = await this.acquire(key);
    this.holds.set(room.name, (this.holds.get(room.name) ?? 0) + 1);
    try {
      await room.ready;
      return await task(room);
    } finally {
      const left = (this.holds.get(room.name) ?? 1) - 1;
      if (left > 0) this.holds.set(room.name, left);
      else this.holds.delete(room.name);
      this.release(room);
    }
  }

  private release(room: PrivateRoom): void {
    if (room.connections.size > 0 || this.holds.has(room.name) || this.rooms.get(room.name) !== room) return;
    this.rooms.delete(room.name);
    const done = room
      .close()
      .catch((error) => this.log.error({ event: 'private-unload-failed', err: error }, 'unload failed'))
      .finally(() => {
        if (this.unloading.get(room.name) === done) this.unloading.delete(room.name);
      });
    this.unloading.set(room.name, done);
  }

  /** The owners of a workshop's private boards open in this process. */
  liveOwners(workshopId: string): string[] {
    return [...this.rooms.values()].filter((r) => r.key.workshopId === workshopId).map((r) => r.key.ownerHash);
  }

  /** Every private board re-reads storage (the fan-out bus came back after an outage). */
  resume(): void {
    for (const room of this.rooms.values()) room.resume();
  }

  /** Closes this process's private connections of `role` to a workshop (its link was rotated). */
  revoke(workshopId: string, role: string): void {
    for (const room of this.rooms.values()) if (room.key.workshopId === workshopId) room.revoke(role);
  }

  async closeAll(): Promise<void> {
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    await Promise.all([...rooms.map((room) => room.close()), ...this.unloading.values()]);
  }
}
