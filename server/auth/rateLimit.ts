// A token bucket, pure apart from the clock passed in: per connection for sync messages, and per
// client address for creating workshops and importing plans (server/http/addressRateLimit.ts).

export interface TokenBucket {
  /** Takes one token at time `nowMs`; false when the bucket is empty (the message is over the limit). */
  take(nowMs: number): boolean;
  /** How long from `nowMs` until a token is there to take (0 when one is); takes nothing. */
  msUntilToken(nowMs: number): number;
}

export function tokenBucket(ratePerSecond: number, burst: number, startMs: number): TokenBucket {
  let tokens = burst;
  let last = startMs;
  return {
    take(nowMs) {
      tokens = Math.min(burst, tokens + ((nowMs - last) * ratePerSecond) / 1000);
      last = nowMs;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    msUntilToken(nowMs) {
      const available = Math.min(burst, tokens + ((nowMs - last) * ratePerSecond) / 1000);
      return available >= 1 ? 0 : ((1 - available) * 1000) / ratePerSecond;
    },
  };
}
