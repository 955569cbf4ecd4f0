// What a page can start before the app's code runs: on a board link, the session check and the
// board's state, the two requests the board waits for.
import { boardStates } from '../sync/boardState.ts';
import { Prefetched } from '../sync/prefetched.ts';
import { takeToken } from './access.ts';
import { fetchSession } from './api.ts';
import { parseRoute } from './route.ts';

/** The session check of a board link, started early and taken once by the board page. */
export const sessions = new Prefetched(fetchSession);

/** Starts both requests for the workshop `token` opens. */
export function prefetchBoard(workshopId: string, token: string): void {
  sessions.start(workshopId, token);
  boardStates.start(workshopId, token);
}

export function prefetchForLocation(loc: Location = window.location): void {
  const route = parseRoute(loc.pathname);
  if (route.name !== 'board') return;
  const token = takeToken(route.workshopId);
  if (token) prefetchBoard(route.workshopId, token);
}
