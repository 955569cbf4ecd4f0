// The built web client, served by sirv with three corrections: Range requests are ignored (sirv
// turns `bytes=5-2` into a read stream that throws after the headers are out, and the client's
// files are small), source maps are not served unless asked for (they publish the sources), and
// a proxy's absolute-form target is reduced to its path so that sirv looks up the right file.
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

/** The handler for `clientDir`, or null when there is no built client in it. */
export function staticFiles(clientDir: string | undefined, options: StaticOptions): StaticHandler | null {
  if (clientDir === undefined || !fs.existsSync(path.join(clientDir, 'index.html'))) return null;
  const assets = sirv(clientDir, { single: true, etag: true, gzip: false });
  return (req, res, next) => {
    const target = requestTarget(req.url);
    if (!target || (!options.serveSourceMaps && SOURCE_MAP.test(target.pathname))) {
      next();
      return;
    }
    req.url = `${target.pathname}${target.search}`;
    delete req.headers.range;
    assets(req, res, next);
  };
}
