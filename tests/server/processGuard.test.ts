import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { inRequestScope } from '../../server/http/requestScope.ts';
import { InvariantError } from '../../server/invariant.ts';
import { Counters } from '../../server/metrics/counters.ts';
import { INVARIANT_EXIT_CODE, installProcessGuard } from '../../server/processGuard.ts';
import { waitFor } from '../support/wait.ts';

/** A stand-in process with the guard installed, recording logs, shutdowns and exits. */
function guardedProcess(shutdown: () => Promise<void> = async () => {}) {
  const target = new EventEmitter();
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const counters = new Counters();
  const events: string[] = [];
  const remove = installProcessGuard(target, {
    log: pino({ level: 'info' }, sink),
    counters,
    shutdown: async () => {
      events.push('shutdown');
      await shutdown();
      events.push('closed');
    },
    exit: (code) => events.push(`exit ${code}`),
    shutdownTimeoutMs: 100,
  });
  return { target, lines, counters, events, remove };
}

describe('the process guard', () => {
  it('logs an error escaping a request with that request, counts it, and keeps the process', async () => {
    const p = guardedProcess();
    inRequestScope({ method: 'GET', path: '/x' }, () => {
      p.target.emit('unhandledRejection', new Error('stray'));
    });
    expect(p.events).toEqual([]);
    expect(p.lines[0]).toMatchObject({
      event: 'contained-error',
      kind: 'unhandled-rejection',
      scope: 'request',
      request: { method: 'GET', path: '/x' },
    });
    expect(p.counters.internalErrors.get('unhandled-rejection')).toBe(1);
  });

  it('keeps serving after an ordinary exception outside any request too, logged as the process’s', () => {
    const p = guardedProcess();
    p.target.emit('uncaughtException', new TypeError('listener bug'));
    expect(p.events).toEqual([]);
    expect(p.lines[0]).toMatchObject({ kind: 'uncaught-exception', scope: 'process' });
    expect(p.counters.internalErrors.get('uncaught-exception')).toBe(1);
  });

  it('stops on an invariant failure: closes storage first, then exits non-zero, once', async () => {
    const p = guardedProcess();
    p.target.emit('uncaughtException', new InvariantError('room state diverged'));
    p.target.emit('unhandledRejection', new InvariantError('again'));
    await waitFor(() => p.events.includes(`exit ${INVARIANT_EXIT_CODE}`), 'the exit');
    expect(p.events).toEqual(['shutdown', 'closed', `exit ${INVARIANT_EXIT_CODE}`]);
    expect(p.lines.filter((l) => l.event === 'invariant-failed')).toHaveLength(2);
  });

  it('treats a corrupt SQLite file as an invariant failure', async () => {
    const p = guardedProcess();
    p.target.emit(
      'unhandledRejection',
      Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }),
    );
    await waitFor(() => p.events.includes(`exit ${INVARIANT_EXIT_CODE}`), 'the exit');
  });

  it('exits even when storage does not close in time', async () => {
    const p = guardedProcess(() => new Promise(() => {}));
    p.target.emit('uncaughtException', new InvariantError('stuck'));
    await waitFor(() => p.events.includes(`exit ${INVARIANT_EXIT_CODE}`), 'the exit');
    expect(p.events).toEqual(['shutdown', `exit ${INVARIANT_EXIT_CODE}`]);
    expect(p.lines.some((l) => l.event === 'shutdown-timeout')).toBe(true);
  });

  it('removes its handlers when asked', () => {
    const p = guardedProcess();
    p.remove();
    expect(p.target.listenerCount('uncaughtException')).toBe(0);
    expect(p.target.listenerCount('unhandledRejection')).toBe(0);
  });
});
