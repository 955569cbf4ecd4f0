// Per-person undo: a Y.UndoManager over the board's top-level types that tracks only the origins
// given (in the client, LOCAL_ORIGIN), so undoing never removes what someone else did.
import * as Y from 'yjs';
import { cardsMap, linksMap, metaMap, validationMap } from './layout.ts';

export interface UndoOptions {
  /**
   * Edits closer together than this merge into one undo step. 0 (the default) keeps every typed
   * operation its own step: each already runs in one transaction (a multi-card move, a delete
   * with its links, a paste).
   */
  captureTimeoutMs?: number;
}

export function createUndoManager(
  doc: Y.Doc,
  trackedOrigins: Iterable<unknown>,
  options: UndoOptions = {},
): Y.UndoManager {
  return new Y.UndoManager([metaMap(doc), cardsMap(doc), linksMap(doc), validationMap(doc)], {
    trackedOrigins: new Set(trackedOrigins),
    captureTimeout: options.captureTimeoutMs ?? 0,
  });
}
