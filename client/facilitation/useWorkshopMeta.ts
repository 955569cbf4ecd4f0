// The workshop's details and its adoption record, read through the model and re-read only when
// the workshop metadata changes (the same snapshot otherwise, so React renders only on a change).
import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { type Adoption, observeBoard, readAdoption, readMeta, type WorkshopMeta } from '../../shared/model/index.ts';

export interface WorkshopRecord {
  meta: WorkshopMeta;
  adoption: Adoption | null;
}

function read(doc: Y.Doc): WorkshopRecord {
  return { meta: readMeta(doc), adoption: readAdoption(doc) };
}

class MetaCache {
  current: WorkshopRecord;
  private readonly listeners = new Set<() => void>();
  private readonly stop: () => void;

  constructor(doc: Y.Doc) {
    this.current = read(doc);
    this.stop = observeBoard(doc, (changes) => {
      if (!changes.meta) return;
      const next = read(doc);
      // The facilitation controls share the meta map: a timer tick must not re-render the details.
      if (JSON.stringify(next) === JSON.stringify(this.current)) return;
      this.current = next;
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

const caches = new WeakMap<Y.Doc, MetaCache>();

function metaCache(doc: Y.Doc): MetaCache {
  let cache = caches.get(doc);
  if (!cache) {
    const made = new MetaCache(doc);
    cache = made;
    caches.set(doc, made);
    doc.once('destroy', () => {
      made.destroy();
      caches.delete(doc);
    });
  }
  return cache;
}

export function useWorkshopMeta(doc: Y.Doc): WorkshopRecord {
  const cache = metaCache(doc);
  return useSyncExternalStore(
    (listener) => cache.subscribe(listener),
    () => cache.current,
  );
}
