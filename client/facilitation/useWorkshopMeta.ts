// The workshop's details and its adoption record, read through the model and re-read only when
// the workshop metadata changes (the same snapshot otherwise, so React renders only on a change).
import type * as Y from 'yjs';
import { type Adoption, readAdoption, readMeta, type WorkshopMeta } from '../../shared/model/index.ts';
import { metaStore } from './metaStore.ts';

export interface WorkshopRecord {
  meta: WorkshopMeta;
  adoption: Adoption | null;
}

// The facilitation controls share the meta map: a timer tick must not re-render the details.
const details = metaStore<WorkshopRecord>(
  (doc) => ({ meta: readMeta(doc), adoption: readAdoption(doc) }),
  (a, b) => JSON.stringify(a) === JSON.stringify(b),
);

export function useWorkshopMeta(doc: Y.Doc): WorkshopRecord {
  return details.useValue(doc);
}
