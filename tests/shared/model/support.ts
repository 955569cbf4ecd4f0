// Small helpers for the document-model tests. Every test still builds its own Y.Doc.
import { expect } from 'vitest';
import * as Y from 'yjs';
import type { Author } from '../../../shared/model/index.ts';

export const ANA: Author = { id: 'u-ana', name: 'Ana', group: 'government-local' };
export const BEN: Author = { id: 'u-ben', name: 'Ben', group: 'civil-society' };

/** Exchanges both documents' missing updates, as two connected clients would. */
export function sync(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

/** A second document holding a copy of `doc`, with its own client id. */
export function replica(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Expects `fn` to be refused with a message matching `message`, leaving `doc` exactly as it was. */
export function expectRefusedUnchanged(doc: Y.Doc, fn: () => unknown, message: RegExp | string): void {
  const before = Y.encodeStateAsUpdate(doc);
  let updates = 0;
  const count = () => updates++;
  doc.on('update', count);
  try {
    expect(fn).toThrow(message);
  } finally {
    doc.off('update', count);
  }
  expect(updates).toBe(0);
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
}
