// The embedded default: one SQLite file in WAL mode. better-sqlite3 is synchronous, so an
// append has reached the WAL (and survives a process crash) before the promise resolves; the
// appends of one event-loop turn share that commit (group commit). WAL checkpoints and
// compaction folds run on a thread of their own (sqliteThread.ts).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { RoleEpochs } from '../auth/tokens.ts';
import { type Folded, startSqliteThread } from './sqliteThread.ts';
import {
  foldUpdates,
  mergePrivateState,
  PRIVATE_FOLD_EVERY,
  type Storage,
  type StoredDoc,
  type WorkshopRecord,
} from './storage.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  epoch_facilitator INTEGER NOT NULL DEFAULT 0,
  epoch_participant INTEGER NOT NULL DEFAULT 0,
  epoch_viewer INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS doc_snapshots (
  workshop_id TEXT PRIMARY KEY REFERENCES workshops(id),
  state BLOB NOT NULL,
  upto_seq INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  workshop_id TEXT NOT NULL REFERENCES workshops(id),
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_by_workshop ON doc_updates(workshop_id, seq);
CREATE TABLE IF NOT EXISTS private_docs (
  workshop_id TEXT NOT NULL REFERENCES workshops(id),
  owner_hash TEXT NOT NULL,
  state BLOB NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (workshop_id, owner_hash)
);
CREATE TABLE IF NOT EXISTS private_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  workshop_id TEXT NOT NULL,
  owner_hash TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS private_updates_by_owner ON private_updates(workshop_id, owner_hash, seq);
CREATE TABLE IF NOT EXISTS client_owners (
  workshop_id TEXT NOT NULL,
  client_id INTEGER NOT NULL,
  person_id TEXT NOT NULL,
  PRIMARY KEY (workshop_id, client_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS client_owners_by_person ON client_owners(workshop_id, person_id);
`;

interface WorkshopRow {
  id: string;
  title: string;
  created_at: number;
  epoch_facilitator: number;
  epoch_participant: number;
  epoch_viewer: number;
}

export const SQLITE_FILE = 'workshops.sqlite';

interface PendingAppend {
  id: string;
  update: Uint8Array;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

export interface SqliteOptions {
  /** Told when the SQLite thread fails (checkpoints and compaction then run inline). */
  onThreadError?: (error: Error) => void;
}

export function openSqliteStorage(dataDir: string, file = SQLITE_FILE, options: SqliteOptions = {}): Storage {
  fs.mkdirSync(dataDir, { recursive: true });
  const dbFile = path.join(dataDir, file);
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a process crash loses nothing; a power cut can lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  const thread = startSqliteThread(db, dbFile, options.onThreadError);

  const insertWorkshop = db.prepare(
    'INSERT INTO workshops (id, title, created_at, epoch_facilitator, epoch_participant, epoch_viewer) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const selectWorkshop = db.prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE id = ?');
  const countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM workshops');
  const updateTitle = db.prepare('UPDATE workshops SET title = ? WHERE id = ?');
  const updateEpochs = db.prepare(
    'UPDATE workshops SET epoch_facilitator = ?, epoch_participant = ?, epoch_viewer = ? WHERE id = ?',
  );
  const selectSnapshot = db.prepare<[string], { state: Buffer; upto_seq: number }>(
    'SELECT state, upto_seq FROM doc_snapshots WHERE workshop_id = ?',
  );
  const selectUpdates = db.prepare<[string, number], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM doc_updates WHERE workshop_id = ? AND seq > ? ORDER BY seq',
  );
  const insertUpdate = db.prepare('INSERT INTO doc_updates (workshop_id, data) VALUES (?, ?)');
  const upsertSnapshot = db.prepare(
    'INSERT INTO doc_snapshots (workshop_id, state, upto_seq) VALUES (?, ?, ?) ON CONFLICT(workshop_id) DO UPDATE SET state = excluded.state, upto_seq = excluded.upto_seq',
  );
  const deleteUpdates = db.prepare('DELETE FROM doc_updates WHERE workshop_id = ? AND seq <= ?');
  const selectSnapshotSeq = db.prepare<[string], { upto_seq: number }>(
    'SELECT upto_seq FROM doc_snapshots WHERE workshop_id = ?',
  );
  const maxSeq = db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM doc_updates');

  const selectPrivate = db.prepare<[string, string], { state: Buffer }>(
    'SELECT state FROM private_docs WHERE workshop_id = ? AND owner_hash = ?',
  );
  const selectPrivateOwners = db.prepare<[string], { owner_hash: string }>(
    'SELECT owner_hash FROM private_docs WHERE workshop_id = ? ORDER BY owner_hash',
  );
  const insertPrivateRow = db.prepare(
    "INSERT OR IGNORE INTO private_docs (workshop_id, owner_hash, state, updated_at) VALUES (?, ?, x'', ?)",
  );
  const insertPrivateUpdate = db.prepare(
    'INSERT INTO private_updates (workshop_id, owner_hash, data) VALUES (?, ?, ?)',
  );
  const selectPrivateUpdates = db.prepare<[string, string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM private_updates WHERE workshop_id = ? AND owner_hash = ? ORDER BY seq',
  );
  const countPrivateUpdates = db.prepare<[string, string], { n: number }>(
    'SELECT COUNT(*) AS n FROM private_updates WHERE workshop_id = ? AND owner_hash = ?',
  );
  const writePrivateState = db.prepare(
    'UPDATE private_docs SET state = ?, updated_at = ? WHERE workshop_id = ? AND owner_hash = ?',
  );
  const deletePrivateUpdates = db.prepare(
    'DELETE FROM private_updates WHERE workshop_id = ? AND owner_hash = ? AND seq <= ?',
  );
  /** A private board's state and the updates after it, read together. */
  const readPrivate = db.transaction((workshopId: string, ownerHash: string) => {
    const row = selectPrivate.get(workshopId, ownerHash);
    const rows = selectPrivateUpdates.all(workshopId, ownerHash);
    return {
      state: row && row.state.length > 0 ? new Uint8Array(row.state) : null,
      updates: rows.map((r) => new Uint8Array(r.data)),
      lastSeq: rows.length > 0 ? (rows[rows.length - 1] as { seq: number }).seq : 0,
    };
  });
  const appendPrivate = db.transaction((workshopId: string, ownerHash: string, update: Uint8Array) => {
    insertPrivateRow.run(workshopId, ownerHash, Date.now());
    insertPrivateUpdate.run(workshopId, ownerHash, update);
    return countPrivateUpdates.get(workshopId, ownerHash)?.n ?? 0;
  });
  /** Writes a merged private state; the updates it includes (up to `lastSeq`) go. */
  const writePrivateFold = db.transaction(
    (workshopId: string, ownerHash: string, state: Uint8Array, lastSeq: number) => {
      writePrivateState.run(state, Date.now(), workshopId, ownerHash);
      deletePrivateUpdates.run(workshopId, ownerHash, lastSeq);
    },
  );
  // One fold per board at a time, so that a fold never writes over a newer one.
  const folding = new Set<string>();
  const foldPrivate = async (workshopId: string, ownerHash: string): Promise<void> => {
    const key = `${workshopId}/${ownerHash}`;
    if (folding.has(key)) return;
    folding.add(key);
    try {
      const folded =
        (await thread.foldPrivate(workshopId, ownerHash)) ??
        (() => {
          const stored = readPrivate(workshopId, ownerHash);
          return { state: mergePrivateState(stored.state, stored.updates), lastSeq: stored.lastSeq };
        })();
      if (folded.state && folded.lastSeq > 0 && db.open)
        writePrivateFold(workshopId, ownerHash, folded.state, folded.lastSeq);
    } finally {
      folding.delete(key);
    }
  };

  const selectOwner = db.prepare<[string, number], { person_id: string }>(
    'SELECT person_id FROM client_owners WHERE workshop_id = ? AND client_id = ?',
  );
  const insertOwner = db.prepare(
    'INSERT OR IGNORE INTO client_owners (workshop_id, client_id, person_id) VALUES (?, ?, ?)',
  );
  const countOwned = db.prepare<[string, string], { n: number }>(
    'SELECT COUNT(*) AS n FROM client_owners WHERE workshop_id = ? AND person_id = ?',
  );
  const ownersOf = (workshopId: string, clientIds: readonly number[]) => {
    const owners = new Map<number, string>();
    for (const id of clientIds) {
      const row = selectOwner.get(workshopId, id);
      if (row) owners.set(id, row.person_id);
    }
    return owners;
  };
  const claim = db.transaction((workshopId: string, personId: string, clientIds: readonly number[]) => {
    for (const id of clientIds) insertOwner.run(workshopId, id, personId);
    return ownersOf(workshopId, clientIds);
  });

  const create = db.transaction((record: WorkshopRecord, state: Uint8Array) => {
    insertWorkshop.run(
      record.id,
      record.title,
      record.createdAt,
      record.epochs.facilitator,
      record.epochs.participant,
      record.epochs.viewer,
    );
    // The snapshot's seq is the current high-water mark so no older update is ever replayed onto it.
    upsertSnapshot.run(record.id, Buffer.from(state), maxSeq.get()?.seq ?? 0);
  });
  const load = db.transaction((id: string, afterSeq?: number): StoredDoc => {
    const snap = selectSnapshot.get(id);
    const uptoSeq = snap?.upto_seq ?? 0;
    const tailOnly = afterSeq !== undefined && afterSeq >= uptoSeq;
    const after = tailOnly ? afterSeq : uptoSeq;
    const rows = selectUpdates.all(id, after);
    return {
      snapshot: snap && !tailOnly ? new Uint8Array(snap.state) : null,
      updates: rows.map((r) => new Uint8Array(r.data)),
      lastSeq: rows.length > 0 ? (rows[rows.length - 1] as { seq: number }).seq : after,
    };
  });
  const compact = db.transaction((id: string) => {
    const stored = load(id);
    if (stored.updates.length === 0) return;
    upsertSnapshot.run(id, Buffer.from(foldUpdates(stored.snapshot, stored.updates)), stored.lastSeq);
    deleteUpdates.run(id, stored.lastSeq);
  });
  // A fold made on the thread, from the snapshot it read. If another handle has compacted since,
  // its snapshot stands (it holds at least as much) and the next compaction folds the rest;
  // updates appended since the fold read have later sequence numbers and stay.
  const writeFolded = db.transaction((id: string, folded: Folded, state: Uint8Array) => {
    if ((selectSnapshotSeq.get(id)?.upto_seq ?? 0) !== folded.uptoSeq) return;
    upsertSnapshot.run(id, state, folded.lastSeq);
    deleteUpdates.run(id, folded.lastSeq);
  });

  // Group commit: the appends of one event-loop turn (updates arriving together, from several
  // rooms) share one transaction, so a burst pays for one commit instead of one each. A promise
  // resolves once its row is committed, so nothing is relayed before it is stored; every other
  // call commits what is waiting first, so it sees every append made before it.
  let waiting: PendingAppend[] = [];
  let flushScheduled = false;
  const insertAll = db.transaction((batch: PendingAppend[]) =>
    batch.map((append) => Number(insertUpdate.run(append.id, append.update).lastInsertRowid)),
  );
  const flushAppends = () => {
    flushScheduled = false;
    const batch = waiting;
    waiting = [];
    if (batch.length === 0) return;
    let seqs: number[];
    try {
      seqs = insertAll(batch);
    } catch {
      // One failing row (an unknown workshop, say) must not fail the others: one by one instead.
      for (const append of batch) {
        try {
          append.resolve(Number(insertUpdate.run(append.id, append.update).lastInsertRowid));
        } catch (error) {
          append.reject(error);
        }
      }
      return;
    }
    for (const [i, append] of batch.entries()) append.resolve(seqs[i] as number);
  };
  /** Commits what is waiting before `fn`, so that it sees (and orders after) every append. */
  const after =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      flushAppends();
      return fn(...args);
    };

  return {
    async createWorkshop(record, initialState) {
      after(create)(record, initialState);
    },
    async getWorkshop(id) {
      const row = selectWorkshop.get(id);
      if (!row) return undefined;
      const epochs: RoleEpochs = {
        facilitator: row.epoch_facilitator,
        participant: row.epoch_participant,
        viewer: row.epoch_viewer,
      };
      return { id: row.id, title: row.title, createdAt: row.created_at, epochs };
    },
    async countWorkshops() {
      return countAll.get()?.n ?? 0;
    },
    async setEpochs(id, epochs) {
      updateEpochs.run(epochs.facilitator, epochs.participant, epochs.viewer, id);
    },
    async setTitle(id, title) {
      updateTitle.run(title, id);
    },
    async loadDoc(id, afterSeq) {
      return after(load)(id, afterSeq);
    },
    appendUpdate(id, update) {
      // better-sqlite3 binds any Uint8Array as a blob: no copy.
      return new Promise<number>((resolve, reject) => {
        waiting.push({ id, update, resolve, reject });
        if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(flushAppends);
        }
      });
    },
    async compact(id) {
      flushAppends();
      const folded = await thread.fold(id);
      if (!folded) after(compact)(id);
      else if (folded.state) after(writeFolded)(id, folded, folded.state);
    },
    async appendPrivateUpdate(workshopId, ownerHash, update) {
      const pending = appendPrivate(workshopId, ownerHash, update);
      // Merged in the background: the write above is what makes the update durable.
      if (pending >= PRIVATE_FOLD_EVERY) void foldPrivate(workshopId, ownerHash).catch(() => {});
    },
    async loadPrivateDoc(workshopId, ownerHash) {
      const stored = readPrivate(workshopId, ownerHash);
      return mergePrivateState(stored.state, stored.updates);
    },
    async listPrivateDocs(workshopId) {
      const boards = [];
      for (const { owner_hash: ownerHash } of selectPrivateOwners.all(workshopId)) {
        const stored = readPrivate(workshopId, ownerHash);
        const state = mergePrivateState(stored.state, stored.updates);
        if (state) boards.push({ ownerHash, state });
      }
      return boards;
    },
    async clientOwners(workshopId, clientIds) {
      return ownersOf(workshopId, clientIds);
    },
    async claimClients(workshopId, personId, clientIds) {
      return claim(workshopId, personId, clientIds);
    },
    async countClients(workshopId, personId) {
      return countOwned.get(workshopId, personId)?.n ?? 0;
    },
    async close() {
      flushAppends();
      // The thread's connection first, so that this one, the last, checkpoints the whole WAL and
      // removes it.
      await thread.close();
      if (db.open) db.close();
    },
  };
}
