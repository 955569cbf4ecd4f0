import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addComment,
  addLink,
  type BoardChanges,
  cardText,
  castVotes,
  deleteCards,
  moveCard,
  moveCards,
  observeBoard,
  updateCard,
  updateLink,
  updateMeta,
} from '../../../shared/model/index.ts';
import { ANA } from './support.ts';

function record(doc: Y.Doc): { seen: BoardChanges[]; stop: () => void } {
  const seen: BoardChanges[] = [];
  const stop = observeBoard(doc, (changes) => seen.push(changes));
  return { seen, stop };
}

function ids(changes: BoardChanges | undefined): { cards: string[]; links: string[]; meta: boolean } {
  return {
    cards: [...(changes?.cards ?? [])].sort(),
    links: [...(changes?.links ?? [])].sort(),
    meta: !!changes?.meta,
  };
}

describe('observeBoard', () => {
  it('reports a new card by its id', () => {
    const doc = new Y.Doc();
    const { seen } = record(doc);
    const id = addCard(doc, { kind: 'note', x: 0, y: 0, author: ANA });
    expect(seen).toHaveLength(1);
    expect(ids(seen[0])).toEqual({ cards: [id], links: [], meta: false });
  });

  it('reports exactly the moved cards, not their keys or the cards left alone', () => {
    const doc = new Y.Doc();
    const a = addCard(doc, { kind: 'note', x: 0, y: 0, author: ANA });
    const b = addCard(doc, { kind: 'note', x: 0, y: 0, author: ANA });
    addCard(doc, { kind: 'note', x: 0, y: 0, author: ANA });
    const { seen } = record(doc);
    moveCards(doc, [
      { id: a, x: 1, y: 1 },
      { id: b, x: 2, y: 2 },
    ]);
    expect(seen).toHaveLength(1);
    expect(ids(seen[0])).toEqual({ cards: [a, b].sort(), links: [], meta: false });
  });

  it('reports the card whose text, list, comments or votes changed', () => {
    const doc = new Y.Doc();
    const a = addCard(doc, { kind: 'intervention', x: 0, y: 0, author: ANA });
    addCard(doc, { kind: 'intervention', x: 0, y: 0, author: ANA });
    const { seen } = record(doc);
    updateCard(doc, a, { fields: { title: 'Clinic' } });
    cardText(doc, a, 'title')?.insert(0, 'Mobile ');
    updateCard(doc, a, { fields: { funding: [{ amount: 1, currency: 'EUR', source: 'private', arrangement: '' }] } });
    addComment(doc, { type: 'card', id: a }, { author: ANA, text: 'Nice' });
    castVotes(doc, { type: 'card', id: a }, ANA.id, 2);
    expect(seen.map(ids)).toEqual(Array.from({ length: 5 }, () => ({ cards: [a], links: [], meta: false })));
  });

  it('reports links apart from cards, and both when a card delete takes its links along', () => {
    const doc = new Y.Doc();
    const i = addCard(doc, { kind: 'intervention', x: 0, y: 0, author: ANA });
    const t = addCard(doc, { kind: 'target', x: 0, y: 0, author: ANA });
    const { seen } = record(doc);
    const link = addLink(doc, { kind: 'contributes', from: i, to: t, author: ANA });
    updateLink(doc, link, { fields: { note: 'Directly' } });
    deleteCards(doc, [t]);
    expect(seen.map(ids)).toEqual([
      { cards: [], links: [link], meta: false },
      { cards: [], links: [link], meta: false },
      { cards: [t], links: [link], meta: false },
    ]);
  });

  it('reports a change of workshop metadata', () => {
    const doc = new Y.Doc();
    const { seen } = record(doc);
    updateMeta(doc, { title: 'Migration and the SDGs, Lagos 2025' });
    expect(ids(seen[0])).toEqual({ cards: [], links: [], meta: true });
  });

  it('tells local edits from remote ones and passes the origin through', () => {
    const local = new Y.Doc();
    const remote = new Y.Doc();
    const { seen } = record(local);
    const origin = Symbol('mine');
    const mine = addCard(local, { kind: 'note', x: 0, y: 0, author: ANA }, origin);
    const theirs = addCard(remote, { kind: 'note', x: 0, y: 0, author: ANA });
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote), 'provider');
    expect(seen.map((c) => ({ ...ids(c), local: c.local, origin: c.origin }))).toEqual([
      { cards: [mine], links: [], meta: false, local: true, origin },
      { cards: [theirs], links: [], meta: false, local: false, origin: 'provider' },
    ]);
  });

  it('reports the card id for a remote edit inside a card', () => {
    const a = new Y.Doc();
    const id = addCard(a, { kind: 'note', x: 0, y: 0, author: ANA });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const { seen } = record(b);
    const vector = Y.encodeStateVector(a);
    updateCard(a, id, { fields: { text: 'hello' } });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, vector));
    expect(seen.map(ids)).toEqual([{ cards: [id], links: [], meta: false }]);
  });

  it('stays silent for transactions that do not touch the board', () => {
    const doc = new Y.Doc();
    const { seen } = record(doc);
    doc.getMap('elsewhere').set('x', 1);
    doc.transact(() => {});
    expect(seen).toEqual([]);
  });

  it('stops reporting after unsubscribe', () => {
    const doc = new Y.Doc();
    const { seen, stop } = record(doc);
    const id = addCard(doc, { kind: 'note', x: 0, y: 0, author: ANA });
    stop();
    moveCard(doc, id, 5, 5);
    addCard(doc, { kind: 'note', x: 0, y: 0, author: ANA });
    expect(seen).toHaveLength(1);
  });
});
