// Entry of the plan worker thread: loads TypeScript through tsx (as scripts/start.mjs does for
// the server), whatever flags the parent process was started with, loads what its tasks need
// (`workerData.warm`: 'render' or 'import'), then says it is ready (WORKER_READY in
// workerPool.ts), so that a task's time limit does not count the thread's start.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { warmUp } = await import('./planWorkerTasks.ts');
await warmUp(workerData?.warm);
parentPort?.postMessage('ready');
