import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/server.ts';
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import { connectClient, createWorkshop, rawSyncSocket, whenSynced } from '../support/syncClient.ts';

let server: RunningServer;
let dataDir: string;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-ops-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent', maxMessagesPerSecond: 20 });
});
afterEach(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('operations endpoints', () => {
  it('/healthz and /readyz answer 200 with JSON while storage works', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', rooms: 0, connections: 0 });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, storage: true, fanout: null });
  });

  it('/metrics reports connections, updates, storage latency and refusals by reason in Prometheus format', async () => {
    const workshop = await createWorkshop(server.url);
    const client = connectClient(server.url, workshop.id, workshop.tokens.participant);
    await whenSynced(client);
    const bad = connectClient(server.url, workshop.id, 'wrong');
    await bad.closed;
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/^sdg_connections 1$/m);
    expect(text).toMatch(/^sdg_rooms 1$/m);
    expect(text).toMatch(/^sdg_refusals_total\{reason="bad-token"\} 1$/m);
    expect(text).toMatch(/^sdg_storage_seconds_count\{operation="load"\} [1-9]/m);
    expect(text).toContain('# TYPE sdg_updates_total counter');
    client.destroy();
    bad.destroy();
  });
});

describe('a connection over the message rate limit', () => {
  it('is closed with 4429 and counted, and the workshop stays available', async () => {
    const workshop = await createWorkshop(server.url);
    const { ws, opened, closed } = rawSyncSocket(server.url, workshop.id, workshop.tokens.participant);
    await opened;
    // Query-awareness frames: harmless, but 20/s with a burst of 100 allows no more than ~100 at once.
    for (let i = 0; i < 300; i++) ws.send(new Uint8Array([3]));
    expect(await closed).toBe(CLOSE.tooManyMessages);
    expect(server.counters.refusalCount('rate-limited')).toBe(1);
    const client = connectClient(server.url, workshop.id, workshop.tokens.participant);
    await whenSynced(client);
    client.destroy();
  });
});
