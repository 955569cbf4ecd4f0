import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/server.ts';
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import { connectClient, createWorkshop, type TestClient, whenSynced } from '../support/syncClient.ts';

let server: RunningServer;
let dataDir: string;
const clients: TestClient[] = [];

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-rotate-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent' });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const rotate = (id: string, token: string, role: string) =>
  fetch(`${server.url}/api/workshops/${id}/rotate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ role }),
  });

const tokenOf = (link: string) => new URL(link).hash.replace('#token=', '');

describe('rotating a link', () => {
  it('closes sockets using the old token, refuses it afterwards, and the new link works', async () => {
    const workshop = await createWorkshop(server.url);
    const participant = connectClient(server.url, workshop.id, workshop.tokens.participant);
    const viewer = connectClient(server.url, workshop.id, workshop.tokens.viewer);
    clients.push(participant, viewer);
    await Promise.all([whenSynced(participant), whenSynced(viewer)]);

    const res = await rotate(workshop.id, workshop.tokens.facilitator, 'participant');
    expect(res.status).toBe(200);
    const { links } = (await res.json()) as { links: Record<string, string> };
    expect((await participant.closed).code).toBe(CLOSE.unauthorized);
    expect(viewer.provider.wsconnected).toBe(true);

    const again = connectClient(server.url, workshop.id, workshop.tokens.participant);
    clients.push(again);
    expect((await again.closed).code).toBe(CLOSE.unauthorized);

    const fresh = connectClient(server.url, workshop.id, tokenOf(links.participant as string));
    clients.push(fresh);
    await whenSynced(fresh);
    expect(tokenOf(links.viewer as string)).toBe(workshop.tokens.viewer);
  });

  it('is for facilitators only', async () => {
    const workshop = await createWorkshop(server.url);
    expect((await rotate(workshop.id, workshop.tokens.participant, 'viewer')).status).toBe(403);
    expect((await rotate(workshop.id, 'nope', 'viewer')).status).toBe(401);
    expect((await rotate(workshop.id, workshop.tokens.facilitator, 'owner')).status).toBe(400);
  });
});
