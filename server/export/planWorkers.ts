// The server's plan work on worker threads, so that seconds of rendering or importing never stall
// the sync loop of live workshops. Exports and imports have pools of their own: an import (which
// anyone who creates a workshop can send) never holds a thread an export waits for, and each
// import is stopped at its time limit. Exports of one workshop run one at a time (oneAtATime.ts).
import { Worker } from 'node:worker_threads';
import { OneAtATime } from './oneAtATime.ts';
import type { PlanTask } from './planWorkerTasks.ts';
import { WorkerPool } from './workerPool.ts';

const ENTRY = new URL('./planWorker.mjs', import.meta.url);
/** How long an idle thread is kept for the next task before it is ended. */
export const PLAN_WORKER_IDLE_MS = 30_000;

export interface PlanWorkSettings {
  /** Threads rendering xlsx and docx at once. */
  exportThreads: number;
  /** Exports that may wait for a thread, and exports that may wait for their workshop's previous one. */
  exportQueue: number;
  exportTimeoutMs: number;
  /** Exports of one workshop that may wait while one of its exports runs. */
  exportsWaitingPerWorkshop: number;
  importThreads: number;
  /** Imports that may wait for a thread. */
  importQueue: number;
  /** An import still being checked and built after this long is stopped. */
  importTimeoutMs: number;
}

export interface PlanWork {
  exports: WorkerPool;
  imports: WorkerPool;
  /** One export per workshop at a time, keyed by workshop id. */
  exportLine: OneAtATime;
  close(): Promise<void>;
}

// No inherited flags (an --inspect port would clash); the entry loads tsx itself, then what the
// pool's tasks need.
const spawnPlanWorker = (warm: PlanTask['kind']) => () => new Worker(ENTRY, { execArgv: [], workerData: { warm } });

export function createPlanWork(settings: PlanWorkSettings): PlanWork {
  const exports = new WorkerPool({
    name: 'export',
    threads: settings.exportThreads,
    queue: settings.exportQueue,
    taskTimeoutMs: settings.exportTimeoutMs,
    idleMs: PLAN_WORKER_IDLE_MS,
    spawn: spawnPlanWorker('render'),
  });
  const imports = new WorkerPool({
    name: 'import',
    threads: settings.importThreads,
    queue: settings.importQueue,
    taskTimeoutMs: settings.importTimeoutMs,
    idleMs: PLAN_WORKER_IDLE_MS,
    spawn: spawnPlanWorker('import'),
  });
  return {
    exports,
    imports,
    exportLine: new OneAtATime(settings.exportsWaitingPerWorkshop, settings.exportQueue),
    async close() {
      await Promise.all([exports.close(), imports.close()]);
    },
  };
}
