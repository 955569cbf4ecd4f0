// Benchmark of the action-plan export: build (and check) the plan of a large board, then render
// each format from it, plus importing the JSON back into a board. Board: 169 targets, 1,000
// interventions with every field filled, 20 actors and 3,000 links, all agreed. Budget: the JSON
// plan (build + schema check + serialise) well under a second. Run: npm run bench, or
// npx tsx bench/actionPlan.bench.ts. Writes its section of docs/benchmarks.md.
import { PLAN_WORK_DEFAULTS } from '../server/config.ts';
import { renderMatrixCsv } from '../server/export/csvExport.ts';
import { renderDocx } from '../server/export/docxExport.ts';
import { checkedPlan, renderPlan } from '../server/export/exportPlan.ts';
import { FORMATS } from '../server/export/formats.ts';
import { renderMarkdown } from '../server/export/markdownExport.ts';
import { createPlanWork } from '../server/export/planWorkers.ts';
import { renderXlsx } from '../server/export/xlsxExport.ts';
import { importActionPlan } from '../shared/plan/index.ts';
import { machineNote, median, timeRuns, writeSection } from './benchmarksDoc.ts';
import { buildBenchBoard, CONTRIBUTES, IMPLEMENTS, INTERACTIONS } from './planBoard.ts';

const JSON_BUDGET_MS = 1_000;
/** Fewer runs for the slow formats, so that the whole bench stays within a couple of minutes. */
const RUNS = { plan: 15, json: 15, csv: 15, md: 9, xlsx: 5, docx: 5, import: 5, served: 3 } as const;

// Taken before the bench loads the machine itself.
const machine = machineNote();
const board = buildBenchBoard();
const options = { workshopId: 'bench-workshop', productVersion: 'bench' };
const plan = checkedPlan(board, options);
const json = FORMATS.json.render(plan) as Buffer;

const rows: { what: string; runs: number; times: number[]; size?: number }[] = [];
async function measure(what: string, runs: number, task: () => unknown, size?: number) {
  const times = await timeRuns(task, runs);
  rows.push({ what, runs, times, size });
  console.log(`${what}: median ${median(times).toFixed(1)} ms`);
}

await measure('plan: build + schema check', RUNS.plan, () => checkedPlan(board, options));
await measure(
  'JSON: build + check + serialise',
  RUNS.json,
  () => FORMATS.json.render(checkedPlan(board, options)),
  json.length,
);
await measure('CSV of the matrix (render)', RUNS.csv, () => renderMatrixCsv(plan), renderMatrixCsv(plan).length);
await measure('Markdown (render)', RUNS.md, () => renderMarkdown(plan), renderMarkdown(plan).length);
await measure('xlsx (render)', RUNS.xlsx, () => renderXlsx(plan), (await renderXlsx(plan)).length);
await measure('docx (render)', RUNS.docx, () => renderDocx(plan), (await renderDocx(plan)).length);
await measure('import: parse + check + new board', RUNS.import, () => {
  const result = importActionPlan(json.toString('utf8'));
  if (!result.ok) throw new Error('the benchmark plan does not import');
  result.doc.destroy();
});
// What the server does: the slow formats on its export threads, import on its import thread.
const work = createPlanWork(PLAN_WORK_DEFAULTS);
await measure('xlsx as served (worker thread)', RUNS.served, () => renderPlan(plan, 'xlsx', work.exports));
await measure('docx as served (worker thread)', RUNS.served, () => renderPlan(plan, 'docx', work.exports));
await measure('import as served (worker thread)', RUNS.served, () =>
  work.imports.run({ kind: 'import', text: json.toString('utf8') }),
);
await work.close();

const jsonMedian = median(rows[1]?.times ?? []);
const ok = jsonMedian < JSON_BUDGET_MS;
const kib = (n?: number) => (n === undefined ? '' : `${Math.round(n / 1024).toLocaleString('en')} KiB`);
const ms = (n: number) => `${n.toFixed(1)} ms`;

writeSection(
  'action-plan',
  `## Action-plan export

Board: ${plan.targets.length} targets, ${plan.interventions.length.toLocaleString('en')} interventions with every field
filled (French and Nepali text), ${plan.actors.length} actors, ${(CONTRIBUTES + IMPLEMENTS + INTERACTIONS).toLocaleString('en')} links
(${CONTRIBUTES.toLocaleString('en')} contributes, ${IMPLEMENTS} implements, ${INTERACTIONS.toLocaleString('en')} interactions on distinct
target pairs), all agreed, in a Y.Doc read through the model. Each format is rendered from one
checked plan (the route builds and checks it once, then renders; add the first row to a render
for a whole request). The server renders xlsx and docx, and imports, on a worker thread so that
live workshops keep syncing meanwhile; the last rows time that path, thread start included.
Medians after one warm-up run, timed with \`performance.now()\`.

| step | runs | median | min | max | output |
| :--- | ---: | -----: | --: | --: | -----: |
${rows
  .map(
    (r) =>
      `| ${r.what} | ${r.runs} | ${ms(median(r.times))} | ${ms(Math.min(...r.times))} | ${ms(Math.max(...r.times))} | ${kib(r.size)} |`,
  )
  .join('\n')}

Budget: the JSON plan in well under a second (median < ${JSON_BUDGET_MS} ms): ${ok ? 'met' : 'NOT MET'}.

Command: \`npm run bench\` (runs every \`bench/*.bench.ts\` with tsx; this one alone:
\`npx tsx bench/actionPlan.bench.ts\`); ${machine}.`,
);
board.destroy();
if (!ok) process.exitCode = 1;
