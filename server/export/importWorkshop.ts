// A new workshop whose board is an imported plan. Preparing (parse, check, build the board) is
// pure and runs on a worker thread; storing gives the workshop the same record and tokens as
// one created empty (server/workshops.ts), with the plan's board as its first stored state.
import * as Y from 'yjs';
import { updateMeta } from '../../shared/model/index.ts';
import { boardFromPlan, IMPORT_ORIGIN, type PlanProblem, parsePlanText } from '../../shared/plan/index.ts';
import { newWorkshopId, type RoleEpochs, tokensFor } from '../auth/tokens.ts';
import type { Storage, WorkshopRecord } from '../storage/storage.ts';
import { type CreatedWorkshop, MAX_TITLE_LENGTH } from '../workshops.ts';

export const UNTITLED_IMPORT = 'Imported action plan';

export type PreparedImport = { ok: true; title: string; state: Uint8Array } | { ok: false; problems: PlanProblem[] };

/** The workshop's title: the plan's, cut to what a title may be, or a default when it has none. */
export function importedTitle(planTitle: string): string {
  return planTitle.trim().slice(0, MAX_TITLE_LENGTH).trim() || UNTITLED_IMPORT;
}

/** Checks the file's text and builds its board, as a Yjs update; every problem when it is invalid. */
export function prepareImport(text: string): PreparedImport {
  const check = parsePlanText(text);
  if (!check.ok) return check;
  const title = importedTitle(check.plan.workshop.title);
  const board = boardFromPlan(check.plan);
  try {
    // The board shows the workshop's title too; they agree from the start.
    if (check.plan.workshop.title !== title) updateMeta(board, { title }, IMPORT_ORIGIN);
    return { ok: true, title, state: Y.encodeStateAsUpdate(board) };
  } finally {
    board.destroy();
  }
}

export async function createImportedWorkshop(
  storage: Storage,
  secret: Buffer,
  title: string,
  state: Uint8Array,
  now = Date.now(),
): Promise<CreatedWorkshop> {
  const epochs: RoleEpochs = { facilitator: 0, participant: 0, viewer: 0 };
  const record: WorkshopRecord = { id: newWorkshopId(), title, createdAt: now, epochs };
  await storage.createWorkshop(record, state);
  return { record, tokens: tokensFor(secret, record.id, epochs) };
}
