import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openPostgresStorage } from '../../server/storage/postgresStorage.ts';
import { openSqliteStorage } from '../../server/storage/sqliteStorage.ts';
import type { Storage } from '../../server/storage/storage.ts';
import { addCard, getCard, listCards, observeBoard } from '../../shared/model/index.ts';
import { freePort } from '../support/redisProcess.ts';
import { type ServerProcess, spawnServer } from '../support/serverProcess.ts';
import { freshDatabase, serviceAvailable } from '../support/services.ts';
import { author, connectClient, createWorkshop, type TestClient } from '../support/syncClient.ts';
import { sleep, waitFor } from '../support/wait.ts';

const KILLS = 20;
const WRITERS = 5;

/** A small seeded generator, so a failing run can be replayed. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Backend {
  name: string;
  available: () => Promise<boolean>;
  setup: () => Promise<{ env: Record<string, string>; open: () => Promise<Storage>; teardown: () => Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'SQLite',
    available: async () => true,
    setup: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-crash-'));
      return {
        env: { DATA_DIR: dir },
        open: async () => openSqliteStorage(dir),
        teardown: async () => fs.rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'PostgreSQL',
    available: () => serviceAvailable('postgres'),
    setup: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-crash-'));
      const db = await freshDatabase();
      return {
        env: { DATA_DIR: dir, DATABASE_URL: db.url, SERVER_SECRET: 'crash-test-secret-of-at-least-32-characters' },
        open: () => openPostgresStorage({ connectionString: db.url, max: 2 }),
        teardown: async () => {
          await db.drop();
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
];

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function storedTexts(storage: Storage, workshopId: string): Promise<Set<string>> {
  const stored = await storage.loadDoc(workshopId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return new Set(listCards(doc).map((c) => (c.kind === 'note' ? c.fields.text : '')));
}

describe.each(backends)('on $name, across 20 SIGKILLs during a stream of edits from 5 clients', (backend) => {
  it('every update any client saw relayed is in storage after each kill', { timeout: 240_000 }, async (ctx) => {
    if (!(await backend.available())) ctx.skip();
    const store = await backend.setup();
    cleanup.push(store.teardown);
    const port = await freePort();
    const env = { ...store.env, PORT: String(port), COMPACT_EVERY: '50' };
    let server: ServerProcess = await spawnServer(env);
    cleanup.push(() => {
      server.child.kill('SIGKILL');
    });
    const workshop = await createWorkshop(server.url);
    const random = seeded(20261123);

    // What each client has received from the server: cards written by the other clients.
    const seen = new Set<string>();
    const writers: TestClient[] = [];
    const timers: ReturnType<typeof setInterval>[] = [];
    for (let w = 0; w < WRITERS; w++) {
      const c = connectClient(server.url, workshop.id, workshop.tokens.participant, undefined, { maxBackoffTime: 250 });
      writers.push(c);
      const me = `writer${w}`;
      observeBoard(c.doc, (changes) => {
        if (changes.origin !== c.provider) return;
        for (const id of changes.cards) {
          const card = getCard(c.doc, id);
          if (card?.kind === 'note' && card.author.name !== me) seen.add(card.fields.text);
        }
      });
      let n = 0;
      timers.push(
        setInterval(() => {
          addCard(c.doc, { kind: 'note', x: n, y: w, author: author(me), fields: { text: `${me}-${n++}` } });
        }, 40),
      );
    }
    cleanup.push(() => {
      for (const t of timers) clearInterval(t);
      for (const c of writers) c.destroy();
    });

    let checked = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      // Kill at a random moment once every writer is back and streaming edits.
      await waitFor(() => writers.every((c) => c.provider.synced), 'every writer to reconnect', 20_000).catch(
        (error) => {
          const states = writers.map((c) => ({
            connected: c.provider.wsconnected,
            synced: c.provider.synced,
            shouldConnect: c.provider.shouldConnect,
          }));
          throw new Error(
            `${(error as Error).message} at kill ${kill}: ${JSON.stringify(states)}\n${server.output().slice(-2000)}`,
          );
        },
      );
      await sleep(100 + Math.floor(random() * 400));
      server.child.kill('SIGKILL');
      await server.exited;
      const relayed = [...seen];
      const storage = await store.open();
      const stored = await storedTexts(storage, workshop.id);
      await storage.close();
      const lost = relayed.filter((text) => !stored.has(text));
      expect(lost, `after kill ${kill + 1}`).toEqual([]);
      checked = relayed.length;
      server = await spawnServer(env);
    }
    expect(checked).toBeGreaterThan(100);
  });
});
