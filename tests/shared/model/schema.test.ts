import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  listCards,
  MIGRATIONS,
  type Migration,
  migrateBoard,
  NewerSchemaError,
  readFacilitation,
  SCHEMA_VERSION,
  schemaVersionOf,
} from '../../../shared/model/index.ts';
import { metaMap } from '../../../shared/model/layout.ts';
import { BOARD_V2_WALK_THROUGH } from './frozenBoards.ts';
import { ANA } from './support.ts';

function boardAt(version: number): Y.Doc {
  const doc = new Y.Doc();
  metaMap(doc).set('schemaVersion', version);
  return doc;
}

/** A migration that records the version it found and leaves a trace in the board. */
function step(to: number, log: number[]): Migration {
  return {
    to,
    name: `step to ${to}`,
    up: (doc) => {
      log.push(schemaVersionOf(doc));
      metaMap(doc).set(`migrated${to}`, true);
    },
  };
}

describe('migrateBoard', () => {
  it('stamps a new board with the current schema version', () => {
    const doc = new Y.Doc();
    expect(schemaVersionOf(doc)).toBe(0);
    expect(migrateBoard(doc)).toEqual({ from: 0, to: SCHEMA_VERSION });
    expect(metaMap(doc).get('schemaVersion')).toBe(SCHEMA_VERSION);
  });

  it('leaves a board that is already current untouched', () => {
    const doc = new Y.Doc();
    migrateBoard(doc);
    addCard(doc, { kind: 'note', x: 0, y: 0, author: ANA });
    const before = Y.encodeStateAsUpdate(doc);
    expect(migrateBoard(doc)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(listCards(doc)).toHaveLength(1);
  });

  it('refuses a board written by a newer version with NewerSchemaError', () => {
    const doc = boardAt(SCHEMA_VERSION + 1);
    let error: unknown;
    try {
      migrateBoard(doc);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NewerSchemaError);
    expect((error as NewerSchemaError).found).toBe(SCHEMA_VERSION + 1);
    expect((error as Error).message).toMatch(/newer version/);
    expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION + 1);
  });

  it('runs each migration in order from an older version, one transaction per step', () => {
    const doc = boardAt(1);
    const log: number[] = [];
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const origin = Symbol('server');
    const result = migrateBoard(doc, origin, [step(2, log), step(3, log), step(4, log)], 4);
    expect(result).toEqual({ from: 1, to: 4 });
    expect(log).toEqual([1, 2, 3]);
    expect(schemaVersionOf(doc)).toBe(4);
    expect(metaMap(doc).get('migrated2') && metaMap(doc).get('migrated3') && metaMap(doc).get('migrated4')).toBe(true);
    expect(origins).toEqual([origin, origin, origin]);
  });

  it('skips migrations the board already has and those beyond the target', () => {
    const doc = boardAt(2);
    const log: number[] = [];
    expect(migrateBoard(doc, undefined, [step(2, log), step(3, log), step(4, log)], 3)).toEqual({ from: 2, to: 3 });
    expect(log).toEqual([2]);
    expect(metaMap(doc).has('migrated4')).toBe(false);
  });

  it('throws at a gap in the migrations, after the steps before it', () => {
    const doc = boardAt(1);
    const log: number[] = [];
    expect(() => migrateBoard(doc, undefined, [step(2, log), step(4, log)], 4)).toThrow(
      'missing migration to schema 3',
    );
    expect(log).toEqual([1]);
    expect(schemaVersionOf(doc)).toBe(2);
  });

  it('throws when the migrations stop short of the target', () => {
    const doc = boardAt(1);
    expect(() => migrateBoard(doc, undefined, [step(2, [])], 3)).toThrow('no migration path from schema 1 to 3');
  });

  it('ships migrations that are consecutive and end at SCHEMA_VERSION', () => {
    expect(MIGRATIONS.map((m) => m.to)).toEqual(Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 2));
    const doc = boardAt(1);
    expect(migrateBoard(doc)).toEqual({ from: 1, to: SCHEMA_VERSION });
  });
});

describe('migration to schema 2', () => {
  it('moves actors of the merged "development partner" group into "international and development organisations"', () => {
    const doc = new Y.Doc();
    metaMap(doc).set('schemaVersion', 1);
    const fields = new Y.Map<unknown>();
    const actor = new Y.Map<unknown>();
    doc.transact(() => {
      actor.set('id', 'a1');
      actor.set('kind', 'actor');
      actor.set('fields', fields);
      fields.set('name', 'GIZ');
      fields.set('group', 'development-partner');
      doc.getMap('cards').set('a1', actor);
    });
    expect(migrateBoard(doc)).toEqual({ from: 1, to: SCHEMA_VERSION });
    expect(fields.get('group')).toBe('international-organisation');
    expect(fields.get('name')).toBe('GIZ');
  });
});

describe('migration to schema 3', () => {
  function frozenV2(): Y.Doc {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(BOARD_V2_WALK_THROUGH.update, 'base64'));
    return doc;
  }

  it("moves the walk-through's records from meta.validation to one entry per intervention", () => {
    const doc = frozenV2();
    const { agreed, sentBack } = BOARD_V2_WALK_THROUGH;
    expect(schemaVersionOf(doc)).toBe(2);
    const before = metaMap(doc).get('validation') as Record<string, unknown>;
    expect(Object.keys(before).sort()).toEqual([agreed, sentBack].sort());

    expect(migrateBoard(doc)).toEqual({ from: 2, to: SCHEMA_VERSION });
    expect(metaMap(doc).has('validation')).toBe(false);
    expect(doc.getMap('validation').toJSON()).toEqual(before);
    expect(readFacilitation(doc).validation[agreed]).toEqual({
      checks: { targets: true, context: true },
      decision: 'agreed',
      by: 'Fatima',
      at: 1_700_000_100_000,
      comment: '',
      checksLeft: ['actions', 'timeframe', 'stakeholders', 'budget'],
    });
    expect(readFacilitation(doc).validation[sentBack]).toMatchObject({ decision: 'sent-back', comment: 'Who pays?' });
  });

  it('keeps a record already in the new root, and drops a meta.validation that is not an object', () => {
    const doc = frozenV2();
    const { agreed, sentBack } = BOARD_V2_WALK_THROUGH;
    const newer = { checks: {}, decision: 'set-aside', by: 'Bea', at: 1_800_000_000_000, comment: '' };
    doc.getMap('validation').set(agreed, newer);
    migrateBoard(doc);
    expect(doc.getMap('validation').get(agreed)).toEqual(newer);
    expect(doc.getMap('validation').get(sentBack)).toMatchObject({ by: 'Amina' });

    const odd = boardAt(2);
    metaMap(odd).set('validation', 'garbage');
    migrateBoard(odd);
    expect(metaMap(odd).has('validation')).toBe(false);
    expect(doc.getMap('validation').size).toBe(2);
    expect(odd.getMap('validation').size).toBe(0);
  });

  it('sends the move to clients as one update that a copy of the old board applies', () => {
    const server = frozenV2();
    const client = frozenV2();
    const updates: Uint8Array[] = [];
    server.on('update', (u: Uint8Array) => updates.push(u));
    migrateBoard(server);
    for (const u of updates) Y.applyUpdate(client, u);
    expect(client.getMap('validation').toJSON()).toEqual(server.getMap('validation').toJSON());
    expect(metaMap(client).has('validation')).toBe(false);
    expect(schemaVersionOf(client)).toBe(SCHEMA_VERSION);
  });
});
