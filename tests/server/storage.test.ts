import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openPostgresStorage } from '../../server/storage/postgresStorage.ts';
import { openSqliteStorage } from '../../server/storage/sqliteStorage.ts';
import { PRIVATE_FOLD_EVERY, type Storage } from '../../server/storage/storage.ts';
import { freshDatabase, serviceAvailable } from '../support/services.ts';

const record = (id: string) => ({
  id,
  title: `W ${id}`,
  createdAt: 1,
  epochs: { facilitator: 0, participant: 2, viewer: 0 },
});

interface Backend {
  name: string;
  available: () => Promise<boolean>;
  /** Opens storage on a fresh store; `reopen` opens the same store again. */
  setup: () => Promise<{ open: () => Promise<Storage>; teardown: () => Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'SQLite',
    available: async () => true,
    setup: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-sqlite-'));
      return {
        open: async () => openSqliteStorage(dir),
        teardown: async () => fs.rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'PostgreSQL',
    available: () => serviceAvailable('postgres'),
    setup: async () => {
      const db = await freshDatabase();
      return { open: () => openPostgresStorage({ connectionString: db.url }), teardown: db.drop };
    },
  },
];

describe.each(backends)('$name storage', (backend) => {
  let storage: Storage;
  let store: Awaited<ReturnType<Backend['setup']>>;
  let available = false;

  beforeAll(async () => {
    available = await backend.available();
  });
  beforeEach(async (ctx) => {
    if (!available) ctx.skip();
    store = await backend.setup();
    storage = await store.open();
  });
  afterEach(async () => {
    if (!available) return;
    await storage.close();
    await store.teardown();
  });

  it('keeps workshops with their epochs and counts them', async () => {
    await storage.createWorkshop(record('aaaaaaaaaaaaaaaaaaaaaa'), new Uint8Array([0, 0]));
    expect(await storage.getWorkshop('aaaaaaaaaaaaaaaaaaaaaa')).toEqual(record('aaaaaaaaaaaaaaaaaaaaaa'));
    expect(await storage.getWorkshop('missing')).toBeUndefined();
    await storage.setEpochs('aaaaaaaaaaaaaaaaaaaaaa', { facilitator: 1, participant: 3, viewer: 1 });
    expect((await storage.getWorkshop('aaaaaaaaaaaaaaaaaaaaaa'))?.epochs).toEqual({
      facilitator: 1,
      participant: 3,
      viewer: 1,
    });
    await storage.setTitle('aaaaaaaaaaaaaaaaaaaaaa', 'Plan provincial de Koshi — कोशी');
    expect((await storage.getWorkshop('aaaaaaaaaaaaaaaaaaaaaa'))?.title).toBe('Plan provincial de Koshi — कोशी');
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

  it('catches up after a sequence number with the later updates only, or everything once compacted past it', async () => {
    await storage.createWorkshop(record('w1'), new Uint8Array([0, 0]));
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getMap('m').set('a', 1);
    const first = await storage.appendUpdate('w1', updates.pop() as Uint8Array);
    doc.getMap('m').set('b', 2);
    await storage.appendUpdate('w1', updates.pop() as Uint8Array);
    const tail = await storage.loadDoc('w1', first);
    expect(tail.snapshot).toBeNull();
    expect(tail.updates).toHaveLength(1);
    await storage.compact('w1');
    const whole = await storage.loadDoc('w1', first);
    expect(whole.snapshot).not.toBeNull();
    const back = new Y.Doc();
    Y.applyUpdate(back, whole.snapshot as Uint8Array);
    for (const u of whole.updates) Y.applyUpdate(back, u);
    expect(back.getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
  });

  it('loses nothing when two handles append and compact the same workshop at once', async () => {
    await storage.createWorkshop(record('w1'), Y.encodeStateAsUpdate(new Y.Doc()));
    const other = await store.open();
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 60; i++) {
      const doc = new Y.Doc();
      doc.getMap('m').set(`k${i}`, i);
      const handle = i % 2 === 0 ? storage : other;
      writes.push(handle.appendUpdate('w1', Y.encodeStateAsUpdate(doc)));
      if (i % 10 === 5) writes.push(handle.compact('w1'));
    }
    await Promise.all(writes);
    await other.close();
    const stored = await storage.loadDoc('w1');
    const back = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(back, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(back, u);
    expect(Object.keys(back.getMap('m').toJSON())).toHaveLength(60);
  });

  it('keeps private boards per workshop and owner, merging every update, deletions included', async () => {
    await storage.createWorkshop(record('w1'), new Uint8Array([0, 0]));
    await storage.createWorkshop(record('w2'), new Uint8Array([0, 0]));
    expect(await storage.loadPrivateDoc('w1', 'ann')).toBeNull();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getMap('m').set('a', 1);
    doc.getMap('m').set('b', 2);
    doc.getMap('m').delete('a');
    for (const u of updates) await storage.appendPrivateUpdate('w1', 'ann', u);
    const other = new Y.Doc();
    other.getMap('m').set('z', 9);
    await storage.appendPrivateUpdate('w1', 'bob', Y.encodeStateAsUpdate(other));
    await storage.appendPrivateUpdate('w2', 'ann', Y.encodeStateAsUpdate(other));

    const back = new Y.Doc();
    Y.applyUpdate(back, (await storage.loadPrivateDoc('w1', 'ann')) as Uint8Array);
    expect(back.getMap('m').toJSON()).toEqual({ b: 2 });
    // The deletion travels with the stored state: a copy that still has `a` loses it on sync.
    const stale = new Y.Doc();
    Y.applyUpdate(stale, updates[0] as Uint8Array);
    Y.applyUpdate(stale, (await storage.loadPrivateDoc('w1', 'ann')) as Uint8Array);
    expect(stale.getMap('m').toJSON()).toEqual({ b: 2 });

    const all = await storage.listPrivateDocs('w1');
    expect(all.map((d) => d.ownerHash)).toEqual(['ann', 'bob']);
    const bob = new Y.Doc();
    Y.applyUpdate(bob, (all[1] as { state: Uint8Array }).state);
    expect(bob.getMap('m').toJSON()).toEqual({ z: 9 });
    expect(await storage.listPrivateDocs('w3')).toEqual([]);
  });

  it('appends private updates and merges them every so often, losing none', async () => {
    await storage.createWorkshop(record('w1'), new Uint8Array([0, 0]));
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const text = doc.getText('t');
    for (let i = 0; i < PRIVATE_FOLD_EVERY * 3 + 5; i++) text.insert(text.length, `${i % 10}`);
    for (const u of updates) await storage.appendPrivateUpdate('w1', 'ann', u);
    // Merges run in the background; a load at any moment holds every update.
    for (let i = 0; i < 5; i++) {
      const back = new Y.Doc();
      Y.applyUpdate(back, (await storage.loadPrivateDoc('w1', 'ann')) as Uint8Array);
      expect(back.getText('t').toString()).toBe(text.toString());
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  it('loses no private update when two handles write the same private board at once', async () => {
    await storage.createWorkshop(record('w1'), new Uint8Array([0, 0]));
    const other = await store.open();
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 30; i++) {
      const doc = new Y.Doc();
      doc.getMap('m').set(`k${i}`, i);
      writes.push((i % 2 === 0 ? storage : other).appendPrivateUpdate('w1', 'ann', Y.encodeStateAsUpdate(doc)));
    }
    await Promise.all(writes);
    await other.close();
    const back = new Y.Doc();
    Y.applyUpdate(back, (await storage.loadPrivateDoc('w1', 'ann')) as Uint8Array);
    expect(Object.keys(back.getMap('m').toJSON())).toHaveLength(30);
  });

  it('stores appends made at once for several workshops, each workshop’s in its order', async () => {
    const ids = ['w1', 'w2', 'w3'];
    for (const id of ids) await storage.createWorkshop(record(id), new Uint8Array([9]));
    // Each room appends one update after another; the rooms' appends meet in the same turns.
    const seqs = await Promise.all(
      ids.map(async (id) => {
        const mine: number[] = [];
        for (let i = 0; i < 6; i++) mine.push(await storage.appendUpdate(id, new Uint8Array([i])));
        return mine;
      }),
    );
    for (const [k, id] of ids.entries()) {
      expect([...(seqs[k] as number[])].sort((a, b) => a - b)).toEqual(seqs[k]);
      expect((await storage.loadDoc(id)).updates).toEqual([0, 1, 2, 3, 4, 5].map((i) => new Uint8Array([i])));
    }
  });

  it('fails an append to an unknown workshop alone: the ones made with it are stored', async () => {
    await storage.createWorkshop(record('w1'), new Uint8Array([9]));
    const results = await Promise.allSettled([
      storage.appendUpdate('w1', new Uint8Array([1])),
      storage.appendUpdate('no-such-workshop', new Uint8Array([2])),
      storage.appendUpdate('w1', new Uint8Array([3])),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await storage.loadDoc('w1')).updates).toEqual([new Uint8Array([1]), new Uint8Array([3])]);
  });

  it('survives reopening the file', async () => {
    await storage.createWorkshop(record('w1'), new Uint8Array([9]));
    await storage.appendUpdate('w1', new Uint8Array([1]));
    await storage.close();
    storage = await store.open();
    expect((await storage.loadDoc('w1')).updates).toEqual([new Uint8Array([1])]);
  });
});
