// The HTTP side of the server under a seeded fuzz (the frame fuzzer, fuzz.test.ts, does the
// sync socket): a real server process gets hostile requests on every route from many keep-alive
// connections at once, while a watchdog polls /healthz. Replay a failure with HTTP_FUZZ_SEED.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ClientRequest, type FuzzTargets, httpRequestGenerator } from '../support/fuzzHttp.ts';
import { watchHealth } from '../support/healthWatch.ts';
import { rawRequest } from '../support/rawHttp.ts';
import { type ServerProcess, spawnServer } from '../support/serverProcess.ts';
import { createWorkshop } from '../support/syncClient.ts';

const REQUESTS = Number(process.env.HTTP_FUZZ_REQUESTS ?? 50_000);
const SEED = Number(process.env.HTTP_FUZZ_SEED ?? 11);
const CONCURRENCY = 24;
const TIME_LIMIT_MS = 120_000;
/** The slowest /healthz answer tolerated while the fuzz runs (2 cores shared with the fuzzer). */
const HEALTH_BOUND_MS = 500;
const REQUEST_TIMEOUT_MS = 15_000;

let server: ServerProcess | null = null;
let dataDir = '';
afterEach(() => {
  server?.child.kill('SIGKILL');
  server = null;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A small built client of its own: static routes without depending on a build. */
function writeClient(dir: string): void {
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), `export const x = "${'y'.repeat(4000)}";`);
  fs.writeFileSync(path.join(dir, 'assets', 'app.js.map'), '{"version":3}');
}

interface Answer {
  status: number;
  body: Buffer;
}

/** Sends one request; a reset on a reused keep-alive socket (the server closed it meanwhile) is retried once. */
function send(base: URL, agent: http.Agent, request: ClientRequest, retried = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: base.hostname,
      port: base.port,
      agent,
      method: request.method,
      path: request.path,
      headers: request.headers,
      timeout: REQUEST_TIMEOUT_MS,
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
      res.on('close', () => reject(new Error('the answer was cut short')));
    });
    // The answer to CONNECT comes as 'connect', not 'response' (and the socket is ours to close).
    req.on('connect', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, body: Buffer.alloc(0) });
    });
    req.on('close', () => reject(new Error('closed without an answer')));
    req.on('timeout', () => req.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', (error) => {
      if (!retried && req.reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET') {
        send(base, agent, request, true).then(resolve, reject);
      } else reject(error);
    });
    req.end(request.body ?? undefined);
  });
}

/** A link replaced by a rotate: fuzzing goes on with the new token, as its holder would. */
function adoptRotatedTokens(body: Buffer, targets: FuzzTargets): void {
  let links: Record<string, unknown> = {};
  try {
    links = (JSON.parse(body.toString()) as { links?: Record<string, unknown> }).links ?? {};
  } catch {
    return; // the client's page (a path that only looks like the route)
  }
  for (const role of ['facilitator', 'participant', 'viewer'] as const) {
    const link = links[role];
    const token = typeof link === 'string' ? link.split('#token=')[1] : undefined;
    if (token) targets.tokens[role] = decodeURIComponent(token);
  }
}

const describeRequest = (r: ClientRequest) =>
  `${r.method} ${r.path.slice(0, 100)} ${JSON.stringify(r.headers).slice(0, 200)} body ${r.body?.length ?? 0} B`;

describe('a live server under a seeded fuzz of hostile HTTP requests', () => {
  it(`answers ${REQUESTS} requests on every route with 2xx-4xx, stays up, and answers /healthz throughout`, {
    timeout: TIME_LIMIT_MS + 60_000,
  }, async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-httpfuzz-'));
    const clientDir = path.join(dataDir, 'client');
    writeClient(clientDir);
    server = await spawnServer({ DATA_DIR: dataDir, CLIENT_DIR: clientDir, LOG_LEVEL: 'error' });
    const live = server;
    const base = new URL(live.url);
    const workshop = await createWorkshop(live.url, 'Fuzzed');
    const targets: FuzzTargets = { workshopId: workshop.id, tokens: { ...workshop.tokens } };

    // Each deep route once before the watch: a first use compiles or loads things (the plan
    // schema's validator alone holds the loop for about half a second), once per process.
    const bearer = (role: keyof FuzzTargets['tokens']) => ({ authorization: `Bearer ${targets.tokens[role]}` });
    const post = (path: string, headers: Record<string, string>, body: string) =>
      fetch(`${live.url}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
      });
    const api = `/api/workshops/${workshop.id}`;
    for (const format of ['json', 'md', 'csv', 'xlsx']) {
      await (await fetch(`${live.url}${api}/export?format=${format}`, { headers: bearer('viewer') })).arrayBuffer();
    }
    await (await fetch(`${live.url}${api}/state`, { headers: bearer('viewer') })).arrayBuffer();
    await (await post(`${api}/import`, bearer('facilitator'), '{"interventions":[]}')).arrayBuffer();
    await (await post(`${api}/reveal`, bearer('facilitator'), '{"anonymous":true}')).arrayBuffer();

    // The watchdog: /healthz every 25 ms, from a process of its own.
    const watch = watchHealth(live.url);

    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let sent = 0;
    let raw = 0;
    let parserRefusals = 0;
    const started = Date.now();

    async function fuzzer(seed: number): Promise<void> {
      const next = httpRequestGenerator(seed, targets);
      while (sent < REQUESTS && Date.now() - started < TIME_LIMIT_MS) {
        const request = next();
        sent++;
        if (request.kind === 'raw') {
          raw++;
          const shown = JSON.stringify(request.bytes.toString('latin1').slice(0, 160));
          try {
            const answer = await rawRequest(live.url, request.bytes, REQUEST_TIMEOUT_MS);
            if (answer.status === null && request.oversized) parserRefusals++;
            else if (answer.status === null) failures.push(`raw: closed without an answer: ${shown}`);
            else {
              statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
              if (answer.status >= 500) failures.push(`raw: ${answer.status}: ${shown}`);
              // Node's parser answers what it cannot parse with a bare 400 and closes.
              if (/^HTTP\/1\.1 400 Bad Request\r\nConnection: close\r\n\r\n$/.test(answer.text)) parserRefusals++;
            }
          } catch (error) {
            failures.push(`raw: ${String(error)}: ${shown}`);
          }
          continue;
        }
        try {
          const answer = await send(base, agent, request);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (answer.status < 200 || answer.status >= 500) {
            failures.push(`${answer.status} ${answer.body.toString().slice(0, 120)}: ${describeRequest(request)}`);
          }
          if (answer.status === 200 && request.path.includes('/rotate')) adoptRotatedTokens(answer.body, targets);
        } catch (error) {
          // The parser stops reading at its limit and closes with the rest unread: a reset, not a crash.
          if (request.oversized) parserRefusals++;
          else failures.push(`dropped: ${String(error)}: ${describeRequest(request)}`);
        }
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => fuzzer(SEED * 1000 + i)));
    const elapsedMs = Date.now() - started;
    const health = await watch.stop();
    agent.destroy();

    expect(live.child.exitCode, `the server exited:\n${live.output().slice(-4000)}`).toBeNull();
    // The server's own view of its event loop over the run (the window covers it).
    const metrics = await (await fetch(`${live.url}/metrics`)).text();
    const loopMaxMs = Number(/^sdg_event_loop_delay_max_seconds (\S+)$/m.exec(metrics)?.[1]) * 1000;
    const summary =
      `http fuzz (seed ${SEED}): ${sent} requests (${raw} raw, ${parserRefusals} refused by the parser) in ` +
      `${elapsedMs} ms; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}; ` +
      `/healthz polled ${health.polls} times, worst ${health.worstMs.toFixed(0)} ms; ` +
      `longest event-loop delay in the server ${loopMaxMs.toFixed(0)} ms (warm-up included)`;
    console.info(summary);
    expect(failures.slice(0, 20), summary).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(REQUESTS);
    expect(live.child.exitCode, live.output()).toBeNull();
    expect(health.failures).toEqual([]);
    expect(health.worstMs).toBeLessThan(HEALTH_BOUND_MS);
    // Nothing failed inside the server either: no 500 logged, no error escaped a handler.
    expect(live.output()).not.toMatch(/"event":"(http-error|contained-error|invariant-failed)"/);
    expect((await fetch(`${live.url}/healthz`)).status).toBe(200);
    // Every route was reached, not only refused at the door.
    for (const status of [200, 201, 400, 401, 404, 405, 415])
      expect(statuses.get(status), `${status}`).toBeGreaterThan(0);
  });
});
