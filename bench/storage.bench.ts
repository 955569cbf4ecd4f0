// Group commit in the SQLite storage: 50 workshops' updates arriving in one event-loop turn (as
// they do from 50 busy rooms) are committed together, against the same 50 appends made one after
// another, each waiting for its own commit. Same code, same file, side by side, alternated.
// Run: npx tsx bench/storage.bench.ts (or npm run bench); writes the storage section of
// docs/benchmarks.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStorage } from '../server/storage/sqliteStorage.ts';
import type { Storage } from '../server/storage/storage.ts';
import { machineNote, writeSection } from './benchmarksDoc.ts';

const ROOMS = 50;
const BURSTS = 300;
const ROUNDS = 4;
const UPDATE = new Uint8Array(60).fill(7);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] as number;

async function burst(storage: Storage, ids: string[], together: boolean): Promise<number> {
  const start = performance.now();
  if (together) await Promise.all(ids.map((id) => storage.appendUpdate(id, UPDATE)));
  else for (const id of ids) await storage.appendUpdate(id, UPDATE);
  return performance.now() - start;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-storage-bench-'));
  const storage = openSqliteStorage(dir);
  const ids = Array.from({ length: ROOMS }, (_, i) => `bench-workshop-${String(i).padStart(6, '0')}`);
  for (const id of ids) {
    await storage.createWorkshop(
      { id, title: id, createdAt: 0, epochs: { facilitator: 0, participant: 0, viewer: 0 } },
      new Uint8Array([0]),
    );
  }
  const times = { together: [] as number[], apart: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const together of round % 2 === 0 ? [true, false] : [false, true]) {
      for (let i = 0; i < BURSTS; i++)
        (together ? times.together : times.apart).push(await burst(storage, ids, together));
    }
  }
  await storage.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const row = (label: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { label, p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length };
  };
  const together = row('in one turn (one commit)', times.together);
  const apart = row('one after another (a commit each)', times.apart);
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  const section = [
    '## Storage: group commit of updates from many rooms',
    '',
    `${ROOMS} workshops each store one update of ${UPDATE.length} bytes, ${BURSTS * ROUNDS} times: all ${ROOMS} appends`,
    'made in the same event-loop turn, as updates arriving together from busy rooms are (the SQLite',
    'storage commits them in one transaction), against the same appends each awaited before the next',
    '(a commit each). Same storage, same file, alternated in rounds. Time: until every append of the',
    'burst has resolved, i.e. is committed and may be relayed.',
    '',
    '| 50 appends | p50 | p99 | bursts |',
    '| :-- | --: | --: | --: |',
    ...[together, apart].map((r) => `| ${r.label} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.n} |`),
    '',
    `Ratio one commit / a commit each: p50 ${(together.p50 / apart.p50).toFixed(2)}×, p99 ${(together.p99 / apart.p99).toFixed(2)}×.`,
    '',
    `Command: \`npx tsx bench/storage.bench.ts\`, or \`npm run bench\`. Machine: ${machineNote()}.`,
  ].join('\n');
  writeSection('storage', section);
  console.log(section);
}

await main();
