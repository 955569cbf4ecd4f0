// One storage interface for workshops and their documents. SQLite is the embedded default;
// other implementations (PostgreSQL for scale-out) pass the same test suite.
import * as Y from 'yjs';
import type { ClientOwnerStore } from '../auth/clientOwners.ts';
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

/** One person's private board of a workshop, keyed by the hash of their secret. */
export interface PrivateDocRecord {
  ownerHash: string;
  state: Uint8Array;
}

export interface Storage extends ClientOwnerStore {
  createWorkshop(record: WorkshopRecord, initialState: Uint8Array): Promise<void>;
  getWorkshop(id: string): Promise<WorkshopRecord | undefined>;
  countWorkshops(): Promise<number>;
  setEpochs(id: string, epochs: RoleEpochs): Promise<void>;
  /** Renames the workshop (its board's title changed: rooms/titleKeeper.ts). */
  setTitle(id: string, title: string): Promise<void>;
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
  /**
   * Appends an update to a private board (creating it on first write): a write costs the update,
   * not the board. Every PRIVATE_FOLD_EVERY updates the board's state and its updates are merged
   * into one state again (on the SQLite thread, for SQLite), atomically, so that writes from two
   * processes never lose each other. Deletions are kept, so a browser that still holds notes
   * moved away by a reveal learns that they were moved.
   */
  appendPrivateUpdate(workshopId: string, ownerHash: string, update: Uint8Array): Promise<void>;
  /** A private board's stored state, or null when that person never wrote one. */
  loadPrivateDoc(workshopId: string, ownerHash: string): Promise<Uint8Array | null>;
  /** Every private board of a workshop (for the reveal). */
  listPrivateDocs(workshopId: string): Promise<PrivateDocRecord[]>;
  close(): Promise<void>;
}

/** A private board's updates appended since its state was last merged, before they are merged again. */
export const PRIVATE_FOLD_EVERY = 64;

/** A stored private state with the updates appended after it merged in; null when there is nothing. */
export function mergePrivateState(state: Uint8Array | null, updates: readonly Uint8Array[]): Uint8Array | null {
  const parts = state && state.length > 0 ? [state, ...updates] : [...updates];
  if (parts.length === 0) return null;
  return parts.length === 1 ? (parts[0] as Uint8Array) : Y.mergeUpdates(parts);
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
