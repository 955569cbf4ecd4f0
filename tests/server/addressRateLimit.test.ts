import { describe, expect, it } from 'vitest';
import { AddressRateLimit } from '../../server/http/addressRateLimit.ts';

const MINUTE = 60_000;

describe('a rate limit per address', () => {
  it('lets a burst through, then refuses with the whole seconds until the next request may pass', () => {
    const limit = new AddressRateLimit({ perMinute: 20, burst: 3 });
    for (let i = 0; i < 3; i++) expect(limit.take('192.0.2.1', 0)).toEqual({ ok: true });
    // 20 a minute: one every 3 s.
    expect(limit.take('192.0.2.1', 0)).toEqual({ ok: false, retryAfterSeconds: 3 });
    expect(limit.take('192.0.2.1', 1_500)).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(limit.take('192.0.2.1', 2_999)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limit.take('192.0.2.1', 3_000)).toEqual({ ok: true });
  });

  it('holds the sustained rate over a long run, never more than the burst after a rest', () => {
    const limit = new AddressRateLimit({ perMinute: 10, burst: 5 });
    let passed = 0;
    for (let t = 0; t < 10 * MINUTE; t += 100) if (limit.take('192.0.2.1', t).ok) passed++;
    expect(passed).toBeGreaterThanOrEqual(5 + 99);
    expect(passed).toBeLessThanOrEqual(5 + 100);
    let afterRest = 0;
    for (let i = 0; i < 20; i++) if (limit.take('192.0.2.1', 60 * MINUTE).ok) afterRest++;
    expect(afterRest).toBe(5);
  });

  it('counts each address apart', () => {
    const limit = new AddressRateLimit({ perMinute: 1, burst: 1 });
    expect(limit.take('192.0.2.1', 0).ok).toBe(true);
    expect(limit.take('192.0.2.1', 0).ok).toBe(false);
    expect(limit.take('192.0.2.2', 0).ok).toBe(true);
  });

  it('remembers a bounded number of addresses, forgetting the one seen least recently', () => {
    const limit = new AddressRateLimit({ perMinute: 1, burst: 1 }, 3);
    for (const address of ['a', 'b', 'c']) limit.take(address, 0);
    limit.take('a', 1);
    limit.take('d', 2);
    expect(limit.size).toBe(3);
    // 'b' was forgotten (a full bucket again); 'a', seen again, was kept, and is still empty.
    expect(limit.take('b', 3).ok).toBe(true);
    expect(limit.take('a', 4).ok).toBe(false);
    for (let i = 0; i < 100_000; i++) limit.take(`10.0.${i >> 8}.${i & 255}`, 5);
    expect(limit.size).toBe(3);
  });

  it('is off at zero per minute', () => {
    const limit = new AddressRateLimit({ perMinute: 0, burst: 1 });
    for (let i = 0; i < 1000; i++) expect(limit.take('192.0.2.1', 0).ok).toBe(true);
    expect(limit.size).toBe(0);
  });
});
