// This person's private board (private brainstorming): a second document on the same workshop,
// opened with a random secret kept in this browser, which only this browser and the server know.
// Its notes never enter the shared document until the facilitator reveals them.
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { newId } from '../../shared/model/ids.ts';
import { syncUrl } from '../sync/connect.ts';
import { reconnectWithJitter } from '../sync/reconnect.ts';

const SECRET_KEY = 'sdg-board:private-secret';

/** This browser's private secret, made on first use. */
export function privateSecret(storage: Storage = localStorage): string {
  try {
    const stored = storage.getItem(SECRET_KEY);
    if (stored && /^[A-Za-z0-9_-]{16,128}$/.test(stored)) return stored;
    const made = `${newId()}${newId()}`;
    storage.setItem(SECRET_KEY, made);
    return made;
  } catch {
    // No storage: a secret for this page only (its notes are kept by the server until the reveal).
    return `${newId()}${newId()}`;
  }
}

export interface PrivateBoard {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  destroy(): void;
}

export function connectPrivateBoard(workshopId: string, token: string): PrivateBoard {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(`sdg-board-private-${workshopId}`, doc);
  const provider = new WebsocketProvider(syncUrl(), workshopId, doc, {
    params: { token, private: privateSecret() },
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
