// Board → plan → checked plan → file. Every format is rendered from a plan that has passed the
// published schema, so no format can carry what the JSON would be refused for.
import type * as Y from 'yjs';
import { type ActionPlan, type BuildOptions, buildActionPlan, validatePlan } from '../../shared/plan/index.ts';
import { type ExportFormat, FORMATS } from './formats.ts';
import type { PlanTask } from './planWorkerTasks.ts';
import type { WorkerPool } from './workerPool.ts';

export class InvalidExportError extends Error {
  constructor(readonly problems: { path: string; message: string }[]) {
    super(`the exported plan fails its own schema: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
  }
}

/** Builds and checks the plan; synchronous, so a live room's doc is read in one consistent state. */
export function checkedPlan(board: Y.Doc, options: BuildOptions): ActionPlan {
  const plan = buildActionPlan(board, options);
  const check = validatePlan(plan);
  if (!check.ok) throw new InvalidExportError(check.problems);
  return plan;
}

export interface ExportFile {
  body: Buffer;
  contentType: string;
  extension: string;
}

/** Renders on the main thread, or on one of `threads` for the formats that take seconds. */
export async function renderPlan(plan: ActionPlan, format: ExportFormat, threads: WorkerPool): Promise<ExportFile> {
  const spec = FORMATS[format];
  const task: PlanTask = { kind: 'render', format, plan };
  const body = spec.onWorker ? Buffer.from(await threads.run<Uint8Array>(task)) : await spec.render(plan);
  return { body, contentType: spec.contentType, extension: spec.extension };
}
