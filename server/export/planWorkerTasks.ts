// The work a plan worker thread does for the server: rendering a spreadsheet or document and
// turning an imported file into a board. Each takes seconds on a large plan; on the main thread
// it would stall every live workshop's sync for that long.
import { parentPort } from 'node:worker_threads';
import type { ActionPlan } from '../../shared/plan/index.ts';
import type { ExportFormat } from './formats.ts';
import type { WorkerReply } from './workerPool.ts';

export type PlanTask = { kind: 'render'; format: ExportFormat; plan: ActionPlan } | { kind: 'import'; text: string };

// Loaded per task: a thread that imports never pays for loading exceljs and docx.
async function run(task: PlanTask): Promise<unknown> {
  switch (task.kind) {
    case 'render': {
      const { FORMATS } = await import('./formats.ts');
      return new Uint8Array(await FORMATS[task.format].render(task.plan));
    }
    case 'import': {
      const { prepareImport } = await import('./importWorkshop.ts');
      return prepareImport(task.text);
    }
  }
}

/**
 * Loads what a thread's tasks need (and compiles the plan schema for imports) before the thread
 * says it is ready, so that a task's time limit never pays for the thread's start.
 */
export async function warmUp(kind: PlanTask['kind'] | undefined): Promise<void> {
  if (kind === 'render') await import('./formats.ts');
  if (kind === 'import') (await import('./importWorkshop.ts')).prepareImport('{}');
}

parentPort?.on('message', (task: PlanTask) => {
  run(task).then(
    (value) => parentPort?.postMessage({ ok: true, value } satisfies WorkerReply),
    (error: unknown) => parentPort?.postMessage({ ok: false, error: String((error as Error)?.stack ?? error) }),
  );
});
