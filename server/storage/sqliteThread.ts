// The SQLite thread: a worker thread with a connection of its own, for the two jobs that would
// otherwise stall the sync loop for milliseconds at a time.
// - WAL checkpoints. SQLite's automatic checkpoint runs inside a commit, on the thread that
//   commits: every thousand pages or so, one update waits while the WAL is copied back into the
//   database file and both are fsynced (5 to 90 ms here). The thread checkpoints every
//   CHECKPOINT_EVERY_MS instead, and the writing connection's own automatic checkpoint is only a
//   backstop for a WAL that grows regardless. Durability is unchanged: a commit is in the WAL
//   when it returns, whoever checkpoints it later.
// - Compaction folds. Applying a workshop's snapshot and hundreds of updates to a fresh document
//   takes milliseconds on a small board and far more on a large one; the thread does it, from
//   what is stored, and the writing connection only writes the result.
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

export const CHECKPOINT_EVERY_MS = 500;
/** Passive passes per tick, each copying what the previous one could not (writes meanwhile). */
const PASSES = 3;
/**
 * WAL frames (4 KiB pages; 64 MiB) at which the writing connection checkpoints inline after all.
 * Writes that never pause for long enough keep the next writer from restarting the WAL after
 * the thread's checkpoints; this bounds it, and by then the thread has copied nearly all of it.
 */
export const BACKSTOP_FRAMES = 16_384;
/** SQLite's own default, used again if the thread fails. */
const AUTOCHECKPOINT_FRAMES = 1000;

const ENTRY = new URL('./sqliteThreadWorker.mjs', import.meta.url);

/** A workshop's stored state folded into one snapshot, as of the stored snapshot `uptoSeq`. */
export interface Folded {
  /** The snapshot's sequence number the fold started from. */
  uptoSeq: number;
  /** The last update folded in (= uptoSeq when there was none). */
  lastSeq: number;
  /** The folded state; null when there was nothing to fold. */
  state: Uint8Array | null;
}

/** A private board's state with its appended updates merged in, up to the update `lastSeq`. */
export interface PrivateFolded {
  state: Uint8Array | null;
  lastSeq: number;
}

export interface SqliteThread {
  /** Folds a workshop's stored state on the thread; null when the thread is not running. */
  fold(id: string): Promise<Folded | null>;
  /** Merges a private board's stored state and updates on the thread; null when it is not running. */
  foldPrivate(workshopId: string, ownerHash: string): Promise<PrivateFolded | null>;
  /** Stops the thread; resolves once its connection is closed. */
  close(): Promise<void>;
}

type Reply =
  | { type: 'failed'; message: string }
  | ({ type: 'folded'; request: number } & Folded)
  | ({ type: 'folded-private'; request: number } & PrivateFolded)
  | { type: 'fold-failed'; request: number; message: string };

export function startSqliteThread(
  db: Database.Database,
  file: string,
  onError: (error: Error) => void = () => {},
): SqliteThread {
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_FRAMES}`);
  const worker = new Worker(ENTRY, {
    workerData: { file, everyMs: CHECKPOINT_EVERY_MS, passes: PASSES },
    // No inherited flags (an --inspect port would clash, --cpu-prof would write a profile).
    execArgv: [],
  });
  let running = true;
  let closing = false;
  let nextRequest = 1;
  const folds = new Map<number, (reply: Reply | null) => void>();
  const fallBack = (error: Error) => {
    if (!running) return;
    running = false;
    // Without the thread, checkpoint inline as SQLite does by default, and fold inline.
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_FRAMES}`);
    for (const resolve of folds.values()) resolve(null);
    folds.clear();
    onError(error);
  };
  worker.on('message', (reply: Reply) => {
    if (reply.type === 'failed') {
      fallBack(new Error(`SQLite thread failed: ${reply.message}`));
      return;
    }
    const resolve = folds.get(reply.request);
    folds.delete(reply.request);
    // A fold that failed on the thread is done inline, where its error (if any) fails the room.
    resolve?.(reply.type === 'fold-failed' ? null : reply);
  });
  worker.on('error', fallBack);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  void exited.then(() => {
    if (!closing) fallBack(new Error('SQLite thread exited'));
    running = false;
    for (const resolve of folds.values()) resolve(null);
    folds.clear();
  });
  // The thread must not keep a process alive that has nothing else to do (tests, scripts); after
  // the listeners, which ref it again.
  worker.unref();
  /** Sends a request to the thread; resolves with its reply, or null when the thread cannot answer. */
  const ask = (message: Record<string, unknown>): Promise<Reply | null> => {
    if (!running || closing) return Promise.resolve(null);
    const request = nextRequest++;
    return new Promise<Reply | null>((resolve) => {
      folds.set(request, resolve);
      // A fold in progress keeps the process alive, as an inline one would.
      worker.ref();
      worker.postMessage({ ...message, request });
    }).finally(() => {
      if (folds.size === 0 && running) worker.unref();
    });
  };
  return {
    async fold(id) {
      const reply = await ask({ type: 'fold', id });
      return reply?.type === 'folded' ? { uptoSeq: reply.uptoSeq, lastSeq: reply.lastSeq, state: reply.state } : null;
    },
    async foldPrivate(workshopId, ownerHash) {
      const reply = await ask({ type: 'fold-private', workshopId, ownerHash });
      return reply?.type === 'folded-private' ? { state: reply.state, lastSeq: reply.lastSeq } : null;
    },
    async close() {
      closing = true;
      // Folds already asked for are answered first: the thread handles messages in order.
      worker.ref();
      worker.postMessage({ type: 'close' });
      await exited;
    },
  };
}
