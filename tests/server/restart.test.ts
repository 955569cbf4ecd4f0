import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addCard, listCards } from '../../shared/model/index.ts';
import { type ServerProcess, spawnServer } from '../support/serverProcess.ts';
import { author, connectClient, createWorkshop, type TestClient, whenSynced } from '../support/syncClient.ts';
import { waitFor } from '../support/wait.ts';

const clients: TestClient[] = [];
const processes: ServerProcess[] = [];
let dataDir = '';

afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const p of processes.splice(0)) p.child.kill('SIGKILL');
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a server killed with SIGKILL', () => {
  it('loses none of 500 updates that another client had received', { timeout: 120_000 }, async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-restart-'));
    const first = await spawnServer({ DATA_DIR: dataDir, COMPACT_EVERY: '120' });
    processes.push(first);
    const workshop = await createWorkshop(first.url);

    const a = connectClient(first.url, workshop.id, workshop.tokens.participant);
    const b = connectClient(first.url, workshop.id, workshop.tokens.participant);
    clients.push(a, b);
    await Promise.all([whenSynced(a), whenSynced(b)]);

    // 500 separate updates, each its own transaction and its own message.
    for (let i = 0; i < 500; i++) {
      addCard(a.doc, { kind: 'note', x: i, y: 0, author: author('a'), fields: { text: `update ${i}` } });
    }
    // The server stores before it relays, so B holding the last update means all 500 are stored.
    await waitFor(() => listCards(b.doc).length === 500, 'B to receive all 500 updates', 30_000);

    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    a.destroy();
    b.destroy();

    const second = await spawnServer({ DATA_DIR: dataDir });
    processes.push(second);
    const fresh = connectClient(second.url, workshop.id, workshop.tokens.viewer);
    clients.push(fresh);
    await whenSynced(fresh, 15_000);
    const texts = new Set(listCards(fresh.doc).map((c) => (c.kind === 'note' ? c.fields.text : '')));
    expect(texts.size).toBe(500);
    for (let i = 0; i < 500; i++) expect(texts.has(`update ${i}`)).toBe(true);
  });
});
