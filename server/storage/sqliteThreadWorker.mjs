// Entry of the SQLite thread (sqliteThread.ts), with a connection of its own:
// - it checkpoints the WAL (copies it back into the database file, fsyncs included) every
//   `everyMs`, so that the sync loop's connection never waits for that;
// - it folds a workshop's stored snapshot and updates into a new snapshot on request (the
//   connection of the sync loop then writes it), so that compaction never stalls that loop;
// - it merges a private board's state and the updates appended after it, likewise.
// Plain JavaScript, so the thread starts in milliseconds without the TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import * as Y from 'yjs';

const { file, everyMs, passes } = workerData;
const db = new Database(file, { fileMustExist: true });
const selectSnapshot = db.prepare('SELECT state, upto_seq FROM doc_snapshots WHERE workshop_id = ?');
const selectUpdates = db.prepare('SELECT seq, data FROM doc_updates WHERE workshop_id = ? AND seq > ? ORDER BY seq');
const selectPrivate = db.prepare('SELECT state FROM private_docs WHERE workshop_id = ? AND owner_hash = ?');
const selectPrivateUpdates = db.prepare(
  'SELECT seq, data FROM private_updates WHERE workshop_id = ? AND owner_hash = ? ORDER BY seq',
);

function checkpoint() {
  // A passive checkpoint copies what the WAL held when it began; writes that land meanwhile keep
  // the next writer from restarting the WAL, so repeat (each pass shorter) until one finds
  // nothing new.
  let log = -1;
  for (let pass = 0; pass < passes; pass++) {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    if (result.busy !== 0 || result.log <= log) return;
    log = result.log;
  }
}

// One read transaction: the snapshot and the updates after it, as one consistent state.
const readStored = db.transaction((id) => {
  const snap = selectSnapshot.get(id);
  const uptoSeq = snap?.upto_seq ?? 0;
  return { snapshot: snap?.state ?? null, uptoSeq, rows: selectUpdates.all(id, uptoSeq) };
});

/** As foldUpdates (storage.ts): the state the stored snapshot and updates amount to, GC'd. */
function fold(id) {
  const { snapshot, uptoSeq, rows } = readStored(id);
  if (rows.length === 0) return { uptoSeq, lastSeq: uptoSeq, state: null };
  const doc = new Y.Doc();
  doc.transact(() => {
    if (snapshot) Y.applyUpdate(doc, snapshot);
    for (const row of rows) Y.applyUpdate(doc, row.data);
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { uptoSeq, lastSeq: rows[rows.length - 1].seq, state };
}

const readPrivate = db.transaction((workshopId, ownerHash) => ({
  state: selectPrivate.get(workshopId, ownerHash)?.state ?? null,
  rows: selectPrivateUpdates.all(workshopId, ownerHash),
}));

/** As mergePrivateState (storage.ts): the private state with its later updates merged in. */
function foldPrivate(workshopId, ownerHash) {
  const { state, rows } = readPrivate(workshopId, ownerHash);
  const parts = state && state.length > 0 ? [state, ...rows.map((r) => r.data)] : rows.map((r) => r.data);
  if (parts.length === 0) return { state: null, lastSeq: 0 };
  const merged = parts.length === 1 ? new Uint8Array(parts[0]) : Y.mergeUpdates(parts);
  return { state: merged, lastSeq: rows.length > 0 ? rows[rows.length - 1].seq : 0 };
}

const timer = setInterval(() => {
  try {
    checkpoint();
  } catch (error) {
    clearInterval(timer);
    parentPort.postMessage({ type: 'failed', message: error.message });
  }
}, everyMs);

parentPort.on('message', (message) => {
  if (message.type === 'fold') {
    try {
      const folded = fold(message.id);
      parentPort.postMessage(
        { type: 'folded', request: message.request, ...folded },
        folded.state ? [folded.state.buffer] : [],
      );
    } catch (error) {
      parentPort.postMessage({ type: 'fold-failed', request: message.request, message: error.message });
    }
    return;
  }
  if (message.type === 'fold-private') {
    try {
      const folded = foldPrivate(message.workshopId, message.ownerHash);
      parentPort.postMessage(
        { type: 'folded-private', request: message.request, ...folded },
        folded.state ? [folded.state.buffer] : [],
      );
    } catch (error) {
      parentPort.postMessage({ type: 'fold-failed', request: message.request, message: error.message });
    }
    return;
  }
  if (message.type !== 'close') return;
  clearInterval(timer);
  if (db.open) db.close();
  parentPort.close();
});
