// One storage interface for workshops and their documents. SQLite is the embedded default;
// other implementations (PostgreSQL for scale-out) pass the same test suite.
import * as Y from 'yjs';
import type { RoleEpochs } from '../auth/tokens.ts';

export interface WorkshopRecord {
  id: string;
  title: string;
  createdAt: number;
  epochs: RoleEpochs;
}

export interface StoredDoc {
  /** The compacted state, or null when the workshop has never been compacted. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, in order. */
  updates: Uint8Array[];
  /** The sequence number of the last update included above (0 when none). */
  lastSeq: number;
}

export interface Storage {
  createWorkshop(record: WorkshopRecord, initialState: Uint8Array): Promise<void>;
  getWorkshop(id: string): Promise<WorkshopRecord | undefined>;
  countWorkshops(): Promise<number>;
  setEpochs(id: string, epochs: RoleEpochs): Promise<void>;
  /**
   * The stored document. With `afterSeq`, only what came after that sequence number (catch-up);
   * when compaction has since folded those updates away, the whole document, snapshot included.
   */
  loadDoc(id: string, afterSeq?: number): Promise<StoredDoc>;
  /**
   * Durably appends an update; resolves with its sequence number once committed. Sequence
   * numbers grow in commit order within a workshop, so a reader that has seen N can catch up
   * by asking for what came after N. Storage shared by several processes (PostgreSQL) also
   * keeps them contiguous per workshop, so that a gap tells a process it missed something.
   */
  appendUpdate(id: string, update: Uint8Array): Promise<number>;
  /**
   * Folds the stored snapshot and every stored update into a new snapshot, atomically. It is
   * computed from what is stored, not from a process's memory, so that with several server
   * processes an update another process stored but this one has not yet seen is never dropped.
   */
  compact(id: string): Promise<void>;
  close(): Promise<void>;
}

/** The state that a snapshot plus updates amount to, garbage-collected into one update. */
export function foldUpdates(snapshot: Uint8Array | null, updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (snapshot) Y.applyUpdate(doc, snapshot);
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
