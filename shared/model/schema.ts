// The board's schema version and its migrations. The server migrates a board when it loads it
// from storage, before any client syncs, so clients never race to migrate the same document.
import * as Y from 'yjs';
import { cardsMap, K, metaMap, validationMap } from './layout.ts';
import { LEGACY_STAKEHOLDER_GROUPS } from './vocabulary.ts';

export const SCHEMA_VERSION = 3;
const VERSION_KEY = 'schemaVersion';

/** Where boards before schema 3 kept every walk-through record, as one object. */
const LEGACY_VALIDATION_KEY = 'validation';

export interface Migration {
  /** The version this migration produces; it runs on boards at `to - 1`. */
  readonly to: number;
  readonly name: string;
  readonly up: (doc: Y.Doc) => void;
}

/** Ordered by `to`. Add one entry (and a frozen-board test) for every change to the layout. */
export const MIGRATIONS: readonly Migration[] = [
  {
    to: 2,
    name: 'actors of a stakeholder group that merged into another take the merged group',
    up(doc) {
      for (const card of cardsMap(doc).values()) {
        if (!(card instanceof Y.Map) || card.get(K.kind) !== 'actor') continue;
        const fields = card.get(K.fields);
        if (!(fields instanceof Y.Map)) continue;
        const group = fields.get('group');
        if (typeof group === 'string' && Object.hasOwn(LEGACY_STAKEHOLDER_GROUPS, group)) {
          fields.set('group', LEGACY_STAKEHOLDER_GROUPS[group]);
        }
      }
    },
  },
  {
    to: 3,
    name: "the walk-through's records move from one object in meta to one entry per intervention",
    up(doc) {
      const meta = metaMap(doc);
      const old = meta.get(LEGACY_VALIDATION_KEY);
      if (old === undefined) return;
      if (typeof old === 'object' && old !== null && !Array.isArray(old)) {
        const records = validationMap(doc);
        for (const [id, record] of Object.entries(old)) {
          // A record already in the new root was written since (by a newer client): it stands.
          if (typeof record === 'object' && record !== null && !records.has(id)) records.set(id, record);
        }
      }
      meta.delete(LEGACY_VALIDATION_KEY);
    },
  },
];

export class NewerSchemaError extends Error {
  constructor(readonly found: number) {
    super(
      `this board was written by a newer version of the product (schema ${found} > ${SCHEMA_VERSION}); update the server`,
    );
  }
}

export function schemaVersionOf(doc: Y.Doc): number {
  const v = metaMap(doc).get(VERSION_KEY);
  return typeof v === 'number' ? v : 0;
}

/**
 * Brings a board up to SCHEMA_VERSION. A new (empty) board is stamped with the current
 * version; an older one runs each migration in order, in one transaction per step.
 */
export function migrateBoard(
  doc: Y.Doc,
  origin?: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  target = SCHEMA_VERSION,
): { from: number; to: number } {
  const from = schemaVersionOf(doc);
  if (from > target) throw new NewerSchemaError(from);
  if (from === 0) {
    doc.transact(() => metaMap(doc).set(VERSION_KEY, target), origin);
    return { from, to: target };
  }
  let version = from;
  for (const migration of migrations) {
    if (migration.to <= version || migration.to > target) continue;
    if (migration.to !== version + 1) throw new Error(`missing migration to schema ${version + 1}`);
    doc.transact(() => {
      migration.up(doc);
      metaMap(doc).set(VERSION_KEY, migration.to);
    }, origin);
    version = migration.to;
  }
  if (version !== target) throw new Error(`no migration path from schema ${from} to ${target}`);
  return { from, to: version };
}
