// The built web client, served by sirv with corrections:
// - the single-page fallback (any path without a file extension gets index.html) is decided
//   here: sirv's own test for "has an extension" is a regular expression that backtracks
//   exponentially, so that one request for `/a.aa.aa…a!` (60 characters) held the event loop
//   for a second, and a few more characters for hours;
// - Range requests are ignored (sirv turns `bytes=5-2` into a read stream that throws after the
//   headers are out; the client's files are small);
// - source maps are not served unless asked for (they publish the sources);
// - a proxy's absolute-form target is reduced to its path, so that sirv looks up the right file.
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { requestTarget } from './requestTarget.ts';

export type StaticHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface StaticOptions {
  /** Serve `*.map` files when the build has them (SERVE_SOURCEMAPS=1). */
  serveSourceMaps: boolean;
}

const SOURCE_MAP = /\.map$/i;

/** A path naming a file (its last segment has an extension) gets a 404, not the app, when missing. */
export function namesFile(pathname: string): boolean {
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return last.lastIndexOf('.') > 0;
}

/** The handler for `clientDir`, or null when there is no built client in it. */
export function staticFiles(clientDir: string | undefined, options: StaticOptions): StaticHandler | null {
  if (clientDir === undefined || !fs.existsSync(path.join(clientDir, 'index.html'))) return null;
  const assets = sirv(clientDir, { single: false, etag: true, gzip: false, ignores: false });
  return (req, res, next) => {
    const target = requestTarget(req.url);
    if (!target || (!options.serveSourceMaps && SOURCE_MAP.test(target.pathname))) {
      next();
      return;
    }
    req.url = `${target.pathname}${target.search}`;
    delete req.headers.range;
    assets(req, res, () => {
      if (namesFile(target.pathname)) {
        next();
        return;
      }
      // A route of the app (/, /w/<id>): the page, whose script reads the path.
      req.url = '/index.html';
      assets(req, res, next);
    });
  };
}
