// Rooms share one event loop: a room with a long queue of work yields to the loop between its
// messages once a slice is used up, so that timers, sockets and other rooms run in between.
import { describe, expect, it } from 'vitest';
import { SLICE_MS, takeTurn } from '../../server/rooms/loopShare.ts';

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // Work that holds the loop, as handling a message does.
  }
}

describe('sharing the event loop', () => {
  it('lets a timer run while a queue of 60 tasks of 5 ms each is worked through', async () => {
    const timerRanAt: number[] = [];
    const started = performance.now();
    const ticker = setInterval(() => timerRanAt.push(performance.now() - started), 1);
    // A room's queue: tasks chained as promises, each taking its turn first.
    let queue = Promise.resolve();
    for (let i = 0; i < 60; i++) {
      queue = queue.then(async () => {
        await takeTurn();
        busy(5);
      });
    }
    await queue;
    clearInterval(ticker);
    const total = performance.now() - started;
    // Without turns the 300 ms would run in one go, and the timer only once it is over.
    expect(total).toBeGreaterThan(250);
    expect(timerRanAt.filter((t) => t < total - SLICE_MS).length).toBeGreaterThan(10);
  });

  it('costs nothing within a slice: short tasks run back to back', async () => {
    let ran = 0;
    let queue = Promise.resolve();
    for (let i = 0; i < 1000; i++) {
      queue = queue.then(async () => {
        await takeTurn();
        ran++;
      });
    }
    const started = performance.now();
    await queue;
    expect(ran).toBe(1000);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
