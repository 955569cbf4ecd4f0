// The pure part of rebasing offline work (client/sync/offlineRebase.ts), on Y.Docs without a socket:
// what a person changed since the last confirmed state, what is still editable, and the replay.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { localChanges, refusalsText, refusalText, replayChanges } from '../../client/sync/offlineRebase.ts';
import {
  type Author,
  addCard,
  addComment,
  addLink,
  deleteCards,
  deleteLinks,
  getCard,
  getLink,
  listCards,
  listLinks,
  moveCards,
  updateCard,
  updateLink,
} from '../../shared/model/index.ts';

const REPLAY = Symbol('replay');
const ada: Author = { id: 'id-ada', name: 'Ada', group: 'academia' };
const fac: Author = { id: 'id-fac', name: 'Fay', group: 'government' };

/** A copy of `doc` as another browser would hold it (a new client id). */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** The server's board: two interventions, a target, a link from the first to the target. */
function serverBoard() {
  const server = new Y.Doc();
  const jobs = addCard(server, { kind: 'intervention', x: 0, y: 0, author: fac, fields: { title: 'Jobs desk' } });
  const lang = addCard(server, {
    kind: 'intervention',
    x: 300,
    y: 0,
    author: fac,
    fields: { title: 'Language classes' },
  });
  const target = addCard(server, { kind: 'target', x: 0, y: 300, author: fac, fields: { code: '8.8' } });
  const link = addLink(server, { kind: 'contributes', from: jobs, to: target, author: fac });
  return { server, jobs, lang, target, link };
}

/** The person's browser goes offline with the server's board: confirmed and local start equal. */
function offline(server: Y.Doc) {
  const confirmed = copyOf(server);
  const local = copyOf(confirmed);
  return { confirmed, local };
}

describe('offline rebase: what I changed', () => {
  it('is nothing when the local board is the confirmed one, and ignores what others changed before', () => {
    const { server } = serverBoard();
    const { confirmed, local } = offline(server);
    expect(localChanges(confirmed, local)).toEqual([]);
  });

  it('lists the items made, changed (only the keys and fields set) and deleted, cards before links', () => {
    const { server, jobs, lang, target, link } = serverBoard();
    const { confirmed, local } = offline(server);
    updateCard(local, jobs, { fields: { description: 'Open on Mondays' } });
    moveCards(local, [{ id: lang, x: 310, y: 20 }]);
    const note = addCard(local, { kind: 'note', x: 0, y: 600, author: ada, fields: { text: 'Ask the mayor' } });
    deleteLinks(local, [link]);
    addComment(local, { type: 'card', id: target }, { author: ada, text: 'Which indicator?' });
    const changes = localChanges(confirmed, local);
    expect(changes.map((c) => [c.type, c.action, c.label])).toEqual([
      ['card', 'update', 'Jobs desk'],
      ['card', 'update', 'Language classes'],
      ['card', 'update', '8.8'],
      ['card', 'add', 'Ask the mayor'],
      ['link', 'delete', 'the link from “Jobs desk” to “8.8”'],
    ]);
    const byId = new Map(changes.map((c) => [c.id, c]));
    expect(byId.get(jobs)).toMatchObject({ set: { fields: { description: 'Open on Mondays' } } });
    expect(byId.get(lang)).toMatchObject({ set: { x: 310, y: 20 } });
    expect(Object.keys((byId.get(lang) as { set: object }).set)).toEqual(['x', 'y']);
    expect(byId.get(target)?.comments.map((c) => c.text)).toEqual(['Which indicator?']);
    expect(byId.get(note)?.action).toBe('add');
  });
});

describe('offline rebase: replaying onto the server’s board', () => {
  it('applies the edits of items still editable as new operations and refuses the one agreed meanwhile', () => {
    const { server, jobs, lang } = serverBoard();
    const { confirmed, local } = offline(server);
    updateCard(local, jobs, { fields: { description: 'Open on Mondays' } });
    updateCard(local, lang, { fields: { description: 'Evenings, twice a week' } });
    // Meanwhile the facilitator agrees the jobs desk.
    updateCard(server, jobs, { status: 'agreed' });
    const fresh = copyOf(server);
    const { applied, refused } = replayChanges(fresh, localChanges(confirmed, local), 'participant', REPLAY);
    expect(applied.map((c) => c.label)).toEqual(['Language classes']);
    expect(refused.map((r) => [r.change.label, r.reason])).toEqual([['Jobs desk', 'agreed']]);
    expect(refusalText(refused[0] as never)).toBe(
      'Your change to “Jobs desk” was not applied: it was agreed while you were offline, so only the facilitator can change it.',
    );
    expect(getCard(fresh, lang)?.fields).toMatchObject({ description: 'Evenings, twice a week' });
    expect(getCard(fresh, jobs)?.fields).toMatchObject({ description: '' });
    expect(getCard(fresh, jobs)?.status).toBe('agreed');
    // Nothing of the local (refused) client id is in the fresh board: it would be refused again.
    expect(Y.decodeStateVector(Y.encodeStateVector(fresh)).has(local.clientID)).toBe(false);
    // The replay reaches the server as one update the lock rule allows (nothing of the agreed card).
    const beforeReplay = Y.encodeStateVector(server);
    const update = Y.encodeStateAsUpdate(fresh, beforeReplay);
    Y.applyUpdate(server, update);
    expect(getCard(server, lang)?.fields).toMatchObject({ description: 'Evenings, twice a week' });
    expect(getCard(server, jobs)?.fields).toMatchObject({ description: '' });
  });

  it('writes only what differs from the server, so a change the server already has is not written again', () => {
    const { server, lang } = serverBoard();
    const { confirmed, local } = offline(server);
    updateCard(local, lang, { fields: { description: 'Evenings' } });
    // The change reached the server before the refusal of another.
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local, Y.encodeStateVector(server)));
    const fresh = copyOf(server);
    const before = Y.encodeStateVector(fresh);
    const { refused } = replayChanges(fresh, localChanges(confirmed, local), 'participant', REPLAY);
    expect(refused).toEqual([]);
    expect(Y.decodeStateVector(Y.encodeStateVector(fresh)).get(fresh.clientID)).toBe(
      Y.decodeStateVector(before).get(fresh.clientID),
    );
  });

  it('makes new cards and links again with their ids, and refuses a new link to a card agreed meanwhile', () => {
    const { server, jobs, target } = serverBoard();
    const { confirmed, local } = offline(server);
    const note = addCard(local, { kind: 'note', x: 0, y: 600, author: ada, fields: { text: 'Ask the mayor' } });
    const objective = addCard(local, { kind: 'objective', x: 600, y: 0, author: ada, fields: { title: 'Fair work' } });
    const toTarget = addLink(local, { kind: 'contributes', from: objective, to: target, author: ada });
    const toAgreed = addLink(local, { kind: 'contributes', from: objective, to: target, author: ada });
    updateCard(server, target, { status: 'agreed' });
    const fresh = copyOf(server);
    const { refused } = replayChanges(fresh, localChanges(confirmed, local), 'participant', REPLAY);
    expect(getCard(fresh, note)?.fields).toMatchObject({ text: 'Ask the mayor' });
    expect(getCard(fresh, objective)?.author).toEqual(ada);
    expect(getLink(fresh, toTarget)).toBeUndefined();
    expect(getLink(fresh, toAgreed)).toBeUndefined();
    expect(refused.map((r) => r.reason)).toEqual(['linked-to-agreed', 'linked-to-agreed']);
    expect(refusalsText(refused)).toContain('Your new link from “Fair work” to “8.8” was not applied');
    expect(listLinks(fresh).map((l) => l.from)).toEqual([jobs]);
  });

  it('refuses deleting a card held by an agreed item, and editing a card deleted meanwhile', () => {
    const { server, jobs, lang, target } = serverBoard();
    const { confirmed, local } = offline(server);
    deleteCards(local, [target]);
    updateCard(local, lang, { fields: { title: 'Language classes for adults' } });
    updateCard(server, jobs, { status: 'agreed' });
    deleteCards(server, [lang]);
    const fresh = copyOf(server);
    const { refused } = replayChanges(fresh, localChanges(confirmed, local), 'participant', REPLAY);
    expect(refused.map((r) => [r.change.label, r.reason])).toEqual([
      ['Language classes', 'gone'],
      ['8.8', 'held'],
      // Deleting the card deleted its link too, which the agreement locks.
      ['the link from “Jobs desk” to “8.8”', 'linked-to-agreed'],
    ]);
    expect(getCard(fresh, target)).toBeDefined();
  });

  it('keeps a comment on an item agreed meanwhile (comments are allowed), not the edit', () => {
    const { server, jobs } = serverBoard();
    const { confirmed, local } = offline(server);
    updateCard(local, jobs, { fields: { title: 'Jobs desk (mobile)' } });
    addComment(local, { type: 'card', id: jobs }, { author: ada, text: 'Could it travel?' });
    updateCard(server, jobs, { status: 'agreed' });
    const fresh = copyOf(server);
    const { refused } = replayChanges(fresh, localChanges(confirmed, local), 'participant', REPLAY);
    expect(refused.map((r) => r.reason)).toEqual(['agreed']);
    expect(getCard(fresh, jobs)?.fields).toMatchObject({ title: 'Jobs desk' });
    expect(getCard(fresh, jobs)?.comments.map((c) => c.text)).toEqual(['Could it travel?']);
  });

  it('a participant never sets agreed; a facilitator’s changes all apply; a viewer’s none', () => {
    const { server, jobs, lang, link } = serverBoard();
    const { confirmed, local } = offline(server);
    updateCard(local, lang, { status: 'agreed', fields: { description: 'x' } });
    updateLink(local, link, { fields: { note: 'directly' } });
    updateCard(server, jobs, { status: 'agreed' });
    const changes = localChanges(confirmed, local);

    const asParticipant = copyOf(server);
    const p = replayChanges(asParticipant, changes, 'participant', REPLAY);
    expect(getCard(asParticipant, lang)?.status).toBe('proposed');
    expect(getCard(asParticipant, lang)?.fields).toMatchObject({ description: 'x' });
    expect(p.refused.map((r) => r.reason)).toEqual(['linked-to-agreed']);

    const asFacilitator = copyOf(server);
    const f = replayChanges(asFacilitator, changes, 'facilitator', REPLAY);
    expect(f.refused).toEqual([]);
    expect(getCard(asFacilitator, lang)?.status).toBe('agreed');
    expect(getLink(asFacilitator, link)?.fields).toMatchObject({ note: 'directly' });

    const asViewer = copyOf(server);
    const before = Y.encodeStateAsUpdate(asViewer);
    const v = replayChanges(asViewer, changes, 'viewer', REPLAY);
    expect(v.applied).toEqual([]);
    expect(v.refused.every((r) => r.reason === 'viewer')).toBe(true);
    expect(Y.encodeStateAsUpdate(asViewer)).toEqual(before);
    expect(listCards(asViewer).find((c) => c.id === lang)?.fields).toMatchObject({ description: '' });
  });
});
