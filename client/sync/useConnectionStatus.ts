import { useSyncExternalStore } from 'react';
import type { ConnectionStatus, ConnectionStatusTracker } from './connectionStatus.ts';

export function useConnectionStatus(tracker: ConnectionStatusTracker): ConnectionStatus {
  return useSyncExternalStore(
    (listener) => tracker.subscribe(listener),
    () => tracker.get(),
  );
}
