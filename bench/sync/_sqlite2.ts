import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
for (const variant of ['default', 'no-autocheckpoint', 'synchronous=OFF-checkpoint-only']) {
  const db = new Database(join(mkdtempSync(join(tmpdir(), 'sq-')), 'x.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  if (variant === 'no-autocheckpoint') db.pragma('wal_autocheckpoint = 0');
  db.exec(`CREATE TABLE doc_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, workshop_id TEXT NOT NULL, data BLOB NOT NULL);
  CREATE INDEX doc_updates_by_workshop ON doc_updates(workshop_id, seq);`);
  const ins = db.prepare('INSERT INTO doc_updates (workshop_id, data) VALUES (?, ?)');
  const buf = Buffer.alloc(60, 7);
  const times: number[] = [];
  for (let i = 0; i < 5000; i++) {
    const t0 = performance.now();
    ins.run(`workshop-bench-${i % 50}`, buf);
    times.push(performance.now() - t0);
    if (i % 5 === 4) await new Promise((r) => setTimeout(r, 10));
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.floor(p * times.length)]?.toFixed(3);
  console.log(variant, 'p50', q(0.5), 'p99', q(0.99), 'p99.9', q(0.999), 'max', times[times.length - 1]?.toFixed(2), '>5ms:', times.filter((t) => t > 5).length);
  db.close();
}
