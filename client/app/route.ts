// Routing by `location.pathname`: `/` is the start page, `/w/<id>` a workshop board.
import { useSyncExternalStore } from 'react';

export type Route = { name: 'start' } | { name: 'board'; workshopId: string } | { name: 'not-found' };

const BOARD_PATH = /^\/w\/([A-Za-z0-9_-]{1,128})\/?$/;
const NAVIGATE_EVENT = 'sdg-board:navigate';

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '/index.html') return { name: 'start' };
  const match = BOARD_PATH.exec(pathname);
  return match?.[1] ? { name: 'board', workshopId: match[1] } : { name: 'not-found' };
}

/** Goes to a path (with its query and fragment) inside the app, without reloading. */
export function navigate(pathAndHash: string): void {
  window.history.pushState(null, '', pathAndHash);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The same place as `link` on the server this page came from (links may name another host). */
export function localiseLink(link: string): string {
  try {
    const url = new URL(link, window.location.origin);
    return `${window.location.origin}${url.pathname}${url.search}${url.hash}`;
  } catch {
    return link;
  }
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}
