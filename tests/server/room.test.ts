import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Role } from '../../server/auth/roles.ts';
import { Counters } from '../../server/metrics/counters.ts';
import { type Connection, newConnection } from '../../server/rooms/connection.ts';
import { Room } from '../../server/rooms/room.ts';
import { openSqliteStorage } from '../../server/storage/sqliteStorage.ts';
import type { Storage } from '../../server/storage/storage.ts';
import { addCard, listCards } from '../../shared/model/index.ts';
import { MESSAGE, SYNC } from '../../shared/protocol/messages.ts';
import { waitFor } from '../support/wait.ts';

const log = pino({ level: 'silent' });
let dir: string;
let storage: Storage;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-room-'));
  storage = openSqliteStorage(dir);
});
afterEach(async () => {
  await storage.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An in-memory socket: records what the room sends and how it closed the connection. */
function memorySocket() {
  const sent: Uint8Array[] = [];
  let closedWith: number | null = null;
  return {
    sent,
    closedWith: () => closedWith,
    socket: {
      send: (data: Uint8Array) => sent.push(data),
      close: (code: number) => {
        closedWith = code;
      },
      bufferedAmount: 0,
    },
  };
}

function frame(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}
const step1 = (doc: Y.Doc) =>
  frame(MESSAGE.sync, (e) => {
    encoding.writeVarUint(e, SYNC.step1);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  });
const update = (u: Uint8Array) =>
  frame(MESSAGE.sync, (e) => {
    encoding.writeVarUint(e, SYNC.update);
    encoding.writeVarUint8Array(e, u);
  });

/** Applies every sync step 2 / update a room sent to `doc`. */
function applySent(doc: Y.Doc, sent: Uint8Array[]): void {
  for (const bytes of sent) {
    const d = decoding.createDecoder(bytes);
    if (decoding.readVarUint(d) !== MESSAGE.sync) continue;
    const t = decoding.readVarUint(d);
    if (t === SYNC.step2 || t === SYNC.update) Y.applyUpdate(doc, decoding.readVarUint8Array(d));
  }
}

const who = { id: 'a', name: 'A', group: 'academia' };

async function seededWorkshop(): Promise<string> {
  const doc = new Y.Doc();
  addCard(doc, { kind: 'note', x: 0, y: 0, author: who, fields: { text: 'stored before' } });
  await storage.createWorkshop(
    { id: 'w1', title: 'W', createdAt: 0, epochs: { facilitator: 0, participant: 0, viewer: 0 } },
    Y.encodeStateAsUpdate(doc),
  );
  return 'w1';
}

function join(room: Room, role: Role) {
  const mem = memorySocket();
  const conn: Connection = newConnection(mem.socket, role, `person-${role}`);
  room.join(conn);
  return { conn, ...mem };
}

describe('a room', () => {
  it('answers no sync message before its stored state has loaded', async () => {
    const id = await seededWorkshop();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: Storage = { ...storage, loadDoc: async (w) => gate.then(() => storage.loadDoc(w)) };
    const room = new Room(id, slow, log, new Counters(), { compactEvery: 100 });
    const client = join(room, 'participant');
    room.receive(client.conn, step1(new Y.Doc()));
    await new Promise((r) => setTimeout(r, 50));
    expect(client.sent).toHaveLength(0);
    release();
    await waitFor(() => client.sent.length >= 2, 'the room to answer after loading');
    const doc = new Y.Doc();
    applySent(doc, client.sent);
    expect(listCards(doc).map((c) => c.kind === 'note' && c.fields.text)).toEqual(['stored before']);
    await room.close();
  });

  it('stores an update before relaying it, and relays it to everyone but its sender', async () => {
    const id = await seededWorkshop();
    // For each append: how many frames B had received when the update was being stored.
    const appended: number[] = [];
    let bSent: () => number = () => 0;
    const counting: Storage = {
      ...storage,
      appendUpdate: async (w, u) => {
        appended.push(bSent());
        return storage.appendUpdate(w, u);
      },
    };
    const room = new Room(id, counting, log, new Counters(), { compactEvery: 100 });
    const a = join(room, 'participant');
    const b = join(room, 'viewer');
    bSent = () => b.sent.length;
    await room.ready;
    const edit = new Y.Doc();
    addCard(edit, { kind: 'note', x: 1, y: 1, author: who, fields: { text: 'new' } });
    const before = b.sent.length;
    const aBefore = a.sent.length;
    const appendsBefore = appended.length;
    room.receive(a.conn, update(Y.encodeStateAsUpdate(edit)));
    await waitFor(() => b.sent.length > before, 'the update to be relayed');
    expect(appended.length - appendsBefore).toBe(1);
    expect(appended[appendsBefore]).toBe(before);
    const aFrames = a.sent.length;
    // (Before the edit, A received the server's own changes: the attendance of A and B.)
    expect(a.sent.slice(aBefore).some((f) => f[0] === MESSAGE.sync && f[1] === SYNC.update)).toBe(false);
    expect(aFrames).toBeGreaterThan(0);
    await room.close();
    const stored = await storage.loadDoc(id);
    const reloaded = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(reloaded, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(reloaded, u);
    expect(listCards(reloaded)).toHaveLength(2);
  });

  it('relays an update before compacting the log that it completes', async () => {
    const id = await seededWorkshop();
    // How many frames B had received when each compaction began.
    const compactions: number[] = [];
    let bSent: () => number = () => 0;
    const counting: Storage = {
      ...storage,
      compact: async (w) => {
        compactions.push(bSent());
        return storage.compact(w);
      },
    };
    const room = new Room(id, counting, log, new Counters(), { compactEvery: 1 });
    const a = join(room, 'participant');
    const b = join(room, 'viewer');
    bSent = () => b.sent.length;
    await room.ready;
    const edit = new Y.Doc();
    addCard(edit, { kind: 'note', x: 1, y: 1, author: who, fields: { text: 'new' } });
    const before = b.sent.length;
    const compactionsBefore = compactions.length;
    room.receive(a.conn, update(Y.encodeStateAsUpdate(edit)));
    await waitFor(() => compactions.length > compactionsBefore, 'the log to be compacted');
    expect(compactions.at(-1)).toBe(before + 1);
    await room.close();
    expect((await storage.loadDoc(id)).updates).toHaveLength(0);
  });

  it('closes every connection and stops when storage fails, rather than relaying unstored edits', async () => {
    const id = await seededWorkshop();
    const failing: Storage = {
      ...storage,
      appendUpdate: async () => {
        throw new Error('disk full');
      },
    };
    const room = new Room(id, failing, log, new Counters(), { compactEvery: 100 });
    const a = join(room, 'participant');
    const b = join(room, 'participant');
    await room.ready;
    const edit = new Y.Doc();
    addCard(edit, { kind: 'note', x: 1, y: 1, author: who });
    const before = b.sent.length;
    room.receive(a.conn, update(Y.encodeStateAsUpdate(edit)));
    await waitFor(() => room.isFailed, 'the room to fail');
    expect(b.sent.length).toBe(before);
    expect(a.closedWith()).toBe(1011);
    expect(b.closedWith()).toBe(1011);
  });

  it('lets a connection set only its own awareness state', async () => {
    const id = await seededWorkshop();
    const room = new Room(id, storage, log, new Counters(), { compactEvery: 100 });
    const a = join(room, 'viewer');
    const b = join(room, 'participant');
    await room.ready;
    const awarenessOf = (clientId: number, state: object) => {
      const doc = new Y.Doc();
      doc.clientID = clientId;
      const aw = new awarenessProtocol.Awareness(doc);
      aw.setLocalState(state);
      const bytes = awarenessProtocol.encodeAwarenessUpdate(aw, [clientId]);
      aw.destroy();
      return frame(MESSAGE.awareness, (e) => encoding.writeVarUint8Array(e, bytes));
    };
    room.receive(a.conn, awarenessOf(101, { user: 'a' }));
    room.receive(b.conn, awarenessOf(202, { user: 'b' }));
    // A tries to speak for B's client id: ignored.
    room.receive(a.conn, awarenessOf(202, { user: 'spoofed' }));
    await waitFor(() => room.awareness.getStates().size === 2, 'two awareness states');
    await new Promise((r) => setTimeout(r, 20));
    expect(room.awareness.getStates().get(202)).toEqual({ user: 'b' });
    expect(room.awareness.getStates().get(101)).toEqual({ user: 'a' });
    room.leave(a.conn);
    expect(room.awareness.getStates().has(101)).toBe(false);
    await room.close();
  });
});
