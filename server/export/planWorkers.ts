// Runs plan tasks (planWorkerTasks.ts) on worker threads, so that seconds of rendering or
// importing never stall the sync loop of live workshops. A thread takes about a second to start
// (tsx, exceljs, docx), so one stays warm for a while after its task; at most a few run at once.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PlanTask, PlanTaskReply } from './planWorkerTasks.ts';

const ENTRY = new URL('./planWorker.mjs', import.meta.url);
/** Leaves a core for the sync loop on small machines. */
export const MAX_PLAN_WORKERS = Math.max(1, availableParallelism() - 1);
/** How long an idle thread is kept for the next export before it is ended. */
export const PLAN_WORKER_IDLE_MS = 30_000;

let live = 0;
const idle: Worker[] = [];
const idleTimers = new Map<Worker, NodeJS.Timeout>();
const waiting: (() => void)[] = [];

function retire(worker: Worker): void {
  clearTimeout(idleTimers.get(worker));
  idleTimers.delete(worker);
  const at = idle.indexOf(worker);
  if (at !== -1) idle.splice(at, 1);
  live--;
  void worker.terminate();
  waiting.shift()?.();
}

async function acquire(): Promise<Worker> {
  for (;;) {
    const warm = idle.pop();
    if (warm) {
      clearTimeout(idleTimers.get(warm));
      idleTimers.delete(warm);
      warm.ref();
      return warm;
    }
    if (live < MAX_PLAN_WORKERS) {
      live++;
      // No inherited flags (an --inspect port would clash); the entry loads tsx itself.
      return new Worker(ENTRY, { execArgv: [] });
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
}

function keepWarm(worker: Worker): void {
  // An idle thread must not keep the process alive (tests, a bench, a server shutting down).
  worker.unref();
  idle.push(worker);
  const timer = setTimeout(() => retire(worker), PLAN_WORKER_IDLE_MS);
  timer.unref();
  idleTimers.set(worker, timer);
  waiting.shift()?.();
}

export async function runPlanTask<T>(task: PlanTask): Promise<T> {
  const worker = await acquire();
  return new Promise<T>((resolve, reject) => {
    const done = (healthy: boolean) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (healthy) keepWarm(worker);
      else retire(worker);
    };
    // A task that throws is answered with its error; the thread itself is still fine.
    const onMessage = (reply: PlanTaskReply) => {
      done(true);
      if (reply.ok) resolve(reply.value as T);
      else reject(new Error(`plan worker: ${reply.error}`));
    };
    const onError = (error: Error) => {
      done(false);
      reject(error);
    };
    const onExit = (code: number) => {
      done(false);
      reject(new Error(`plan worker exited with ${code}`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(task);
  });
}
