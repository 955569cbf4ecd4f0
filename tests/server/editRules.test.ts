import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkParticipantEdit } from '../../server/auth/editRules.ts';
import { readUpdate } from '../../server/auth/updateReader.ts';
import { analyseUpdate } from '../../server/auth/updateScope.ts';
import {
  addCard,
  addComment,
  addLink,
  BOARD_ROOT_ENTRIES,
  castVotes,
  deleteCard,
  itemStatus,
  moveCards,
  startVote,
  updateCard,
  updateMeta,
} from '../../shared/model/index.ts';

/** What an update touches on the server's copy (it must pass the soundness checks). */
function touchesOf(server: Y.Doc, update: Uint8Array) {
  const analysis = analyseUpdate(server, readUpdate(update), { roots: BOARD_ROOT_ENTRIES });
  if (!analysis.ok) throw new Error(`${analysis.reason}: ${analysis.detail}`);
  return analysis.touches;
}

const who = { id: 'p', name: 'P', group: 'academia' };

/** A server copy with one agreed and one proposed card, and a client copy of it. */
function setup() {
  const server = new Y.Doc();
  const agreed = addCard(server, {
    kind: 'intervention',
    x: 0,
    y: 0,
    author: who,
    status: 'agreed',
    fields: { title: 'Locked' },
  });
  const open = addCard(server, { kind: 'target', x: 0, y: 300, author: who, fields: { code: '10.7' } });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client, agreed, open };
}

/** The update a client edit produces, and the verdict a participant gets for it. */
function verdictFor(server: Y.Doc, client: Y.Doc, edit: () => void) {
  // The update the provider would send: exactly what the edit's transactions emitted.
  const emitted: Uint8Array[] = [];
  const capture = (u: Uint8Array) => emitted.push(u);
  client.on('update', capture);
  edit();
  client.off('update', capture);
  const update = Y.mergeUpdates(emitted);
  const touches = touchesOf(server, update);
  const verdict = checkParticipantEdit(touches, { statusOf: (root, id) => itemStatus(server, root, id) });
  // As the room does: an allowed update is applied, so the next one can build on it.
  if (verdict.ok) Y.applyUpdate(server, update);
  return { touches, verdict };
}

describe('which items an update touches', () => {
  it('traces a field edit, a move, a new card and a deletion to their cards', () => {
    const { server, client, agreed, open } = setup();
    expect(
      verdictFor(server, client, () => updateCard(client, open, { fields: { crossCuttingNote: 'why' } })).touches.map(
        (t) => t.id,
      ),
    ).toContain(open);
    const moved = verdictFor(server, client, () => moveCards(client, [{ id: agreed, x: 5, y: 5 }])).touches;
    expect(new Set(moved.map((t) => t.id))).toEqual(new Set([agreed]));
    // The move was refused (the card is agreed): a new client, since this one's next edit follows it.
    const c2 = new Y.Doc();
    Y.applyUpdate(c2, Y.encodeStateAsUpdate(server));
    let fresh = '';
    const created = verdictFor(server, c2, () => {
      fresh = addCard(c2, { kind: 'note', x: 1, y: 1, author: who, fields: { text: 'new' } });
    }).touches;
    expect(new Set(created.map((t) => t.id))).toEqual(new Set([fresh]));
  });
});

describe('an update carrying what the server already has', () => {
  it('touches nothing: a participant re-sending the facilitator’s settings and an agreement is not refused', () => {
    const { server, agreed } = setup();
    // The facilitator changes the settings and an agreed card; the participant's offline copy
    // holds those changes and sends them again when it loads after the socket opened.
    const facilitator = new Y.Doc();
    Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(server));
    const changes: Uint8Array[] = [];
    facilitator.on('update', (u: Uint8Array) => changes.push(u));
    updateMeta(facilitator, { title: 'Renamed' });
    updateCard(facilitator, agreed, { fields: { title: 'Changed by the facilitator' } });
    deleteCard(facilitator, agreed);
    for (const u of changes) Y.applyUpdate(server, u);
    const resent = Y.encodeStateAsUpdate(facilitator);
    const touches = touchesOf(server, resent);
    expect(touches).toEqual([]);
  });

  it('still sees the new part of an update that repeats some of what the server has', () => {
    const { server, client, open } = setup();
    const before = Y.encodeStateVector(server);
    updateCard(client, open, { fields: { crossCuttingNote: 'new' } });
    // The whole client state: old structs (known) plus the new edit.
    const touches = touchesOf(server, Y.encodeStateAsUpdate(client, new Uint8Array([0])));
    expect(new Set(touches.map((t) => t.id))).toEqual(new Set([open]));
    expect(Y.encodeStateVector(server)).toEqual(before);
  });
});

describe('a participant', () => {
  it('may edit, move, link and comment on items that are not agreed', () => {
    const { server, client, open, agreed } = setup();
    expect(verdictFor(server, client, () => updateCard(client, open, { status: 'discussed' })).verdict).toEqual({
      ok: true,
    });
    expect(verdictFor(server, client, () => moveCards(client, [{ id: open, x: 9, y: 9 }])).verdict).toEqual({
      ok: true,
    });
    expect(
      verdictFor(server, client, () => addLink(client, { kind: 'contributes', from: agreed, to: open, author: who }))
        .verdict,
    ).toEqual({ ok: true });
  });

  it('may not change, move or delete an agreed item, but may comment on it', () => {
    const { server, client, agreed } = setup();
    expect(
      verdictFor(server, client, () => updateCard(client, agreed, { fields: { title: 'Changed' } })).verdict,
    ).toEqual({ ok: false, reason: 'locked' });
    const c2 = new Y.Doc();
    Y.applyUpdate(c2, Y.encodeStateAsUpdate(server));
    expect(verdictFor(server, c2, () => moveCards(c2, [{ id: agreed, x: 1, y: 1 }])).verdict).toEqual({
      ok: false,
      reason: 'locked',
    });
    const c3 = new Y.Doc();
    Y.applyUpdate(c3, Y.encodeStateAsUpdate(server));
    expect(verdictFor(server, c3, () => deleteCard(c3, agreed)).verdict).toEqual({ ok: false, reason: 'locked' });
    const c4 = new Y.Doc();
    Y.applyUpdate(c4, Y.encodeStateAsUpdate(server));
    expect(
      verdictFor(server, c4, () => addComment(c4, { type: 'card', id: agreed }, { author: who, text: 'Why?' })).verdict,
    ).toEqual({ ok: true });
  });

  it('may not agree an item, nor create one already agreed, nor change the workshop settings', () => {
    const { server, client, open } = setup();
    expect(verdictFor(server, client, () => updateCard(client, open, { status: 'agreed' })).verdict).toEqual({
      ok: false,
      reason: 'agreeing',
    });
    const c2 = new Y.Doc();
    Y.applyUpdate(c2, Y.encodeStateAsUpdate(server));
    expect(
      verdictFor(server, c2, () => addCard(c2, { kind: 'note', x: 0, y: 0, author: who, status: 'agreed' })).verdict,
    ).toEqual({ ok: false, reason: 'agreeing' });
    const c3 = new Y.Doc();
    Y.applyUpdate(c3, Y.encodeStateAsUpdate(server));
    expect(verdictFor(server, c3, () => updateMeta(c3, { title: 'Renamed' })).verdict).toEqual({
      ok: false,
      reason: 'workshop-settings',
    });
  });
});

describe('a participant voting on the shared board', () => {
  function voting() {
    const { server, open } = setup();
    const items = [{ type: 'card' as const, id: open }];
    startVote(server, { id: 'v1', title: 'Priorities', items, perPerson: 3 });
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    return { server, client, open };
  }

  it('is refused: dots go on the private ballot, and only the reveal writes them here', () => {
    const { server, client, open } = voting();
    const { verdict } = verdictFor(server, client, () => castVotes(client, { type: 'card', id: open }, 'p', 1));
    expect(verdict).toEqual({ ok: false, reason: 'votes' });
  });

  it('may still delete a card that holds revealed dots (they go with it)', () => {
    const { server, open } = voting();
    castVotes(server, { type: 'card', id: open }, 'someone', 2);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    expect(verdictFor(server, client, () => deleteCard(client, open)).verdict).toEqual({ ok: true });
  });
});
