// The board's stored state, fetched over HTTP while the page starts (GET …/state) and applied to
// the document before the sync socket and the offline cache attach. The socket then syncs only
// what changed since, and the largest transfer of a visit overlaps the page's own start-up.
// Any failure (offline, a refused link, an old server) leaves the socket to sync everything.
import { Prefetched } from './prefetched.ts';

/** How long the page waits for the server to answer before it lets the socket sync everything. */
export const BOARD_STATE_ANSWER_TIMEOUT_MS = 15_000;
/** How long the download itself may take (a large board on a slow line). */
export const BOARD_STATE_DOWNLOAD_TIMEOUT_MS = 120_000;

async function fetchBoardState(workshopId: string, token: string): Promise<Uint8Array | null> {
  const abort = new AbortController();
  let timer = setTimeout(() => abort.abort(), BOARD_STATE_ANSWER_TIMEOUT_MS);
  try {
    const response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/state`, {
      headers: { Authorization: `Bearer ${token}` },
      cache: 'no-store',
      signal: abort.signal,
    });
    if (!response.ok) return null;
    clearTimeout(timer);
    timer = setTimeout(() => abort.abort(), BOARD_STATE_DOWNLOAD_TIMEOUT_MS);
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** The board's state for a workshop and token, started early (`start`) and taken once (`take`). */
export const boardStates = new Prefetched(fetchBoardState);
