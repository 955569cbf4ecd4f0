// The workshop token arrives in the URL fragment (`#token=…`), which never reaches the server's
// logs. It is kept in sessionStorage for this tab so a reload works, and taken out of the
// address bar so it is not shown on a shared screen.
import type { WorkshopSession } from './api.ts';

const tokenKey = (workshopId: string) => `sdg-board:token:${workshopId}`;
const sessionKey = (workshopId: string) => `sdg-board:session:${workshopId}`;
const shareKey = (workshopId: string) => `sdg-board:show-share:${workshopId}`;

function readFragmentToken(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && token.length <= 512 ? token : null;
}

export function takeToken(workshopId: string): string | null {
  const fromFragment = readFragmentToken(window.location.hash);
  if (fromFragment) {
    const previous = sessionStorage.getItem(tokenKey(workshopId));
    sessionStorage.setItem(tokenKey(workshopId), fromFragment);
    // A different link (another role) makes the cached session stale.
    if (previous !== fromFragment) sessionStorage.removeItem(sessionKey(workshopId));
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromFragment;
  }
  return sessionStorage.getItem(tokenKey(workshopId));
}

/** The last session the server confirmed, to open the board from the offline cache. */
export function cachedSession(workshopId: string): WorkshopSession | null {
  try {
    const raw = sessionStorage.getItem(sessionKey(workshopId));
    return raw ? (JSON.parse(raw) as WorkshopSession) : null;
  } catch {
    return null;
  }
}

export function cacheSession(session: WorkshopSession): void {
  sessionStorage.setItem(sessionKey(session.id), JSON.stringify(session));
}

/** Asks the board to open with the share panel shown (right after the workshop was created). */
export function requestSharePanel(workshopId: string): void {
  sessionStorage.setItem(shareKey(workshopId), '1');
}

export function sharePanelRequested(workshopId: string): boolean {
  return sessionStorage.getItem(shareKey(workshopId)) === '1';
}

export function clearSharePanelRequest(workshopId: string): void {
  sessionStorage.removeItem(shareKey(workshopId));
}
