import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { migrateBoard, readMeta, SCHEMA_VERSION, schemaVersionOf, updateMeta } from '../../../shared/model/index.ts';
import { metaMap } from '../../../shared/model/layout.ts';
import { expectRefusedUnchanged } from './support.ts';

describe('workshop metadata', () => {
  it('reads defaults from an empty board', () => {
    const doc = new Y.Doc();
    expect(readMeta(doc)).toEqual({
      title: '',
      level: 'local',
      territory: '',
      startDate: '',
      endDate: '',
      periodStart: '',
      periodEnd: '',
    });
  });

  it('stores each field as a plain string in the meta map', () => {
    const doc = new Y.Doc();
    updateMeta(doc, { title: 'Migration and the SDGs', level: 'national', territory: 'Ecuador' });
    expect(readMeta(doc)).toMatchObject({ title: 'Migration and the SDGs', level: 'national', territory: 'Ecuador' });
    expect(metaMap(doc).get('territory')).toBe('Ecuador');
  });

  it('refuses a bad level, a non-string value or an unknown key, and changes nothing', () => {
    const doc = new Y.Doc();
    migrateBoard(doc);
    expectRefusedUnchanged(
      doc,
      () => updateMeta(doc, { level: 'regional' as never }),
      'level: expected one of local, provincial-or-regional, national',
    );
    expectRefusedUnchanged(
      doc,
      () => updateMeta(doc, { title: 'Kept out', territory: 5 as never }),
      'territory: expected a string',
    );
    expectRefusedUnchanged(
      doc,
      () => updateMeta(doc, { schemaVersion: '0' } as never),
      'schemaVersion: not a workshop field',
    );
    expect(readMeta(doc).title).toBe('');
    expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION);
  });
});
