// A refusal the sender can retry: 429 (over its rate limit) or 503 (the server's queue is full),
// with Retry-After in whole seconds, as HTTP clients and proxies read it.
import type { ServerResponse } from 'node:http';
import { sendJson } from './json.ts';

export function sendRetryLater(res: ServerResponse, status: 429 | 503, error: string, retryAfterSeconds: number): void {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  res.setHeader('retry-after', String(seconds));
  sendJson(res, status, { error, retryAfterSeconds: seconds });
}
