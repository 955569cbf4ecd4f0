import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStorage, SQLITE_FILE } from '../../server/storage/sqliteStorage.ts';
import { BACKSTOP_FRAMES, CHECKPOINT_EVERY_MS } from '../../server/storage/sqliteThread.ts';
import type { Storage } from '../../server/storage/storage.ts';
import { waitFor } from '../support/wait.ts';

let dir: string;
let storage: Storage;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-wal-'));
  storage = openSqliteStorage(dir);
  await storage.createWorkshop(
    { id: 'w1', title: 'W', createdAt: 0, epochs: { facilitator: 0, participant: 0, viewer: 0 } },
    new Uint8Array([0, 0]),
  );
});
afterEach(async () => {
  await storage.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const dbFile = () => path.join(dir, SQLITE_FILE);
/** 4 KiB updates: each append adds at least one page to the WAL. */
const bigUpdate = (n: number) => new Uint8Array(4096).fill(n % 251);

describe('the SQLite thread', () => {
  it('copies appended updates into the database file by itself, off the thread that appends', async () => {
    const before = fs.statSync(dbFile()).size;
    for (let i = 0; i < 100; i++) await storage.appendUpdate('w1', bigUpdate(i));
    await waitFor(() => fs.statSync(dbFile()).size >= before + 100 * 4096, 'the WAL to be checkpointed', 10_000);
    const stored = await storage.loadDoc('w1');
    expect(stored.updates).toHaveLength(100);
    expect(stored.updates[42]).toEqual(bigUpdate(42));
  });

  it('keeps the WAL bounded while appends never pause long enough for a passive checkpoint', async () => {
    const wal = `${dbFile()}-wal`;
    const started = performance.now();
    let appended = 0;
    while (appended < 3 * BACKSTOP_FRAMES || performance.now() - started < 4 * CHECKPOINT_EVERY_MS) {
      await storage.appendUpdate('w1', new Uint8Array(60).fill(appended % 251));
      appended++;
      if (appended % 8 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    // Each append adds two pages or more (table and index) to a WAL that is never restarted.
    const unbounded = appended * 2 * 4096;
    expect(fs.statSync(wal).size).toBeLessThan(unbounded / 4);
    expect((await storage.loadDoc('w1')).updates).toHaveLength(appended);
  });

  it('folds a compaction on the thread while appends go on, and keeps the appends it did not read', async () => {
    const doc = new Y.Doc();
    const appends: Promise<number>[] = [];
    doc.on('update', (update: Uint8Array) => appends.push(storage.appendUpdate('w1', update)));
    for (let i = 0; i < 200; i++) doc.getMap('m').set(`k${i}`, i);
    await Promise.all(appends);
    const compacted = storage.compact('w1');
    for (let i = 200; i < 210; i++) doc.getMap('m').set(`k${i}`, i);
    await compacted;
    await Promise.all(appends);
    const stored = await storage.loadDoc('w1');
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates.length).toBeLessThanOrEqual(10);
    const back = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(back, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(back, update);
    expect(back.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
  });

  it('is stopped on close, and the last connection then removes the WAL', async () => {
    await storage.appendUpdate('w1', bigUpdate(1));
    await storage.close();
    expect(fs.existsSync(`${dbFile()}-wal`)).toBe(false);
    storage = openSqliteStorage(dir);
    expect((await storage.loadDoc('w1')).updates).toEqual([bigUpdate(1)]);
  });
});
