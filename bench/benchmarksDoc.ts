// Writes one benchmark's section of docs/benchmarks.md between its own markers, leaving the other
// benchmarks' sections as they are (each bench owns one section).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DOC = join(REPO_ROOT, 'docs', 'benchmarks.md');

export function writeSection(name: string, section: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${section.trimEnd()}\n${end}`;
  const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Benchmarks\n';
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from !== -1 && to > from
      ? current.slice(0, from) + block + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(DOC, next);
  // Formatted as the linter wants it (it aligns Markdown tables), so that `npm run lint` stays green.
  execFileSync(join(REPO_ROOT, 'node_modules', '.bin', 'biome'), ['format', '--write', DOC], { stdio: 'ignore' });
}

/**
 * "nproc 2; Node v20.20.2; load average 0.4; 2026-11-23": what the figures were measured on. The
 * load tells a reader whether other work shared the cores (figures swing with it on 2 cores).
 */
export function machineNote(): string {
  const load = (loadavg()[0] as number).toFixed(1);
  return `nproc ${availableParallelism()}; Node ${process.version}; load average ${load}; ${new Date().toISOString().slice(0, 10)}`;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs `task` `warmUp` times unmeasured, then `runs` times; the times in ms. */
export async function timeRuns(task: () => unknown, runs: number, warmUp = 1): Promise<number[]> {
  for (let i = 0; i < warmUp; i++) await task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await task();
    times.push(performance.now() - t0);
  }
  return times;
}
