// One storage interface for workshops and their documents. SQLite is the embedded default;
// other implementations (PostgreSQL for scale-out) pass the same test suite.
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
  loadDoc(id: string): Promise<StoredDoc>;
  /** Durably appends an update; resolves with its sequence number once committed. */
  appendUpdate(id: string, update: Uint8Array): Promise<number>;
  /** Replaces the snapshot with `state` and drops the updates it includes (seq ≤ uptoSeq). */
  compact(id: string, state: Uint8Array, uptoSeq: number): Promise<void>;
  close(): Promise<void>;
}
