// Private notes on this person's canvas: reading them from the private board through the model,
// creating one near the centre of the view, and sending the usual ways of adding a note (the N
// key, a double-click on empty board) to the private board while private mode is on.
import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { type Author, addCard, type CardOf, listPrivateNotes, observeBoard } from '../../shared/model/index.ts';
import { canvasProbe } from '../canvas/canvasProbe.ts';
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

/** A private note at a free spot near `at` (the centre of the view by default). */
export function createPrivateNote(
  privateDoc: Y.Doc,
  boardDoc: Y.Doc,
  author: Author,
  at?: { x: number; y: number },
): string {
  const { viewport, stageSize } = useBoardStore.getState();
  const centre = at ?? viewCentre(viewport, stageSize);
  const taken = [...boardCache(boardDoc).items.cards.values()];
  const spot = at
    ? { x: at.x - NOTE_W / 2, y: at.y - NOTE_H / 2 }
    : freeSpot([...taken, ...listPrivateNotes(privateDoc)], centre, NOTE_W, NOTE_H);
  const id = addCard(privateDoc, { kind: 'note', x: spot.x, y: spot.y, author }, LOCAL_ORIGIN);
  fresh = id;
  return id;
}

function typingInto(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * While `active()` says so, the N key and a double-click on empty board make a private note
 * instead of a shared one. Listens in the capture phase, ahead of the board's own handlers.
 */
export function routeNewNotesToPrivate(
  boardDoc: Y.Doc,
  area: HTMLElement,
  active: () => boolean,
  create: (at?: { x: number; y: number }) => void,
): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (!active() || e.defaultPrevented || typingInto(e.target)) return;
    if (e.key.toLowerCase() !== 'n' || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    create();
  };
  const onDoubleClick = (e: MouseEvent) => {
    if (!active() || !(e.target instanceof Element) || !e.target.closest('.konvajs-content')) return;
    const p = canvasProbe()?.boardPointAt(e.clientX, e.clientY);
    if (!p) return;
    for (const card of boardCache(boardDoc).items.cards.values()) {
      if (card.kind === 'frame') continue;
      if (p.x >= card.x && p.x <= card.x + card.w && p.y >= card.y && p.y <= card.y + card.h) return;
    }
    e.preventDefault();
    e.stopPropagation();
    create(p);
  };
  window.addEventListener('keydown', onKey, true);
  area.addEventListener('dblclick', onDoubleClick, true);
  return () => {
    window.removeEventListener('keydown', onKey, true);
    area.removeEventListener('dblclick', onDoubleClick, true);
  };
}
