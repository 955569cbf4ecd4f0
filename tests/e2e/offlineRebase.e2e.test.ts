// Offline work is rebased, not dropped (issue 13): a participant edits two interventions while
// offline, the facilitator agrees one of them meanwhile; on reconnect the server refuses the
// update (4409), and the browser replays the other edit onto the board as the server has it, tells
// the person which change was not applied, and keeps nothing refused (not after a reload either).
// A viewer's browser keeps no local edit.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { addCard, getCard, listCards, updateCard } from '../../shared/model/index.ts';
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import { connectClient, createWorkshop, type TestClient, whenSynced } from '../support/syncClient.ts';
import { waitFor } from '../support/wait.ts';
import { browserSuite, drawnCardBox, type TestPage, waitForSyncedBoard } from './helpers.ts';
import { openBoard, SEED_ORIGIN, SEEDER, waitForCards } from './seed.ts';

const TIMEOUT_MS = 120_000;

async function rationale(page: Page, id: string): Promise<unknown> {
  return page.evaluate((cardId) => {
    const card = window.__sdgBoard?.cards().find((c) => c.id === cardId);
    return card?.kind === 'intervention' ? card.fields.rationale : undefined;
  }, id);
}

async function select(page: Page, id: string): Promise<void> {
  const box = await drawnCardBox(page, id);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.getByTestId('inspector').getByTestId('status-control').waitFor();
}

const offlineCacheReady = (page: Page, workshopId: string) =>
  page.waitForFunction(
    async (name) => (await indexedDB.databases()).some((db) => db.name === name),
    `sdg-board-${workshopId}`,
    { timeout: 10_000 },
  );

/** Lets a test cut the page off the server (HTTP and socket) and records how the server closed its sockets. */
async function cuttable(context: BrowserContext) {
  const line = { reachable: true, serverCloses: [] as number[] };
  await context.route('**/api/workshops/**', (route) => (line.reachable ? route.continue() : route.abort()));
  await context.routeWebSocket(/\/sync\//, (ws) => {
    if (!line.reachable) {
      ws.close({ code: 1006, reason: 'unreachable' });
      return;
    }
    const server = ws.connectToServer();
    server.onClose((code) => {
      line.serverCloses.push(code ?? 0);
      ws.close({ code, reason: 'closed by the server' });
    });
  });
  return line;
}

describe('offline work is rebased, not dropped', () => {
  const suite = browserSuite();
  const clients: TestClient[] = [];
  afterAll(() => {
    for (const c of clients) c.destroy();
  });

  async function workshopWithTwoInterventions() {
    const workshop = await createWorkshop(suite.server.url, 'Rebase');
    const headless = connectClient(suite.server.url, workshop.id, workshop.tokens.facilitator);
    clients.push(headless);
    await whenSynced(headless, 10_000);
    const jobs = addCard(
      headless.doc,
      { kind: 'intervention', x: 0, y: 0, author: SEEDER, fields: { title: 'Jobs desk', rationale: 'Work first.' } },
      SEED_ORIGIN,
    );
    const lang = addCard(
      headless.doc,
      {
        kind: 'intervention',
        x: 400,
        y: 0,
        author: SEEDER,
        fields: { title: 'Language classes', rationale: 'Words first.' },
      },
      SEED_ORIGIN,
    );
    return { workshop, headless, jobs, lang };
  }

  async function open(link: string, name: string, before?: (tp: TestPage) => Promise<void>): Promise<TestPage> {
    const tp = await openBoard(suite.browser, link, name);
    suite.track(tp);
    await before?.(tp);
    return tp;
  }

  for (const reloadedOffline of [false, true]) {
    it(
      `replays the edit of an item still editable, names the one agreed meanwhile, and keeps nothing refused${reloadedOffline ? ' (with a reload while offline)' : ''}`,
      async () => {
        const { workshop, headless, jobs, lang } = await workshopWithTwoInterventions();
        const facilitator = await open(workshop.links.facilitator, 'Fay Facilitator');
        const participant = await open(workshop.links.participant, 'Pia Participant');
        const { page } = participant;
        await waitForCards(page, 2);
        await waitForCards(facilitator.page, 2);
        // The line is routed from the start, so that it can be cut (the page is reloaded onto it).
        const line = await cuttable(participant.context);
        await page.reload();
        await waitForSyncedBoard(page);
        await offlineCacheReady(page, workshop.id);

        // The line goes down; the participant edits both interventions.
        line.reachable = false;
        await page.evaluate(() => window.__sdgBoard?.provider.ws?.close());
        await page
          .getByTestId('connection-status')
          .filter({ hasNotText: /^Synced$/ })
          .waitFor();
        for (const [id, text] of [
          [jobs, 'Work first, and a desk in every district.'],
          [lang, 'Words first, in the evenings.'],
        ] as const) {
          await select(page, id);
          await page.getByTestId('inspector').getByTestId('field-rationale').fill(text);
          await expect.poll(() => rationale(page, id)).toBe(text);
        }
        // y-indexeddb writes in the background: give its transaction a moment to commit.
        await page.waitForTimeout(500);
        if (reloadedOffline) {
          // The board opens from the browser's copy, and so does the state the server last confirmed.
          await page.reload();
          await page.waitForFunction(() => window.__sdgBoard !== undefined);
          await expect.poll(() => rationale(page, lang), { timeout: 10_000 }).toBe('Words first, in the evenings.');
        }

        // Meanwhile the facilitator agrees the jobs desk.
        updateCard(headless.doc, jobs, { status: 'agreed' }, SEED_ORIGIN);
        await expect
          .poll(() =>
            facilitator.page.evaluate((id) => window.__sdgBoard?.cards().find((c) => c.id === id)?.status, jobs),
          )
          .toBe('agreed');

        // Back online: the server refuses the update that touches the agreed item…
        line.reachable = true;
        await waitFor(
          () => line.serverCloses.includes(CLOSE.conflict),
          'the server to refuse the offline update',
          30_000,
        );
        // …and the other edit reaches everyone all the same.
        await waitFor(
          () => {
            const card = getCard(headless.doc, lang);
            return card?.kind === 'intervention' && card.fields.rationale === 'Words first, in the evenings.';
          },
          'the other offline edit to reach the server',
          30_000,
        );
        await expect
          .poll(() => rationale(facilitator.page, lang), { timeout: 10_000 })
          .toBe('Words first, in the evenings.');
        const jobsOnServer = getCard(headless.doc, jobs);
        expect(jobsOnServer?.kind === 'intervention' && jobsOnServer.fields.rationale).toBe('Work first.');
        expect(await rationale(facilitator.page, jobs)).toBe('Work first.');

        // The participant is told which change was not applied, and why; their board is the server's.
        await page
          .getByTestId('notice')
          .filter({ hasText: 'Your change to “Jobs desk” was not applied: it was agreed while you were offline' })
          .waitFor({ timeout: 10_000 });
        await page
          .getByTestId('connection-status')
          .filter({ hasText: 'Synced · your change was not applied' })
          .waitFor({ timeout: 10_000 });
        await expect.poll(() => rationale(page, jobs)).toBe('Work first.');
        expect(await rationale(page, lang)).toBe('Words first, in the evenings.');
        await page.waitForTimeout(1000);

        // Reloaded: the refused change is not in the browser's copy, and nothing is refused again.
        const closesBefore = line.serverCloses.filter((c) => c === CLOSE.conflict).length;
        await page.reload();
        await waitForSyncedBoard(page, 20_000);
        await page.waitForTimeout(2000);
        expect(await rationale(page, jobs)).toBe('Work first.');
        expect(await rationale(page, lang)).toBe('Words first, in the evenings.');
        expect(line.serverCloses.filter((c) => c === CLOSE.conflict).length).toBe(closesBefore);
        expect(await page.getByTestId('connection-status').textContent()).toBe('Synced');
        expect(listCards(headless.doc).length).toBe(2);
      },
      TIMEOUT_MS,
    );
  }

  it(
    'a viewer’s browser keeps no local edit: it is dropped, the status says so, and a reload does not bring it back',
    async () => {
      const { workshop, headless, jobs } = await workshopWithTwoInterventions();
      const viewer = await open(workshop.links.viewer, 'Vic Viewer');
      const { page } = viewer;
      await waitForCards(page, 2);
      await offlineCacheReady(page, workshop.id);
      // The interface offers a viewer no edit; one made underneath it (a script, an old offline copy).
      await page.evaluate((id) => {
        type YMapLike = { get(key: string): YMapLike & { insert(index: number, text: string): void } };
        const cards = window.__sdgBoard?.doc.getMap('cards') as unknown as YMapLike;
        cards.get(id).get('fields').get('rationale').insert(0, 'Viewer was here. ');
      }, jobs);
      await page
        .getByTestId('connection-status')
        .filter({ hasText: 'Synced · your change was not applied' })
        .waitFor({ timeout: 10_000 });
      await expect.poll(() => rationale(page, jobs)).toBe('Work first.');
      await page.getByTestId('notice').filter({ hasText: 'Your change to “Jobs desk” was not applied' }).waitFor();
      await page.waitForTimeout(1000);
      await page.reload();
      await waitForSyncedBoard(page, 20_000);
      await page.waitForTimeout(1500);
      expect(await rationale(page, jobs)).toBe('Work first.');
      expect(await page.getByTestId('connection-status').textContent()).toBe('Synced');
      const onServer = getCard(headless.doc, jobs);
      expect(onServer?.kind === 'intervention' && onServer.fields.rationale).toBe('Work first.');
    },
    TIMEOUT_MS,
  );
});
