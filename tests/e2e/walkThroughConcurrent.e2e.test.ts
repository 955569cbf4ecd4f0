// Two facilitators recording walk-through decisions on two different interventions at the same
// moment (issue 13): each browser decides before it has seen the other's decision, and both
// records are kept, on both pages and on the server. The moment is made exact by holding what the
// server sends each page (as a slow network would) while both decide, then letting it through.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addCard, addLink, getCard, readFacilitation, setPhase } from '../../shared/model/index.ts';
import { connectClient, whenSynced } from '../support/syncClient.ts';
import { browserSuite, openPage, REPO_ROOT, type TestPage, waitForSyncedBoard } from './helpers.ts';
import { e2eSecretOf, SEED_ORIGIN, SEEDER, seedBoard } from './seed.ts';

const TIMEOUT_MS = 120_000;
const SHOTS = path.join(REPO_ROOT, '.tmp', 'shots');

function tokenOf(link: string): string {
  return new URL(link).hash.replace('#token=', '');
}

/** What the server holds, read by a headless client through the model. */
async function stored<T>(serverUrl: string, id: string, link: string, read: (doc: Y.Doc) => T): Promise<T> {
  const client = connectClient(serverUrl, id, tokenOf(link));
  try {
    await whenSynced(client, 10_000);
    return read(client.doc);
  } finally {
    client.destroy();
  }
}

function validation(page: Page) {
  return page.evaluate(() => window.__sdgFacilitation?.facilitation().validation ?? {});
}

/** A page's sync sockets, with what the server sends held back while `hold()` is on (latency). */
interface Latency {
  hold(): void;
  /** Delivers what was held, in order, and stops holding. */
  release(): void;
  held(): number;
}

async function withLatency(context: BrowserContext): Promise<Latency> {
  let holding = false;
  const queue: Array<() => void> = [];
  await context.routeWebSocket(/\/sync\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      if (holding) queue.push(() => ws.send(message));
      else ws.send(message);
    });
  });
  return {
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      for (const deliver of queue.splice(0)) deliver();
    },
    held: () => queue.length,
  };
}

describe('two facilitators deciding at once', () => {
  const suite = browserSuite();
  const pages: TestPage[] = [];

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      fs.mkdirSync(SHOTS, { recursive: true });
      for (const [i, tp] of pages.entries()) {
        await tp.page.screenshot({ path: path.join(SHOTS, `failed-concurrent-walk-${i}.png`) }).catch(() => {});
      }
    }
    pages.length = 0;
  });

  /** A facilitator's page, as `openBoard` opens it, with its sync sockets behind `withLatency`. */
  async function open(link: string, name: string): Promise<TestPage & { latency: Latency }> {
    const tp = suite.track(await openPage(suite.browser));
    pages.push(tp);
    const latency = await withLatency(tp.context);
    await tp.context.addInitScript(
      ({ who, secret }: { who: string; secret: string }) => {
        localStorage.setItem('sdg-board:private-secret', secret);
        localStorage.setItem('sdg-board:identity', JSON.stringify({ name: who, group: 'civil-society' }));
      },
      { who: name, secret: e2eSecretOf(name) },
    );
    await tp.page.goto(link);
    await waitForSyncedBoard(tp.page);
    return { ...tp, latency };
  }

  const current = (page: Page) => page.getByTestId('walk-current').getAttribute('data-id');

  it(
    'keeps both records when two facilitators decide different interventions at the same moment',
    async () => {
      const w = await seedBoard(suite.server.url, (doc) => {
        const target = addCard(
          doc,
          { kind: 'target', x: 0, y: 0, author: SEEDER, fields: { code: '10.7' } },
          SEED_ORIGIN,
        );
        const ids = ['Migrant resource centre', 'Labour rights training'].map((title, i) => {
          const id = addCard(
            doc,
            { kind: 'intervention', x: 360, y: i * 240, author: SEEDER, fields: { title } },
            SEED_ORIGIN,
          );
          addLink(doc, { kind: 'contributes', from: id, to: target, author: SEEDER }, SEED_ORIGIN);
          return id;
        });
        setPhase(doc, 'validate', SEED_ORIGIN);
        return ids;
      });
      const [first, second] = w.made as [string, string];
      // Both came with the facilitator's link.
      const ada = await open(w.link, 'Ada');
      const bea = await open(w.link, 'Bea');

      await ada.page.getByTestId('open-walk').click();
      await bea.page.getByTestId('open-walk').click();
      await ada.page.getByTestId('walk-start').click();
      await expect.poll(() => current(bea.page)).toBe(first);

      // Bea stays on the first intervention while Ada moves on to the second: the walk-through's
      // position is shared, so Bea does not hear of Ada's move until the end.
      bea.latency.hold();
      await ada.page.getByTestId('walk-next').click();
      await expect.poll(() => current(ada.page)).toBe(second);
      expect(await current(bea.page)).toBe(first);
      ada.latency.hold();

      // Both decide at once, each before seeing the other's decision.
      await Promise.all([
        (async () => {
          await ada.page.getByTestId('walk-agree').click();
          await ada.page.getByTestId('walk-agree-confirm').click();
          await ada.page.getByTestId('walk-state').and(ada.page.locator('[data-decision="agreed"]')).waitFor();
        })(),
        (async () => {
          await bea.page.getByTestId('walk-set-aside').click();
          await bea.page.getByTestId('walk-state').and(bea.page.locator('[data-decision="set-aside"]')).waitFor();
        })(),
      ]);
      // Neither page has seen the other's record yet.
      expect(Object.keys(await validation(ada.page))).toEqual([second]);
      expect(Object.keys(await validation(bea.page))).toEqual([first]);

      // The server keeps both records.
      const records = (doc: Y.Doc) => {
        const all = readFacilitation(doc).validation;
        return Object.fromEntries(Object.entries(all).map(([id, r]) => [id, { decision: r.decision, by: r.by }]));
      };
      const both = {
        [first]: { decision: 'set-aside', by: 'Bea' },
        [second]: { decision: 'agreed', by: 'Ada' },
      };
      await expect
        .poll(() => stored(suite.server.url, w.id, w.link, records), { timeout: 10_000, interval: 250 })
        .toEqual(both);
      expect(await stored(suite.server.url, w.id, w.link, (doc) => getCard(doc, second)?.status)).toBe('agreed');

      // And so does each page, once what the server sent arrives.
      ada.latency.release();
      bea.latency.release();
      for (const tp of [ada, bea]) {
        await expect
          .poll(async () => {
            const all = await validation(tp.page);
            return Object.fromEntries(Object.entries(all).map(([id, r]) => [id, { decision: r.decision, by: r.by }]));
          })
          .toEqual(both);
        // The outline's decision tags show both.
        await expect
          .poll(() => tp.page.getByTestId(`decision-tag-${first}`).getAttribute('data-decision'))
          .toBe('set-aside');
      }
      expect(await current(bea.page)).toBe(second);
      // Every intervention decided, one agreed, none sent back: the plan is validated on both.
      for (const tp of [ada, bea]) {
        await expect
          .poll(async () => ((await tp.page.getByTestId('plan-standing-text').first().textContent()) ?? '').trim())
          .toBe('Validated');
      }
    },
    TIMEOUT_MS,
  );
});
