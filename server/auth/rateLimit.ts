// Per-connection message rate limit: a token bucket, pure apart from the clock passed in.

export interface TokenBucket {
  /** Takes one token at time `nowMs`; false when the bucket is empty (the message is over the limit). */
  take(nowMs: number): boolean;
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
  };
}
