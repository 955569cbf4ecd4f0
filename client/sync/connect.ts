// One board's live document: a Y.Doc kept in IndexedDB (so edits made offline survive a reload
// and sync on reconnect) and synced with the server through the stock y-websocket provider.
// A board opens from its state fetched over HTTP (boardState.ts) when there is one: applied
// before anything listens to the document, it costs only its decoding, and the offline cache
// attaches once the page is idle (it then stores the whole document, a one-off encoding).
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import type { Hello } from '../../shared/protocol/hello.ts';
import { personSecret } from '../store/identity.ts';
import { ConnectionStatusTracker } from './connectionStatus.ts';
import { helloWebSocket } from './helloSocket.ts';
import { reconnectWithJitter } from './reconnect.ts';

export interface BoardConnection {
  readonly workshopId: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly status: ConnectionStatusTracker;
  destroy(): void;
}

/** Origin of the board state applied before the socket connects. */
export const BOARD_STATE_ORIGIN = Symbol('board-state');
/** With the board already drawn from its fetched state, the offline cache waits at most this long for an idle moment. */
const CACHE_IDLE_TIMEOUT_MS = 3000;

/** Runs `task` when the page is idle (or after `timeoutMs`); returns a cancel function. */
function whenIdle(task: () => void, timeoutMs: number): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, Math.min(500, timeoutMs));
  return () => clearTimeout(handle);
}

/** A new document holding `state`, or an empty one when there is none or it cannot be read. */
function openDoc(state: Uint8Array | null): { doc: Y.Doc; opened: boolean } {
  const doc = new Y.Doc();
  if (!state) return { doc, opened: false };
  try {
    Y.applyUpdate(doc, state, BOARD_STATE_ORIGIN);
    return { doc, opened: true };
  } catch {
    doc.destroy();
    return { doc: new Y.Doc(), opened: false };
  }
}

export function syncUrl(loc: Location = window.location): string {
  const proto = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${loc.host}/sync`;
}

export function offlineCacheName(workshopId: string): string {
  return `sdg-board-${workshopId}`;
}

/** What the person entered about themselves, sent in the hello for the workshop's attendance. */
export type HelloProfile = Pick<Hello, 'name' | 'group' | 'groupDetail'>;

export function connectBoard(
  workshopId: string,
  token: string,
  state: Uint8Array | null = null,
  /** Asked on each (re)connection, so the server records the person as they are now. */
  profile: () => HelloProfile = () => ({}),
): BoardConnection {
  const { doc, opened } = openDoc(state);
  let persistence: IndexeddbPersistence | null = null;
  let refused = false;
  const attachCache = () => {
    if (!refused) persistence = new IndexeddbPersistence(offlineCacheName(workshopId), doc);
  };
  // Without a fetched state (offline, say) the cache is what the board opens from: at once.
  let cancelCache = () => {};
  if (opened) cancelCache = whenIdle(attachCache, CACHE_IDLE_TIMEOUT_MS);
  else attachCache();
  const provider = new WebsocketProvider(syncUrl(), workshopId, doc, {
    // The token and this person's secret go in the socket's first message, not in its URL.
    WebSocketPolyfill: helloWebSocket(() => ({ token, secret: personSecret(), board: 'shared', ...profile() })),
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
    if (event.code !== CLOSE.conflict) return;
    refused = true;
    if (persistence) void persistence.clearData();
    else void clearDocument(offlineCacheName(workshopId));
  };
  provider.on('closed', onClosed);
  const connectTimer = setTimeout(() => provider.connect(), 0);
  return {
    workshopId,
    doc,
    provider,
    status,
    destroy() {
      clearTimeout(connectTimer);
      cancelCache();
      stopReconnecting();
      provider.off('closed', onClosed);
      status.destroy();
      provider.awareness.setLocalState(null);
      provider.destroy();
      if (persistence) void persistence.destroy();
      doc.destroy();
    },
  };
}
