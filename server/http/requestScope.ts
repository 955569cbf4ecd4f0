// Which HTTP request the running code serves. The request guard enters a scope for each request,
// so that an error escaping it later (a timer, a stray promise) is still known to be that
// request's alone and can be logged with it rather than treated as the process's failure.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestInfo {
  method: string;
  /** The path only: a query string could carry a secret into the logs. */
  path: string;
}

const scope = new AsyncLocalStorage<RequestInfo>();

export function inRequestScope<T>(info: RequestInfo, run: () => T): T {
  return scope.run(info, run);
}

/** The request the calling code runs for, or undefined outside any request. */
export function currentRequest(): RequestInfo | undefined {
  return scope.getStore();
}
