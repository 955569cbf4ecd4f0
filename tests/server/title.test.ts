// A facilitator renames the workshop on its board (Workshop details); the stored title, which the
// join form reads before any board is loaded, follows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storedTitleOf } from '../../server/rooms/titleKeeper.ts';
import { type RunningServer, startServer } from '../../server/server.ts';
import { updateMeta } from '../../shared/model/index.ts';
import { connectClient, createWorkshop, type TestClient, whenSynced } from '../support/syncClient.ts';
import { waitFor } from '../support/wait.ts';

const clients: TestClient[] = [];
let server: RunningServer | null = null;
let dataDir = '';

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
  server = null;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function sessionTitle(url: string, id: string, token: string): Promise<string> {
  const res = await fetch(`${url}/api/workshops/${id}/session`, { headers: { authorization: `Bearer ${token}` } });
  return ((await res.json()) as { title: string }).title;
}

describe("the workshop's stored title", () => {
  it('follows the title a facilitator sets on the board, also after a restart', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-title-'));
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent' });
    const workshop = await createWorkshop(server.url, 'Draft title');
    const facilitator = connectClient(server.url, workshop.id, workshop.tokens.facilitator);
    clients.push(facilitator);
    await whenSynced(facilitator, 10_000);
    updateMeta(facilitator.doc, { title: 'Koshi Migration-SDG plan 2027–2030' });
    const url = server.url;
    let seen = '';
    await waitFor(
      async () => {
        seen = await sessionTitle(url, workshop.id, workshop.tokens.participant);
        return seen === 'Koshi Migration-SDG plan 2027–2030';
      },
      'the stored title to follow the board',
      10_000,
    );
    // An emptied title on the board leaves the last one stored.
    updateMeta(facilitator.doc, { title: '   ' });
    facilitator.destroy();
    await server.close();
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent' });
    expect(await sessionTitle(server.url, workshop.id, workshop.tokens.viewer)).toBe(
      'Koshi Migration-SDG plan 2027–2030',
    );
  });

  it('is the trimmed board title, cut to the stored length, never empty', () => {
    expect(storedTitleOf('  Koshi  ')).toBe('Koshi');
    expect(storedTitleOf('   ')).toBeNull();
    expect(storedTitleOf('x'.repeat(600))).toHaveLength(200);
  });
});
