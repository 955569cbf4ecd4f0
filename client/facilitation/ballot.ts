// This person's ballot in the open vote, read from their private board (it stays there, unseen
// by anyone else, until the facilitator reveals the results), and re-read whenever it changes.
import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { castBallot, type ItemRef, readBallot, type VoteSession } from '../../shared/model/index.ts';
import { LOCAL_ORIGIN } from '../sync/origin.ts';

const versions = new WeakMap<Y.Doc, number>();
const EMPTY: ReadonlyMap<string, number> = new Map();

function subscribe(doc: Y.Doc, listener: () => void): () => void {
  const onUpdate = () => {
    versions.set(doc, (versions.get(doc) ?? 0) + 1);
    listener();
  };
  doc.on('update', onUpdate);
  return () => doc.off('update', onUpdate);
}

/** This person's dots by item id (empty without a vote or a private board). */
export function useBallot(privateDoc: Y.Doc | null, vote: VoteSession | null): ReadonlyMap<string, number> {
  const version = useSyncExternalStore(
    (listener) => (privateDoc ? subscribe(privateDoc, listener) : () => {}),
    () => (privateDoc ? (versions.get(privateDoc) ?? 0) : 0),
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes when the ballot does.
  return useMemo(() => (privateDoc && vote ? readBallot(privateDoc, vote) : EMPTY), [privateDoc, vote, version]);
}

export function dotsUsed(ballot: ReadonlyMap<string, number>): number {
  let used = 0;
  for (const count of ballot.values()) used += count;
  return used;
}

/** Sets this person's dots on an item; false (nothing changed) when the vote does not allow it. */
export function placeDots(privateDoc: Y.Doc, vote: VoteSession, item: ItemRef, count: number): boolean {
  try {
    castBallot(privateDoc, vote, item, count, LOCAL_ORIGIN);
    return true;
  } catch {
    return false;
  }
}
