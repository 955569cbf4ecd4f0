// The board as the server last confirmed it: a second document that holds what the server sent
// (its fetched state, the updates it relays) and this browser's own changes once the server has
// shown that it took them. Kept in IndexedDB beside the offline copy, so it survives a reload.
//
// The sync protocol has no acknowledgement, but the server handles one connection's messages in
// order and closes the socket (4409) at the first update it refuses. So after this browser's
// changes go out, it sends a sync step 1 (a "probe"); the server's step 2 answering it means every
// change sent before was taken, and what the board held when the probe left is confirmed.
// What the board holds beyond this state is what a rebase (offlineRebase.ts) replays.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
/**
 * How long after this browser's last change (or its sync) the probe goes out: debounced, so a
 * person typing sends one probe when they pause. Each probe costs the server one state diff.
 */
export const PROBE_DELAY_MS = 1000;

export function confirmedCacheName(cacheName: string): string {
  return `${cacheName}:confirmed`;
}

export class ConfirmedState {
  readonly doc = new Y.Doc();
  private persistence: IndexeddbPersistence | null = null;
  /** What the board held when each unanswered probe left, oldest first. */
  private probes: Uint8Array[] = [];
  /** How many probes the server has answered: each confirmed everything sent before it. */
  confirmations = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private socket: WebSocket | null = null;
  private readonly stop: () => void;

  constructor(
    private readonly board: Y.Doc,
    private readonly provider: WebsocketProvider,
    /** Origins of what came from the server (besides the provider itself). */
    serverOrigins: readonly unknown[],
    /**
     * Whether this browser's changes can be confirmed at all. Not for a viewer: the server drops a
     * viewer's edits without closing, so answering a probe says nothing about them.
     */
    private readonly confirmsOwnChanges = true,
  ) {
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === provider || serverOrigins.includes(origin)) Y.applyUpdate(this.doc, update, provider);
      else if (this.persistenceOrigin(origin)) return;
      else this.schedule();
    };
    const onStatus = ({ status }: { status: string }) => {
      this.probes = [];
      this.socket?.removeEventListener('message', this.onMessage);
      this.socket = null;
      if (status === 'connected' && provider.ws) {
        this.socket = provider.ws;
        this.socket.addEventListener('message', this.onMessage);
      }
    };
    const onSync = (synced: boolean) => {
      if (synced) this.schedule();
    };
    board.on('update', onUpdate);
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    this.stop = () => {
      board.off('update', onUpdate);
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      this.socket?.removeEventListener('message', this.onMessage);
    };
  }

  /** Applies `state` (the server's, fetched over HTTP) as confirmed. */
  confirm(state: Uint8Array): void {
    Y.applyUpdate(this.doc, state, this.provider);
  }

  /** Keeps the confirmed state in IndexedDB under `name` (with the offline copy). */
  persist(name: string): void {
    if (!this.persistence) this.persistence = new IndexeddbPersistence(name, this.doc);
  }

  /** Resolves once the stored confirmed state is loaded (at once when it is not kept). */
  loaded(): Promise<void> {
    return this.persistence ? this.persistence.whenSynced.then(() => undefined) : Promise.resolve();
  }

  private persistenceOrigin(origin: unknown): boolean {
    return origin instanceof IndexeddbPersistence;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.probe();
    }, PROBE_DELAY_MS);
  }

  private probe(): void {
    const ws = this.socket;
    if (!this.confirmsOwnChanges) return;
    if (!ws || ws.readyState !== WebSocket.OPEN || !this.provider.synced) return;
    const pending = Y.encodeStateAsUpdate(this.board, Y.encodeStateVector(this.doc));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.board);
    this.probes.push(pending);
    ws.send(encoding.toUint8Array(encoder));
  }

  private readonly onMessage = (event: MessageEvent) => {
    if (this.probes.length === 0 || !(event.data instanceof ArrayBuffer)) return;
    try {
      const decoder = decoding.createDecoder(new Uint8Array(event.data));
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
      if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return;
    } catch {
      return;
    }
    const confirmed = this.probes.shift() as Uint8Array;
    Y.applyUpdate(this.doc, confirmed, this.provider);
    this.confirmations++;
  };

  /** Forgets the stored confirmed state (after a rebase, the fresh board is the confirmed one). */
  async clear(name: string): Promise<void> {
    this.destroy();
    if (this.persistence) await this.persistence.clearData();
    else await clearDocument(name);
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stop();
  }
}
