import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backupSqlite } from '../../server/backup.ts';
import { type RunningServer, startServer } from '../../server/server.ts';
import { openSqliteStorage } from '../../server/storage/sqliteStorage.ts';
import { addCard, listCards } from '../../shared/model/index.ts';
import { author, connectClient, createWorkshop, whenSynced } from '../support/syncClient.ts';
import { waitFor } from '../support/wait.ts';

let server: RunningServer | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = null;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('the online SQLite backup', () => {
  it('copies a consistent database while the server keeps serving edits', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-backup-'));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-backup-out-'));
    dirs.push(dataDir, out);
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent' });
    const workshop = await createWorkshop(server.url);
    const client = connectClient(server.url, workshop.id, workshop.tokens.participant);
    await whenSynced(client);
    for (let i = 0; i < 20; i++) addCard(client.doc, { kind: 'note', x: i, y: 0, author: author('a') });
    await waitFor(() => listCards(server?.rooms.room(workshop.id)?.doc ?? new Y.Doc()).length === 20, 'stored');

    const copy = path.join(out, 'copy.sqlite');
    const { pages } = await backupSqlite(dataDir, copy);
    expect(pages).toBeGreaterThan(0);
    addCard(client.doc, { kind: 'note', x: 99, y: 0, author: author('a') });
    client.destroy();

    // The copy opens on its own and holds the workshop as it was.
    fs.copyFileSync(path.join(dataDir, 'server-secret'), path.join(out, 'server-secret'));
    fs.renameSync(copy, path.join(out, 'workshops.sqlite'));
    const restored = openSqliteStorage(out);
    const stored = await restored.loadDoc(workshop.id);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    expect(listCards(doc).length).toBeGreaterThanOrEqual(20);
    expect(await restored.countWorkshops()).toBe(1);
    await restored.close();
  });

  it('refuses to overwrite an existing file', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-backup-'));
    dirs.push(dataDir);
    openSqliteStorage(dataDir).close();
    const existing = path.join(dataDir, 'exists.sqlite');
    fs.writeFileSync(existing, 'x');
    await expect(backupSqlite(dataDir, existing)).rejects.toThrow(/exists/);
  });
});
