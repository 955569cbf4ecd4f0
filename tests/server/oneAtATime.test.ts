import { describe, expect, it } from 'vitest';
import { LineFullError, OneAtATime } from '../../server/export/oneAtATime.ts';

/** A task that finishes when the test says so, recording when it started. */
function controlled(log: string[], name: string) {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return {
    work: () => {
      log.push(`start ${name}`);
      return done;
    },
    finish: () => finish(name),
    fail: () => fail(new Error(`${name} failed`)),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('one task per key at a time', () => {
  it('runs a second task of the same key only once the first is done, in the order they came', async () => {
    const line = new OneAtATime(5, 10);
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((name) => controlled(log, name)) as [
      ReturnType<typeof controlled>,
      ReturnType<typeof controlled>,
      ReturnType<typeof controlled>,
    ];
    const results = [line.run('w1', a.work), line.run('w1', b.work), line.run('w1', c.work)];
    await settle();
    expect(log).toEqual(['start a']);
    expect(line.waiting('w1')).toBe(2);
    a.finish();
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    b.finish();
    await settle();
    c.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
    expect(line.busy('w1')).toBe(false);
  });

  it('runs tasks of different keys at once', async () => {
    const line = new OneAtATime(5, 10);
    const log: string[] = [];
    const a = controlled(log, 'a');
    const b = controlled(log, 'b');
    const both = [line.run('w1', a.work), line.run('w2', b.work)];
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    a.finish();
    b.finish();
    expect(await Promise.all(both)).toEqual(['a', 'b']);
  });

  it('passes the turn on when a task fails', async () => {
    const line = new OneAtATime(5, 10);
    const log: string[] = [];
    const a = controlled(log, 'a');
    const b = controlled(log, 'b');
    const first = line.run('w1', a.work);
    const second = line.run('w1', b.work);
    a.fail();
    await expect(first).rejects.toThrow('a failed');
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    b.finish();
    expect(await second).toBe('b');
  });

  it('refuses a task when its key already has as many waiting as allowed, or all keys together do', async () => {
    const line = new OneAtATime(1, 2);
    const log: string[] = [];
    const tasks = Array.from({ length: 6 }, (_, i) => controlled(log, String(i)));
    const run = (key: string, i: number) => line.run(key, (tasks[i] as ReturnType<typeof controlled>).work);
    const kept = [run('w1', 0), run('w1', 1)];
    await expect(run('w1', 2)).rejects.toBeInstanceOf(LineFullError);
    kept.push(run('w2', 3), run('w2', 4));
    // w2 may have one waiting, but two wait in all already.
    await expect(run('w2', 5)).rejects.toBeInstanceOf(LineFullError);
    for (const task of tasks) task.finish();
    expect(await Promise.all(kept)).toEqual(['0', '1', '3', '4']);
  });
});
