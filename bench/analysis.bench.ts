// Benchmark of analyseBoard on a full board: all 169 targets, 5,000 scored interaction links on
// distinct ordered pairs (seeded), plus a plan layer of objectives and interventions, built in a
// Y.Doc and read back with listCards/listLinks as the client does. Budget: the median run must stay
// under 100 ms in Node. Run: npx tsx bench/analysis.bench.ts
// Writes its figures between the analysis markers of docs/benchmarks.md (bench/benchmarksDoc.ts).
import { loadavg } from 'node:os';
import * as Y from 'yjs';
import { analyseBoard, type BoardSnapshot } from '../shared/analysis/index.ts';
import {
  type Author,
  addCard,
  addLink,
  INTERACTION_SCORES,
  INTERVENTION_TYPES,
  listCards,
  listLinks,
} from '../shared/model/index.ts';
import { SDG_TARGETS } from '../shared/sdg/catalogue.ts';
import { machineNote, median as medianOf, writeSection } from './benchmarksDoc.ts';

const INTERACTION_LINKS = 5_000;
const OBJECTIVES = 12;
const INTERVENTIONS = 60;
const WARM_UP_RUNS = 5;
const MEASURED_RUNS = 50;
const BUDGET_MEDIAN_MS = 100;
const SEED = 2030;

const AUTHOR: Author = { id: 'bench', name: 'Bench', group: 'academia' };

/** mulberry32: small, fast and good enough to spread scores and pairs. */
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

/** Built through the model's own operations and read back as the client reads it. */
function buildBoard(): BoardSnapshot {
  const random = seeded(SEED);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const doc = new Y.Doc();
  let now = 1_700_000_000_000;
  const at = { x: 0, y: 0, author: AUTHOR };

  const targetIds = SDG_TARGETS.map((t) =>
    addCard(doc, { ...at, kind: 'target', fields: { code: t.code } }, null, ++now),
  );

  // Every ordered pair of distinct targets, shuffled (Fisher–Yates), the first 5,000 taken.
  const n = targetIds.length;
  const pairs: number[] = [];
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) pairs.push(a * n + b);
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j] as number, pairs[i] as number];
  }
  for (let i = 0; i < INTERACTION_LINKS; i++) {
    const pair = pairs[i] as number;
    const r = random();
    const incoherence = r < 0.05 ? 'horizontal' : r < 0.1 ? 'vertical' : '';
    const from = targetIds[Math.floor(pair / n)] as string;
    const to = targetIds[pair % n] as string;
    const fields = { score: pick(INTERACTION_SCORES), incoherence } as const;
    addLink(doc, { kind: 'interaction', from, to, author: AUTHOR, fields }, null, ++now);
  }

  for (let i = 0; i < OBJECTIVES; i++) {
    const objective = addCard(doc, { ...at, kind: 'objective', fields: { title: `Objective ${i}` } }, null, ++now);
    addLink(doc, { kind: 'contributes', from: objective, to: pick(targetIds), author: AUTHOR }, null, ++now);
  }
  for (let i = 0; i < INTERVENTIONS; i++) {
    const fields = { title: `Intervention ${i}`, type: pick(INTERVENTION_TYPES) };
    const status = pick(['proposed', 'agreed'] as const);
    const intervention = addCard(doc, { ...at, kind: 'intervention', status, fields }, null, ++now);
    const contributions = Math.floor(random() * 3); // 0–2: some interventions are left without a target
    for (let c = 0; c < contributions; c++) {
      addLink(doc, { kind: 'contributes', from: intervention, to: pick(targetIds), author: AUTHOR }, null, ++now);
    }
  }
  return { cards: listCards(doc), links: listLinks(doc) };
}

/** Nearest-rank percentile of ascending values. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const board = buildBoard();
for (let i = 0; i < WARM_UP_RUNS; i++) analyseBoard(board);
const times: number[] = [];
let analysis = analyseBoard(board);
for (let i = 0; i < MEASURED_RUNS; i++) {
  const t0 = performance.now();
  analysis = analyseBoard(board);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = medianOf(times);
const p95 = percentile(times, 95);
const ok = median < BUDGET_MEDIAN_MS;

const command = '`npx tsx bench/analysis.bench.ts`, or `npm run bench` with the other benchmarks';
const scored = analysis.targets.matrix.scored.reduce((sum, s) => sum + s, 0);

const section = `## Board analysis (\`analyseBoard\`)

Full analysis of one board (both matrices, row and column sums, second order, clusters, synergies,
trade-offs, coherence notes, duplication, coverage) in one call, timed with \`performance.now()\`
after ${WARM_UP_RUNS} warm-up runs.

Board: all ${analysis.targets.matrix.size} targets; ${INTERACTION_LINKS.toLocaleString('en')} interaction links on distinct ordered pairs (a seeded
shuffle of the 28,392), scores uniform on −3…+3, 10% tagged incoherent; ${OBJECTIVES} objectives and
${INTERVENTIONS} interventions with contributes links. Built in a Y.Doc and read back with
\`listCards\`/\`listLinks\`, as the client does. Result: ${scored} scored cells, ${analysis.tradeOffs.length} trade-offs,
${analysis.synergies.length} synergies, ${analysis.targets.clusters.length} cluster(s) (a densely scored board joins into one).

| runs | median | p95 | min | max | budget (median) |
| ---: | -----: | --: | --: | --: | :-------------- |
| ${MEASURED_RUNS} | ${median.toFixed(2)} ms | ${p95.toFixed(2)} ms | ${(times[0] as number).toFixed(2)} ms | ${(times[times.length - 1] as number).toFixed(2)} ms | < ${BUDGET_MEDIAN_MS} ms: ${ok ? 'met' : 'NOT MET'} |

Command: ${command}.
Machine: ${machineNote()}; load average ${(loadavg()[0] ?? 0).toFixed(1)} at the end of the run (other work on the
machine widens p95 and max).`;

writeSection('analysis', section);
console.log(section);
if (!ok) {
  console.error(`analyseBoard median ${median.toFixed(2)} ms is over the ${BUDGET_MEDIAN_MS} ms budget`);
  process.exitCode = 1;
}
