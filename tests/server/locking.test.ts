import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/server.ts';
import { addCard, getCard, updateCard } from '../../shared/model/index.ts';
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
