import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStorage } from '../../server/storage/sqliteStorage.ts';
const dir = mkdtempSync(join(tmpdir(), 'sq-'));
const s = openSqliteStorage(dir);
const ids: string[] = [];
for (let i = 0; i < 50; i++) { const id = `workshop-bench-${String(i).padStart(4, '0')}xx`; ids.push(id); await s.createWorkshop({ id, title: 't', createdAt: 0, epochs: { facilitator: 0, participant: 0, viewer: 0 } }, new Uint8Array([0, 0])); }
const update = new Uint8Array(60).fill(7);
const times: number[] = [];
for (let i = 0; i < 5000; i++) {
  const t0 = performance.now();
  await s.appendUpdate(ids[i % 50] as string, update);
  times.push(performance.now() - t0);
  if (i % 5 === 4) await new Promise((r) => setTimeout(r, 10));
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.floor(p * times.length)]?.toFixed(3);
console.log('append ms p50', q(0.5), 'p99', q(0.99), 'p99.9', q(0.999), 'max', times[times.length - 1]?.toFixed(2), 'over 1 ms:', times.filter((t) => t > 1).length, 'over 5 ms:', times.filter((t) => t > 5).length);
