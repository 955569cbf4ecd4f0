// Workshop metadata stored in the board itself, so that an exported or imported board carries it.
import type * as Y from 'yjs';
import { metaMap } from './layout.ts';
import { WORKSHOP_LEVELS, type WorkshopLevel } from './vocabulary.ts';

export interface WorkshopMeta {
  title: string;
  level: WorkshopLevel;
  territory: string;
  startDate: string;
  endDate: string;
}

const DEFAULT_META: WorkshopMeta = { title: '', level: 'local', territory: '', startDate: '', endDate: '' };

export function readMeta(doc: Y.Doc): WorkshopMeta {
  const meta = metaMap(doc);
  const str = (key: keyof WorkshopMeta) => {
    const v = meta.get(key);
    return typeof v === 'string' ? v : DEFAULT_META[key];
  };
  const level = meta.get('level');
  return {
    title: str('title'),
    level: (WORKSHOP_LEVELS as readonly unknown[]).includes(level) ? (level as WorkshopLevel) : 'local',
    territory: str('territory'),
    startDate: str('startDate'),
    endDate: str('endDate'),
  };
}

export function updateMeta(doc: Y.Doc, patch: Partial<WorkshopMeta>, origin?: unknown): void {
  if (patch.level !== undefined && !WORKSHOP_LEVELS.includes(patch.level)) {
    throw new Error('level: expected local or national');
  }
  // Checked before writing, so a bad patch changes nothing (and cannot touch `schemaVersion`).
  for (const [key, value] of Object.entries(patch)) {
    if (!Object.hasOwn(DEFAULT_META, key)) throw new Error(`${key}: not a workshop field`);
    if (typeof value !== 'string') throw new Error(`${key}: expected a string`);
  }
  doc.transact(() => {
    const meta = metaMap(doc);
    for (const [key, value] of Object.entries(patch)) {
      if (meta.get(key) !== value) meta.set(key, value);
    }
  }, origin);
}
