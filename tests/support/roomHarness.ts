// A workshop room on real (SQLite) storage, driven through in-memory connections: a test sends
// the frames a client would (any bytes at all) and reads what the room stored and answered.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import { pino } from 'pino';
import * as Y from 'yjs';
import type { Role } from '../../server/auth/roles.ts';
import { Counters } from '../../server/metrics/counters.ts';
import { type Connection, type ConnectionProfile, newConnection } from '../../server/rooms/connection.ts';
import { RoomRegistry } from '../../server/rooms/roomRegistry.ts';
import { openSqliteStorage } from '../../server/storage/sqliteStorage.ts';
import type { Storage } from '../../server/storage/storage.ts';
import { MESSAGE, SYNC } from '../../shared/protocol/messages.ts';

export interface TestConnection {
  conn: Connection;
  /** The close code the room closed it with, or null while it is open. */
  closedWith(): number | null;
  sent: Uint8Array[];
}

export function updateFrame(update: Uint8Array, type: number = SYNC.update): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.sync);
  encoding.writeVarUint(e, type);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export interface Harness {
  storage: Storage;
  rooms: RoomRegistry;
  counters: Counters;
  workshopId: string;
  /** The room's live document. */
  doc(): Y.Doc;
  /** `profile`: the name and group the person's hello carried (the server records them). */
  connect(role: Role, person: string, profile?: ConnectionProfile): Promise<TestConnection>;
  /** Sends an update as `from`, and waits until the room has handled it. */
  send(from: TestConnection, update: Uint8Array): Promise<void>;
  /** The board as a newcomer would load it from storage. */
  stored(): Promise<Y.Doc>;
  close(): Promise<void>;
}

export async function roomHarness(initial: Y.Doc = new Y.Doc()): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-harness-'));
  const storage = openSqliteStorage(dir);
  const counters = new Counters();
  const rooms = new RoomRegistry(storage, pino({ level: 'silent' }), counters, { compactEvery: 1000 });
  const workshopId = 'w-harness-000001';
  await storage.createWorkshop(
    { id: workshopId, title: 'W', createdAt: 0, epochs: { facilitator: 0, participant: 0, viewer: 0 } },
    Y.encodeStateAsUpdate(initial),
  );
  const room = () => {
    const r = rooms.room(workshopId);
    if (!r) throw new Error('the room is not loaded');
    return r;
  };
  return {
    storage,
    rooms,
    counters,
    workshopId,
    doc: () => room().doc,
    async connect(role, person, profile) {
      const sent: Uint8Array[] = [];
      let closedWith: number | null = null;
      const conn = newConnection(
        {
          send: (data) => sent.push(data),
          close: (code) => {
            closedWith = code;
          },
          bufferedAmount: 0,
        },
        role,
        person,
        profile,
      );
      const joined = await rooms.join(workshopId, conn);
      await joined.ready;
      return { conn, sent, closedWith: () => closedWith };
    },
    async send(from, update) {
      room().receive(from.conn, updateFrame(update));
      await room().ready;
    },
    async stored() {
      const loaded = await storage.loadDoc(workshopId);
      const doc = new Y.Doc();
      if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
      for (const u of loaded.updates) Y.applyUpdate(doc, u);
      return doc;
    },
    async close() {
      await rooms.closeAll();
      await storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
