import { afterAll, describe, expect, it } from 'vitest';
import { PLAN_WORK_DEFAULTS } from '../../server/config.ts';
import { renderPlan } from '../../server/export/exportPlan.ts';
import type { PreparedImport } from '../../server/export/importWorkshop.ts';
import { createPlanWork } from '../../server/export/planWorkers.ts';
import type { PlanTask } from '../../server/export/planWorkerTasks.ts';
import { planWithInterventions } from '../support/planBoards.ts';

const work = createPlanWork({ ...PLAN_WORK_DEFAULTS, exportThreads: 1, importThreads: 1, importQueue: 4 });
afterAll(() => work.close());

const runImport = (text: string) => work.imports.run<PreparedImport>({ kind: 'import', text } satisfies PlanTask);

describe('plan work on worker threads', () => {
  it('renders a large document without stalling the event loop', { timeout: 60_000 }, async () => {
    let longestGapMs = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGapMs = Math.max(longestGapMs, now - last);
      last = now;
    }, 10);
    try {
      const file = await renderPlan(planWithInterventions(1000), 'docx', work.exports);
      expect(file.body.subarray(0, 2).toString()).toBe('PK');
    } finally {
      clearInterval(ticker);
    }
    // On the main thread this document takes over a second of CPU in one go.
    expect(longestGapMs).toBeLessThan(500);
  });

  it('prepares an import: the board state for a valid plan, every problem for an invalid one', async () => {
    const plan = planWithInterventions(2);
    const ok = await runImport(JSON.stringify(plan));
    expect(ok.ok && ok.title).toBe(plan.workshop.title);
    expect(ok.ok && ok.state.length).toBeGreaterThan(1000);
    const bad = await runImport('[]');
    expect(bad).toEqual({ ok: false, problems: [{ path: '', message: 'must be object' }] });
  });

  it('reports a task that fails on the worker as an error, and keeps serving after it', async () => {
    const broken = { kind: 'render', format: 'xlsx', plan: { nothing: true } } as never;
    await expect(work.exports.run(broken)).rejects.toThrow(/export worker/);
    const csv = await work.exports.run<Uint8Array>({ kind: 'render', format: 'csv', plan: planWithInterventions(1) });
    expect(Buffer.from(csv).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('answers more tasks at once than it has threads, each with its own result', async () => {
    const plans = [1, 2, 3, 4, 5].map((n) => planWithInterventions(n));
    const results = await Promise.all(plans.map((plan) => runImport(JSON.stringify(plan))));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true]);
    const sizes = results.map((r) => (r.ok ? r.state.length : 0));
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
  });
});
