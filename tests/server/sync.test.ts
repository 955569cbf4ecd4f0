import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { type RunningServer, startServer } from '../../server/server.ts';
import { addCard, listCards } from '../../shared/model/index.ts';
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import {
  author,
  type CreatedWorkshop,
  connectClient,
  createWorkshop,
  rawSyncSocket,
  type TestClient,
  whenSynced,
} from '../support/syncClient.ts';
import { sleep, waitFor } from '../support/wait.ts';

let server: RunningServer;
let dataDir: string;
let workshop: CreatedWorkshop;
const clients: TestClient[] = [];

function client(token: string): TestClient {
  const c = connectClient(server.url, workshop.id, token);
  clients.push(c);
  return c;
}

/** The server's live copy of a workshop's board (an empty doc while the room is not loaded). */
const roomDoc = (id: string) => server.rooms.room(id)?.doc ?? new Y.Doc();

const rawSocket = (id: string, token: string) => rawSyncSocket(server.url, id, token);

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-sync-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent' });
  workshop = await createWorkshop(server.url);
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a workshop whose last person leaves', () => {
  it('stays loaded for a while, so that a reload or a dropped phone does not load the board again', async () => {
    const a = client(workshop.tokens.participant);
    await whenSynced(a);
    const room = server.rooms.room(workshop.id);
    expect(room).toBeDefined();
    a.destroy();
    await sleep(300);
    const b = client(workshop.tokens.participant);
    await whenSynced(b);
    // The same room, not one loaded again from storage.
    expect(server.rooms.room(workshop.id)).toBe(room);
  });
});

describe('two stock y-websocket clients', () => {
  it('converge on each other’s cards within a second', async () => {
    const a = client(workshop.tokens.participant);
    const b = client(workshop.tokens.facilitator);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    const started = Date.now();
    for (let i = 0; i < 10; i++) {
      addCard(a.doc, { kind: 'note', x: i * 10, y: 0, author: author('a'), fields: { text: `a${i}` } });
      addCard(b.doc, { kind: 'intervention', x: i * 10, y: 300, author: author('b'), fields: { title: `b${i}` } });
    }
    await waitFor(
      () => listCards(a.doc).length === 20 && listCards(b.doc).length === 20,
      'both docs to hold 20 cards',
      1000,
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
    const texts = (doc: Y.Doc) =>
      listCards(doc)
        .map((c) => JSON.stringify(c))
        .sort();
    expect(texts(a.doc)).toEqual(texts(b.doc));
  });

  it('a new client receives the stored board, including the title set at creation', async () => {
    const a = client(workshop.tokens.participant);
    await whenSynced(a);
    addCard(a.doc, { kind: 'note', x: 0, y: 0, author: author('a'), fields: { text: 'kept' } });
    await waitFor(() => listCards(roomDoc(workshop.id)).length === 1, 'server to hold the card');
    const late = client(workshop.tokens.viewer);
    await whenSynced(late);
    expect(listCards(late.doc).map((c) => c.kind === 'note' && c.fields.text)).toEqual(['kept']);
    expect(late.doc.getMap('meta').get('title')).toBe('Test workshop');
  });
});

describe('a viewer', () => {
  it('stays connected and synced, sees edits live, and its own edit never reaches the store or others', async () => {
    const participant = client(workshop.tokens.participant);
    const viewer = client(workshop.tokens.viewer);
    await Promise.all([whenSynced(participant), whenSynced(viewer)]);

    addCard(participant.doc, { kind: 'note', x: 0, y: 0, author: author('p'), fields: { text: 'from participant' } });
    await waitFor(() => listCards(viewer.doc).length === 1, 'viewer to see the participant’s card');

    addCard(viewer.doc, { kind: 'note', x: 5, y: 5, author: author('v'), fields: { text: 'from viewer' } });
    await waitFor(() => server.counters.refusalCount('viewer-edit') >= 1, 'the server to refuse the viewer’s update');

    // Later traffic still flows to the viewer: it was not disconnected.
    addCard(participant.doc, { kind: 'note', x: 0, y: 200, author: author('p'), fields: { text: 'second' } });
    await waitFor(() => listCards(viewer.doc).length === 3, 'viewer to see the second card');
    expect(viewer.provider.wsconnected).toBe(true);

    await sleep(100);
    const texts = (doc: Y.Doc) =>
      listCards(doc)
        .map((c) => (c.kind === 'note' ? c.fields.text : ''))
        .sort();
    expect(texts(participant.doc)).toEqual(['from participant', 'second']);
    expect(texts(roomDoc(workshop.id))).toEqual(['from participant', 'second']);

    // And the stored document, read back from disk, does not hold it either.
    const stored = await server.storage.loadDoc(workshop.id);
    const fromDisk = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(fromDisk, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(fromDisk, u);
    expect(texts(fromDisk)).toEqual(['from participant', 'second']);
  });
});

describe('refusals', () => {
  it('a wrong token is closed with 4401 and the stock provider stops retrying', async () => {
    const bad = client('not-a-real-token');
    const event = await bad.closed;
    expect(event.code).toBe(CLOSE.unauthorized);
    await sleep(600);
    expect(bad.provider.shouldConnect).toBe(false);
    expect(bad.provider.ws).toBeNull();
  });

  it('a token of another workshop is refused with 4401', async () => {
    const other = await createWorkshop(server.url, 'Other');
    const c = connectClient(server.url, workshop.id, other.tokens.facilitator);
    clients.push(c);
    expect((await c.closed).code).toBe(CLOSE.unauthorized);
  });

  it('an unknown workshop is closed with 4404', async () => {
    const c = connectClient(server.url, 'AAAAAAAAAAAAAAAAAAAAAA', workshop.tokens.facilitator);
    clients.push(c);
    expect((await c.closed).code).toBe(CLOSE.notFound);
    await sleep(600);
    expect(c.provider.shouldConnect).toBe(false);
  });

  it('a 20 MiB message, random bytes and a truncated sync message are refused while a participant keeps working', async () => {
    const a = client(workshop.tokens.participant);
    const b = client(workshop.tokens.participant);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    let expected = 0;
    const stillWorks = async () => {
      addCard(a.doc, { kind: 'note', x: expected, y: 0, author: author('a') });
      expected++;
      await waitFor(() => listCards(b.doc).length === expected, `b to see card ${expected}`);
    };
    await stillWorks();

    // A 20 MiB frame sent by the stock provider's own socket: refused from its header (1009,
    // which the client treats as final), before the server buffers it.
    const big = client(workshop.tokens.participant);
    await whenSynced(big);
    (big.provider.ws as unknown as WebSocket).send(new Uint8Array(20 * 1024 * 1024));
    expect((await big.closed).code).toBe(CLOSE.messageTooBig);
    await stillWorks();

    const random = rawSocket(workshop.id, workshop.tokens.participant);
    await random.opened;
    const junk = new Uint8Array(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
    random.ws.send(junk);
    expect(await random.closed).toBe(CLOSE.malformed);
    await stillWorks();

    const truncated = rawSocket(workshop.id, workshop.tokens.participant);
    await truncated.opened;
    // Sync, update, a payload that claims 200 bytes but carries 3.
    truncated.ws.send(new Uint8Array([0, 2, 200, 1, 1, 1]));
    expect(await truncated.closed).toBe(CLOSE.malformed);
    await stillWorks();

    const text = rawSocket(workshop.id, workshop.tokens.participant);
    await text.opened;
    text.ws.send('hello');
    expect(await text.closed).toBe(CLOSE.malformed);
    await stillWorks();

    expect(server.counters.refusalCount('too-large')).toBe(1);
    expect(server.counters.refusalCount('malformed')).toBe(3);
    expect(listCards(roomDoc(workshop.id))).toHaveLength(expected);
  });
});
