// Private notes on this person's canvas: reading them from the private board through the model,
// and creating one at a free spot. Which new notes go here is decided in one place for every way
// of adding cards: client/tools/newCards.ts.
import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import {
  type Author,
  addCard,
  type CardOf,
  listPrivateNotes,
  type NewCard,
  observeBoard,
} from '../../shared/model/index.ts';
import { boardCache } from '../canvas/useBoardItems.ts';
import { useBoardStore } from '../store/boardStore.ts';
import { viewCentre } from '../store/viewportSlice.ts';
import { LOCAL_ORIGIN } from '../sync/origin.ts';
import { freeSpot } from '../tools/placement.ts';

const NOTE_W = 180;
const NOTE_H = 140;

class PrivateNotesCache {
  notes: CardOf<'note'>[];
  private readonly listeners = new Set<() => void>();
  constructor(doc: Y.Doc) {
    this.notes = listPrivateNotes(doc);
    observeBoard(doc, () => {
      this.notes = listPrivateNotes(doc);
      for (const l of this.listeners) l();
    });
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const caches = new WeakMap<Y.Doc, PrivateNotesCache>();
const EMPTY: CardOf<'note'>[] = [];

function cacheOf(doc: Y.Doc): PrivateNotesCache {
  let cache = caches.get(doc);
  if (!cache) {
    cache = new PrivateNotesCache(doc);
    caches.set(doc, cache);
  }
  return cache;
}

export function usePrivateNotes(doc: Y.Doc | null): CardOf<'note'>[] {
  return useSyncExternalStore(
    (listener) => (doc ? cacheOf(doc).subscribe(listener) : () => {}),
    () => (doc ? cacheOf(doc).notes : EMPTY),
  );
}

/** The note just created here, which opens for typing when it is drawn. */
let fresh: string | null = null;

/** True once for the note just created here (it then opens for typing). */
export function takeFreshPrivateNote(id: string): boolean {
  if (fresh !== id) return false;
  fresh = null;
  return true;
}

/** Marks a note just added here (a paste, say) to open for typing when it is drawn. */
export function markFreshPrivateNote(id: string): void {
  fresh = id;
}

/**
 * A private note at a free spot near `at` (the centre of the view by default), clear of the
 * shared board's cards and the other private notes, opened for typing when it is drawn. The way
 * every entry point makes one: client/tools/newCards.ts.
 */
export function createPrivateNote(
  privateDoc: Y.Doc,
  boardDoc: Y.Doc,
  author: Author,
  at?: { x: number; y: number },
  fields?: NewCard<'note'>['fields'],
): string {
  const { viewport, stageSize } = useBoardStore.getState();
  const centre = at ?? viewCentre(viewport, stageSize);
  const taken = [...boardCache(boardDoc).items.cards.values()];
  const spot = freeSpot([...taken, ...listPrivateNotes(privateDoc)], centre, NOTE_W, NOTE_H);
  const id = addCard(
    privateDoc,
    { kind: 'note', x: spot.x, y: spot.y, author, ...(fields ? { fields } : {}) },
    LOCAL_ORIGIN,
  );
  fresh = id;
  return id;
}
