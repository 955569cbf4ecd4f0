// `window.__sdgFacilitation`: this page's private board and the facilitation state, for browser
// tests and debugging, read through the model.
import type * as Y from 'yjs';
import { type Card, type Facilitation, listCards, readFacilitation } from '../../shared/model/index.ts';
import { useBoardStore } from '../store/boardStore.ts';
import { beepCount } from './beep.ts';
import type { PrivateBoard } from './privateBoard.ts';
import { shareableView } from './viewSync.ts';

export interface FacilitationDebugHandle {
  /** The private board's cards (null when this page has no private board). */
  privateCards(): Card[] | null;
  privateDoc: Y.Doc | null;
  /** True when the private board is synced and has nothing left to send. */
  privateFlushed(): boolean;
  /** The close codes the server ended this page's private board connections with, oldest first. */
  privateCloses(): number[];
  facilitation(): Facilitation;
  beeps(): number;
  /** This view as others see it: the board point at its centre, and the zoom. */
  view(): { x: number; y: number; zoom: number };
}

declare global {
  interface Window {
    __sdgFacilitation?: FacilitationDebugHandle;
  }
}

export function exposeFacilitation(doc: Y.Doc, privateBoard: PrivateBoard | null): () => void {
  const privateDoc = privateBoard?.doc ?? null;
  const closes: number[] = [];
  const onClosed = (event: { code: number }) => closes.push(event.code);
  privateBoard?.provider.on('closed', onClosed);
  const handle: FacilitationDebugHandle = {
    privateCards: () => (privateDoc ? listCards(privateDoc) : null),
    privateDoc,
    privateFlushed: () => {
      const provider = privateBoard?.provider;
      return Boolean(provider?.synced && provider.ws && provider.ws.bufferedAmount === 0);
    },
    view: () => {
      const { viewport, stageSize } = useBoardStore.getState();
      return shareableView(viewport, stageSize);
    },
    privateCloses: () => [...closes],
    facilitation: () => readFacilitation(doc),
    beeps: beepCount,
  };
  window.__sdgFacilitation = handle;
  return () => {
    privateBoard?.provider.off('closed', onClosed);
    if (window.__sdgFacilitation === handle) delete window.__sdgFacilitation;
  };
}
