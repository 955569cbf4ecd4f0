// Reconnection with jitter. The stock provider backs off on a fixed schedule, so after a server
// restart every browser would come back in the same instants (a reconnect storm). Here the
// provider stops after each close and we reconnect after a random delay up to an exponential
// cap ("full jitter"). Final refusals (4400–4499) are not retried.
import type { WebsocketProvider } from 'y-websocket';
import { isFinalClose } from '../../shared/protocol/closeCodes.ts';

export const RECONNECT_BASE_MS = 300;
export const RECONNECT_CAP_MS = 10_000;

export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  return random() * Math.min(RECONNECT_CAP_MS, RECONNECT_BASE_MS * 2 ** attempt);
}

type ReconnectingProvider = Pick<WebsocketProvider, 'connect' | 'on' | 'off'> & {
  shouldReconnect: WebsocketProvider['shouldReconnect'];
};

/** Takes over the provider's reconnection; returns the function that stops it. */
export function reconnectWithJitter(provider: ReconnectingProvider, random: () => number = Math.random): () => void {
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  provider.shouldReconnect = () => false;
  const onClosed = (event: { code: number }) => {
    if (isFinalClose(event.code)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(
      () => {
        timer = null;
        provider.connect();
      },
      reconnectDelayMs(attempt++, random),
    );
  };
  const onSync = (synced: boolean) => {
    if (synced) attempt = 0;
  };
  provider.on('closed', onClosed);
  provider.on('sync', onSync);
  return () => {
    if (timer) clearTimeout(timer);
    provider.off('closed', onClosed);
    provider.off('sync', onSync);
  };
}
