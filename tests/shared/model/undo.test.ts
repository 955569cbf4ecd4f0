import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addLink,
  createUndoManager,
  deleteCards,
  getCard,
  listCards,
  listLinks,
  moveCards,
  readMeta,
  updateCard,
  updateMeta,
} from '../../../shared/model/index.ts';
import { ANA, BEN, replica, sync } from './support.ts';

const MINE = Symbol('mine');
const THEIRS = Symbol('theirs');

describe('createUndoManager', () => {
  it('undoes and redoes a multi-card move as one step', () => {
    const doc = new Y.Doc();
    const a = addCard(doc, { kind: 'note', x: 0, y: 0, author: ANA }, MINE);
    const b = addCard(doc, { kind: 'note', x: 100, y: 0, author: ANA }, MINE);
    const undo = createUndoManager(doc, [MINE]);
    moveCards(
      doc,
      [
        { id: a, x: 10, y: 20 },
        { id: b, x: 110, y: 20 },
      ],
      MINE,
    );
    undo.undo();
    expect([getCard(doc, a)?.x, getCard(doc, b)?.x]).toEqual([0, 100]);
    undo.redo();
    expect([getCard(doc, a)?.y, getCard(doc, b)?.y]).toEqual([20, 20]);
  });

  it('keeps each operation its own step by default', () => {
    const doc = new Y.Doc();
    const undo = createUndoManager(doc, [MINE]);
    const id = addCard(doc, { kind: 'note', x: 0, y: 0, author: ANA }, MINE);
    updateCard(doc, id, { fields: { text: 'hello' } }, MINE);
    undo.undo();
    expect(getCard(doc, id)?.fields).toMatchObject({ text: '' });
    undo.undo();
    expect(listCards(doc)).toEqual([]);
  });

  it('never undoes a change made with an origin it does not track', () => {
    const doc = new Y.Doc();
    const undo = createUndoManager(doc, [MINE]);
    const id = addCard(doc, { kind: 'note', x: 0, y: 0, author: ANA }, THEIRS);
    moveCards(doc, [{ id, x: 50, y: 50 }], THEIRS);
    expect(undo.canUndo()).toBe(false);
    undo.undo();
    expect(getCard(doc, id)?.x).toBe(50);
  });

  it('undoing A’s edit leaves B’s edit made in between on another replica', () => {
    const docA = new Y.Doc();
    const note = addCard(docA, { kind: 'note', x: 0, y: 0, author: ANA }, THEIRS);
    const target = addCard(docA, { kind: 'target', x: 300, y: 0, author: ANA, fields: { code: '10.7' } }, THEIRS);
    const docB = replica(docA);
    const undoA = createUndoManager(docA, [MINE]);

    moveCards(docA, [{ id: note, x: 40, y: 40 }], MINE);
    sync(docA, docB);
    // B, on its own replica, edits the note's text and moves the target; A receives it.
    updateCard(docB, note, { fields: { text: 'from B' } }, BEN);
    moveCards(docB, [{ id: target, x: 500, y: 0 }], BEN);
    sync(docA, docB);

    undoA.undo();
    sync(docA, docB);
    for (const doc of [docA, docB]) {
      const n = getCard(doc, note);
      expect({ x: n?.x, y: n?.y }).toEqual({ x: 0, y: 0 });
      expect(n?.kind === 'note' && n.fields.text).toBe('from B');
      expect(getCard(doc, target)?.x).toBe(500);
    }
  });

  it('brings back a deleted card together with its links', () => {
    const doc = new Y.Doc();
    const intervention = addCard(doc, { kind: 'intervention', x: 0, y: 0, author: ANA }, MINE);
    const target = addCard(doc, { kind: 'target', x: 300, y: 0, author: ANA, fields: { code: '10.7' } }, MINE);
    addLink(doc, { kind: 'contributes', from: intervention, to: target, author: ANA }, MINE);
    const undo = createUndoManager(doc, [MINE]);
    deleteCards(doc, [target], MINE);
    expect(listLinks(doc)).toHaveLength(0);
    undo.undo();
    expect(listCards(doc)).toHaveLength(2);
    expect(listLinks(doc)).toHaveLength(1);
  });

  it('tracks workshop metadata too', () => {
    const doc = new Y.Doc();
    const undo = createUndoManager(doc, [MINE]);
    updateMeta(doc, { title: 'Before' }, MINE);
    updateMeta(doc, { title: 'After' }, MINE);
    undo.undo();
    expect(readMeta(doc).title).toBe('Before');
  });
});
