import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ANONYMOUS_AUTHOR,
  addCard,
  type Box,
  boxesOverlap,
  type Card,
  layoutRevealedNotes,
  listCards,
  movePrivateNotes,
  REVEAL_MARGIN,
  type RevealedNote,
} from '../../../shared/model/index.ts';

// A small seeded generator, so a failure can be replayed.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function expectNoOverlap(placed: Box[], existing: Box[]): void {
  for (let i = 0; i < placed.length; i++) {
    for (const card of existing) expect(boxesOverlap(placed[i] as Box, card)).toBe(false);
    for (let j = i + 1; j < placed.length; j++) expect(boxesOverlap(placed[i] as Box, placed[j] as Box)).toBe(false);
  }
}

function boundsOf(boxes: Box[]): Box {
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.w));
  const maxY = Math.max(...boxes.map((b) => b.y + b.h));
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

describe('layoutRevealedNotes', () => {
  it('never puts two revealed notes on each other, nor on a card already on the board', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = random(seed);
      const existing: Box[] = Array.from({ length: Math.floor(r() * 30) }, () => ({
        x: Math.round(r() * 4000 - 2000),
        y: Math.round(r() * 3000 - 1500),
        w: 80 + Math.round(r() * 400),
        h: 60 + Math.round(r() * 300),
      }));
      const notes: RevealedNote[] = Array.from({ length: 1 + Math.floor(r() * 60) }, (_, i) => ({
        id: `n${i}`,
        w: 120 + Math.round(r() * 200),
        h: 100 + Math.round(r() * 200),
        group: `g${Math.floor(r() * 8)}`,
      }));
      const places = layoutRevealedNotes(notes, existing);
      expect(places.size).toBe(notes.length);
      const placed = notes.map((n) => ({ ...(places.get(n.id) as { x: number; y: number }), w: n.w, h: n.h }));
      expectNoOverlap(placed, existing);
      // Each group is a block of its own: no group's area reaches into another's.
      const groups = [...new Set(notes.map((n) => n.group))];
      const blocks = groups.map((g) => boundsOf(placed.filter((_, i) => notes[i]?.group === g)));
      expectNoOverlap(blocks, []);
    }
  });

  it('lays out one author’s notes as a grid beside the board’s cards', () => {
    const existing = [{ x: 0, y: 0, w: 200, h: 100 }];
    const notes = Array.from({ length: 4 }, (_, i) => ({ id: `n${i}`, w: 180, h: 140, group: 'a' }));
    const places = layoutRevealedNotes(notes, existing);
    const x0 = 200 + REVEAL_MARGIN;
    expect([...places.values()]).toEqual([
      { x: x0, y: 0 },
      { x: x0 + 204, y: 0 },
      { x: x0, y: 164 },
      { x: x0 + 204, y: 164 },
    ]);
  });
});

describe('movePrivateNotes lays the notes out', () => {
  const author = (id: string, group: string) => ({ id, name: id, group });

  it('by author, clear of each other and the board’s cards, though they were written on the same spot', () => {
    const board = new Y.Doc();
    addCard(board, { kind: 'intervention', x: 0, y: 0, author: author('f', 'academia'), fields: { title: 'Fund' } });
    const people = ['ana', 'ben', 'cai'].map((id) => {
      const mine = new Y.Doc();
      for (let i = 0; i < 3; i++) {
        addCard(mine, { kind: 'note', x: 0, y: 0, author: author(id, 'academia'), fields: { text: `${id} ${i}` } });
      }
      return mine;
    });
    const before = listCards(board);
    for (const mine of people) movePrivateNotes(mine, board, { anonymous: false });
    const notes = listCards(board).filter((c) => c.kind === 'note');
    expect(notes).toHaveLength(9);
    expectNoOverlap(notes, before);
    // Each author's notes sit together: their blocks do not overlap.
    const blocks = ['ana', 'ben', 'cai'].map((id) => boundsOf(notes.filter((n: Card) => n.author.id === id)));
    expectNoOverlap(blocks, []);
  });

  it('by stakeholder group when anonymous', () => {
    const board = new Y.Doc();
    const mine = new Y.Doc();
    const ids = [
      addCard(mine, { kind: 'note', x: 5, y: 5, author: author('ana', 'academia'), fields: { text: 'a' } }),
      addCard(mine, { kind: 'note', x: 5, y: 5, author: author('ben', 'media'), fields: { text: 'b' } }),
      addCard(mine, { kind: 'note', x: 5, y: 5, author: author('cai', 'academia'), fields: { text: 'c' } }),
    ];
    movePrivateNotes(mine, board, { anonymous: true });
    const notes = ids.map((id) => listCards(board).find((c) => c.id === id) as Card);
    expect(notes.every((n) => n.author.id === ANONYMOUS_AUTHOR.id)).toBe(true);
    expectNoOverlap(notes, []);
    // The two academia notes share a row; the media note is in a grid of its own to the right.
    expect(notes[0]?.y).toBe(notes[2]?.y);
    expect(notes[1]?.x).toBeGreaterThan(Math.max(notes[0]?.x ?? 0, notes[2]?.x ?? 0));
  });
});
