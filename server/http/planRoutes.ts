// The action-plan routes: the published schema, export in every format, and import of a plan
// into a new workshop.
//
//   GET  /api/action-plan.schema.json
//   GET  /api/workshops/<id>/export?format=json|xlsx|docx|md|csv[&include=all]   any role
//   POST /api/workshops/<id>/import   (body: the plan JSON)                                facilitator
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ACTION_PLAN_SCHEMA,
  describeLimit,
  PLAN_INCLUDES,
  PLAN_LIMITS,
  type PlanInclude,
  type PlanLimitProblem,
  PlanLimitScanner,
} from '../../shared/plan/index.ts';
import { checkedPlan, type ExportFile, renderPlan } from '../export/exportPlan.ts';
import { contentDisposition } from '../export/fileName.ts';
import { EXPORT_FORMATS, isExportFormat } from '../export/formats.ts';
import { createImportedWorkshop, type PreparedImport } from '../export/importWorkshop.ts';
import { readBoard } from '../export/loadBoard.ts';
import { LineFullError } from '../export/oneAtATime.ts';
import type { PlanTask } from '../export/planWorkerTasks.ts';
import { productVersion } from '../export/productVersion.ts';
import { PoolFullError, TaskTimeoutError } from '../export/workerPool.ts';
import { joinLinks } from '../workshops.ts';
import { admitted } from './admitted.ts';
import { bearerToken, HttpError, requireJsonBody, sendJson } from './json.ts';
import { answeredOverLimit } from './rateLimits.ts';
import { sendRetryLater } from './retryLater.ts';
import type { RouteContext } from './routes.ts';

/** Enough to fix a file by; a file wrong everywhere would otherwise answer with megabytes. */
export const MAX_REPORTED_PROBLEMS = 200;

const EXPORT_PATH = /^\/api\/workshops\/([^/]+)\/export$/;
const IMPORT_PATH = /^\/api\/workshops\/([^/]+)\/import$/;

/** The token from `Authorization: Bearer` only: one in the URL would be written to proxies' access logs. */
function tokenOf(req: IncomingMessage, url: URL): string | null {
  if (url.searchParams.has('token')) {
    throw new HttpError(400, 'a token is not accepted in the URL: send it as Authorization: Bearer <token>');
  }
  return bearerToken(req);
}

/** A plan file over an import limit, found while its body arrived. */
class OverLimit extends Error {
  constructor(readonly problem: PlanLimitProblem) {
    super(problem.message);
  }
}

/**
 * The body of an import, checked against the import limits chunk by chunk as it arrives: a file
 * over one is neither kept, parsed nor queued. The rest of its body is read and dropped, so that
 * the client, still sending, gets the answer rather than a reset connection; only past the byte
 * limit is it answered at once, its connection closed after the answer.
 */
function readPlanBody(req: IncomingMessage, res: ServerResponse): Promise<string> {
  return new Promise((resolve, reject) => {
    const scanner = new PlanLimitScanner();
    const chunks: Buffer[] = [];
    let received = 0;
    let over: PlanLimitProblem | null = null;
    let answered = false;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (!over) {
        over = scanner.feed(chunk);
        if (!over) chunks.push(chunk);
      }
      if (over && received > PLAN_LIMITS.bytes && !answered) {
        answered = true;
        res.setHeader('connection', 'close');
        reject(new OverLimit(over));
      }
    });
    req.on('end', () => (over ? reject(new OverLimit(over)) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
    // A client gone before the end of its body: nothing to answer, nothing to keep.
    req.on('close', () => {
      if (!req.complete) reject(new Error('the import was aborted before its body ended'));
    });
  });
}

/**
 * Answers the refusals of plan work the sender can act on; false for any other error. Exports
 * wait in two lines (their workshop's, then the threads'); a full line asks the sender to retry.
 */
function answeredPlanWorkError(ctx: RouteContext, res: ServerResponse, error: unknown, what: string): boolean {
  if (error instanceof PoolFullError) {
    ctx.counters.refuse(`plan-queue-full-${what}`);
    sendRetryLater(res, 503, `the server is busy with other ${what}s; try again shortly`, error.retryAfterSeconds);
    return true;
  }
  if (error instanceof LineFullError) {
    // One workshop asking for more exports than run for it at once: the sender is over a limit (429).
    ctx.counters.refuse('plan-queue-full-export');
    sendRetryLater(
      res,
      429,
      'this workshop already has exports waiting; try again once they are done',
      ctx.planWork.exports.retryAfterSeconds(),
    );
    return true;
  }
  return false;
}

async function exportRoute(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, url: URL, id: string) {
  if (req.method !== 'GET') throw new HttpError(405, 'use GET');
  await admitted(ctx, id, tokenOf(req, url));
  const format = url.searchParams.get('format') ?? 'json';
  if (!isExportFormat(format)) throw new HttpError(400, `format: expected one of ${EXPORT_FORMATS.join(', ')}`);
  const include = url.searchParams.get('include') ?? 'agreed';
  if (!(PLAN_INCLUDES as readonly string[]).includes(include)) {
    throw new HttpError(400, `include: expected ${PLAN_INCLUDES.join(' or ')}`);
  }
  const options = { include: include as PlanInclude, workshopId: id, productVersion: productVersion() };
  let file: ExportFile;
  let title: string;
  try {
    // One export of a workshop at a time; the board is read when its turn comes, so it is current.
    [file, title] = await ctx.planWork.exportLine.run(id, async () => {
      const plan = await readBoard(ctx.rooms, ctx.storage, id, (board) => checkedPlan(board, options));
      return [await renderPlan(plan, format, ctx.planWork.exports), plan.workshop.title] as const;
    });
  } catch (error) {
    if (answeredPlanWorkError(ctx, res, error, 'export')) return;
    if (error instanceof TaskTimeoutError) {
      ctx.log.warn({ event: 'plan-export-timeout', workshop: id, format }, 'plan export stopped at its time limit');
      throw new HttpError(503, `rendering the ${format} took longer than ${error.timeoutMs / 1000} s and was stopped`);
    }
    throw error;
  }
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-length': file.body.length,
    'content-disposition': contentDisposition(title, file.extension),
    'cache-control': 'no-store',
  });
  res.end(file.body);
  ctx.log.info({ event: 'plan-exported', workshop: id, format, include }, 'plan exported');
}

async function importRoute(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, url: URL, id: string) {
  if (req.method !== 'POST') throw new HttpError(405, 'use POST to import a plan');
  if (answeredOverLimit(ctx, 'imports', req, res)) return;
  const { role } = await admitted(ctx, id, tokenOf(req, url));
  if (role !== 'facilitator') throw new HttpError(403, 'only a facilitator can import a plan');
  requireJsonBody(req, 'the plan as JSON');
  let check: PreparedImport;
  try {
    const task: PlanTask = { kind: 'import', text: await readPlanBody(req, res) };
    check = await ctx.planWork.imports.run<PreparedImport>(task);
  } catch (error) {
    if (error instanceof OverLimit) {
      ctx.counters.refuse('plan-import-over-limit');
      const { limit, path, message } = error.problem;
      sendJson(res, 413, {
        error: `the plan is over an import limit (${describeLimit(limit)})`,
        limit,
        problems: [{ path, message }],
      });
      return;
    }
    if (answeredPlanWorkError(ctx, res, error, 'import')) return;
    if (error instanceof TaskTimeoutError) {
      ctx.counters.refuse('plan-import-timeout');
      ctx.log.warn({ event: 'plan-import-timeout', workshop: id }, 'plan import stopped at its time limit');
      throw new HttpError(
        413,
        `checking and building this plan took longer than the import time limit (${error.timeoutMs / 1000} s); it was stopped and nothing was created`,
      );
    }
    throw error;
  }
  if (!check.ok) {
    const shown = check.problems.slice(0, MAX_REPORTED_PROBLEMS);
    sendJson(res, 400, {
      error: 'the plan is not valid',
      problems: shown,
      ...(check.problems.length > shown.length ? { moreProblems: check.problems.length - shown.length } : {}),
    });
    return;
  }
  const { record, tokens } = await createImportedWorkshop(ctx.storage, ctx.secret, check.title, check.state);
  ctx.log.info({ event: 'plan-imported', workshop: record.id, from: id }, 'plan imported into a new workshop');
  const base = ctx.publicUrl ?? `http://${req.headers.host ?? 'localhost'}`;
  sendJson(res, 201, { id: record.id, title: record.title, links: joinLinks(base, record.id, tokens), tokens });
}

/** Handles the plan routes; false when the path is not one of them. */
export async function handlePlanRoute(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  if (url.pathname === '/api/action-plan.schema.json') {
    if (req.method !== 'GET') throw new HttpError(405, 'use GET');
    const body = JSON.stringify(ACTION_PLAN_SCHEMA, null, 2);
    res.writeHead(200, {
      'content-type': 'application/schema+json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-cache',
    });
    res.end(body);
    return true;
  }
  const exportMatch = EXPORT_PATH.exec(url.pathname);
  if (exportMatch) {
    await exportRoute(ctx, req, res, url, exportMatch[1] as string);
    return true;
  }
  const importMatch = IMPORT_PATH.exec(url.pathname);
  if (importMatch) {
    await importRoute(ctx, req, res, url, importMatch[1] as string);
    return true;
  }
  return false;
}
