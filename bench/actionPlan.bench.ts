// Benchmark of the action-plan export: build (and check) the plan of a large board, then render
// each format from it, plus importing the JSON back into a board. Board: 169 targets, 1,000
// interventions with every field filled, 20 actors and 3,000 links, all agreed. Budget: the JSON
// plan (build + schema check + serialise) well under a second. Run: npm run bench, or
// npx tsx bench/actionPlan.bench.ts. Writes its section of docs/benchmarks.md.
//   PLAN_BENCH_BEFORE=<dir>   also time the in-process steps with the code checked out in <dir> (an
//                             earlier commit, e.g. `git worktree add ../before <commit>`), on that
//                             commit's own bench board, runs of the two alternating; a column
//                             "ours ÷ before" shows what a change cost
import { execFileSync } from 'node:child_process';
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

type Step = 'plan' | 'json' | 'csv' | 'md' | 'xlsx' | 'docx' | 'import';

/** The in-process steps of one checkout of the code, on that checkout's own bench board. */
async function stepsOf(root: string): Promise<Record<Step, () => unknown>> {
  const at = (file: string) => import(`${root}/${file}`);
  const [exportPlan, formats, csv, md, xlsx, docx, planIndex, planBoard] = await Promise.all([
    at('server/export/exportPlan.ts'),
    at('server/export/formats.ts'),
    at('server/export/csvExport.ts'),
    at('server/export/markdownExport.ts'),
    at('server/export/xlsxExport.ts'),
    at('server/export/docxExport.ts'),
    at('shared/plan/index.ts'),
    at('bench/planBoard.ts'),
  ]);
  const doc = planBoard.buildBenchBoard();
  const checked = exportPlan.checkedPlan(doc, options);
  const text = (formats.FORMATS.json.render(checked) as Buffer).toString('utf8');
  return {
    plan: () => exportPlan.checkedPlan(doc, options),
    json: () => formats.FORMATS.json.render(exportPlan.checkedPlan(doc, options)),
    csv: () => csv.renderMatrixCsv(checked),
    md: () => md.renderMarkdown(checked),
    xlsx: () => xlsx.renderXlsx(checked),
    docx: () => docx.renderDocx(checked),
    import: () => {
      const result = planIndex.importActionPlan(text);
      if (!result.ok) throw new Error('the benchmark plan does not import');
      result.doc.destroy();
    },
  };
}

const BEFORE_DIR = process.env.PLAN_BENCH_BEFORE;
const before = BEFORE_DIR ? await stepsOf(BEFORE_DIR) : null;
/** The before build's commit, as the doc names it. */
const beforeCommit = BEFORE_DIR
  ? execFileSync('git', ['-C', BEFORE_DIR, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()
  : '';

const rows: { what: string; runs: number; times: number[]; size?: number; ratio?: number }[] = [];
async function measure(what: string, runs: number, task: () => unknown, size?: number, step?: Step) {
  const then = step && before ? before[step] : null;
  if (!then) {
    const times = await timeRuns(task, runs);
    rows.push({ what, runs, times, size });
    console.log(`${what}: median ${median(times).toFixed(1)} ms`);
    return;
  }
  // Alternating, so that the machine's drift falls on both alike.
  await task();
  await then();
  const times: number[] = [];
  const earlier: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [run, into] of [
      [task, times],
      [then, earlier],
    ] as const) {
      const t0 = performance.now();
      await run();
      into.push(performance.now() - t0);
    }
  }
  const ratio = median(times) / median(earlier);
  rows.push({ what, runs, times, size, ratio });
  console.log(
    `${what}: median ${median(times).toFixed(1)} ms, before ${median(earlier).toFixed(1)} ms, ${ratio.toFixed(2)}×`,
  );
}

await measure('plan: build + schema check', RUNS.plan, () => checkedPlan(board, options), undefined, 'plan');
await measure(
  'JSON: build + check + serialise',
  RUNS.json,
  () => FORMATS.json.render(checkedPlan(board, options)),
  json.length,
  'json',
);
await measure('CSV of the matrix (render)', RUNS.csv, () => renderMatrixCsv(plan), renderMatrixCsv(plan).length, 'csv');
await measure('Markdown (render)', RUNS.md, () => renderMarkdown(plan), renderMarkdown(plan).length, 'md');
await measure('xlsx (render)', RUNS.xlsx, () => renderXlsx(plan), (await renderXlsx(plan)).length, 'xlsx');
await measure('docx (render)', RUNS.docx, () => renderDocx(plan), (await renderDocx(plan)).length, 'docx');
await measure(
  'import: parse + check + new board',
  RUNS.import,
  () => {
    const result = importActionPlan(json.toString('utf8'));
    if (!result.ok) throw new Error('the benchmark plan does not import');
    result.doc.destroy();
  },
  undefined,
  'import',
);
// What the server does: the slow formats on its export threads, import on its import thread.
const work = createPlanWork(PLAN_WORK_DEFAULTS);
await measure('xlsx as served (worker thread)', RUNS.served, () => renderPlan(plan, 'xlsx', work.exports));
await measure('docx as served (worker thread)', RUNS.served, () => renderPlan(plan, 'docx', work.exports));
await measure('import as served (worker thread)', RUNS.served, () =>
  work.imports.run({ kind: 'import', text: json.toString('utf8') }),
);
await work.close();

const besideBefore = before
  ? `, beside commit ${beforeCommit}: \`PLAN_BENCH_BEFORE=<its folder> npx tsx bench/actionPlan.bench.ts\``
  : '';
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

| step | runs | median | min | max | output |${before ? ' ours ÷ before |' : ''}
| :--- | ---: | -----: | --: | --: | -----: |${before ? ' ------------: |' : ''}
${rows
  .map(
    (r) =>
      `| ${r.what} | ${r.runs} | ${ms(median(r.times))} | ${ms(Math.min(...r.times))} | ${ms(Math.max(...r.times))} | ${kib(r.size)} |${before ? ` ${r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`} |` : ''}`,
  )
  .join('\n')}${
  before
    ? `

"ours ÷ before": the median of this build over the median of commit ${beforeCommit} (checked out in
another folder and named by \`PLAN_BENCH_BEFORE=<folder>\`), each on its own bench board, runs
alternating in this one process.`
    : ''
}

Budget: the JSON plan in well under a second (median < ${JSON_BUDGET_MS} ms): ${ok ? 'met' : 'NOT MET'}.

Command: \`npm run bench\` (runs every \`bench/*.bench.ts\` with tsx; this one alone:
\`npx tsx bench/actionPlan.bench.ts\`${besideBefore}); ${machine}.`,
);
board.destroy();
if (!ok) process.exitCode = 1;
