import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addCard, listCards, personIdOf, readFacilitation, setPrivateMode } from '../../shared/model/index.ts';
import { type RedisProcess, redisServerInstalled, startRedis } from '../support/redisProcess.ts';
import { type ServerProcess, spawnServer } from '../support/serverProcess.ts';
import { freshDatabase, serviceAvailable } from '../support/services.ts';
import {
  author,
  type CreatedWorkshop,
  connectClient,
  createWorkshop,
  type TestClient,
  whenSynced,
} from '../support/syncClient.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy.ts';
import { waitFor } from '../support/wait.ts';

let available = false;
let redis: RedisProcess;
let db: { url: string; drop: () => Promise<void> };
let dataDir: string;
const processes: ServerProcess[] = [];
const clients: TestClient[] = [];
let proxy: TcpProxy | null = null;

async function server(): Promise<ServerProcess> {
  const p = await spawnServer({
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    SERVER_SECRET: 'scale-out-test-secret-of-at-least-32-chars',
    DATA_DIR: dataDir,
    CATCH_UP_EVERY_MS: '300',
  });
  processes.push(p);
  return p;
}

function client(url: string, workshop: CreatedWorkshop): TestClient {
  const c = connectClient(url, workshop.id, workshop.tokens.participant);
  clients.push(c);
  return c;
}

const notes = (c: TestClient) => listCards(c.doc).length;
const add = (c: TestClient, n: number, tag: string, by = author(tag)) => {
  for (let i = 0; i < n; i++) addCard(c.doc, { kind: 'note', x: i, y: 0, author: by, fields: { text: `${tag}${i}` } });
};

beforeAll(async () => {
  available = (await serviceAvailable('postgres')) && redisServerInstalled();
});

beforeEach(async (ctx) => {
  if (!available) ctx.skip();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-scale-'));
  db = await freshDatabase();
  redis = await startRedis();
});

afterEach(async () => {
  if (!available) return;
  for (const c of clients.splice(0)) c.destroy();
  for (const p of processes.splice(0)) p.child.kill('SIGKILL');
  await Promise.all(processes.map((p) => p.exited));
  await proxy?.close();
  proxy = null;
  await redis.stop();
  await db.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('two server processes on PostgreSQL and Redis', () => {
  it('serve one workshop: clients on each converge and see each other’s cursors', { timeout: 60_000 }, async () => {
    const [a, b] = await Promise.all([server(), server()]);
    const workshop = await createWorkshop(a.url);
    const onA = client(a.url, workshop);
    const onB = client(b.url, workshop);
    await Promise.all([whenSynced(onA), whenSynced(onB)]);
    add(onA, 20, 'a');
    add(onB, 20, 'b');
    await waitFor(() => notes(onA) === 40 && notes(onB) === 40, 'both sides to hold 40 cards', 5000);

    onA.provider.awareness.setLocalStateField('user', { name: 'Amina' });
    await waitFor(
      () => [...onB.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Amina'),
      'B to see the cursor of a client on A',
      5000,
    );
  });

  it('move a killed process’s clients to the other one, losing nothing', { timeout: 60_000 }, async () => {
    const [a, b] = await Promise.all([server(), server()]);
    const portOf = (p: ServerProcess) => Number(new URL(p.url).port);
    proxy = await startTcpProxy(portOf(a));
    const workshop = await createWorkshop(a.url);
    const viaProxy = client(proxy.url, workshop);
    const onB = client(b.url, workshop);
    await Promise.all([whenSynced(viaProxy), whenSynced(onB)]);
    add(viaProxy, 30, 'before');
    await waitFor(() => notes(onB) === 30, 'B to see the first 30', 5000);

    a.child.kill('SIGKILL');
    await a.exited;
    proxy.setTarget(portOf(b));
    proxy.dropAll();
    // Edits made while the connection is down are kept and sent on reconnect.
    add(viaProxy, 10, 'during');
    await waitFor(
      () => viaProxy.provider.synced && viaProxy.provider.wsconnected,
      'the client to reconnect via B',
      15_000,
    );
    add(viaProxy, 10, 'after');
    await waitFor(() => notes(onB) === 50, 'B to hold all 50 cards', 10_000);

    const fresh = client(b.url, workshop);
    await whenSynced(fresh);
    expect(notes(fresh)).toBe(50);
  });

  it('lose nothing when Redis restarts, and catch up while it is down', { timeout: 60_000 }, async () => {
    const [a, b] = await Promise.all([server(), server()]);
    const workshop = await createWorkshop(a.url);
    const onA = client(a.url, workshop);
    const onB = client(b.url, workshop);
    await Promise.all([whenSynced(onA), whenSynced(onB)]);
    add(onA, 10, 'a1');
    await waitFor(() => notes(onB) === 10, 'B to see A’s first cards', 5000);

    await redis.stop();
    add(onA, 10, 'a2');
    add(onB, 10, 'b2');
    // Storage is still the source of truth: the periodic catch-up carries edits across.
    await waitFor(() => notes(onA) === 30 && notes(onB) === 30, 'both sides to converge without Redis', 10_000);

    await redis.start();
    add(onA, 10, 'a3');
    add(onB, 10, 'b3');
    await waitFor(() => notes(onA) === 50 && notes(onB) === 50, 'both sides to converge after Redis is back', 10_000);

    const fresh = client(a.url, workshop);
    await whenSynced(fresh);
    expect(notes(fresh)).toBe(50);
  });

  it('a reveal run by one process moves the notes of a person connected to the other, who sees them leave', {
    timeout: 60_000,
  }, async () => {
    const [a, b] = await Promise.all([server(), server()]);
    const workshop = await createWorkshop(a.url);
    const facilitator = connectClient(a.url, workshop.id, workshop.tokens.facilitator);
    clients.push(facilitator);
    await whenSynced(facilitator);
    setPrivateMode(facilitator.doc, true);
    // Private mode has reached B (private notes are refused while it is off).
    const watcher = connectClient(b.url, workshop.id, workshop.tokens.viewer);
    clients.push(watcher);
    await waitFor(() => readFacilitation(watcher.doc).privateMode, 'private mode on B', 5000);
    // Ben's private board is open in two tabs, on B and on A.
    const secret = 'secret-of-ben-0123456789';
    const ben = { secret, id: personIdOf(secret) };
    const onB = connectClient(b.url, workshop.id, workshop.tokens.participant, undefined, {
      person: ben,
      board: 'private',
    });
    const onA = connectClient(a.url, workshop.id, workshop.tokens.participant, undefined, {
      person: ben,
      board: 'private',
    });
    clients.push(onB, onA);
    await Promise.all([whenSynced(onB), whenSynced(onA)]);
    add(onB, 2, 'ben', { id: ben.id, name: 'Ben', group: 'academia' });
    // His tab on A sees the notes written on B: the private board crosses processes too.
    await waitFor(() => notes(onA) === 2, 'Ben’s tab on A to see his notes', 5000);

    const res = await fetch(`${a.url}/api/workshops/${workshop.id}/reveal`, {
      method: 'POST',
      headers: { authorization: `Bearer ${workshop.tokens.facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ anonymous: false }),
    });
    expect(await res.json()).toMatchObject({ moved: 2, people: 1 });
    await waitFor(() => notes(facilitator) === 2, 'the notes on the shared board', 5000);
    // On B, where the reveal did not run, Ben sees his private board empty at once.
    await waitFor(() => notes(onB) === 0 && notes(onA) === 0, 'Ben’s private board to empty on B', 5000);
  });
});
