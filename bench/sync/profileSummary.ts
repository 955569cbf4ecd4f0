// Where a profiled server spent its time inside the measured windows only (not start-up or
// connecting): `SYNC_BENCH_PROFILE=ours,reference SYNC_BENCH_SCENARIOS=rooms-50x20 npm run bench:sync`,
// then `npx tsx bench/sync/profileSummary.ts $TMPDIR/sync-bench-profiles/rooms-50x20/ours [filter]`.
// Prints the functions with the most self time, then the most inclusive time among those whose
// name or file matches the filter (a regular expression; default: our server's and the reference's
// own files).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const [dir, filterSource] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('usage: tsx bench/sync/profileSummary.ts <profile dir> [filter]\n');
  process.exit(2);
}
const windows = JSON.parse(readFileSync(join(dir, 'windows.json'), 'utf8')) as [number, number][];
// The main thread's profile (the loader thread of `--import tsx` writes a second, idle one).
const file = readdirSync(dir)
  .filter((name) => name.endsWith('.cpuprofile'))
  .sort()
  .find((name) => /\.0\.\d+\.cpuprofile$/.test(name));
if (!file) throw new Error(`no main-thread .cpuprofile in ${dir}`);
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
const filter = new RegExp(filterSource ?? 'server/|shared/|websocket-server/src|hocuspocus/server');

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const label = (id: number): string => {
  const frame = (byId.get(id) as ProfileNode).callFrame;
  const where = frame.url.replace(/.*node_modules\//, '').replace(/.*\/(server|shared|bench)\//, '$1/');
  return `${frame.functionName || '(anonymous)'} ${where}${where ? `:${frame.lineNumber + 1}` : ''}`;
};

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let inWindows = 0;
let busy = 0;
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  at += delta;
  if (!windows.some(([from, to]) => at >= from && at < to)) return;
  inWindows += delta;
  if ((byId.get(id) as ProfileNode).callFrame.functionName === '(idle)') return;
  busy += delta;
  self.set(label(id), (self.get(label(id)) ?? 0) + delta);
  const seen = new Set<string>();
  for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
    const key = label(node);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + delta);
  }
});

const ms = (us: number) => (us / 1000).toFixed(1).padStart(8);
const share = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)}%`;
const top = (map: Map<string, number>, keep: (key: string) => boolean) =>
  [...map]
    .filter(([key]) => keep(key))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([key, us]) => `${ms(us)} ms ${share(us)}  ${key}`)
    .join('\n');

process.stdout.write(
  `${file}: ${windows.length} windows, ${ms(inWindows).trim()} ms; main thread busy ${ms(busy).trim()} ms\n\n` +
    `self time\n${top(self, () => true)}\n\ninclusive time (${filter.source})\n${top(inclusive, (key) => filter.test(key))}\n`,
);
