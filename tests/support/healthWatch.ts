// /healthz watched from another process (healthWatcher.mjs) while a test loads the server.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface HealthReport {
  worstMs: number;
  polls: number;
  failures: string[];
}

const WATCHER = fileURLToPath(new URL('./healthWatcher.mjs', import.meta.url));

export function watchHealth(serverUrl: string, everyMs = 25): { stop(): Promise<HealthReport> } {
  const child = fork(WATCHER, [serverUrl, String(everyMs)], { stdio: 'inherit' });
  return {
    stop: () =>
      new Promise((resolve, reject) => {
        child.once('message', (report) => resolve(report as HealthReport));
        child.once('exit', (code) => reject(new Error(`the health watcher exited (${code}) without a report`)));
        child.send('report');
      }),
  };
}
