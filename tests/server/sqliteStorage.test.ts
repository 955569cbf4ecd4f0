import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStorage } from '../../server/storage/sqliteStorage.ts';
import type { Storage } from '../../server/storage/storage.ts';

let dir: string;
let storage: Storage;
const record = (id: string) => ({ id, title: `W ${id}`, createdAt: 1, epochs: { facilitator: 0, participant: 2, viewer: 0 } });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-sqlite-'));
  storage = openSqliteStorage(dir);
});
afterEach(async () => {
  await storage.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('SQLite storage', () => {
  it('keeps workshops with their epochs and counts them', async () => {
    await storage.createWorkshop(record('aaaaaaaaaaaaaaaaaaaaaa'), new Uint8Array([0, 0]));
    expect(await storage.getWorkshop('aaaaaaaaaaaaaaaaaaaaaa')).toEqual(record('aaaaaaaaaaaaaaaaaaaaaa'));
    expect(await storage.getWorkshop('missing')).toBeUndefined();
    await storage.setEpochs('aaaaaaaaaaaaaaaaaaaaaa', { facilitator: 1, participant: 3, viewer: 1 });
    expect((await storage.getWorkshop('aaaaaaaaaaaaaaaaaaaaaa'))?.epochs).toEqual({ facilitator: 1, participant: 3, viewer: 1 });
    expect(await storage.countWorkshops()).toBe(1);
  });

  it('loads the initial state, then appended updates in order, per workshop', async () => {
    await storage.createWorkshop(record('w1'), new Uint8Array([9]));
    await storage.createWorkshop(record('w2'), new Uint8Array([8]));
    await storage.appendUpdate('w1', new Uint8Array([1]));
    await storage.appendUpdate('w2', new Uint8Array([2]));
    const seq = await storage.appendUpdate('w1', new Uint8Array([3]));
    const loaded = await storage.loadDoc('w1');
    expect(loaded.snapshot).toEqual(new Uint8Array([9]));
    expect(loaded.updates).toEqual([new Uint8Array([1]), new Uint8Array([3])]);
    expect(loaded.lastSeq).toBe(seq);
  });

  it('compaction folds the stored updates into the snapshot and keeps later ones apart', async () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getMap('m').set('a', 1);
    const initial = updates.splice(0);
    await storage.createWorkshop(record('w1'), initial[0] as Uint8Array);
    doc.getMap('m').set('b', 2);
    await storage.appendUpdate('w1', updates.pop() as Uint8Array);
    await storage.compact('w1');
    doc.getMap('m').set('c', 3);
    await storage.appendUpdate('w1', updates.pop() as Uint8Array);
    const loaded = await storage.loadDoc('w1');
    expect(loaded.updates).toHaveLength(1);
    const back = new Y.Doc();
    Y.applyUpdate(back, loaded.snapshot as Uint8Array);
    expect(back.getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
    Y.applyUpdate(back, loaded.updates[0] as Uint8Array);
    expect(back.getMap('m').toJSON()).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('survives reopening the file', async () => {
    await storage.createWorkshop(record('w1'), new Uint8Array([9]));
    await storage.appendUpdate('w1', new Uint8Array([1]));
    await storage.close();
    storage = openSqliteStorage(dir);
    expect((await storage.loadDoc('w1')).updates).toEqual([new Uint8Array([1])]);
  });
});
