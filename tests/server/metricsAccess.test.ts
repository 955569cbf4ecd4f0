import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { metricsAllowed } from '../../server/http/metricsAccess.ts';
import { type DelaySamples, EventLoopDelay, type EventLoopDelaySnapshot } from '../../server/metrics/eventLoopDelay.ts';
import { type RunningServer, startServer } from '../../server/server.ts';

const TOKEN = 'metrics-token-0123456789';

describe('metricsAllowed', () => {
  it('lets anyone in when no token is configured', () => {
    expect(metricsAllowed(undefined, null)).toBe(true);
    expect(metricsAllowed(undefined, 'anything')).toBe(true);
  });

  it('lets only the exact token in when one is configured', () => {
    expect(metricsAllowed(TOKEN, TOKEN)).toBe(true);
    for (const wrong of [null, '', TOKEN.slice(0, -1), `${TOKEN}x`, TOKEN.toUpperCase(), 'x'.repeat(10_000)]) {
      expect(metricsAllowed(TOKEN, wrong), String(wrong).slice(0, 30)).toBe(false);
    }
  });
});

/** Samples in nanoseconds as Node's histogram holds them, for a sampling interval of 10 ms. */
function fakeSamples(values: number[]): DelaySamples & { values: number[] } {
  const sorted = () => [...values].sort((a, b) => a - b);
  return {
    values,
    get count() {
      return values.length;
    },
    get max() {
      return Math.max(0, ...values);
    },
    get mean() {
      return values.reduce((a, b) => a + b, 0) / values.length;
    },
    percentile(p: number) {
      const s = sorted();
      return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
    },
    reset() {
      values.length = 0;
    },
    enable: () => true,
    disable: () => true,
  };
}

const ms = (n: number) => n * 1e6;
const quantile = (snap: EventLoopDelaySnapshot, q: number) => snap.quantiles.find(([k]) => k === q)?.[1];

describe('EventLoopDelay', () => {
  it('reports the delay beyond the sampling interval, in seconds', () => {
    const samples = fakeSamples([...Array(98).fill(ms(10)), ms(60), ms(210)]);
    const snap = new EventLoopDelay(samples, 10).snapshot();
    expect(quantile(snap, 0.5)).toBe(0);
    expect(quantile(snap, 0.99)).toBeCloseTo(0.05);
    expect(snap.maxSeconds).toBeCloseTo(0.2);
    expect(snap.count).toBe(100);
    expect(snap.sumSeconds).toBeCloseTo(0.25);
  });

  it('keeps the last window’s stall visible after a rotation, and forgets it after the next', () => {
    const samples = fakeSamples([ms(10), ms(510)]);
    const delay = new EventLoopDelay(samples, 10);
    delay.rotate();
    samples.values.push(ms(10), ms(10));
    expect(delay.snapshot().maxSeconds).toBeCloseTo(0.5);
    delay.rotate();
    expect(delay.snapshot().maxSeconds).toBe(0);
    // Totals run on: four samples, half a second of delay.
    expect(delay.snapshot().count).toBe(4);
    expect(delay.snapshot().sumSeconds).toBeCloseTo(0.5);
  });

  it('reports no delay for an empty window', () => {
    const snap = new EventLoopDelay(fakeSamples([]), 10).snapshot();
    expect(snap).toEqual({
      quantiles: [
        [0.5, 0],
        [0.9, 0],
        [0.99, 0],
      ],
      maxSeconds: 0,
      sumSeconds: 0,
      count: 0,
    });
  });
});

describe('/metrics on a live server', () => {
  let server: RunningServer;
  let dataDir = '';
  afterEach(async () => {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const start = async (metricsToken?: string) => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-metrics-'));
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent', metricsToken });
  };
  const metrics = (authorization?: string) =>
    fetch(`${server.url}/metrics`, { headers: authorization ? { authorization } : {} });

  it('with METRICS_TOKEN, refuses a missing or wrong token with 401 and a Bearer challenge', async () => {
    await start(TOKEN);
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const res = await metrics(authorization);
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
      expect(await res.text()).not.toContain('sdg_');
    }
    const res = await metrics(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('# TYPE sdg_connections gauge');
  });

  it('without METRICS_TOKEN, answers anyone', async () => {
    await start();
    expect((await metrics()).status).toBe(200);
  });

  it('shows a stall of the event loop in the delay summary and its maximum', async () => {
    await start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const until = Date.now() + 300;
    while (Date.now() < until) {
      // Block the loop, as a runaway handler would.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    const text = await (await metrics()).text();
    expect(text).toContain('# TYPE sdg_event_loop_delay_seconds summary');
    expect(text).toMatch(/^sdg_event_loop_delay_seconds\{quantile="0.99"\} [\d.e-]+$/m);
    expect(text).toMatch(/^sdg_event_loop_delay_seconds_count [1-9]\d*$/m);
    const max = Number(/^sdg_event_loop_delay_max_seconds (\S+)$/m.exec(text)?.[1]);
    expect(max).toBeGreaterThan(0.25);
    expect(max).toBeLessThan(5);
  });
});
