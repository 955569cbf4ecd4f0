// Dot votes on a live server: each person's dots stay on their private ballot, which no other
// browser receives, until the facilitator reveals the results; the reveal writes them onto the
// board (or totals only, for an anonymous vote) and freezes the vote.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type RunningServer, startServer } from '../../server/server.ts';
import {
  addCard,
  ballotKey,
  castBallot,
  type ItemRef,
  readFacilitation,
  startVote,
  tallyVote,
  type VoteSession,
  votesOf,
} from '../../shared/model/index.ts';
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import {
  connectClient,
  createWorkshop,
  newPerson,
  type Person,
  type TestClient,
  whenSynced,
} from '../support/syncClient.ts';
import { waitFor } from '../support/wait.ts';

let server: RunningServer;
let dataDir: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-ballots-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent' });
});
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const who = { id: 'fac', name: 'Fatima', group: 'government-national' };

function track(client: TestClient): TestClient {
  clients.push(client);
  return client;
}

/** A workshop with two interventions in an open vote of 3 dots each. */
async function votingWorkshop(anonymous = false) {
  const w = await createWorkshop(server.url);
  const facilitator = track(connectClient(server.url, w.id, w.tokens.facilitator));
  await whenSynced(facilitator);
  const items: ItemRef[] = [1, 2].map((i) => ({
    type: 'card',
    id: addCard(facilitator.doc, { kind: 'intervention', x: i * 300, y: 0, author: who, fields: { title: `I${i}` } }),
  }));
  startVote(facilitator.doc, { id: 'v1', title: 'Priorities', items, perPerson: 3, anonymous });
  const vote = readFacilitation(facilitator.doc).vote as VoteSession;
  await waitFor(async () => (await server.rooms.facilitation(w.id)).vote?.open === true, 'the vote to open');
  return { w, facilitator, items, vote };
}

async function ballot(workshopId: string, token: string, person: Person): Promise<TestClient> {
  const client = track(connectClient(server.url, workshopId, token, undefined, { person, board: 'private' }));
  await whenSynced(client);
  return client;
}

const reveal = (workshopId: string, token: string) =>
  fetch(`${server.url}/api/workshops/${workshopId}/vote/reveal`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });

/** Waits until the server has stored a private board's change (a reader there sees it). */
async function stored(workshopId: string, token: string, person: Person, check: (doc: Y.Doc) => boolean) {
  await waitFor(async () => {
    const reader = await ballot(workshopId, token, person);
    const ok = check(reader.doc);
    reader.destroy();
    return ok;
  }, 'the ballot to be stored');
}

describe('a dot vote', () => {
  it('keeps each ballot off every other browser until the reveal, then writes them all and freezes the vote', async () => {
    const { w, facilitator, items, vote } = await votingWorkshop();
    const [a, b] = items as [ItemRef, ItemRef];
    const ana = newPerson();
    const ben = newPerson();
    const anaBallot = await ballot(w.id, w.tokens.participant, ana);
    const benBallot = await ballot(w.id, w.tokens.participant, ben);
    castBallot(anaBallot.doc, vote, a, 2);
    castBallot(anaBallot.doc, vote, b, 1);
    castBallot(benBallot.doc, vote, b, 3);
    await stored(w.id, w.tokens.participant, ana, (doc) => doc.getMap('ballots').get(ballotKey('v1', b)) === 1);
    await stored(w.id, w.tokens.participant, ben, (doc) => doc.getMap('ballots').get(ballotKey('v1', b)) === 3);

    // Nobody else received any dot: not the facilitator, not a viewer, not the other voter.
    const viewer = track(connectClient(server.url, w.id, w.tokens.viewer));
    await whenSynced(viewer);
    for (const doc of [viewer.doc, facilitator.doc]) {
      expect(votesOf(doc, vote)).toEqual([]);
      expect(JSON.stringify(doc.toJSON())).not.toContain(ana.id);
    }
    expect(benBallot.doc.getMap('ballots').get(ballotKey('v1', a))).toBeUndefined();

    expect((await reveal(w.id, w.tokens.participant)).status).toBe(403);
    const res = await reveal(w.id, w.tokens.facilitator);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ voters: 2, dots: 6 });
    await waitFor(() => readFacilitation(viewer.doc).vote?.revealed === true, 'the results on the viewer’s board');
    const revealed = readFacilitation(viewer.doc).vote as VoteSession;
    expect(revealed.open).toBe(false);
    expect(tallyVote(viewer.doc, revealed).ranking.map((r) => [r.item.id, r.votes])).toEqual([
      [b.id, 4],
      [a.id, 2],
    ]);
    expect(new Set(votesOf(viewer.doc, revealed).map((v) => v.voterId))).toEqual(new Set([ana.id, ben.id]));

    // Frozen: a dot placed after the reveal (written past the model's own check) is refused.
    anaBallot.doc.getMap('ballots').set(ballotKey('v1', a), 3);
    expect((await anaBallot.closed).code).toBe(CLOSE.conflict);
    expect((await reveal(w.id, w.tokens.facilitator)).status).toBe(409);
  });

  it('refuses a ballot over the budget, or for an item outside the vote', async () => {
    const { w, items } = await votingWorkshop();
    const [a, b] = items as [ItemRef, ItemRef];
    const over = await ballot(w.id, w.tokens.participant, newPerson());
    over.doc.transact(() => {
      over.doc.getMap('ballots').set(ballotKey('v1', a), 2);
      over.doc.getMap('ballots').set(ballotKey('v1', b), 2);
    });
    expect((await over.closed).code).toBe(CLOSE.conflict);
    const outside = await ballot(w.id, w.tokens.participant, newPerson());
    outside.doc.getMap('ballots').set(ballotKey('v1', { type: 'card', id: 'not-in-the-vote' }), 1);
    expect((await outside.closed).code).toBe(CLOSE.conflict);
    expect(server.counters.refusalCount('over-budget')).toBeGreaterThanOrEqual(1);
    expect(server.counters.refusalCount('vote-closed')).toBeGreaterThanOrEqual(1);
  });

  it('records only totals when anonymous: the board never holds who voted for what', async () => {
    const { w, items, vote } = await votingWorkshop(true);
    const [a, b] = items as [ItemRef, ItemRef];
    const ana = newPerson();
    const ben = newPerson();
    const anaBallot = await ballot(w.id, w.tokens.participant, ana);
    const benBallot = await ballot(w.id, w.tokens.facilitator, ben);
    castBallot(anaBallot.doc, vote, a, 3);
    castBallot(benBallot.doc, vote, a, 1);
    castBallot(benBallot.doc, vote, b, 2);
    await stored(w.id, w.tokens.participant, ana, (doc) => doc.getMap('ballots').size === 1);
    await stored(w.id, w.tokens.facilitator, ben, (doc) => doc.getMap('ballots').size === 2);
    expect((await reveal(w.id, w.tokens.facilitator)).status).toBe(200);
    const viewer = track(connectClient(server.url, w.id, w.tokens.viewer));
    await whenSynced(viewer);
    const revealed = readFacilitation(viewer.doc).vote as VoteSession;
    expect(tallyVote(viewer.doc, revealed).ranking.map((r) => r.votes)).toEqual([4, 2]);
    const log = (await server.storage.loadDoc(w.id)).updates.map((u) => Buffer.from(u).toString('latin1')).join('');
    for (const text of [JSON.stringify(viewer.doc.toJSON()), log]) {
      expect(text).not.toContain(ana.id);
      expect(text).not.toContain(ben.id);
    }
  });
});
