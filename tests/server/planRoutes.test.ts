import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type RunningServer, startServer } from '../../server/server.ts';
import { addCard, SCHEMA_VERSION } from '../../shared/model/index.ts';
import { ACTION_PLAN_SCHEMA, type ActionPlan, type PlanPerson, validatePlan } from '../../shared/plan/index.ts';
import { buildFullBoard } from '../shared/plan/fullBoard.ts';
import { edit, REMOVE } from '../shared/plan/planEdits.ts';
import {
  author,
  type CreatedWorkshop,
  connectClient,
  createWorkshop,
  type TestClient,
  whenSynced,
} from '../support/syncClient.ts';
import { waitFor } from '../support/wait.ts';

const FULL_TITLE = 'Plan d’acción migratoria — आप्रवासी समावेशन';

let server: RunningServer;
let dataDir: string;
const clients: TestClient[] = [];

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-plan-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent' });
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A workshop whose stored board is the full test board (the room is not loaded). */
async function fullWorkshop(): Promise<CreatedWorkshop> {
  const workshop = await createWorkshop(server.url, FULL_TITLE);
  await server.storage.appendUpdate(workshop.id, Y.encodeStateAsUpdate(buildFullBoard('agreed').doc));
  return workshop;
}

function exportUrl(id: string, query: string): string {
  return `${server.url}/api/workshops/${id}/export?${query}`;
}

async function exportJson(id: string, token: string, query = 'format=json'): Promise<ActionPlan> {
  const res = await fetch(exportUrl(id, query), { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as ActionPlan;
}

function importPlan(id: string, token: string, body: string) {
  return fetch(`${server.url}/api/workshops/${id}/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });
}

describe('GET /api/workshops/<id>/export', () => {
  it('serves every format to a viewer, with its content type and an attachment name from the title', async () => {
    const workshop = await fullWorkshop();
    const expected = {
      json: 'application/json; charset=utf-8',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      md: 'text/markdown; charset=utf-8',
      csv: 'text/csv; charset=utf-8; header=present',
    };
    for (const [format, type] of Object.entries(expected)) {
      const res = await fetch(exportUrl(workshop.id, `format=${format}`), {
        headers: { authorization: `Bearer ${workshop.tokens.viewer}` },
      });
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      const disposition = res.headers.get('content-disposition') ?? '';
      expect(disposition).toContain(`attachment; filename="plan-d-accion-migratoria-action-plan.${format}"`);
      expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe(
        `plan-d-acción-migratoria-आप्रवासी-समावेशन-action-plan.${format}`,
      );
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.length).toBeGreaterThan(0);
      if (format === 'xlsx' || format === 'docx') expect(body.subarray(0, 2).toString()).toBe('PK');
    }
  });

  it('serves a valid plan with provenance to any token in the Authorization header', async () => {
    const workshop = await fullWorkshop();
    const plan = await exportJson(workshop.id, workshop.tokens.participant);
    expect(validatePlan(plan).ok).toBe(true);
    expect(plan.interventions).toHaveLength(1);
    expect(plan.provenance).toMatchObject({
      sourceWorkshopId: workshop.id,
      include: 'agreed',
      boardSchemaVersion: SCHEMA_VERSION,
    });
    expect(plan.provenance.product.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('reads the live board of a loaded workshop, and every item with include=all', async () => {
    const workshop = await createWorkshop(server.url);
    const client = connectClient(server.url, workshop.id, workshop.tokens.participant);
    clients.push(client);
    await whenSynced(client);
    const id = addCard(client.doc, { kind: 'intervention', x: 0, y: 0, author: author('ana'), status: 'discussed' });
    const plan = await waitFor(async () => {
      const p = await exportJson(workshop.id, workshop.tokens.viewer, 'format=json&include=all');
      return p.interventions.length === 1 ? p : null;
    }, 'the live card in the export');
    expect(plan.interventions[0]?.id).toBe(id);
    expect((await exportJson(workshop.id, workshop.tokens.viewer)).interventions).toEqual([]);
  });

  it('exports an empty board as a valid, empty plan', async () => {
    const workshop = await createWorkshop(server.url);
    const plan = await exportJson(workshop.id, workshop.tokens.viewer);
    expect(validatePlan(plan).ok).toBe(true);
    expect(plan.interventions).toEqual([]);
    expect(plan.workshop.title).toBe('Test workshop');
  });

  it('refuses a bad token (401), an unknown workshop (404) and an unknown format or filter (400)', async () => {
    const workshop = await createWorkshop(server.url);
    const other = await createWorkshop(server.url);
    for (const token of ['not-a-token', other.tokens.facilitator]) {
      const res = await fetch(exportUrl(workshop.id, 'format=xlsx'), { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
    }
    expect((await fetch(exportUrl(workshop.id, 'format=csv'))).status).toBe(401);
    const viewer = { headers: { authorization: `Bearer ${workshop.tokens.viewer}` } };
    const missing = await fetch(exportUrl('AAAAAAAAAAAAAAAAAAAAAA', 'format=json'), viewer);
    expect(missing.status).toBe(404);
    const pdf = await fetch(exportUrl(workshop.id, 'format=pdf'), viewer);
    expect(pdf.status).toBe(400);
    expect(((await pdf.json()) as { error: string }).error).toContain('json, xlsx, docx, md, csv');
    const some = await fetch(exportUrl(workshop.id, 'include=some'), viewer);
    expect(some.status).toBe(400);
  });

  it('refuses a token in the URL, where proxies would log it, even a valid one', async () => {
    const workshop = await createWorkshop(server.url);
    const res = await fetch(exportUrl(workshop.id, `format=json&token=${workshop.tokens.participant}`));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('Authorization: Bearer');
  });
});

describe('POST /api/workshops/<id>/import', () => {
  it('creates a new workshop from a facilitator’s plan, whose board exports the same plan', async () => {
    const source = await fullWorkshop();
    const plan = await exportJson(source.id, source.tokens.viewer);
    const before = await server.storage.countWorkshops();

    const res = await importPlan(source.id, source.tokens.facilitator, JSON.stringify(plan));
    expect(res.status).toBe(201);
    const created = (await res.json()) as CreatedWorkshop;
    expect(created.id).not.toBe(source.id);
    expect(created.title).toBe(FULL_TITLE);
    expect(created.links.facilitator).toContain(`/w/${created.id}#token=`);
    expect(Object.keys(created.tokens).sort()).toEqual(['facilitator', 'participant', 'viewer']);
    expect(await server.storage.countWorkshops()).toBe(before + 1);

    const again = await exportJson(created.id, created.tokens.viewer);
    // People's contributions count the whole board, whose notes and frames no plan carries.
    const person = (p: PlanPerson) => ({ ...p, contributions: null });
    const strip = (p: ActionPlan) => ({
      ...p,
      workshop: {
        ...p.workshop,
        participants: p.workshop.participants.map((g) => ({ ...g, people: g.people.map(person) })),
        observers: p.workshop.observers.map(person),
      },
      provenance: { ...p.provenance, exportedAt: '', sourceWorkshopId: '' },
    });
    expect(strip(again)).toEqual(strip(plan));
    expect(again.workshop.adoption).toEqual(plan.workshop.adoption);
    expect(again.workshop.adoption).not.toBeNull();
  });

  it('refuses a participant or viewer (403) and a bad token (401)', async () => {
    const source = await fullWorkshop();
    const plan = JSON.stringify(await exportJson(source.id, source.tokens.viewer));
    for (const token of [source.tokens.participant, source.tokens.viewer]) {
      const res = await importPlan(source.id, token, plan);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: 'only a facilitator can import a plan' });
    }
    expect((await importPlan(source.id, 'wrong', plan)).status).toBe(401);
  });

  it('refuses an invalid plan with every problem by path, and creates nothing', async () => {
    const source = await fullWorkshop();
    const plan = await exportJson(source.id, source.tokens.viewer);
    edit(plan, '/interventions/0/type', 'wishful-thinking');
    edit(plan, '/interventions/0/funding/0/amount', -5);
    edit(plan, '/workshop/level', REMOVE);
    const before = await server.storage.countWorkshops();

    const res = await importPlan(source.id, source.tokens.facilitator, JSON.stringify(plan));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; problems: { path: string; message: string }[] };
    expect(body.error).toBe('the plan is not valid');
    expect(body.problems.map((p) => p.path).sort()).toEqual([
      '/interventions/0/funding/0/amount',
      '/interventions/0/type',
      '/workshop/level',
    ]);
    expect(await server.storage.countWorkshops()).toBe(before);
  });

  it('refuses a file that is not JSON, or references a card the plan lacks, and creates nothing', async () => {
    const source = await fullWorkshop();
    const before = await server.storage.countWorkshops();
    const notJson = await importPlan(source.id, source.tokens.facilitator, '{ "schemaVersion": 1, ');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { problems: unknown[] }).problems).toEqual([
      { path: '', message: expect.stringMatching(/^not valid JSON/) },
    ]);

    const plan = await exportJson(source.id, source.tokens.viewer);
    (plan.interactions[0] as { to: string }).to = 'no-such-card';
    const dangling = await importPlan(source.id, source.tokens.facilitator, JSON.stringify(plan));
    expect(dangling.status).toBe(400);
    expect(((await dangling.json()) as { problems: { path: string }[] }).problems.map((p) => p.path)).toEqual([
      '/interactions/0/to',
    ]);
    expect(await server.storage.countWorkshops()).toBe(before);
  });
});

describe('GET /api/action-plan.schema.json', () => {
  it('publishes the schema', async () => {
    const res = await fetch(`${server.url}/api/action-plan.schema.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/schema+json; charset=utf-8');
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(ACTION_PLAN_SCHEMA)));
  });
});
