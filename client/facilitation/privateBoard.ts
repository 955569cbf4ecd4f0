// This person's private board: a second document on the same workshop, opened with this
// browser's person secret, which only this browser and the server know. It holds their private
// notes (private brainstorming) and their dots in a vote; neither enters the shared document
// until the facilitator reveals them.
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { personSecret } from '../store/identity.ts';
import { syncUrl } from '../sync/connect.ts';
import { helloWebSocket } from '../sync/helloSocket.ts';
import { reconnectWithJitter } from '../sync/reconnect.ts';

export interface PrivateBoard {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  destroy(): void;
}

export function connectPrivateBoard(workshopId: string, token: string): PrivateBoard {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(`sdg-board-private-${workshopId}`, doc);
  const provider = new WebsocketProvider(syncUrl(), workshopId, doc, {
    WebSocketPolyfill: helloWebSocket({ token, secret: personSecret(), board: 'private' }),
    disableBc: true,
    connect: false,
  });
  // Nobody else is on a private board: no presence to send.
  provider.awareness.setLocalState(null);
  const stopReconnecting = reconnectWithJitter(provider);
  const connectTimer = setTimeout(() => provider.connect(), 0);
  return {
    doc,
    provider,
    destroy() {
      clearTimeout(connectTimer);
      stopReconnecting();
      provider.destroy();
      void persistence.destroy();
      doc.destroy();
    },
  };
}
