// What the status indicator says, derived from the provider's events and the browser's
// online flag. A plain subscribable object, so no event is lost before React subscribes.

import type { WebsocketProvider } from 'y-websocket';
import { CLOSE, describeClose, isFinalClose } from '../../shared/protocol/closeCodes.ts';

export type ConnectionStatus =
  | { readonly kind: 'offline' }
  | { readonly kind: 'connecting' }
  | { readonly kind: 'reconnecting' }
  /** `notApplied`: how many of this person's changes a rebase could not apply (then dropped). */
  | { readonly kind: 'synced'; readonly notApplied?: number }
  | { readonly kind: 'refused'; readonly code: number; readonly message: string };

export function statusText(status: ConnectionStatus): string {
  switch (status.kind) {
    case 'offline':
      return 'Offline';
    case 'connecting':
      return 'Connecting…';
    case 'reconnecting':
      return 'Reconnecting…';
    case 'synced':
      if (!status.notApplied) return 'Synced';
      return status.notApplied === 1
        ? 'Synced · your change was not applied'
        : `Synced · ${status.notApplied} of your changes were not applied`;
    case 'refused':
      return status.message;
  }
}

export class ConnectionStatusTracker {
  private current: ConnectionStatus = { kind: 'connecting' };
  private everSynced = false;
  private refused: ConnectionStatus | null = null;
  private notApplied = 0;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly provider: WebsocketProvider,
    /** With `rebasesOnConflict`, a 4409 is not final: the board is rebased and reconnects (connect.ts). */
    options: { rebasesOnConflict?: boolean } = {},
  ) {
    const recompute = () => this.recompute();
    const onClosed = (event: { code: number; reason: string }) => {
      if (isFinalClose(event.code) && !(options.rebasesOnConflict && event.code === CLOSE.conflict)) {
        this.refused = { kind: 'refused', code: event.code, message: describeClose(event.code) };
      }
      this.recompute();
    };
    provider.on('status', recompute);
    provider.on('sync', recompute);
    provider.on('closed', onClosed);
    window.addEventListener('online', recompute);
    window.addEventListener('offline', recompute);
    this.unsubscribe = () => {
      provider.off('status', recompute);
      provider.off('sync', recompute);
      provider.off('closed', onClosed);
      window.removeEventListener('online', recompute);
      window.removeEventListener('offline', recompute);
    };
    this.recompute();
  }

  get(): ConnectionStatus {
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Says, while synced, that a rebase dropped `count` of this person's changes. */
  setNotApplied(count: number): void {
    this.notApplied = count;
    this.recompute();
  }

  destroy(): void {
    this.unsubscribe();
    this.listeners.clear();
  }

  private recompute(): void {
    const next = this.derive();
    if (next.kind === this.current.kind && statusText(next) === statusText(this.current)) return;
    this.current = next;
    for (const listener of this.listeners) listener();
  }

  private derive(): ConnectionStatus {
    if (this.refused) return this.refused;
    if (!navigator.onLine) return { kind: 'offline' };
    if (this.provider.wsconnected && this.provider.synced) {
      this.everSynced = true;
      return this.notApplied > 0 ? { kind: 'synced', notApplied: this.notApplied } : { kind: 'synced' };
    }
    return this.everSynced ? { kind: 'reconnecting' } : { kind: 'connecting' };
  }
}
