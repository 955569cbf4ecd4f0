// Turns every failure of a request into an answer, so that no request can end the process: a
// throw or rejection from a handler becomes its status (HttpError), 400 for bad input, or a
// logged 500; a failure after the answer has started ends that response's connection only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Counters } from '../metrics/counters.ts';
import { InputError } from '../workshops.ts';
import { HttpError, sendJson } from './json.ts';
import { inRequestScope } from './requestScope.ts';
import { requestTarget } from './requestTarget.ts';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** The status and message for a failure; null when it is the server's fault (500). */
export function statusOf(error: unknown): { status: number; message: string } | null {
  if (error instanceof HttpError) return { status: error.status, message: error.message };
  if (error instanceof InputError) return { status: 400, message: error.message };
  // decodeURIComponent and friends on a malformed percent-encoding in the request.
  if (error instanceof URIError) return { status: 400, message: 'malformed percent-encoding in the request' };
  return null;
}

/** Reading the body failed because the client went away: nothing to answer, nothing wrong here. */
function clientGone(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE';
}

export function guardRequests(handler: RequestHandler, log: Logger, counters: Counters) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = requestTarget(req.url)?.pathname ?? '(not a path)';
    const method = req.method ?? '';
    const fail = (error: unknown) => {
      if (clientGone(error)) {
        log.debug({ event: 'request-aborted', method, path }, 'the client left before the answer');
        return;
      }
      const known = statusOf(error);
      if (!known) {
        counters.internalError('http');
        log.error({ event: 'http-error', method, path, err: error }, 'request failed');
      }
      try {
        // Part of an answer already out can only be cut short.
        if (res.headersSent) res.destroy();
        else sendJson(res, known?.status ?? 500, { error: known?.message ?? 'internal error' });
      } catch {
        res.destroy();
      }
    };
    inRequestScope({ method, path }, () => {
      try {
        Promise.resolve(handler(req, res)).catch(fail);
      } catch (error) {
        fail(error);
      }
    });
  };
}
