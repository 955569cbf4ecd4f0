// GET /api/workshops/<id>/state: the board a browser opens from before its socket connects.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type RunningServer, startServer } from '../../server/server.ts';
import { addCard, listCards, moveCards } from '../../shared/model/index.ts';
import { author, connectClient, createWorkshop, type TestClient, whenSynced } from '../support/syncClient.ts';
import { waitFor } from '../support/wait.ts';

let server: RunningServer;
let dataDir: string;
const clients: TestClient[] = [];

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-state-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent' });
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function connect(id: string, token: string, doc?: Y.Doc): TestClient {
  const client = connectClient(server.url, id, token, doc);
  clients.push(client);
  return client;
}

/** The raw answer, without the transparent decompression of fetch. */
function getState(id: string, token: string, acceptEncoding = 'identity') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.get(
      `${server.url}/api/workshops/${id}/state`,
      { headers: { authorization: `Bearer ${token}`, 'accept-encoding': acceptEncoding } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
  });
}

/** A workshop with `count` notes added by a synced facilitator, who stays connected. */
async function boardWithNotes(count: number) {
  const workshop = await createWorkshop(server.url, 'State');
  const editor = connect(workshop.id, workshop.tokens.facilitator);
  await whenSynced(editor);
  const ids: string[] = [];
  editor.doc.transact(() => {
    for (let i = 0; i < count; i++) {
      ids.push(
        addCard(editor.doc, { kind: 'note', x: i * 10, y: 0, author: author('ada'), fields: { text: `Note ${i}` } }),
      );
    }
  });
  await waitFor(async () => {
    const { body } = await getState(workshop.id, workshop.tokens.viewer);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, body);
    return listCards(doc).length === count;
  }, 'the notes to be stored');
  return { workshop, editor, ids };
}

describe('the board state route', () => {
  it('gives any of the workshop’s links the stored board as one update, equal to a synced client’s', async () => {
    const { workshop, editor } = await boardWithNotes(20);
    for (const role of ['facilitator', 'participant', 'viewer'] as const) {
      const res = await getState(workshop.id, workshop.tokens[role]);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/octet-stream');
      expect(res.headers['cache-control']).toBe('no-store');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, res.body);
      expect(listCards(doc)).toEqual(listCards(editor.doc));
    }
  });

  it('is compressed for a browser that accepts gzip', async () => {
    const { workshop } = await boardWithNotes(200);
    const plain = await getState(workshop.id, workshop.tokens.viewer, 'identity');
    const zipped = await getState(workshop.id, workshop.tokens.viewer, 'gzip, deflate, br');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(zlib.gunzipSync(zipped.body).equals(plain.body)).toBe(true);
  });

  it('refuses a wrong token (401) and an unknown workshop (404) without a byte of the board', async () => {
    const { workshop } = await boardWithNotes(1);
    const wrong = await getState(workshop.id, 'not-a-token');
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body.toString('utf8'))).toEqual({ error: 'this link is not valid for this workshop' });
    const missing = await getState('AAAAAAAAAAAAAAAAAAAAAA', workshop.tokens.viewer);
    expect(missing.status).toBe(404);
    const none = await new Promise<number>((resolve) =>
      http.get(`${server.url}/api/workshops/${workshop.id}/state`, (res) => resolve(res.statusCode ?? 0)),
    );
    expect(none).toBe(401);
  });

  it('keeps the room loaded after the fetch, for the socket that follows', async () => {
    const workshop = await createWorkshop(server.url, 'Linger');
    expect(server.rooms.size).toBe(0);
    expect((await getState(workshop.id, workshop.tokens.viewer)).status).toBe(200);
    // Loaded for the fetch, and still there for the socket the browser opens next.
    expect(server.rooms.size).toBe(1);
  });

  it('a client that opens from the state then receives over its socket only what changed since', async () => {
    const { workshop, editor, ids } = await boardWithNotes(300);
    const { body } = await getState(workshop.id, workshop.tokens.participant);
    expect(body.length).toBeGreaterThan(20_000);
    // Someone moves a note between the download and the socket.
    moveCards(editor.doc, [{ id: ids[0] as string, x: 999, y: 999 }]);
    await waitFor(async () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await getState(workshop.id, workshop.tokens.viewer)).body);
      return listCards(doc).find((c) => c.id === ids[0])?.x === 999;
    }, 'the move to be stored');

    const doc = new Y.Doc();
    Y.applyUpdate(doc, body);
    let received = 0;
    doc.on('update', (update: Uint8Array) => {
      received += update.length;
    });
    const late = connect(workshop.id, workshop.tokens.participant, doc);
    await whenSynced(late);
    await waitFor(() => listCards(doc).find((c) => c.id === ids[0])?.x === 999, 'the move to arrive');
    expect(listCards(doc)).toEqual(listCards(editor.doc));
    expect(received).toBeLessThan(1_000);
  });
});
