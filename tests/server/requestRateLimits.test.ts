// The per-address rate limits on the routes that make the server work for anyone: creating a
// workshop and importing a plan (429 with Retry-After), and when X-Forwarded-For names the address.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RateLimitSettings } from '../../server/http/rateLimits.ts';
import { type RunningServer, startServer } from '../../server/server.ts';
import { type CreatedWorkshop, createWorkshop } from '../support/syncClient.ts';

const started: { server: RunningServer; dataDir: string }[] = [];

async function start(rateLimits: Partial<RateLimitSettings>): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-rates-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent', rateLimits });
  started.push({ server, dataDir });
  return server;
}

afterEach(async () => {
  for (const { server, dataDir } of started.splice(0)) {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

function create(s: RunningServer, headers: Record<string, string> = {}) {
  return fetch(`${s.url}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ title: 'A workshop' }),
  });
}

function importPlan(s: RunningServer, workshop: CreatedWorkshop, body = '{}') {
  return fetch(`${s.url}/api/workshops/${workshop.id}/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${workshop.tokens.facilitator}`, 'content-type': 'application/json' },
    body,
  });
}

async function expectTooMany(res: Response, what: string, maxWaitSeconds: number) {
  expect(res.status).toBe(429);
  const wait = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(wait)).toBe(true);
  expect(wait).toBeGreaterThanOrEqual(1);
  expect(wait).toBeLessThanOrEqual(maxWaitSeconds);
  expect(await res.json()).toEqual({
    error: `too many ${what} from this address; try again in ${wait} s`,
    retryAfterSeconds: wait,
  });
}

describe('creating workshops', () => {
  it('is refused with 429 and Retry-After past the burst, and stores nothing', async () => {
    const s = await start({ workshopsPerMinute: 2, workshopsBurst: 3 });
    for (let i = 0; i < 3; i++) expect((await create(s)).status).toBe(201);
    const before = await s.storage.countWorkshops();
    // Two a minute: the next one in at most 30 s.
    await expectTooMany(await create(s), 'workshops created', 30);
    expect(await s.storage.countWorkshops()).toBe(before);
    expect(s.counters.refusalCount('http-rate-limited-workshops')).toBe(1);
  });

  it('never bothers a workshop’s worth of people creating at once with the defaults', async () => {
    const s = await start({});
    const statuses = await Promise.all(Array.from({ length: 20 }, () => create(s).then((res) => res.status)));
    expect(statuses.every((status) => status === 201)).toBe(true);
  });

  it('counts by the socket’s address whatever X-Forwarded-For says, unless a proxy is trusted', async () => {
    const direct = await start({ workshopsPerMinute: 1, workshopsBurst: 1 });
    expect((await create(direct, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(201);
    // A new address in the header is no new sender.
    expect((await create(direct, { 'x-forwarded-for': '203.0.113.2' })).status).toBe(429);

    const proxied = await start({ workshopsPerMinute: 1, workshopsBurst: 1, trustedProxies: 1 });
    expect((await create(proxied, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(201);
    expect((await create(proxied, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(429);
    // The proxy appends the address it saw; what the client wrote before it does not count.
    expect((await create(proxied, { 'x-forwarded-for': '203.0.113.1, 203.0.113.2' })).status).toBe(201);
    expect((await create(proxied, { 'x-forwarded-for': '198.51.100.7, 203.0.113.2' })).status).toBe(429);
  });
});

describe('importing plans', () => {
  it('is refused with 429 and Retry-After past the burst, before the token or the body is looked at', async () => {
    const s = await start({ importsPerMinute: 10, importsBurst: 2 });
    const workshop = await createWorkshop(s.url);
    // Invalid plans and wrong tokens count too: each made the server work.
    expect((await importPlan(s, workshop)).status).toBe(400);
    expect((await importPlan(s, { ...workshop, tokens: { ...workshop.tokens, facilitator: 'wrong' } })).status).toBe(
      401,
    );
    await expectTooMany(await importPlan(s, workshop), 'plans imported', 6);
    expect(s.counters.refusalCount('http-rate-limited-imports')).toBe(1);
  });
});
