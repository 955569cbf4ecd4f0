// PostgreSQL storage for scale-out: several server processes share it as the source of truth.
// Appends lock their workshop's row, so within a workshop sequence numbers follow commit order
// (a reader catching up "after N" never skips an update that commits late), and compaction
// takes the same lock, so it never folds away an update that is still being written.
import pg from 'pg';
import type { RoleEpochs } from '../auth/tokens.ts';
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
  created_at BIGINT NOT NULL,
  epoch_facilitator INTEGER NOT NULL DEFAULT 0,
  epoch_participant INTEGER NOT NULL DEFAULT 0,
  epoch_viewer INTEGER NOT NULL DEFAULT 0,
  last_seq BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS doc_snapshots (
  workshop_id TEXT PRIMARY KEY REFERENCES workshops(id),
  state BYTEA NOT NULL,
  upto_seq BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_updates (
  workshop_id TEXT NOT NULL REFERENCES workshops(id),
  seq BIGINT NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (workshop_id, seq)
);
CREATE TABLE IF NOT EXISTS private_docs (
  workshop_id TEXT NOT NULL REFERENCES workshops(id),
  owner_hash TEXT NOT NULL,
  state BYTEA NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (workshop_id, owner_hash)
);
CREATE TABLE IF NOT EXISTS private_updates (
  seq BIGSERIAL PRIMARY KEY,
  workshop_id TEXT NOT NULL,
  owner_hash TEXT NOT NULL,
  data BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS private_updates_by_owner ON private_updates(workshop_id, owner_hash, seq);
CREATE TABLE IF NOT EXISTS client_owners (
  workshop_id TEXT NOT NULL,
  client_id BIGINT NOT NULL,
  person_id TEXT NOT NULL,
  PRIMARY KEY (workshop_id, client_id)
);
CREATE INDEX IF NOT EXISTS client_owners_by_person ON client_owners(workshop_id, person_id);
`;
/** Serialises schema creation between processes starting at once. */
const SCHEMA_LOCK = 727_115_001;

interface WorkshopRow {
  id: string;
  title: string;
  created_at: string;
  epoch_facilitator: number;
  epoch_participant: number;
  epoch_viewer: number;
}

export interface PostgresOptions {
  connectionString: string;
  /** Pool size per process. */
  max?: number;
  /** Called when the pool reports an error on an idle client (e.g. the server went away). */
  onError?: (error: Error) => void;
}

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function loadWith(client: pg.ClientBase, id: string, afterSeq?: number): Promise<StoredDoc> {
  const snap = await client.query<{ state: Buffer; upto_seq: string }>(
    'SELECT state, upto_seq FROM doc_snapshots WHERE workshop_id = $1',
    [id],
  );
  const row = snap.rows[0];
  const uptoSeq = row ? Number(row.upto_seq) : 0;
  const tailOnly = afterSeq !== undefined && afterSeq >= uptoSeq;
  const after = tailOnly ? afterSeq : uptoSeq;
  const updates = await client.query<{ seq: string; data: Buffer }>(
    'SELECT seq, data FROM doc_updates WHERE workshop_id = $1 AND seq > $2 ORDER BY seq',
    [id, after],
  );
  const last = updates.rows[updates.rows.length - 1];
  return {
    snapshot: row && !tailOnly ? new Uint8Array(row.state) : null,
    updates: updates.rows.map((r) => new Uint8Array(r.data)),
    lastSeq: last ? Number(last.seq) : after,
  };
}

const bytesOrNull = (buffer: Buffer | undefined) => (buffer && buffer.length > 0 ? new Uint8Array(buffer) : null);

async function readPrivateUpdates(client: pg.ClientBase, workshopId: string, ownerHash: string) {
  const rows = await client.query<{ seq: string; data: Buffer }>(
    'SELECT seq, data FROM private_updates WHERE workshop_id = $1 AND owner_hash = $2 ORDER BY seq',
    [workshopId, ownerHash],
  );
  const last = rows.rows[rows.rows.length - 1];
  return { updates: rows.rows.map((r) => new Uint8Array(r.data)), lastSeq: last ? Number(last.seq) : 0 };
}

/** A private board's state with the updates appended after it merged in (one transaction). */
async function loadPrivate(client: pg.ClientBase, workshopId: string, ownerHash: string) {
  const row = await client.query<{ state: Buffer }>(
    'SELECT state FROM private_docs WHERE workshop_id = $1 AND owner_hash = $2',
    [workshopId, ownerHash],
  );
  const stored = await readPrivateUpdates(client, workshopId, ownerHash);
  return mergePrivateState(bytesOrNull(row.rows[0]?.state), stored.updates);
}

async function selectOwners(pool: pg.Pool, workshopId: string, clientIds: readonly number[]) {
  const result = await pool.query<{ client_id: string; person_id: string }>(
    'SELECT client_id, person_id FROM client_owners WHERE workshop_id = $1 AND client_id = ANY($2::bigint[])',
    [workshopId, clientIds],
  );
  return new Map(result.rows.map((r) => [Number(r.client_id), r.person_id]));
}

export async function openPostgresStorage(options: PostgresOptions): Promise<Storage> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5000,
  });
  pool.on('error', (error) => options.onError?.(error));
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    await client.query(SCHEMA);
  });

  return {
    async createWorkshop(record: WorkshopRecord, initialState: Uint8Array) {
      await inTransaction(pool, async (client) => {
        await client.query(
          'INSERT INTO workshops (id, title, created_at, epoch_facilitator, epoch_participant, epoch_viewer) VALUES ($1, $2, $3, $4, $5, $6)',
          [
            record.id,
            record.title,
            record.createdAt,
            record.epochs.facilitator,
            record.epochs.participant,
            record.epochs.viewer,
          ],
        );
        await client.query('INSERT INTO doc_snapshots (workshop_id, state, upto_seq) VALUES ($1, $2, 0)', [
          record.id,
          Buffer.from(initialState),
        ]);
      });
    },
    async getWorkshop(id) {
      const result = await pool.query<WorkshopRow>('SELECT * FROM workshops WHERE id = $1', [id]);
      const row = result.rows[0];
      if (!row) return undefined;
      const epochs: RoleEpochs = {
        facilitator: row.epoch_facilitator,
        participant: row.epoch_participant,
        viewer: row.epoch_viewer,
      };
      return { id: row.id, title: row.title, createdAt: Number(row.created_at), epochs };
    },
    async countWorkshops() {
      const result = await pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM workshops');
      return Number(result.rows[0]?.n ?? 0);
    },
    async setEpochs(id, epochs) {
      await pool.query(
        'UPDATE workshops SET epoch_facilitator = $1, epoch_participant = $2, epoch_viewer = $3 WHERE id = $4',
        [epochs.facilitator, epochs.participant, epochs.viewer, id],
      );
    },
    async setTitle(id, title) {
      await pool.query('UPDATE workshops SET title = $1 WHERE id = $2', [title, id]);
    },
    async loadDoc(id, afterSeq) {
      return inTransaction(pool, async (client) => {
        await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        return loadWith(client, id, afterSeq);
      });
    },
    async appendUpdate(id, update) {
      return inTransaction(pool, async (client) => {
        const bumped = await client.query<{ last_seq: string }>(
          'UPDATE workshops SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq',
          [id],
        );
        const seq = bumped.rows[0]?.last_seq;
        if (seq === undefined) throw new Error(`no workshop ${id}`);
        await client.query('INSERT INTO doc_updates (workshop_id, seq, data) VALUES ($1, $2, $3)', [
          id,
          seq,
          Buffer.from(update),
        ]);
        return Number(seq);
      });
    },
    async compact(id) {
      await inTransaction(pool, async (client) => {
        // Holding the workshop row blocks appends until the snapshot is written.
        await client.query('SELECT last_seq FROM workshops WHERE id = $1 FOR UPDATE', [id]);
        const stored = await loadWith(client, id);
        if (stored.updates.length === 0) return;
        await client.query(
          'INSERT INTO doc_snapshots (workshop_id, state, upto_seq) VALUES ($1, $2, $3) ON CONFLICT (workshop_id) DO UPDATE SET state = excluded.state, upto_seq = excluded.upto_seq',
          [id, Buffer.from(foldUpdates(stored.snapshot, stored.updates)), stored.lastSeq],
        );
        await client.query('DELETE FROM doc_updates WHERE workshop_id = $1 AND seq <= $2', [id, stored.lastSeq]);
      });
    },
    async appendPrivateUpdate(workshopId, ownerHash, update) {
      const pending = await inTransaction(pool, async (client) => {
        await client.query(
          'INSERT INTO private_docs (workshop_id, owner_hash, state, updated_at) VALUES ($1, $2, $3, 0) ON CONFLICT DO NOTHING',
          [workshopId, ownerHash, Buffer.alloc(0)],
        );
        await client.query('INSERT INTO private_updates (workshop_id, owner_hash, data) VALUES ($1, $2, $3)', [
          workshopId,
          ownerHash,
          Buffer.from(update),
        ]);
        const count = await client.query<{ n: string }>(
          'SELECT COUNT(*) AS n FROM private_updates WHERE workshop_id = $1 AND owner_hash = $2',
          [workshopId, ownerHash],
        );
        return Number(count.rows[0]?.n ?? 0);
      });
      // Every so often the updates are merged into the state (a few ms, amortised over them).
      if (pending >= PRIVATE_FOLD_EVERY) {
        await inTransaction(pool, async (client) => {
          // The board's row is locked: two processes' merges follow one another.
          const locked = await client.query<{ state: Buffer }>(
            'SELECT state FROM private_docs WHERE workshop_id = $1 AND owner_hash = $2 FOR UPDATE',
            [workshopId, ownerHash],
          );
          const stored = await readPrivateUpdates(client, workshopId, ownerHash);
          const state = mergePrivateState(bytesOrNull(locked.rows[0]?.state), stored.updates);
          if (!state || stored.lastSeq === 0) return;
          await client.query(
            'UPDATE private_docs SET state = $3, updated_at = $4 WHERE workshop_id = $1 AND owner_hash = $2',
            [workshopId, ownerHash, Buffer.from(state), Date.now()],
          );
          await client.query('DELETE FROM private_updates WHERE workshop_id = $1 AND owner_hash = $2 AND seq <= $3', [
            workshopId,
            ownerHash,
            stored.lastSeq,
          ]);
        });
      }
    },
    async loadPrivateDoc(workshopId, ownerHash) {
      return inTransaction(pool, async (client) => {
        // One snapshot for the state and its updates, so that a merge in between cannot hide any.
        await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        return loadPrivate(client, workshopId, ownerHash);
      });
    },
    async listPrivateDocs(workshopId) {
      return inTransaction(pool, async (client) => {
        await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        const owners = await client.query<{ owner_hash: string }>(
          'SELECT owner_hash FROM private_docs WHERE workshop_id = $1 ORDER BY owner_hash',
          [workshopId],
        );
        const boards = [];
        for (const { owner_hash: ownerHash } of owners.rows) {
          const state = await loadPrivate(client, workshopId, ownerHash);
          if (state) boards.push({ ownerHash, state });
        }
        return boards;
      });
    },
    async clientOwners(workshopId, clientIds) {
      return selectOwners(pool, workshopId, clientIds);
    },
    async claimClients(workshopId, personId, clientIds) {
      // Whoever commits first owns a client id; the others read that owner back.
      await pool.query(
        'INSERT INTO client_owners (workshop_id, client_id, person_id) SELECT $1, unnest($2::bigint[]), $3 ON CONFLICT DO NOTHING',
        [workshopId, clientIds, personId],
      );
      return selectOwners(pool, workshopId, clientIds);
    },
    async countClients(workshopId, personId) {
      const result = await pool.query<{ n: string }>(
        'SELECT COUNT(*) AS n FROM client_owners WHERE workshop_id = $1 AND person_id = $2',
        [workshopId, personId],
      );
      return Number(result.rows[0]?.n ?? 0);
    },
    async close() {
      await pool.end();
    },
  };
}
