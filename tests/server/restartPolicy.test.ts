import { describe, expect, it } from 'vitest';
import { RESTART_POLICY, restartDelayMs } from '../../server/restartPolicy.ts';

const policy = { baseDelayMs: 500, maxDelayMs: 4_000, maxCrashes: 5, windowMs: 60_000 };

describe('restartDelayMs', () => {
  it('restarts the first crash after the base delay and doubles the wait for each crash in the window', () => {
    const now = 100_000;
    expect(restartDelayMs([now], now, policy)).toBe(500);
    expect(restartDelayMs([now - 2, now - 1, now], now, policy)).toBe(2_000);
    expect(restartDelayMs([now - 3, now - 2, now - 1, now], now, policy)).toBe(4_000);
  });

  it('gives up after more than maxCrashes crashes within the window', () => {
    const now = 100_000;
    expect(
      restartDelayMs(
        [1, 2, 3, 4, 5].map((i) => now - i),
        now,
        policy,
      ),
    ).toBe(4_000);
    expect(
      restartDelayMs(
        [1, 2, 3, 4, 5, 0].map((i) => now - i),
        now,
        policy,
      ),
    ).toBeNull();
  });

  it('forgets crashes older than the window: a server that ran for a while starts afresh', () => {
    const now = 1_000_000;
    const old = [1, 2, 3, 4, 5].map((i) => now - 60_000 - i);
    expect(restartDelayMs([...old, now], now, policy)).toBe(500);
  });

  it('has defaults that restart within a second and stop a crash loop within a minute', () => {
    expect(RESTART_POLICY.baseDelayMs).toBeLessThanOrEqual(1_000);
    expect(RESTART_POLICY.windowMs).toBeLessThanOrEqual(60_000);
  });
});
