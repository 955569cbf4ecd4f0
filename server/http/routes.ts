// HTTP routes: health, the workshop API, the action plan (planRoutes.ts), and the built client.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { isRole } from '../auth/roles.ts';
import { tokensFor } from '../auth/tokens.ts';
import type { PlanWork } from '../export/planWorkers.ts';
import type { Counters } from '../metrics/counters.ts';
import type { EventLoopDelay } from '../metrics/eventLoopDelay.ts';
import { renderMetrics } from '../metrics/prometheus.ts';
import type { RoomRegistry } from '../rooms/roomRegistry.ts';
import type { Storage } from '../storage/storage.ts';
import { checkTitle, createWorkshop, joinLinks } from '../workshops.ts';
import { admitted } from './admitted.ts';
import { bearerToken, HttpError, readJsonBody, sendJson } from './json.ts';
import { metricsAllowed } from './metricsAccess.ts';
import { handlePlanRoute } from './planRoutes.ts';
import { answeredOverLimit, type RateLimits } from './rateLimits.ts';
import { requestTarget } from './requestTarget.ts';
import { handleRevealRoute } from './revealRoute.ts';
import { handleStateRoute } from './stateRoute.ts';
import { handleVoteRoute } from './voteRoute.ts';

export interface RouteContext {
  storage: Storage;
  counters: Counters;
  /** Null without Redis; else whether the fan-out bus is connected. */
  fanoutHealthy: () => boolean | null;
  secret: Buffer;
  rooms: RoomRegistry;
  log: Logger;
  publicUrl?: string;
  /** When set, /metrics answers only this bearer token. */
  metricsToken?: string;
  eventLoop: EventLoopDelay;
  /** Worker threads and queues of plan exports and imports. */
  planWork: PlanWork;
  /** Per-address limits on creating workshops and importing plans. */
  rateLimits: RateLimits;
  startedAt: number;
  /** Serves the built client; calls `next` when no file matches. */
  serveStatic: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
}

function baseUrl(ctx: RouteContext, req: IncomingMessage): string {
  return ctx.publicUrl ?? `http://${req.headers.host ?? 'localhost'}`;
}

export function createRequestHandler(ctx: RouteContext) {
  // Failures are answered by the guard around this handler (guardRequests.ts).
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = requestTarget(req.url);
    if (!url) throw new HttpError(400, 'the request target must be a path such as /healthz');
    const path = url.pathname;
    if (path === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'use GET');
      sendJson(res, 200, {
        status: 'ok',
        uptimeSeconds: Math.round((Date.now() - ctx.startedAt) / 1000),
        rooms: ctx.rooms.size,
        connections: ctx.rooms.connectionCount,
      });
      return;
    }
    if (path === '/readyz') {
      // Ready when storage answers and, on a fan-out bus, the bus is connected.
      const fanout = ctx.fanoutHealthy();
      let storageOk = true;
      try {
        await ctx.storage.countWorkshops();
      } catch {
        storageOk = false;
      }
      const ready = storageOk && fanout !== false;
      sendJson(res, ready ? 200 : 503, { ready, storage: storageOk, fanout });
      return;
    }
    if (path === '/metrics') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'use GET');
      if (!metricsAllowed(ctx.metricsToken, bearerToken(req))) {
        res.setHeader('www-authenticate', 'Bearer realm="metrics"');
        throw new HttpError(401, 'metrics need Authorization: Bearer <METRICS_TOKEN>');
      }
      const body = renderMetrics(
        ctx.counters,
        { connections: ctx.rooms.connectionCount, rooms: ctx.rooms.size, fanoutHealthy: ctx.fanoutHealthy() },
        ctx.eventLoop.snapshot(),
      );
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' });
      res.end(body);
      return;
    }
    if (path === '/api/workshops') {
      if (req.method !== 'POST') throw new HttpError(405, 'use POST to create a workshop');
      if (answeredOverLimit(ctx, 'workshops', req, res)) return;
      const body = await readJsonBody(req);
      const title = checkTitle((body as { title?: unknown } | null)?.title);
      const { record, tokens } = await createWorkshop(ctx.storage, ctx.secret, title);
      ctx.log.info({ event: 'workshop-created', workshop: record.id }, 'workshop created');
      sendJson(res, 201, {
        id: record.id,
        title: record.title,
        links: joinLinks(baseUrl(ctx, req), record.id, tokens),
        tokens,
      });
      return;
    }
    const session = /^\/api\/workshops\/([^/]+)\/session$/.exec(path);
    if (session) {
      if (req.method !== 'GET') throw new HttpError(405, 'use GET');
      const id = session[1] as string;
      const admission = await admitted(ctx, id, bearerToken(req));
      const { record, role } = admission;
      const links =
        role === 'facilitator' ? joinLinks(baseUrl(ctx, req), id, tokensFor(ctx.secret, id, record.epochs)) : undefined;
      sendJson(res, 200, { id, title: record.title, role, links });
      return;
    }
    const rotate = /^\/api\/workshops\/([^/]+)\/rotate$/.exec(path);
    if (rotate) {
      if (req.method !== 'POST') throw new HttpError(405, 'use POST');
      const id = rotate[1] as string;
      const admission = await admitted(ctx, id, bearerToken(req));
      if (admission.role !== 'facilitator') throw new HttpError(403, 'only a facilitator can replace links');
      const role = (await readJsonBody(req).catch(() => null)) as { role?: unknown } | null;
      if (!role || !isRole(role.role)) throw new HttpError(400, 'role: expected facilitator, participant or viewer');
      const epochs = { ...admission.record.epochs, [role.role]: admission.record.epochs[role.role] + 1 };
      await ctx.storage.setEpochs(id, epochs);
      ctx.rooms.revoke(id, role.role);
      ctx.log.info({ event: 'link-rotated', workshop: id, role: role.role }, 'link rotated');
      sendJson(res, 200, { id, links: joinLinks(baseUrl(ctx, req), id, tokensFor(ctx.secret, id, epochs)) });
      return;
    }
    if (await handleStateRoute(ctx, req, res, path)) return;
    if (await handlePlanRoute(ctx, req, res, url)) return;
    if (await handleRevealRoute(ctx, req, res, path)) return;
    if (await handleVoteRoute(ctx, req, res, path)) return;
    if (path.startsWith('/api/')) throw new HttpError(404, 'no such API route');
    ctx.serveStatic(req, res, () => sendJson(res, 404, { error: 'not found' }));
  };
}
