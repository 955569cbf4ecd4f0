// The rate limits per client address on the requests anyone can make that cost the server work:
// creating a workshop (open to all, and it hands out a facilitator token) and importing a plan.
// A request over its limit is answered 429 with Retry-After before anything else is done.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Counters } from '../metrics/counters.ts';
import { AddressRateLimit } from './addressRateLimit.ts';
import { addressKey, clientAddress } from './clientAddress.ts';
import { sendRetryLater } from './retryLater.ts';

export interface RateLimitSettings {
  /** Workshops created per minute per address (0: no limit), and how many at once. */
  workshopsPerMinute: number;
  workshopsBurst: number;
  /** Plans imported per minute per address (0: no limit), and how many at once. */
  importsPerMinute: number;
  importsBurst: number;
  /** Proxies in front of the server whose X-Forwarded-For is trusted (clientAddress.ts); 0: none. */
  trustedProxies: number;
}

export interface RateLimits {
  workshops: AddressRateLimit;
  imports: AddressRateLimit;
  trustedProxies: number;
}

export type RateLimited = 'workshops' | 'imports';

export function createRateLimits(settings: RateLimitSettings): RateLimits {
  return {
    workshops: new AddressRateLimit({ perMinute: settings.workshopsPerMinute, burst: settings.workshopsBurst }),
    imports: new AddressRateLimit({ perMinute: settings.importsPerMinute, burst: settings.importsBurst }),
    trustedProxies: settings.trustedProxies,
  };
}

const WHAT: Record<RateLimited, string> = { workshops: 'workshops created', imports: 'plans imported' };

/** Counts the request against its address's limit; when over it, answers 429 and returns true. */
export function answeredOverLimit(
  ctx: { rateLimits: RateLimits; counters: Counters },
  which: RateLimited,
  req: IncomingMessage,
  res: ServerResponse,
  nowMs = Date.now(),
): boolean {
  const from = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], ctx.rateLimits.trustedProxies);
  const decision = ctx.rateLimits[which].take(addressKey(from), nowMs);
  if (decision.ok) return false;
  ctx.counters.refuse(`http-rate-limited-${which}`);
  const wait = decision.retryAfterSeconds;
  sendRetryLater(res, 429, `too many ${WHAT[which]} from this address; try again in ${wait} s`, wait);
  return true;
}
