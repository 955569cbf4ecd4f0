// Private brainstorming: each person's notes live in a private board that only their secret opens,
// never in the shared document, until the facilitator reveals them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { privateKeyOf } from '../../server/rooms/privateRoom.ts';
import { type RunningServer, startServer } from '../../server/server.ts';
import {
  ANONYMOUS_AUTHOR,
  type Author,
  addCard,
  boxesOverlap,
  listCards,
  personIdOf,
  readFacilitation,
  setPrivateMode,
} from '../../shared/model/index.ts';
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import { connectClient, createWorkshop, type TestClient, whenSynced } from '../support/syncClient.ts';
import { waitFor } from '../support/wait.ts';

let server: RunningServer;
let dataDir: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-private-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent' });
});
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const SECRET_A = 'secret-of-ana-0123456789';
const SECRET_B = 'secret-of-ben-0123456789';

/** A private note's author: the person whose secret opens the board. */
const authorOf = (secret: string, name: string): Author => ({ id: personIdOf(secret), name, group: 'academia' });

function connectPrivate(workshopId: string, token: string, secret: string): TestClient {
  const client = connectClient(server.url, workshopId, token, undefined, {
    person: { secret, id: personIdOf(secret) },
    board: 'private',
  });
  clients.push(client);
  return client;
}

function connectBoard(workshopId: string, token: string): TestClient {
  const client = connectClient(server.url, workshopId, token);
  clients.push(client);
  return client;
}

const reveal = (id: string, token: string, body: unknown) =>
  fetch(`${server.url}/api/workshops/${id}/reveal`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** A workshop in private brainstorming, as its facilitator turned it on. */
async function inPrivateMode() {
  const w = await createWorkshop(server.url);
  const facilitator = connectBoard(w.id, w.tokens.facilitator);
  await whenSynced(facilitator);
  setPrivateMode(facilitator.doc, true);
  await waitFor(async () => (await server.rooms.facilitation(w.id)).privateMode, 'private mode to reach the server');
  return { w, facilitator };
}

const notesOf = (doc: Y.Doc) => listCards(doc).map((c) => (c.kind === 'note' ? c.fields.text : c.kind));

describe('naming private boards', () => {
  it('hashes the secret, so the stored name never holds it, and refuses a short or odd secret', () => {
    const key = privateKeyOf('w1', SECRET_A);
    expect(key?.ownerHash).toMatch(/^[0-9a-f]{64}$/);
    expect(key?.ownerHash).not.toContain(SECRET_A);
    expect(privateKeyOf('w1', SECRET_A)).toEqual(key);
    expect(privateKeyOf('w1', SECRET_B)?.ownerHash).not.toBe(key?.ownerHash);
    expect(privateKeyOf('w1', 'short')).toBeNull();
    expect(privateKeyOf('w1', 'has spaces in it, long enough')).toBeNull();
  });
});

describe('private boards', () => {
  it('keep a participant’s notes out of the shared board and away from other people', async () => {
    const { w } = await inPrivateMode();
    const anaPrivate = connectPrivate(w.id, w.tokens.participant, SECRET_A);
    const benPrivate = connectPrivate(w.id, w.tokens.participant, SECRET_B);
    const benBoard = connectBoard(w.id, w.tokens.participant);
    await Promise.all([whenSynced(anaPrivate), whenSynced(benPrivate), whenSynced(benBoard)]);
    addCard(anaPrivate.doc, {
      kind: 'note',
      x: 5,
      y: 6,
      author: authorOf(SECRET_A, 'Ana'),
      fields: { text: 'Diaspora bonds' },
    });

    // Ana's other tab, with the same secret, gets the note; nobody else does.
    const anaTab = connectPrivate(w.id, w.tokens.participant, SECRET_A);
    await waitFor(() => notesOf(anaTab.doc).length === 1, 'Ana’s other tab to get the note');
    expect(notesOf(benPrivate.doc)).toEqual([]);
    expect(listCards(benBoard.doc)).toEqual([]);
    const fresh = connectBoard(w.id, w.tokens.viewer);
    await whenSynced(fresh);
    expect(listCards(fresh.doc)).toEqual([]);
  });

  it('are refused to viewers and to malformed secrets', async () => {
    const w = await createWorkshop(server.url);
    expect((await connectPrivate(w.id, w.tokens.viewer, SECRET_A).closed).code).toBe(CLOSE.forbidden);
    expect((await connectPrivate(w.id, w.tokens.participant, 'x').closed).code).toBe(CLOSE.malformed);
    expect((await connectPrivate(w.id, 'not-a-token', SECRET_A).closed).code).toBe(CLOSE.unauthorized);
  });

  it('are not bound by the agreement lock: a participant edits their own notes freely', async () => {
    const { w } = await inPrivateMode();
    const mine = connectPrivate(w.id, w.tokens.participant, SECRET_A);
    await whenSynced(mine);
    // Agreeing is refused to participants on the shared board, but a private board has no such rule.
    addCard(mine.doc, {
      kind: 'note',
      x: 0,
      y: 0,
      author: authorOf(SECRET_A, 'Ana'),
      status: 'agreed',
      fields: { text: 'Mine' },
    });
    const again = connectPrivate(w.id, w.tokens.participant, SECRET_A);
    await waitFor(() => notesOf(again.doc).length === 1, 'the note to be stored');
    expect(mine.provider.wsconnected).toBe(true);
  });

  it('are moved onto the board by the reveal, also for people who left, and emptied', async () => {
    const { w, facilitator } = await inPrivateMode();

    // Ana writes a note and closes her browser; Ben stays connected.
    const ana = connectPrivate(w.id, w.tokens.participant, SECRET_A);
    await whenSynced(ana);
    const anaNote = addCard(ana.doc, {
      kind: 'note',
      x: 100,
      y: 50,
      author: authorOf(SECRET_A, 'Ana'),
      fields: { text: 'Remittance matching fund' },
    });
    const check = connectPrivate(w.id, w.tokens.participant, SECRET_A);
    await waitFor(() => notesOf(check.doc).length === 1, 'Ana’s note to be stored');
    ana.destroy();
    check.destroy();
    const ben = connectPrivate(w.id, w.tokens.participant, SECRET_B);
    await whenSynced(ben);
    addCard(ben.doc, {
      kind: 'note',
      x: 0,
      y: 0,
      author: authorOf(SECRET_B, 'Ben'),
      fields: { text: 'Skills passport' },
    });
    await waitFor(async () => (await server.storage.listPrivateDocs(w.id)).length === 2, 'both boards stored');
    await waitFor(() => readFacilitation(facilitator.doc).privateMode, 'private mode on');

    expect((await reveal(w.id, w.tokens.participant, { anonymous: false })).status).toBe(403);
    expect((await reveal(w.id, w.tokens.facilitator, { anonymous: 'yes' })).status).toBe(400);
    const res = await reveal(w.id, w.tokens.facilitator, { anonymous: false });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ moved: 2, people: 2 });

    await waitFor(() => listCards(facilitator.doc).length === 2, 'the notes on the facilitator’s board');
    const moved = listCards(facilitator.doc).find((c) => c.id === anaNote);
    expect(moved).toMatchObject({ kind: 'note', author: authorOf(SECRET_A, 'Ana') });
    // Laid out in a grid per author, not where each was written: the two do not overlap.
    const [one, two] = listCards(facilitator.doc);
    expect(one && two && boxesOverlap(one, two)).toBe(false);
    expect(readFacilitation(facilitator.doc).privateMode).toBe(false);
    // Ben, still connected, sees his note leave his private board; Ana's is empty when she returns.
    await waitFor(() => notesOf(ben.doc).length === 0, 'Ben’s private board to empty');
    const back = connectPrivate(w.id, w.tokens.participant, SECRET_A);
    await whenSynced(back);
    expect(notesOf(back.doc)).toEqual([]);
    // A second reveal has nothing left to move.
    expect(await (await reveal(w.id, w.tokens.facilitator, { anonymous: false })).json()).toMatchObject({ moved: 0 });
  });

  it('reveals anonymously when asked', async () => {
    const { w } = await inPrivateMode();
    const ana = connectPrivate(w.id, w.tokens.participant, SECRET_A);
    await whenSynced(ana);
    addCard(ana.doc, { kind: 'note', x: 0, y: 0, author: authorOf(SECRET_A, 'Ana'), fields: { text: 'Quiet idea' } });
    await waitFor(
      async () => (await server.storage.listPrivateDocs(w.id)).some((d) => d.state.length > 200),
      'the note stored',
    );
    expect((await reveal(w.id, w.tokens.facilitator, { anonymous: true })).status).toBe(200);
    const board = connectBoard(w.id, w.tokens.viewer);
    await whenSynced(board);
    expect(listCards(board.doc).map((c) => c.author)).toEqual([ANONYMOUS_AUTHOR]);
  });

  it('refuse a note under another person’s name, so the reveal cannot put it under hers', async () => {
    const { w } = await inPrivateMode();
    const eve = connectPrivate(w.id, w.tokens.participant, SECRET_B);
    await whenSynced(eve);
    addCard(eve.doc, {
      kind: 'note',
      x: 0,
      y: 0,
      author: { id: personIdOf(SECRET_A), name: 'The facilitator', group: 'government-national' },
      fields: { text: 'Not what she said' },
    });
    expect((await eve.closed).code).toBe(CLOSE.conflict);
    expect(server.counters.refusalCount('author')).toBeGreaterThanOrEqual(1);
    expect(await (await reveal(w.id, w.tokens.facilitator, { anonymous: false })).json()).toMatchObject({ moved: 0 });
  });

  it('take no notes while private brainstorming is off, nothing outside notes and ballots, and no more than the quota', async () => {
    const w = await createWorkshop(server.url);
    const off = connectPrivate(w.id, w.tokens.participant, SECRET_A);
    await whenSynced(off);
    addCard(off.doc, { kind: 'note', x: 0, y: 0, author: authorOf(SECRET_A, 'Ana'), fields: { text: 'too early' } });
    expect((await off.closed).code).toBe(CLOSE.conflict);

    const { w: on } = await inPrivateMode();
    const junk = connectPrivate(on.id, on.tokens.participant, SECRET_A);
    await whenSynced(junk);
    junk.doc.getMap('anything').set('x', 'y');
    expect((await junk.closed).code).toBe(CLOSE.conflict);

    const big = connectPrivate(on.id, on.tokens.participant, SECRET_B);
    await whenSynced(big);
    addCard(big.doc, {
      kind: 'note',
      x: 0,
      y: 0,
      author: authorOf(SECRET_B, 'Ben'),
      fields: { text: 'x'.repeat(300_000) },
    });
    expect((await big.closed).code).toBe(CLOSE.tooLarge);
    expect(await server.storage.loadPrivateDoc(on.id, privateKeyOf(on.id, SECRET_B)?.ownerHash ?? '')).toSatisfy(
      (state: Uint8Array | null) => state === null || state.length < 1000,
    );
  });

  it('close with the link they were opened with when it is rotated', async () => {
    const w = await createWorkshop(server.url);
    const ana = connectPrivate(w.id, w.tokens.participant, SECRET_A);
    await whenSynced(ana);
    const res = await fetch(`${server.url}/api/workshops/${w.id}/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.tokens.facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'participant' }),
    });
    expect(res.status).toBe(200);
    expect((await ana.closed).code).toBe(CLOSE.unauthorized);
  });
});
