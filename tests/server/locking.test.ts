import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type RunningServer, startServer } from '../../server/server.ts';
import {
  addCard,
  addLink,
  deleteCard,
  deleteLink,
  getCard,
  getLink,
  retargetLink,
  updateCard,
} from '../../shared/model/index.ts';
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import { author, connectClient, createWorkshop, type TestClient, whenSynced } from '../support/syncClient.ts';
import { sleep, waitFor } from '../support/wait.ts';

let server: RunningServer;
let dataDir: string;
const clients: TestClient[] = [];

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-lock-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent' });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const titleOf = (c: TestClient, id: string) => {
  const card = getCard(c.doc, id);
  return card?.kind === 'intervention' ? card.fields.title : undefined;
};

describe('an agreed intervention', () => {
  it('cannot be changed by a participant (refused, document unchanged) and can be by the facilitator', async () => {
    const workshop = await createWorkshop(server.url);
    const facilitator = connectClient(server.url, workshop.id, workshop.tokens.facilitator);
    const participant = connectClient(server.url, workshop.id, workshop.tokens.participant);
    const observer = connectClient(server.url, workshop.id, workshop.tokens.participant);
    clients.push(facilitator, participant, observer);
    await Promise.all(clients.map((c) => whenSynced(c)));

    const id = addCard(participant.doc, {
      kind: 'intervention',
      x: 0,
      y: 0,
      author: author('p'),
      fields: { title: 'Draft' },
    });
    await waitFor(() => titleOf(facilitator, id) === 'Draft', 'the facilitator to see the intervention');
    updateCard(facilitator.doc, id, { status: 'agreed' });
    await waitFor(() => getCard(participant.doc, id)?.status === 'agreed', 'the participant to see it agreed');

    updateCard(participant.doc, id, { fields: { title: 'Changed behind the facilitator’s back' } });
    expect((await participant.closed).code).toBe(CLOSE.conflict);
    await sleep(100);
    expect(titleOf(observer, id)).toBe('Draft');
    expect(titleOf(facilitator, id)).toBe('Draft');
    const room = server.rooms.room(workshop.id);
    const onServer = room ? getCard(room.doc, id) : undefined;
    expect(onServer?.kind === 'intervention' && onServer.fields.title).toBe('Draft');
    expect(server.counters.refusalCount('locked')).toBe(1);

    updateCard(facilitator.doc, id, { fields: { title: 'Agreed wording' } });
    await waitFor(() => titleOf(observer, id) === 'Agreed wording', 'the facilitator’s change to reach others');
  });

  it('a participant cannot agree an item themselves', async () => {
    const workshop = await createWorkshop(server.url);
    const participant = connectClient(server.url, workshop.id, workshop.tokens.participant);
    const observer = connectClient(server.url, workshop.id, workshop.tokens.viewer);
    clients.push(participant, observer);
    await Promise.all(clients.map((c) => whenSynced(c)));
    const id = addCard(participant.doc, { kind: 'note', x: 0, y: 0, author: author('p') });
    await waitFor(() => getCard(observer.doc, id), 'the note to arrive');
    updateCard(participant.doc, id, { status: 'agreed' });
    expect((await participant.closed).code).toBe(CLOSE.conflict);
    expect(getCard(observer.doc, id)?.status).toBe('proposed');
  });
});

describe('what an agreed intervention stands on', () => {
  /** The board's content, for "unchanged" comparisons. */
  const snapshot = (doc: Y.Doc) => {
    for (const root of ['meta', 'cards', 'links']) doc.getMap(root);
    return JSON.stringify(doc.toJSON());
  };

  it('a participant deleting or retargeting a link of an agreed intervention, or deleting a target an agreed intervention is linked to, is refused and the document is unchanged; a facilitator may do each', async () => {
    const workshop = await createWorkshop(server.url);
    const facilitator = connectClient(server.url, workshop.id, workshop.tokens.facilitator);
    const observer = connectClient(server.url, workshop.id, workshop.tokens.viewer);
    clients.push(facilitator, observer);
    await Promise.all(clients.map((c) => whenSynced(c)));
    const f = facilitator.doc;
    const centre = addCard(f, {
      kind: 'intervention',
      x: 0,
      y: 0,
      author: author('f'),
      fields: { title: 'Migrant resource centre' },
    });
    const target = addCard(f, { kind: 'target', x: 0, y: 300, author: author('f'), fields: { code: '10.7' } });
    const other = addCard(f, { kind: 'target', x: 300, y: 300, author: author('f'), fields: { code: '8.8' } });
    const link = addLink(f, { kind: 'contributes', from: centre, to: target, author: author('f') });
    updateCard(f, centre, { status: 'agreed' });
    await waitFor(() => getCard(observer.doc, centre)?.status === 'agreed', 'the agreed board to reach the observer');
    await waitFor(() => getLink(observer.doc, link), 'the link to reach the observer');
    const room = server.rooms.room(workshop.id);
    if (!room) throw new Error('no room');
    const before = snapshot(room.doc);

    const attempts: Array<[string, (doc: Y.Doc) => void]> = [
      ['deleting the link', (doc) => deleteLink(doc, link)],
      ['retargeting the link', (doc) => retargetLink(doc, link, 'to', other)],
      ['deleting the target', (doc) => deleteCard(doc, target)],
    ];
    for (const [what, attempt] of attempts) {
      const participant = connectClient(server.url, workshop.id, workshop.tokens.participant);
      clients.push(participant);
      await whenSynced(participant);
      await waitFor(() => getLink(participant.doc, link), 'the participant to load the board');
      attempt(participant.doc);
      const closed = await Promise.race([participant.closed, sleep(5000).then(() => ({ code: 'still open' }))]);
      expect(closed.code, what).toBe(CLOSE.conflict);
      await sleep(100);
      expect(snapshot(room.doc), what).toBe(before);
      expect(getLink(observer.doc, link)?.to, what).toBe(target);
      expect(getCard(observer.doc, target), what).toBeDefined();
    }
    const refusals = server.counters.refusalCount('locked-link') + server.counters.refusalCount('held');
    expect(refusals).toBe(3);
    expect(server.counters.refusalCount('locked-link')).toBeGreaterThanOrEqual(2);

    // The facilitator may do each.
    retargetLink(f, link, 'to', other);
    await waitFor(() => getLink(observer.doc, link)?.to === other, 'the retargeted link to reach the observer');
    const second = addLink(f, { kind: 'contributes', from: centre, to: target, author: author('f') });
    await waitFor(() => getLink(observer.doc, second), 'the second link to reach the observer');
    deleteLink(f, second);
    await waitFor(() => !getLink(observer.doc, second), 'the link’s deletion to reach the observer');
    deleteCard(f, other);
    await waitFor(
      () => !getCard(observer.doc, other) && !getLink(observer.doc, link),
      'the target’s deletion to reach the observer',
    );
    expect(getCard(room.doc, centre)?.status).toBe('agreed');
    expect(facilitator.provider.wsconnected).toBe(true);
  });
});
