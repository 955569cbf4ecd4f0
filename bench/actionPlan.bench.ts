// Benchmark of the action-plan export: build (and check) the plan of a large board, then render
// each format from it, plus importing the JSON back into a board. Board: 169 targets, 1,000
// interventions with every field filled, 20 actors and 3,000 links, all agreed. Budget: the JSON
// plan (build + schema check + serialise) well under a second. Run: npm run bench, or
// npx tsx bench/actionPlan.bench.ts. Writes its section of docs/benchmarks.md.
import * as Y from 'yjs';
import { PLAN_WORK_DEFAULTS } from '../server/config.ts';
import { renderMatrixCsv } from '../server/export/csvExport.ts';
import { renderDocx } from '../server/export/docxExport.ts';
import { checkedPlan, renderPlan } from '../server/export/exportPlan.ts';
import { FORMATS } from '../server/export/formats.ts';
import { renderMarkdown } from '../server/export/markdownExport.ts';
import { createPlanWork } from '../server/export/planWorkers.ts';
import { renderXlsx } from '../server/export/xlsxExport.ts';
import {
  ACTOR_ROLES,
  type Author,
  addCard,
  addLink,
  FUNDING_SOURCES,
  INTERACTION_SCORES,
  INTERVENTION_TYPES,
  migrateBoard,
  SECTORS,
  STAKEHOLDER_GROUPS,
} from '../shared/model/index.ts';
import { importActionPlan } from '../shared/plan/index.ts';
import { SDG_TARGETS } from '../shared/sdg/catalogue.ts';
import { machineNote, median, timeRuns, writeSection } from './benchmarksDoc.ts';

const INTERVENTIONS = 1_000;
const ACTORS = 20;
const CONTRIBUTES = 1_200;
const IMPLEMENTS = 300;
const INTERACTIONS = 1_500;
const JSON_BUDGET_MS = 1_000;
/** Fewer runs for the slow formats, so that the whole bench stays within a couple of minutes. */
const RUNS = { plan: 15, json: 15, csv: 15, md: 9, xlsx: 5, docx: 5, import: 5, served: 3 } as const;

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildBoard(): Y.Doc {
  const random = seeded(2026);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const authors: Author[] = STAKEHOLDER_GROUPS.map((group, i) => ({ id: `author-${i}`, name: `Personne ${i}`, group }));
  const doc = new Y.Doc();
  migrateBoard(doc);
  const status = 'agreed' as const;
  const targets = SDG_TARGETS.map((t, i) =>
    addCard(doc, {
      kind: 'target',
      x: (i % 13) * 240,
      y: Math.floor(i / 13) * 150,
      status,
      author: pick(authors),
      fields: { code: t.code, migrationCrossCutting: i % 7 === 0, crossCuttingNote: i % 7 === 0 ? 'Transversal' : '' },
    }),
  );
  const actors = Array.from({ length: ACTORS }, (_, i) =>
    addCard(doc, {
      kind: 'actor',
      x: -300,
      y: i * 120,
      status,
      author: pick(authors),
      fields: { name: `Organisation ${i}`, group: pick(STAKEHOLDER_GROUPS), description: 'Acteur de mise en œuvre' },
    }),
  );
  const interventions = Array.from({ length: INTERVENTIONS }, (_, i) =>
    addCard(doc, {
      kind: 'intervention',
      x: (i % 20) * 260,
      y: 3000 + Math.floor(i / 20) * 160,
      status,
      author: pick(authors),
      fields: {
        title: `Intervention ${i}: guichet d’information pour les आप्रवासी`,
        description: 'Un guichet unique d’information et d’orientation pour les personnes migrantes. '.repeat(3),
        type: pick(INTERVENTION_TYPES),
        sector: pick(SECTORS),
        rationale: 'Les personnes migrantes perdent des mois à chercher l’information. '.repeat(2),
        actors: [
          { name: 'Ministère du Travail', role: pick(ACTOR_ROLES), tasks: 'Piloter' },
          { name: 'Asociación', role: pick(ACTOR_ROLES), tasks: 'Difundir' },
        ],
        startDate: '2026-09-01',
        endDate: '2028-08-31',
        milestones: [{ date: '2027-06-01', description: 'Premier guichet ouvert' }],
        expectedOutcomes: 'Accès à l’emploi plus rapide',
        expectedOutputs: '3 guichets; 5 000 personnes orientées',
        supportingActivities: [{ kind: 'training', description: 'Formation du personnel' }],
        resourcesRequired: '6 agents, locaux, interprètes',
        funding: [{ amount: 100_000 + i, currency: 'EUR', source: pick(FUNDING_SOURCES), arrangement: 'Budget' }],
        indicators: [{ indicator: 'Personnes orientées', meansOfVerification: 'Registre', reporter: 'Ministère' }],
      },
    }),
  );
  for (let i = 0; i < CONTRIBUTES; i++) {
    const from = interventions[i % INTERVENTIONS] as string;
    const to = targets[(i * 7 + Math.floor(i / INTERVENTIONS)) % targets.length] as string;
    addLink(doc, { kind: 'contributes', from, to, status, author: pick(authors), fields: { note: 'Contribue' } });
  }
  for (let i = 0; i < IMPLEMENTS; i++) {
    const to = interventions[i] as string;
    addLink(doc, {
      kind: 'implements',
      from: actors[i % ACTORS] as string,
      to,
      status,
      author: pick(authors),
      fields: { role: pick(ACTOR_ROLES), tasks: 'Mettre en œuvre' },
    });
  }
  // Distinct ordered pairs of targets, as a scored matrix has.
  const pairs = new Set<string>();
  while (pairs.size < INTERACTIONS) {
    const a = Math.floor(random() * targets.length);
    const b = Math.floor(random() * targets.length);
    if (a !== b) pairs.add(`${a}>${b}`);
  }
  for (const pair of pairs) {
    const [a, b] = pair.split('>').map(Number) as [number, number];
    addLink(doc, {
      kind: 'interaction',
      from: targets[a] as string,
      to: targets[b] as string,
      status,
      author: pick(authors),
      fields: {
        score: pick(INTERACTION_SCORES),
        rationale: 'Des voies régulières renforcent la protection, "sous conditions"',
        conditions: 'Si les inspections suivent',
        confidence: 'medium',
        incoherence: '',
      },
    });
  }
  return doc;
}

// Taken before the bench loads the machine itself.
const machine = machineNote();
const board = buildBoard();
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
