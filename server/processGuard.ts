// The last line of defence for errors that escape every handler (a throw in a timer or event
// listener, a promise nobody awaited). Node's default is to end the process, which would take
// every workshop down for one bad request. Instead: log it, with the request it came from when
// it came from one, count it, and keep serving; only an invariant failure stops the process,
// after trying to store open boards and close storage, with a non-zero code for the supervisor.
import type { Logger } from 'pino';
import { currentRequest } from './http/requestScope.ts';
import { isInvariantFailure } from './invariant.ts';
import type { Counters } from './metrics/counters.ts';

/** EX_SOFTWARE: the supervisor (scripts/start.mjs) restarts a server that exits with it. */
export const INVARIANT_EXIT_CODE = 70;
/** Storage that does not close in this time is abandoned: its WAL or log is already durable. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;

export interface ProcessGuardOptions {
  log: Logger;
  counters: Counters;
  /** Stores open boards and closes storage; called at most once. */
  shutdown: () => Promise<void>;
  exit: (code: number) => void;
  shutdownTimeoutMs?: number;
}

type Kind = 'uncaught-exception' | 'unhandled-rejection';

interface ErrorEvents {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
  off(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
}

/** Installs the handlers on `target` (the process); returns a function that removes them. */
export function installProcessGuard(target: ErrorEvents, options: ProcessGuardOptions): () => void {
  const { log, counters } = options;
  let stopping = false;

  const stop = async (error: unknown, kind: Kind) => {
    log.fatal({ event: 'invariant-failed', kind, request: currentRequest(), err: error }, 'invariant failed; stopping');
    if (stopping) return;
    stopping = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), options.shutdownTimeoutMs ?? SHUTDOWN_TIMEOUT_MS);
    });
    try {
      if ((await Promise.race([options.shutdown(), timeout])) === 'timeout') {
        log.error({ event: 'shutdown-timeout' }, 'storage did not close in time');
      }
    } catch (shutdownError) {
      log.error({ event: 'shutdown-failed', err: shutdownError }, 'shutdown after the invariant failure failed');
    } finally {
      clearTimeout(timer);
    }
    options.exit(INVARIANT_EXIT_CODE);
  };

  const handle = (kind: Kind) => (error: unknown) => {
    if (isInvariantFailure(error)) {
      void stop(error, kind);
      return;
    }
    counters.internalError(kind);
    const request = currentRequest();
    log.error(
      { event: 'contained-error', kind, scope: request ? 'request' : 'process', request, err: error },
      'an error escaped its handler; still serving',
    );
  };
  const onException = handle('uncaught-exception');
  const onRejection = handle('unhandled-rejection');
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    target.off('uncaughtException', onException);
    target.off('unhandledRejection', onRejection);
  };
}
