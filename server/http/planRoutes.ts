// The action-plan routes: the published schema, export in every format, and import of a plan
// into a new workshop.
//
//   GET  /api/action-plan.schema.json
//   GET  /api/workshops/<id>/export?format=json|xlsx|docx|md|csv[&include=all]   any role
//   POST /api/workshops/<id>/import   (body: the plan JSON)                                facilitator
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ACTION_PLAN_SCHEMA, PLAN_INCLUDES, type PlanInclude } from '../../shared/plan/index.ts';
import { checkedPlan, renderPlan } from '../export/exportPlan.ts';
import { contentDisposition } from '../export/fileName.ts';
import { EXPORT_FORMATS, isExportFormat } from '../export/formats.ts';
import { createImportedWorkshop, type PreparedImport } from '../export/importWorkshop.ts';
import { readBoard } from '../export/loadBoard.ts';
import { runPlanTask } from '../export/planWorkers.ts';
import { productVersion } from '../export/productVersion.ts';
import { joinLinks } from '../workshops.ts';
import { admitted } from './admitted.ts';
import { bearerToken, HttpError, requireJsonBody, sendJson } from './json.ts';
import type { RouteContext } from './routes.ts';

/** A plan of a large workshop is a few hundred KiB; this leaves room without inviting abuse. */
export const MAX_PLAN_BYTES = 8 * 1024 * 1024;
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

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `the plan is larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
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
  const plan = await readBoard(ctx.rooms, ctx.storage, id, (board) => checkedPlan(board, options));
  const file = await renderPlan(plan, format);
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-length': file.body.length,
    'content-disposition': contentDisposition(plan.workshop.title, file.extension),
    'cache-control': 'no-store',
  });
  res.end(file.body);
  ctx.log.info({ event: 'plan-exported', workshop: id, format, include }, 'plan exported');
}

async function importRoute(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, url: URL, id: string) {
  if (req.method !== 'POST') throw new HttpError(405, 'use POST to import a plan');
  const { role } = await admitted(ctx, id, tokenOf(req, url));
  if (role !== 'facilitator') throw new HttpError(403, 'only a facilitator can import a plan');
  requireJsonBody(req, 'the plan as JSON');
  const check = await runPlanTask<PreparedImport>({ kind: 'import', text: await readBody(req, MAX_PLAN_BYTES) });
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
