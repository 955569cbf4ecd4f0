// A worker thread for the worker pool's tests: plain JavaScript, so it starts in milliseconds.
// It says it is ready after `workerData.startMs`, then spins, fails or crashes as a task asks.
import { parentPort, workerData } from 'node:worker_threads';

parentPort.on('message', (task) => {
  if (task.kind === 'spin') {
    const until = Date.now() + task.ms;
    while (Date.now() < until) {
      // Busy, as a schema check of a hostile file is: only ending the thread stops it.
    }
    parentPort.postMessage({ ok: true, value: task.value });
  } else if (task.kind === 'fail') {
    parentPort.postMessage({ ok: false, error: 'failed on purpose' });
  } else if (task.kind === 'crash') {
    process.exit(3);
  }
});

setTimeout(() => parentPort.postMessage('ready'), workerData?.startMs ?? 0);
