// Acceptance of issue 11 (imports and exports that cannot starve each other), through the HTTP
// API alone so that it runs unchanged against the code before the fix (d84a047), where it fails:
// there one import of 20,000 empty interventions held the only plan worker for 45-53 s, and every
// xlsx and docx export of the server waited behind it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type RunningServer, startServer } from '../../server/server.ts';
import { boardWithInterventions, planWithInterventions } from '../support/planBoards.ts';
import { type CreatedWorkshop, createWorkshop } from '../support/syncClient.ts';
import { sleep } from '../support/wait.ts';

/** 68 KB: what the red-team pass sent. */
const HOSTILE_PLAN = JSON.stringify({ schemaVersion: 2, interventions: Array.from({ length: 20_000 }, () => ({})) });
/** Longer than any request here takes when it works, so that the code before the fix fails rather than hangs. */
const REQUEST_LIMIT_MS = 20_000;

let server: RunningServer;
let dataDir: string;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-isolation-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent' });
});

afterEach(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** A workshop whose stored board has `interventions` more interventions than the full test board. */
async function victimWorkshop(interventions: number): Promise<CreatedWorkshop> {
  const workshop = await createWorkshop(server.url, 'An unrelated workshop');
  await server.storage.appendUpdate(workshop.id, Y.encodeStateAsUpdate(boardWithInterventions(interventions)));
  return workshop;
}

async function exportXlsx(workshop: CreatedWorkshop): Promise<void> {
  const res = await fetch(`${server.url}/api/workshops/${workshop.id}/export?format=xlsx`, {
    headers: { authorization: `Bearer ${workshop.tokens.viewer}` },
    signal: AbortSignal.timeout(REQUEST_LIMIT_MS),
  });
  expect(res.status).toBe(200);
  await res.arrayBuffer();
}

async function importPlan(workshop: CreatedWorkshop, body: string): Promise<number> {
  const res = await fetch(`${server.url}/api/workshops/${workshop.id}/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${workshop.tokens.facilitator}`, 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(REQUEST_LIMIT_MS),
  });
  await res.arrayBuffer();
  return res.status;
}

describe('a hostile import beside an unrelated export', () => {
  it('is refused in under a second, and the export takes at most twice its time alone', {
    timeout: 120_000,
  }, async () => {
    const victim = await victimWorkshop(150);
    // Anyone can create a workshop, and with it the facilitator token an import needs.
    const attacker = await createWorkshop(server.url, 'Attacker');
    // Starts the export thread, so that no round below pays for it.
    await exportXlsx(victim);

    const alone: number[] = [];
    const during: number[] = [];
    const refusals: number[] = [];
    // Rounds alternate, so that a change in the machine's load weighs on both sides alike.
    for (let round = 0; round < 3; round++) {
      alone.push((await timed(() => exportXlsx(victim))).ms);
      const importing = timed(() => importPlan(attacker, HOSTILE_PLAN));
      // The import is in the server before the export starts.
      await sleep(20);
      const exporting = timed(() => exportXlsx(victim));
      const [imported, exported] = await Promise.all([importing, exporting]);
      expect(imported.value).toBeGreaterThanOrEqual(400);
      expect(imported.value).toBeLessThan(500);
      refusals.push(imported.ms);
      during.push(exported.ms);
    }
    expect(Math.max(...refusals)).toBeLessThan(1_000);
    expect(median(during)).toBeLessThanOrEqual(2 * median(alone));
  });

  it('holds only the import thread while a large valid plan is imported: an export runs meanwhile', {
    timeout: 120_000,
  }, async () => {
    const victim = await victimWorkshop(50);
    const facilitator = await createWorkshop(server.url, 'Importer');
    await exportXlsx(victim);
    const large = JSON.stringify(planWithInterventions(2_000));

    const finished: string[] = [];
    const importing = importPlan(facilitator, large).then((status) => {
      finished.push('import');
      return status;
    });
    await sleep(50);
    const exporting = exportXlsx(victim).then(() => finished.push('export'));
    const [status] = await Promise.all([importing, exporting]);
    expect(status).toBe(201);
    expect(finished).toEqual(['export', 'import']);
  });
});
