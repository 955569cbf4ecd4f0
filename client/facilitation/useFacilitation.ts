// The facilitator's shared state (phase, timer, vote, summon, spotlight, walk-through, private
// mode), read through the model and re-read only when the workshop metadata changes.
import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { type Facilitation, observeBoard, readFacilitation } from '../../shared/model/index.ts';

class FacilitationCache {
  current: Facilitation;
  private readonly listeners = new Set<() => void>();
  private readonly stop: () => void;

  constructor(doc: Y.Doc) {
    this.current = readFacilitation(doc);
    this.stop = observeBoard(doc, (changes) => {
      if (!changes.meta) return;
      this.current = readFacilitation(doc);
      for (const listener of this.listeners) listener();
    });
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.stop();
    this.listeners.clear();
  }
}

const caches = new WeakMap<Y.Doc, FacilitationCache>();

export function facilitationCache(doc: Y.Doc): FacilitationCache {
  let cache = caches.get(doc);
  if (!cache) {
    const made = new FacilitationCache(doc);
    cache = made;
    caches.set(doc, made);
    doc.once('destroy', () => {
      made.destroy();
      caches.delete(doc);
    });
  }
  return cache;
}

export function useFacilitation(doc: Y.Doc): Facilitation {
  const cache = facilitationCache(doc);
  return useSyncExternalStore(
    (listener) => cache.subscribe(listener),
    () => cache.current,
  );
}
