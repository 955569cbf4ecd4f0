// A React hook over something read from the workshop metadata (the facilitation controls, the
// workshop's details): one cache per document, re-read only when the meta map changes, and kept
// as the same snapshot when the read is equal, so that React renders only on a real change.
import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { observeBoard } from '../../shared/model/index.ts';

class MetaCache<T> {
  current: T;
  private readonly listeners = new Set<() => void>();
  private readonly stop: () => void;

  constructor(doc: Y.Doc, read: (doc: Y.Doc) => T, same: (a: T, b: T) => boolean) {
    this.current = read(doc);
    this.stop = observeBoard(doc, (changes) => {
      if (!changes.meta) return;
      const next = read(doc);
      if (same(next, this.current)) return;
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

export interface MetaStore<T> {
  /** The document's cache, made on first use and dropped with the document. */
  cache(doc: Y.Doc): { readonly current: T; subscribe(listener: () => void): () => void };
  useValue(doc: Y.Doc): T;
}

export function metaStore<T>(read: (doc: Y.Doc) => T, same: (a: T, b: T) => boolean = () => false): MetaStore<T> {
  const caches = new WeakMap<Y.Doc, MetaCache<T>>();
  const cache = (doc: Y.Doc) => {
    let found = caches.get(doc);
    if (!found) {
      const made = new MetaCache(doc, read, same);
      found = made;
      caches.set(doc, made);
      doc.once('destroy', () => {
        made.destroy();
        caches.delete(doc);
      });
    }
    return found;
  };
  return {
    cache,
    useValue(doc) {
      const found = cache(doc);
      return useSyncExternalStore(
        (listener) => found.subscribe(listener),
        () => found.current,
      );
    },
  };
}
