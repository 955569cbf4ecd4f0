// The plan routes under load: import limits (413), the import time limit, full queues (503 with
// Retry-After) and one export per workshop at a time, on a real server with small settings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PlanWorkSettings } from '../../server/export/planWorkers.ts';
import { type RunningServer, startServer } from '../../server/server.ts';
import { boardWithInterventions, planWithInterventions } from '../support/planBoards.ts';
import { type CreatedWorkshop, createWorkshop } from '../support/syncClient.ts';
import { waitFor } from '../support/wait.ts';

let server: RunningServer | undefined;
let dataDir: string;

async function start(planWork: Partial<PlanWorkSettings> = {}): Promise<RunningServer> {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-queues-'));
  // Without the import rate limit: these tests send more imports than a minute's allowance.
  const rateLimits = { importsPerMinute: 0 };
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent', planWork, rateLimits });
  return server;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function importPlan(s: RunningServer, workshop: CreatedWorkshop, body: string) {
  return fetch(`${s.url}/api/workshops/${workshop.id}/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${workshop.tokens.facilitator}`, 'content-type': 'application/json' },
    body,
  });
}

function exportPlan(s: RunningServer, workshop: CreatedWorkshop, format: string) {
  return fetch(`${s.url}/api/workshops/${workshop.id}/export?format=${format}`, {
    headers: { authorization: `Bearer ${workshop.tokens.viewer}` },
  });
}

async function workshopWithBoard(s: RunningServer, interventions: number): Promise<CreatedWorkshop> {
  const workshop = await createWorkshop(s.url);
  await s.storage.appendUpdate(workshop.id, Y.encodeStateAsUpdate(boardWithInterventions(interventions)));
  return workshop;
}

type Refusal = { error: string; limit?: string; problems?: { path: string; message: string }[] };

describe('import limits', () => {
  it('refuse a plan over a count, depth or size limit with 413 naming the limit, and create nothing', async () => {
    const s = await start();
    const workshop = await createWorkshop(s.url);
    const before = await s.storage.countWorkshops();
    const cases = [
      {
        body: JSON.stringify({ schemaVersion: 2, interventions: Array.from({ length: 20_000 }, () => ({})) }),
        limit: 'interventions',
        error: 'the plan is over an import limit (at most 5,000 interventions)',
        path: '/interventions',
      },
      { body: `{"workshop":${'['.repeat(50)}${']'.repeat(50)}}`, limit: 'depth', path: `/workshop${'/0'.repeat(15)}` },
      { body: `{"workshop":{"title":"${'x'.repeat(200_000)}"}}`, limit: 'stringBytes', path: '/workshop/title' },
      // 9 MB: the body is refused without being read whole.
      { body: `{"workshop":{}${' '.repeat(9 * 1024 * 1024)}}`, limit: 'bytes', path: '' },
    ];
    for (const c of cases) {
      const res = await importPlan(s, workshop, c.body);
      expect(res.status, c.limit).toBe(413);
      const body = (await res.json()) as Refusal;
      expect(body.limit).toBe(c.limit);
      if (c.error) expect(body.error).toBe(c.error);
      expect(body.problems?.[0]?.path).toBe(c.path);
      expect(body.problems?.[0]?.message).toContain('; an import takes ');
    }
    expect(await s.storage.countWorkshops()).toBe(before);
  });

  it('answer a refused body that is still arriving, rather than resetting the connection', async () => {
    const s = await start();
    const workshop = await createWorkshop(s.url);
    const hostile = JSON.stringify({ interventions: Array.from({ length: 100_000 }, () => ({})) });
    for (let i = 0; i < 20; i++) expect((await importPlan(s, workshop, hostile)).status).toBe(413);
    expect(s.counters.refusalCount('plan-import-over-limit')).toBe(20);
  });
});

describe('the import queue', () => {
  it('stops an import at its time limit with a clear error, creates nothing, and imports the next one', async () => {
    // Between the two imports below: one takes about a second, the other some 20 ms.
    const s = await start({ importTimeoutMs: 400 });
    const workshop = await createWorkshop(s.url);
    const before = await s.storage.countWorkshops();
    const res = await importPlan(s, workshop, JSON.stringify(planWithInterventions(2_000)));
    expect(res.status).toBe(413);
    expect(((await res.json()) as Refusal).error).toBe(
      'checking and building this plan took longer than the import time limit (0.4 s); it was stopped and nothing was created',
    );
    expect(await s.storage.countWorkshops()).toBe(before);
    expect(s.counters.refusalCount('plan-import-timeout')).toBe(1);

    const small = await importPlan(s, workshop, JSON.stringify(planWithInterventions(1)));
    expect(small.status).toBe(201);
  });

  it('answers 503 with Retry-After when every import thread is busy and the queue is full', async () => {
    const s = await start({ importThreads: 1, importQueue: 1 });
    const workshop = await createWorkshop(s.url);
    const body = JSON.stringify(planWithInterventions(1_000));
    const answers = await Promise.all([1, 2, 3].map(() => importPlan(s, workshop, body)));
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses).toEqual([201, 201, 503]);
    const refused = answers.find((res) => res.status === 503) as Response;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as Refusal).error).toBe('the server is busy with other imports; try again shortly');
  });
});

describe('exports of one workshop', () => {
  it('run one at a time while another workshop’s export runs beside them; one too many waiting is answered 429', {
    timeout: 60_000,
  }, async () => {
    const s = await start({ exportThreads: 2, exportsWaitingPerWorkshop: 1 });
    const busy = await workshopWithBoard(s, 300);
    const other = await workshopWithBoard(s, 0);
    const line = s.planWork.exportLine;

    const first = exportPlan(s, busy, 'docx');
    const second = exportPlan(s, busy, 'docx');
    await waitFor(
      () => line.waiting(busy.id) === 1 && s.planWork.exports.running === 1,
      'one export running, one waiting',
    );
    // A thread is free, yet the workshop's second export waits for its first.
    const third = await exportPlan(s, busy, 'docx');
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await third.json()) as Refusal).error).toBe(
      'this workshop already has exports waiting; try again once they are done',
    );

    const beside = exportPlan(s, other, 'docx');
    await waitFor(() => s.planWork.exports.running === 2, 'the other workshop’s export on the second thread');
    expect(line.waiting(busy.id)).toBe(1);
    for (const res of await Promise.all([first, second, beside])) {
      expect(res.status).toBe(200);
      expect(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
    }
    expect(line.busy(busy.id)).toBe(false);
  });

  it('answers 503 with Retry-After when every export thread is busy and the queue is full', async () => {
    const s = await start({ exportThreads: 1, exportQueue: 0 });
    const [a, b] = [await workshopWithBoard(s, 100), await workshopWithBoard(s, 0)];
    const first = exportPlan(s, a, 'xlsx');
    await waitFor(() => s.planWork.exports.running === 1, 'the first export on the thread');
    const refused = await exportPlan(s, b, 'xlsx');
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as Refusal).error).toBe('the server is busy with other exports; try again shortly');
    expect((await first).status).toBe(200);
    // Formats rendered on the main thread need no export thread.
    expect((await exportPlan(s, b, 'json')).status).toBe(200);
  });
});
