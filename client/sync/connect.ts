// One board's live document: a Y.Doc kept in IndexedDB (so edits made offline survive a reload
// and sync on reconnect) and synced with the server through the stock y-websocket provider.
// A board opens from its state fetched over HTTP (boardState.ts) when there is one: applied
// before anything listens to the document, it costs only its decoding, and the offline cache
// attaches once the page is idle (it then stores the whole document, a one-off encoding).
//
// When the server refuses an update (4409: an edit made offline touches an item agreed
// meanwhile, say), the offline work is rebased, not dropped: what this browser changed since the
// state the server last confirmed (confirmedState.ts) is replayed through the model onto a fresh
// document holding the server's board, skipping what this person may no longer change
// (offlineRebase.ts); the offline copy is replaced by that document, and the person is told what
// was not applied. A viewer's browser keeps no local edit: anything it holds that the server does
// not is dropped the same way.
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import type { Hello } from '../../shared/protocol/hello.ts';
import { personSecret } from '../store/identity.ts';
import { boardStates } from './boardState.ts';
import { ConfirmedState, confirmedCacheName } from './confirmedState.ts';
import { ConnectionStatusTracker } from './connectionStatus.ts';
import { helloWebSocket } from './helloSocket.ts';
import { type ItemChange, localChanges, type RebaseRole, refusalsText, replayChanges } from './offlineRebase.ts';
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
/** Origin of the offline changes replayed onto the server's board after a refusal. */
export const REBASE_ORIGIN = Symbol('rebase');
/** Rebases in a row (without the server confirming anything in between) before giving up. */
const MAX_REBASES = 3;
/** A viewer's board is checked for local edits this long after it changes. */
const VIEWER_CHECK_MS = 300;

export interface ConnectOptions {
  /** The role of the link: what a rebase may replay (a viewer: nothing). */
  role?: RebaseRole;
  /** The connection that replaces this one after a rebase (a fresh document): show it instead. */
  onReplaced?: (next: BoardConnection) => void;
  /** Which of this person's changes could not be applied, in words. */
  onNotApplied?: (text: string) => void;
  /** Changes to replay onto this (fresh) board: set by the rebase that made it. */
  replay?: readonly ItemChange[];
  /** How many rebases in a row made this connection. */
  rebases?: number;
}
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
  options: ConnectOptions = {},
): BoardConnection {
  const role = options.role ?? 'participant';
  const cacheName = offlineCacheName(workshopId);
  const { doc, opened } = openDoc(state);
  let persistence: IndexeddbPersistence | null = null;
  let refused = false;
  let destroyed = false;
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
  const rebases = options.rebases ?? 0;
  const canRebase = Boolean(options.onReplaced) && rebases < MAX_REBASES;
  const status = new ConnectionStatusTracker(provider, { rebasesOnConflict: canRebase });
  const stopReconnecting = reconnectWithJitter(provider);
  const confirmed = new ConfirmedState(doc, provider, [BOARD_STATE_ORIGIN], role !== 'viewer');
  if (opened && state) confirmed.confirm(state);

  const attachCache = () => {
    if (refused || destroyed) return;
    persistence = new IndexeddbPersistence(cacheName, doc);
    confirmed.persist(confirmedCacheName(cacheName));
    persistence.once('synced', () => scheduleViewerCheck());
  };

  // A rebased board: the changes go onto the server's board before anything else sees it, as new
  // operations of this document (a new client id); without a fetched board, once synced.
  const report = (result: ReturnType<typeof replayChanges>) => {
    const text = refusalsText(result.refused);
    status.setNotApplied(result.refused.length);
    if (text) options.onNotApplied?.(text);
  };
  let replayOnSync: (() => void) | null = null;
  if (options.replay) {
    const changes = options.replay;
    if (opened) report(replayChanges(doc, changes, role, REBASE_ORIGIN));
    else {
      replayOnSync = () => {
        if (!provider.synced || !replayOnSync) return;
        provider.off('sync', replayOnSync);
        replayOnSync = null;
        report(replayChanges(doc, changes, role, REBASE_ORIGIN));
      };
      provider.on('sync', replayOnSync);
    }
  }

  // Without a fetched state (offline, say) the cache is what the board opens from: at once; so
  // does a rebased board, whose offline copy was just replaced.
  let cancelCache = () => {};
  if (opened && !options.replay) cancelCache = whenIdle(attachCache, CACHE_IDLE_TIMEOUT_MS);
  else attachCache();

  /** The old behaviour, when no rebase can be made: forget the offline copy; a reload starts anew. */
  const dropOfflineCopy = () => {
    refused = true;
    if (persistence) void persistence.clearData();
    else void clearDocument(cacheName);
    void confirmed.clear(confirmedCacheName(cacheName));
  };

  let rebasing = false;
  const rebase = async () => {
    if (rebasing || destroyed) return;
    rebasing = true;
    cancelCache();
    await confirmed.loaded();
    if (destroyed) return;
    const fresh = await boardStates.take(workshopId, token);
    if (destroyed) return;
    // What this browser changed since the server last confirmed its board (edits made while the
    // fresh board downloaded included), read before anything is dropped.
    const changes = localChanges(confirmed.doc, doc);
    // The offline copy holds the refused structs: it is replaced by the fresh board and the replay.
    refused = true;
    const stored = persistence as IndexeddbPersistence | null;
    persistence = null;
    await Promise.all([
      stored ? stored.clearData() : clearDocument(cacheName),
      confirmed.clear(confirmedCacheName(cacheName)),
    ]);
    if (destroyed) return;
    const inARow = confirmed.confirmations > 0 ? 0 : rebases;
    const next = connectBoard(workshopId, token, fresh, profile, { ...options, replay: changes, rebases: inARow + 1 });
    connection.destroy();
    options.onReplaced?.(next);
  };

  const onClosed = (event: { code: number }) => {
    if (event.code !== CLOSE.conflict) return;
    if (canRebase) void rebase();
    else dropOfflineCopy();
  };
  provider.on('closed', onClosed);

  // The server drops a viewer's edits without closing: a viewer's board that holds anything the
  // server did not confirm (an edit made some other way, an offline copy written under another
  // link) is rebased at once, which keeps none of it.
  let viewerTimer: ReturnType<typeof setTimeout> | null = null;
  const scheduleViewerCheck = () => {
    if (role !== 'viewer' || !canRebase || destroyed) return;
    if (viewerTimer) clearTimeout(viewerTimer);
    viewerTimer = setTimeout(() => {
      viewerTimer = null;
      void checkViewer();
    }, VIEWER_CHECK_MS);
  };
  const checkViewer = async () => {
    if (!provider.synced || rebasing || destroyed) return;
    await Promise.all([confirmed.loaded(), persistence?.whenSynced]);
    if (!provider.synced || destroyed) return;
    if (localChanges(confirmed.doc, doc).length > 0) void rebase();
  };
  const onViewerUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider && origin !== BOARD_STATE_ORIGIN) scheduleViewerCheck();
  };
  const onViewerSync = (synced: boolean) => {
    if (synced) scheduleViewerCheck();
  };
  if (role === 'viewer') {
    doc.on('update', onViewerUpdate);
    provider.on('sync', onViewerSync);
  }

  const connectTimer = setTimeout(() => provider.connect(), 0);
  const connection: BoardConnection = {
    workshopId,
    doc,
    provider,
    status,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      clearTimeout(connectTimer);
      if (viewerTimer) clearTimeout(viewerTimer);
      cancelCache();
      stopReconnecting();
      provider.off('closed', onClosed);
      if (replayOnSync) provider.off('sync', replayOnSync);
      provider.off('sync', onViewerSync);
      doc.off('update', onViewerUpdate);
      confirmed.destroy();
      status.destroy();
      provider.awareness.setLocalState(null);
      provider.destroy();
      if (persistence) void persistence.destroy();
      doc.destroy();
    },
  };
  return connection;
}
