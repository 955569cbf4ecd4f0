// One undo manager per board document, tracking only this browser's LOCAL_ORIGIN: undo and redo
// take back this person's own edits and never someone else's.
import type * as Y from 'yjs';
import { createUndoManager } from '../../shared/model/index.ts';
import { LOCAL_ORIGIN } from './origin.ts';

const managers = new WeakMap<Y.Doc, Y.UndoManager>();

/** The board's undo manager, made on first use (the board makes it as soon as it opens). */
export function undoManagerFor(doc: Y.Doc): Y.UndoManager {
  let manager = managers.get(doc);
  if (!manager) {
    const made = createUndoManager(doc, [LOCAL_ORIGIN]);
    managers.set(doc, made);
    doc.once('destroy', () => {
      made.destroy();
      managers.delete(doc);
    });
    manager = made;
  }
  return manager;
}

export function undo(doc: Y.Doc): boolean {
  return undoManagerFor(doc).undo() !== null;
}

export function redo(doc: Y.Doc): boolean {
  return undoManagerFor(doc).redo() !== null;
}
