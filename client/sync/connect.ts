// One board's live document: a Y.Doc kept in IndexedDB (so edits made offline survive a reload
// and sync on reconnect) and synced with the server through the stock y-websocket provider.
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import { ConnectionStatusTracker } from './connectionStatus.ts';
import { reconnectWithJitter } from './reconnect.ts';

export interface BoardConnection {
  readonly workshopId: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly persistence: IndexeddbPersistence;
  readonly status: ConnectionStatusTracker;
  destroy(): void;
}

export function syncUrl(loc: Location = window.location): string {
  const proto = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${loc.host}/sync`;
}

export function offlineCacheName(workshopId: string): string {
  return `sdg-board-${workshopId}`;
}

export function connectBoard(workshopId: string, token: string): BoardConnection {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(offlineCacheName(workshopId), doc);
  const provider = new WebsocketProvider(syncUrl(), workshopId, doc, {
    params: { token },
    // Tabs of one browser must not sync through each other: a viewer tab's edits would
    // otherwise reach the server through a participant tab.
    disableBc: true,
    // Connected on the next tick, so a board mounted and unmounted at once (React's StrictMode in
    // development) never opens a socket only to close it while connecting.
    connect: false,
  });
  const status = new ConnectionStatusTracker(provider);
  const stopReconnecting = reconnectWithJitter(provider);
  // The server refused a change this browser already holds: forget the offline copy, so that a
  // reload starts again from the board as the server has it.
  const onClosed = (event: { code: number }) => {
    if (event.code === CLOSE.conflict) void persistence.clearData();
  };
  provider.on('closed', onClosed);
  const connectTimer = setTimeout(() => provider.connect(), 0);
  return {
    workshopId,
    doc,
    provider,
    persistence,
    status,
    destroy() {
      clearTimeout(connectTimer);
      stopReconnecting();
      provider.off('closed', onClosed);
      status.destroy();
      provider.awareness.setLocalState(null);
      provider.destroy();
      void persistence.destroy();
      doc.destroy();
    },
  };
}
