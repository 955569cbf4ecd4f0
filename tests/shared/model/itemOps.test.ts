import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addComment,
  addLink,
  castVotes,
  getCard,
  getLink,
  type ItemRef,
  resolveComment,
} from '../../../shared/model/index.ts';
import { cardsMap } from '../../../shared/model/layout.ts';
import { ANA, BEN, expectRefusedUnchanged, replica, sync } from './support.ts';

const NOW = 1_700_000_000_000;

function board(doc: Y.Doc): { card: ItemRef; link: ItemRef } {
  const i = addCard(doc, { kind: 'intervention', x: 0, y: 0, author: ANA });
  const t = addCard(doc, { kind: 'target', x: 0, y: 0, author: ANA });
  const l = addLink(doc, { kind: 'contributes', from: i, to: t, author: ANA });
  return { card: { type: 'card', id: i }, link: { type: 'link', id: l } };
}

describe('comments', () => {
  it('adds a comment to a card with its author, text and time, unresolved', () => {
    const doc = new Y.Doc();
    const { card } = board(doc);
    const id = addComment(doc, card, { author: BEN, text: 'Who pays for this?' }, undefined, NOW);
    expect(getCard(doc, card.id)?.comments).toEqual([
      { id, author: BEN, text: 'Who pays for this?', createdAt: NOW, replyTo: '', resolved: false, mentions: [] },
    ]);
  });

  it('keeps the author ids a comment mentions, once each, and refuses mentions that are not ids', () => {
    const doc = new Y.Doc();
    const { card } = board(doc);
    addComment(doc, card, { author: ANA, text: '@Ben can you check?', mentions: [BEN.id, BEN.id] });
    expect(getCard(doc, card.id)?.comments[0]?.mentions).toEqual([BEN.id]);
    expectRefusedUnchanged(
      doc,
      () => addComment(doc, card, { author: ANA, text: 'Hi', mentions: [''] }),
      'mentions: each must be an author id (1 to 64 characters)',
    );
  });

  it('reads a comment written before mentions existed as mentioning nobody', () => {
    const doc = new Y.Doc();
    const { card } = board(doc);
    addComment(doc, card, { author: ANA, text: 'Old comment' });
    // A board written by an earlier version has no `mentions` key on its comments.
    const comments = (cardsMap(doc).get(card.id) as Y.Map<unknown>).get('comments') as Y.Array<Y.Map<unknown>>;
    comments.get(0).delete('mentions');
    expect(getCard(doc, card.id)?.comments[0]?.mentions).toEqual([]);
    expect(getCard(doc, card.id)?.comments[0]?.text).toBe('Old comment');
  });

  it('adds comments and replies to a link, in order', () => {
    const doc = new Y.Doc();
    const { link } = board(doc);
    const first = addComment(doc, link, { author: ANA, text: 'Is the link direct?' });
    const reply = addComment(doc, link, { author: BEN, text: 'Yes, through remittances', replyTo: first });
    const comments = getLink(doc, link.id)?.comments ?? [];
    expect(comments.map((c) => [c.id, c.replyTo, c.text])).toEqual([
      [first, '', 'Is the link direct?'],
      [reply, first, 'Yes, through remittances'],
    ]);
  });

  it('stores a comment as a Y.Map with its text as Y.Text in the item comments array', () => {
    const doc = new Y.Doc();
    const { card } = board(doc);
    addComment(doc, card, { author: ANA, text: 'Check the budget' });
    const comments = (cardsMap(doc).get(card.id) as Y.Map<unknown>).get('comments') as Y.Array<Y.Map<unknown>>;
    expect(comments).toBeInstanceOf(Y.Array);
    const comment = comments.get(0);
    expect(comment).toBeInstanceOf(Y.Map);
    expect(comment.get('text')).toBeInstanceOf(Y.Text);
    expect(comment.get('resolved')).toBe(false);
  });

  it('refuses an empty or blank comment and changes nothing', () => {
    const doc = new Y.Doc();
    const { card } = board(doc);
    expectRefusedUnchanged(doc, () => addComment(doc, card, { author: ANA, text: '' }), 'a comment cannot be empty');
    expectRefusedUnchanged(
      doc,
      () => addComment(doc, card, { author: ANA, text: '  \n\t ' }),
      'a comment cannot be empty',
    );
    expect(getCard(doc, card.id)?.comments).toEqual([]);
  });

  it('refuses a comment on an item that does not exist', () => {
    const doc = new Y.Doc();
    board(doc);
    expectRefusedUnchanged(
      doc,
      () => addComment(doc, { type: 'card', id: 'missing' }, { author: ANA, text: 'Hello' }),
      'no card missing',
    );
    expectRefusedUnchanged(
      doc,
      () => addComment(doc, { type: 'link', id: 'missing' }, { author: ANA, text: 'Hello' }),
      'no link missing',
    );
  });

  it('resolves and reopens a comment, and refuses an unknown comment id', () => {
    const doc = new Y.Doc();
    const { card } = board(doc);
    const keep = addComment(doc, card, { author: ANA, text: 'First' });
    const id = addComment(doc, card, { author: ANA, text: 'Second' });
    resolveComment(doc, card, id, true);
    expect(getCard(doc, card.id)?.comments.map((c) => [c.id, c.resolved])).toEqual([
      [keep, false],
      [id, true],
    ]);
    resolveComment(doc, card, id, false);
    expect(getCard(doc, card.id)?.comments[1]?.resolved).toBe(false);
    expectRefusedUnchanged(doc, () => resolveComment(doc, card, 'nope', true), 'no comment nope');
  });
});

describe('votes', () => {
  it('sets, changes and removes a voter’s votes on a card and a link', () => {
    const doc = new Y.Doc();
    const { card, link } = board(doc);
    castVotes(doc, card, ANA.id, 3);
    castVotes(doc, card, BEN.id, 1);
    castVotes(doc, link, ANA.id, 2);
    expect(getCard(doc, card.id)?.votes).toEqual({ [ANA.id]: 3, [BEN.id]: 1 });
    expect(getLink(doc, link.id)?.votes).toEqual({ [ANA.id]: 2 });
    castVotes(doc, card, ANA.id, 1);
    castVotes(doc, card, BEN.id, 0);
    expect(getCard(doc, card.id)?.votes).toEqual({ [ANA.id]: 1 });
    const votes = (cardsMap(doc).get(card.id) as Y.Map<unknown>).get('votes') as Y.Map<number>;
    expect([...votes.keys()]).toEqual([ANA.id]);
  });

  it('refuses negative or fractional votes and votes on a missing item', () => {
    const doc = new Y.Doc();
    const { card } = board(doc);
    expectRefusedUnchanged(doc, () => castVotes(doc, card, ANA.id, -1), 'votes must be a whole number ≥ 0');
    expectRefusedUnchanged(doc, () => castVotes(doc, card, ANA.id, 1.5), 'votes must be a whole number ≥ 0');
    expectRefusedUnchanged(doc, () => castVotes(doc, { type: 'card', id: 'x' }, ANA.id, 1), 'no card x');
  });

  it('keeps both people’s votes when they vote at the same time on two documents', () => {
    const ana = new Y.Doc();
    const { card } = board(ana);
    const ben = replica(ana);
    castVotes(ana, card, ANA.id, 2);
    castVotes(ben, card, BEN.id, 3);
    addComment(ana, card, { author: ANA, text: 'Ana' });
    addComment(ben, card, { author: BEN, text: 'Ben' });
    sync(ana, ben);
    for (const doc of [ana, ben]) {
      expect(getCard(doc, card.id)?.votes).toEqual({ [ANA.id]: 2, [BEN.id]: 3 });
      expect(
        getCard(doc, card.id)
          ?.comments.map((c) => c.text)
          .sort(),
      ).toEqual(['Ana', 'Ben']);
    }
  });
});
