// What the status indicator says, derived from the provider's events and the browser's
// online flag. A plain subscribable object, so no event is lost before React subscribes.

import type { WebsocketProvider } from 'y-websocket';
import { describeClose, isFinalClose } from '../../shared/protocol/closeCodes.ts';

export type ConnectionStatus =
  | { readonly kind: 'offline' }
  | { readonly kind: 'connecting' }
  | { readonly kind: 'reconnecting' }
  | { readonly kind: 'synced' }
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
      return 'Synced';
    case 'refused':
      return status.message;
  }
}

export class ConnectionStatusTracker {
  private current: ConnectionStatus = { kind: 'connecting' };
  private everSynced = false;
  private refused: ConnectionStatus | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: () => void;

  constructor(private readonly provider: WebsocketProvider) {
    const recompute = () => this.recompute();
    const onClosed = (event: { code: number; reason: string }) => {
      if (isFinalClose(event.code)) {
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
      return { kind: 'synced' };
    }
    return this.everSynced ? { kind: 'reconnecting' } : { kind: 'connecting' };
  }
}
