// Benchmark of plan work under attack (issue 11): how fast a hostile import is refused, and how
// much an unrelated export slows down while imports arrive. The server runs in this process on
// loopback (port 0) with its defaults, except the import rate limit, which is off (the bench
// sends more imports than a minute's allowance). The unrelated export is the xlsx of the
// action-plan benchmark board (bench/planBoard.ts, 1,000 interventions). Rounds alternate the
// export alone and the export during imports, so that a change in the machine's load weighs on
// both alike. Run: npm run bench, or npx tsx bench/planIsolation.bench.ts. Writes its section
// of docs/benchmarks.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { checkedPlan } from '../server/export/exportPlan.ts';
import { FORMATS } from '../server/export/formats.ts';
import { startServer } from '../server/server.ts';
import { machineNote, median, writeSection } from './benchmarksDoc.ts';
import { buildBenchBoard } from './planBoard.ts';

const ROUNDS = 5;
/** What the red-team pass of issue 11 sent: 68 KB that held the only plan worker for 45-53 s. */
const EMPTY_20K = JSON.stringify({ schemaVersion: 2, interventions: Array.from({ length: 20_000 }, () => ({})) });
/** 2 MB of empty interventions: it kept that worker busy past 8 minutes. */
const EMPTY_2MB = `{"schemaVersion":2,"interventions":[${Array(700_000).fill('{}').join(',')}]}`;

interface Workshop {
  id: string;
  tokens: { facilitator: string; viewer: string };
}

const machine = machineNote();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-isolation-bench-'));
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  dataDir,
  logLevel: 'silent',
  rateLimits: { importsPerMinute: 0 },
});

async function createWorkshop(title: string): Promise<Workshop> {
  const res = await fetch(`${server.url}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new Error(`workshop creation failed: ${res.status}`);
  return (await res.json()) as Workshop;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

async function exportXlsx(workshop: Workshop): Promise<void> {
  const res = await fetch(`${server.url}/api/workshops/${workshop.id}/export?format=xlsx`, {
    headers: { authorization: `Bearer ${workshop.tokens.viewer}` },
  });
  if (res.status !== 200) throw new Error(`export failed: ${res.status}`);
  await res.arrayBuffer();
}

async function importPlan(workshop: Workshop, body: string, expected: number): Promise<void> {
  const res = await fetch(`${server.url}/api/workshops/${workshop.id}/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${workshop.tokens.facilitator}`, 'content-type': 'application/json' },
    body,
  });
  await res.arrayBuffer();
  if (res.status !== expected) throw new Error(`import answered ${res.status}, expected ${expected}`);
}

/** The export's time while one hostile import is in the server, sent just before it. */
async function exportBesideHostile(victim: Workshop, attacker: Workshop): Promise<number> {
  const importing = importPlan(attacker, EMPTY_20K, 413);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const ms = await timed(() => exportXlsx(victim));
  await importing;
  return ms;
}

/** The export's time while valid imports follow one another on the import thread, from before it starts until it ends. */
async function exportBesideImports(victim: Workshop, importer: Workshop, plan: string): Promise<number> {
  let exporting = true;
  const imports = (async () => {
    while (exporting) await importPlan(importer, plan, 201);
  })();
  // The first import is on its thread before the export starts.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const ms = await timed(() => exportXlsx(victim));
  exporting = false;
  await imports;
  return ms;
}

const board = buildBenchBoard();
const victim = await createWorkshop('An unrelated workshop');
await server.storage.appendUpdate(victim.id, Y.encodeStateAsUpdate(board));
const attacker = await createWorkshop('Attacker');
const validPlan = (
  FORMATS.json.render(checkedPlan(board, { workshopId: '', productVersion: 'bench' })) as Buffer
).toString('utf8');
board.destroy();

// Starts both threads, so that no round pays for a thread's start.
await exportXlsx(victim);
await importPlan(attacker, validPlan, 201);

const refusal20k: number[] = [];
const refusal2mb: number[] = [];
const alone: number[] = [];
const duringHostile: number[] = [];
const duringValid: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  refusal20k.push(await timed(() => importPlan(attacker, EMPTY_20K, 413)));
  refusal2mb.push(await timed(() => importPlan(attacker, EMPTY_2MB, 413)));
  alone.push(await timed(() => exportXlsx(victim)));
  duringHostile.push(await exportBesideHostile(victim, attacker));
  alone.push(await timed(() => exportXlsx(victim)));
  duringValid.push(await exportBesideImports(victim, attacker, validPlan));
  console.log(
    `round ${round + 1}: alone ${alone.slice(-2).map((t) => t.toFixed(0))} ms, during hostile ${duringHostile.at(-1)?.toFixed(0)} ms, during valid ${duringValid.at(-1)?.toFixed(0)} ms`,
  );
}
await server.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const ms = (n: number) => `${n.toFixed(1)} ms`;
const row = (what: string, times: number[]) =>
  `| ${what} | ${times.length} | ${ms(median(times))} | ${ms(Math.min(...times))} | ${ms(Math.max(...times))} |`;
const ratio = (times: number[]) => (median(times) / median(alone)).toFixed(2);
const refusedFast = Math.max(...refusal20k, ...refusal2mb) < 1_000;
const isolated = Number(ratio(duringHostile)) <= 2;

writeSection(
  'plan-isolation',
  `## Plan imports beside exports

A hostile import, refused, and the time of an unrelated export (xlsx of the action-plan board
above: 1,000 interventions) alone; sent just after a hostile import (20,000 empty interventions,
refused by the import limits before any parse); and while large valid imports (that board's own
plan, 5 MB) follow one another for its whole duration, each checked and built on the import
thread while the export renders on an export thread. The server runs in the bench's process
on loopback with its defaults, the import rate limit off. Rounds alternate alone and during.

| request | runs | median | min | max |
| :--- | ---: | -----: | --: | --: |
${row('import of 20,000 empty interventions (68 KB): 413', refusal20k)}
${row('import of 2 MB of empty interventions: 413', refusal2mb)}
${row('xlsx export alone', alone)}
${row('xlsx export beside a hostile import', duringHostile)}
${row('xlsx export during large valid imports', duringValid)}

Export time beside a hostile import / alone (medians): ${ratio(duringHostile)}; during large valid
imports / alone: ${ratio(duringValid)}. Budget: every hostile import refused in under a second
(${refusedFast ? 'met' : 'NOT MET'}), the export no more than twice as slow beside one
(${isolated ? 'met' : 'NOT MET'}). Before the import limits and the separate pools (issue 11), a
hostile import held the only plan worker, and every xlsx and docx export waited for it.

Command: \`npm run bench\` (this one alone: \`npx tsx bench/planIsolation.bench.ts\`); ${machine}.`,
);
if (!refusedFast || !isolated) process.exitCode = 1;
