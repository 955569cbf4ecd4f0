import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyChanges, type BoardItems } from '../../client/canvas/useBoardItems.ts';
import {
  addCard,
  type BoardChanges,
  deleteCards,
  listCards,
  moveCards,
  observeBoard,
  updateCard,
} from '../../shared/model/index.ts';

const author = { id: 'author-1', name: 'Ada', group: 'academia' };

function cacheOf(doc: Y.Doc) {
  let items: BoardItems = { cards: new Map(listCards(doc).map((c) => [c.id, c])), links: new Map() };
  observeBoard(doc, (changes: BoardChanges) => {
    items = applyChanges(doc, items, changes);
  });
  return () => items;
}

describe('the per-id cache of card snapshots', () => {
  it('re-reads only the cards a remote edit touched, keeping the others identical', () => {
    const doc = new Y.Doc();
    const a = addCard(doc, { kind: 'note', x: 0, y: 0, author });
    const b = addCard(doc, { kind: 'note', x: 300, y: 0, author });
    const items = cacheOf(doc);
    const before = items();

    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    updateCard(remote, a, { fields: { text: 'edited elsewhere' } });
    moveCards(remote, [{ id: a, x: 40, y: 50 }]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'remote');

    const after = items();
    expect(after.cards.get(b)).toBe(before.cards.get(b));
    expect(after.cards.get(a)).not.toBe(before.cards.get(a));
    const card = after.cards.get(a);
    expect(card?.kind === 'note' && card.fields.text).toBe('edited elsewhere');
    expect({ x: card?.x, y: card?.y }).toEqual({ x: 40, y: 50 });
  });

  it('adds new cards and drops deleted ones', () => {
    const doc = new Y.Doc();
    const items = cacheOf(doc);
    const id = addCard(doc, { kind: 'target', x: 0, y: 0, author, fields: { code: '10.7' } });
    expect(items().cards.has(id)).toBe(true);
    deleteCards(doc, [id]);
    expect(items().cards.has(id)).toBe(false);
  });
});
