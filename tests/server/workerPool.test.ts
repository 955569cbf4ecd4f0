import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { PoolFullError, type PoolSettings, TaskTimeoutError, WorkerPool } from '../../server/export/workerPool.ts';

const ENTRY = new URL('../support/poolWorker.mjs', import.meta.url);
const pools: WorkerPool[] = [];

function pool(settings: Partial<PoolSettings> & { startMs?: number } = {}): WorkerPool {
  const { startMs = 0, ...rest } = settings;
  const created = new WorkerPool({
    name: 'test',
    threads: 1,
    queue: 1,
    taskTimeoutMs: 5_000,
    idleMs: 60_000,
    spawn: () => new Worker(ENTRY, { workerData: { startMs } }),
    ...rest,
  });
  pools.push(created);
  return created;
}

const spin = (ms: number, value: unknown = ms) => ({ kind: 'spin', ms, value });

afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});

describe('the worker pool', () => {
  it('runs tasks on its threads and answers each with its own result', async () => {
    const p = pool({ threads: 2, queue: 4 });
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => p.run(spin(5, n))));
    expect(results).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('refuses a task at once when every thread is busy and the queue is full, with a time to retry', async () => {
    const p = pool({ threads: 1, queue: 1 });
    const running = p.run(spin(300));
    const queued = p.run(spin(10));
    const t0 = performance.now();
    const refused = await p.run(spin(10)).catch((error: unknown) => error);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(refused).toBeInstanceOf(PoolFullError);
    expect((refused as PoolFullError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(await Promise.all([running, queued])).toEqual([300, 10]);
    // Room again once the line has moved.
    expect(await p.run(spin(1))).toBe(1);
  });

  it('stops a task at its time limit by ending its thread, and runs the next one on a new thread', async () => {
    const p = pool({ threads: 1, queue: 1, taskTimeoutMs: 200 });
    const t0 = performance.now();
    const stuck = p.run(spin(60_000)).catch((error: unknown) => error);
    const next = p.run(spin(5, 'next'));
    const error = await stuck;
    const tookMs = performance.now() - t0;
    expect(error).toBeInstanceOf(TaskTimeoutError);
    expect((error as Error).message).toBe('the test task took longer than 200 ms and was stopped');
    expect(tookMs).toBeGreaterThanOrEqual(195);
    expect(tookMs).toBeLessThan(2_000);
    expect(await next).toBe('next');
    expect(p.running).toBe(0);
  });

  it('does not count a thread’s start against its task’s time limit', async () => {
    const p = pool({ taskTimeoutMs: 200, startMs: 400 });
    expect(await p.run(spin(50, 'done'))).toBe('done');
  });

  it('answers a task that fails with its error and one whose thread crashes with the exit, and keeps serving', async () => {
    const p = pool({ threads: 1, queue: 2 });
    await expect(p.run({ kind: 'fail' })).rejects.toThrow('test worker: failed on purpose');
    const crashed = p.run({ kind: 'crash' });
    const after = p.run(spin(1, 'after'));
    await expect(crashed).rejects.toThrow('test worker exited with 3');
    expect(await after).toBe('after');
  });

  it('rejects what is running and waiting when closed, and anything after', async () => {
    const p = pool({ threads: 1, queue: 1 });
    const running = p.run(spin(60_000)).catch((error: unknown) => error);
    const waiting = p.run(spin(1)).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await p.close();
    expect(String(await running)).toContain('closed');
    expect(String(await waiting)).toContain('closed');
    await expect(p.run(spin(1))).rejects.toThrow('closed');
  });
});
