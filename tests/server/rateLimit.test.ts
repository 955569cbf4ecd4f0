import { describe, expect, it } from 'vitest';
import { tokenBucket } from '../../server/auth/rateLimit.ts';

describe('a connection’s token bucket', () => {
  it('passes a burst, then refuses until time refills it', () => {
    const bucket = tokenBucket(10, 5, 0);
    for (let i = 0; i < 5; i++) expect(bucket.take(0)).toBe(true);
    expect(bucket.take(0)).toBe(false);
    expect(bucket.take(100)).toBe(true);
    expect(bucket.take(100)).toBe(false);
  });

  it('never holds more than its burst however long it rests', () => {
    const bucket = tokenBucket(100, 3, 0);
    let passed = 0;
    for (let i = 0; i < 10; i++) if (bucket.take(60_000)) passed++;
    expect(passed).toBe(3);
  });
});

describe('the time until a token', () => {
  it('is zero while one is there, then the time the rate takes to refill one, and takes nothing', () => {
    const bucket = tokenBucket(2, 1, 0);
    expect(bucket.msUntilToken(0)).toBe(0);
    expect(bucket.take(0)).toBe(true);
    expect(bucket.msUntilToken(0)).toBe(500);
    expect(bucket.msUntilToken(400)).toBeCloseTo(100);
    expect(bucket.msUntilToken(400)).toBeCloseTo(100);
    expect(bucket.take(500)).toBe(true);
  });
});
