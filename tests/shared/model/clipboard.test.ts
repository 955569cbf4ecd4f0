import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addLink,
  CLIPBOARD_TYPE,
  copyItems,
  createUndoManager,
  duplicateItems,
  getCard,
  listCards,
  listLinks,
  pasteItems,
  readClipboard,
} from '../../../shared/model/index.ts';
import { ANA, BEN } from './support.ts';

const MINE = Symbol('mine');

function board() {
  const doc = new Y.Doc();
  const intervention = addCard(
    doc,
    { kind: 'intervention', x: 0, y: 0, author: ANA, fields: { title: 'Resource centre', sector: 'governance' } },
    MINE,
  );
  const target = addCard(doc, { kind: 'target', x: 400, y: 0, author: ANA, fields: { code: '10.7' } }, MINE);
  const note = addCard(doc, { kind: 'note', x: 0, y: 300, author: ANA, fields: { text: 'Idea' } }, MINE);
  const link = addLink(doc, { kind: 'contributes', from: intervention, to: target, author: ANA }, MINE);
  return { doc, intervention, target, note, link };
}

describe('copy and paste', () => {
  it('copies cards with the links between them, as plain JSON', () => {
    const { doc, intervention, target, note, link } = board();
    const payload = copyItems(doc, [intervention, target, note]);
    expect(payload.type).toBe(CLIPBOARD_TYPE);
    expect(payload.cards.map((c) => c.id)).toEqual([intervention, target, note]);
    expect(payload.links.map((l) => l.id)).toEqual([link]);
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
  });

  it('leaves out a link whose other card is not copied', () => {
    const { doc, intervention, link } = board();
    expect(copyItems(doc, [intervention], [link]).links).toEqual([]);
  });

  it('pastes into another board with new ids, offset, by the paster, links re-bound', () => {
    const { doc, intervention, target } = board();
    const text = JSON.stringify(copyItems(doc, [intervention, target]));
    const other = new Y.Doc();
    const read = readClipboard(text);
    if (!read.ok) throw new Error(read.reason);
    const pasted = pasteItems(other, read.payload, { author: BEN, dx: 30, dy: 40 }, MINE);
    expect(pasted.cards).toHaveLength(2);
    expect(pasted.cards).not.toContain(intervention);
    const cards = listCards(other);
    const copy = cards.find((c) => c.kind === 'intervention');
    expect(copy?.kind === 'intervention' && copy.fields.title).toBe('Resource centre');
    expect({ x: copy?.x, y: copy?.y, author: copy?.author.name }).toEqual({ x: 30, y: 40, author: 'Ben' });
    const links = listLinks(other);
    expect(links).toHaveLength(1);
    expect(links[0]?.from).toBe(copy?.id);
    expect(pasted.links).toEqual([links[0]?.id]);
  });

  it('duplicates as one undo step', () => {
    const { doc, intervention, target } = board();
    const undo = createUndoManager(doc, [MINE]);
    const dup = duplicateItems(doc, [intervention, target], [], { author: ANA, dx: 24, dy: 24 }, MINE);
    expect(listCards(doc)).toHaveLength(5);
    expect(getCard(doc, dup.cards[0] ?? '')?.x).toBe(24);
    undo.undo();
    expect(listCards(doc)).toHaveLength(3);
    expect(listLinks(doc)).toHaveLength(1);
  });

  it.each([
    ['text that is not JSON', 'hello'],
    ['another application’s JSON', { type: 'something-else' }],
    ['a newer version', { type: CLIPBOARD_TYPE, version: 99, cards: [], links: [] }],
    [
      'a card with an unknown field',
      {
        type: CLIPBOARD_TYPE,
        version: 1,
        cards: [{ id: 'abcdefgh12', kind: 'note', x: 0, y: 0, w: 10, h: 10, status: 'proposed', fields: { evil: 1 } }],
        links: [],
      },
    ],
    [
      'a card with a non-finite position',
      {
        type: CLIPBOARD_TYPE,
        version: 1,
        cards: [{ id: 'abcdefgh12', kind: 'note', x: null, y: 0, w: 10, h: 10, status: 'proposed', fields: {} }],
        links: [],
      },
    ],
  ])('refuses %s', (_what, input) => {
    expect(readClipboard(input).ok).toBe(false);
  });

  it('drops a link joining kinds it may not join', () => {
    const input = {
      type: CLIPBOARD_TYPE,
      version: 1,
      cards: [
        { id: 'note-aaaa1', kind: 'note', x: 0, y: 0, w: 10, h: 10, status: 'proposed', fields: {} },
        { id: 'note-bbbb2', kind: 'note', x: 0, y: 0, w: 10, h: 10, status: 'proposed', fields: {} },
      ],
      links: [
        { id: 'link-cccc3', kind: 'contributes', from: 'note-aaaa1', to: 'note-bbbb2', status: 'proposed', fields: {} },
      ],
    };
    const read = readClipboard(input);
    expect(read.ok && read.payload.links).toEqual([]);
  });
});
