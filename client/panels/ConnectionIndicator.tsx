// The connection status in words: Offline, Connecting…, Reconnecting…, Synced, or why the
// server refused this link. Announced politely to screen readers.
import type { ConnectionStatusTracker } from '../sync/connectionStatus.ts';
import { statusText } from '../sync/connectionStatus.ts';
import { useConnectionStatus } from '../sync/useConnectionStatus.ts';

export function ConnectionIndicator({ tracker }: { tracker: ConnectionStatusTracker }) {
  const status = useConnectionStatus(tracker);
  const text = statusText(status);
  return (
    <div className={`connection connection-${status.kind}`} role="status" aria-live="polite" title={text}>
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-text" data-testid="connection-status">
        {text}
      </span>
    </div>
  );
}

/** A banner over the board when the server refused this link for good. */
export function RefusalBanner({ tracker }: { tracker: ConnectionStatusTracker }) {
  const status = useConnectionStatus(tracker);
  if (status.kind !== 'refused') return null;
  return (
    <div className="refusal-banner" role="alert">
      <strong>Disconnected.</strong> {status.message}
    </div>
  );
}
