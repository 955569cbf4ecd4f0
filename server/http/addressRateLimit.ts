// A rate limit per client address: a token bucket (server/auth/rateLimit.ts) for each address,
// pure apart from the clock passed in. Memory is bounded: at most `maxAddresses` buckets are
// kept, and the address seen least recently is forgotten first. Forgetting an address only gives
// it a full bucket again (more lenient, never stricter), and a sender needs more than
// `maxAddresses` addresses to cause that: enough to get around any per-address limit anyway.
import { type TokenBucket, tokenBucket } from '../auth/rateLimit.ts';

export interface AddressRule {
  /** Sustained requests per minute per address; 0 turns the limit off. */
  perMinute: number;
  /** Requests an address may make at once after a quiet spell. */
  burst: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** About 2 MB of buckets at most. */
export const MAX_TRACKED_ADDRESSES = 10_000;

export class AddressRateLimit {
  /** Buckets in the order their addresses were last seen, oldest first (a Map keeps insertion order). */
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly rule: AddressRule,
    private readonly maxAddresses = MAX_TRACKED_ADDRESSES,
  ) {}

  /** Addresses remembered. */
  get size(): number {
    return this.buckets.size;
  }

  /** Counts one request from `address` at `nowMs`: allowed, or refused with the seconds to wait. */
  take(address: string, nowMs: number): RateDecision {
    if (this.rule.perMinute <= 0) return { ok: true };
    let bucket = this.buckets.get(address);
    if (bucket) this.buckets.delete(address);
    else bucket = tokenBucket(this.rule.perMinute / 60, this.rule.burst, nowMs);
    this.buckets.set(address, bucket);
    if (this.buckets.size > this.maxAddresses) {
      const oldest = this.buckets.keys().next().value as string;
      this.buckets.delete(oldest);
    }
    if (bucket.take(nowMs)) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(bucket.msUntilToken(nowMs) / 1000)) };
  }
}
