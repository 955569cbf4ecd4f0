import { describe, expect, it, vi } from 'vitest';
import { RECONNECT_CAP_MS, reconnectDelayMs, reconnectWithJitter } from '../../client/sync/reconnect.ts';

function fakeProvider() {
  const handlers = new Map<string, (arg: never) => void>();
  return {
    shouldReconnect: (() => true) as (event: CloseEvent) => boolean,
    connect: vi.fn(),
    on: (name: string, fn: (arg: never) => void) => handlers.set(name, fn),
    off: (name: string) => handlers.delete(name),
    emit: (name: string, arg: unknown) => handlers.get(name)?.(arg as never),
  };
}

describe('reconnecting with jitter', () => {
  it('spreads delays over the whole window, capped', () => {
    expect(reconnectDelayMs(0, () => 0)).toBe(0);
    expect(reconnectDelayMs(3, () => 0.5)).toBe(1200);
    expect(reconnectDelayMs(30, () => 0.999)).toBeLessThan(RECONNECT_CAP_MS);
    const delays = new Set(Array.from({ length: 50 }, () => Math.round(reconnectDelayMs(4))));
    expect(delays.size).toBeGreaterThan(10);
  });

  it('reconnects after a lost connection, but never after a final refusal', () => {
    vi.useFakeTimers();
    const provider = fakeProvider();
    const stop = reconnectWithJitter(provider as never, () => 1);
    expect(provider.shouldReconnect({} as CloseEvent)).toBe(false);
    provider.emit('closed', { code: 1006 });
    vi.advanceTimersByTime(300);
    expect(provider.connect).toHaveBeenCalledTimes(1);
    provider.emit('closed', { code: 4401 });
    vi.advanceTimersByTime(60_000);
    expect(provider.connect).toHaveBeenCalledTimes(1);
    stop();
    vi.useRealTimers();
  });

  it('backs off further with each failed attempt and starts over once synced', () => {
    vi.useFakeTimers();
    const provider = fakeProvider();
    reconnectWithJitter(provider as never, () => 1);
    provider.emit('closed', { code: 1006 });
    provider.emit('closed', { code: 1006 });
    vi.advanceTimersByTime(599);
    expect(provider.connect).toHaveBeenCalledTimes(0);
    vi.advanceTimersByTime(1);
    expect(provider.connect).toHaveBeenCalledTimes(1);
    provider.emit('sync', true);
    provider.emit('closed', { code: 1006 });
    vi.advanceTimersByTime(300);
    expect(provider.connect).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
  });
});
