// The facilitator's shared state (phase, timer, vote, summon, spotlight, walk-through, private
// mode), read through the model and re-read only when the workshop metadata changes.
import type * as Y from 'yjs';
import { type Facilitation, readFacilitation } from '../../shared/model/index.ts';
import { metaStore } from './metaStore.ts';

const facilitation = metaStore(readFacilitation);

export const facilitationCache = (doc: Y.Doc) => facilitation.cache(doc);

export function useFacilitation(doc: Y.Doc): Facilitation {
  return facilitation.useValue(doc);
}
