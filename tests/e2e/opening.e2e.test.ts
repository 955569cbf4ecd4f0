// Opening a board: from its stored state fetched over HTTP, with the socket syncing only what
// changed since; and from the browser's offline copy when the server is out of reach, with the
// edits made meanwhile reaching the server once it is back.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { addCard, listCards } from '../../shared/model/index.ts';
import { author, connectClient, createWorkshop, type TestClient, whenSynced } from '../support/syncClient.ts';
import { waitFor } from '../support/wait.ts';
import { browserSuite, openPage, readCards, type TestPage, waitForSyncedBoard } from './helpers.ts';

const E2E_TIMEOUT_MS = 90_000;
const NOTES = 300;

describe('opening a board', () => {
  const suite = browserSuite();
  const clients: TestClient[] = [];

  afterAll(() => {
    for (const c of clients) c.destroy();
  });

  /** A workshop holding `count` notes, with its facilitator connected from Node. */
  async function seededWorkshop(count: number) {
    const workshop = await createWorkshop(suite.server.url, 'Opening');
    const editor = connectClient(suite.server.url, workshop.id, workshop.tokens.facilitator);
    clients.push(editor);
    await whenSynced(editor);
    editor.doc.transact(() => {
      for (let i = 0; i < count; i++) {
        addCard(editor.doc, {
          kind: 'note',
          x: (i % 20) * 240,
          y: Math.floor(i / 20) * 160,
          author: author('ada'),
          fields: { text: `Idea ${i}` },
        });
      }
    });
    return { workshop, editor };
  }

  /** A participant's page, known to this browser already (no join form). */
  async function participant(name: string): Promise<TestPage> {
    const tp = await openPage(suite.browser);
    suite.track(tp);
    await tp.context.addInitScript((who) => {
      localStorage.setItem(
        'sdg-board:identity',
        JSON.stringify({ id: `id-${who}-0001`, name: who, group: 'academia' }),
      );
    }, name);
    return tp;
  }

  const offlineCacheReady = (page: Page, workshopId: string) =>
    page.waitForFunction(
      async (name) => (await indexedDB.databases()).some((db) => db.name === name),
      `sdg-board-${workshopId}`,
      { timeout: 10_000 },
    );

  it(
    'opens from the stored state fetched over HTTP; the socket then carries only what changed since',
    async () => {
      const { workshop } = await seededWorkshop(NOTES);
      const { page } = await participant('Bea');
      let socketBytes = 0;
      page.on('websocket', (ws) =>
        ws.on('framereceived', ({ payload }) => {
          socketBytes += typeof payload === 'string' ? payload.length : payload.byteLength;
        }),
      );
      const state = page.waitForResponse((r) => r.url().endsWith(`/api/workshops/${workshop.id}/state`));
      await page.goto(workshop.links.participant);
      expect((await state).status()).toBe(200);
      await waitForSyncedBoard(page);
      expect((await readCards(page)).length).toBe(NOTES);
      // The board itself is tens of kilobytes; the socket brought presence and sync messages only.
      expect(socketBytes).toBeLessThan(2_000);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'an edit made while the server is out of reach survives a reload and reaches the server when it is back',
    async () => {
      const { workshop, editor } = await seededWorkshop(3);
      const { page, context, errors } = await participant('Cy');
      let reachable = true;
      await context.route('**/api/workshops/**', (route) => (reachable ? route.continue() : route.abort()));
      await context.routeWebSocket(/\/sync\//, (ws) => {
        if (reachable) ws.connectToServer();
        else ws.close({ code: 1006, reason: 'unreachable' });
      });
      await page.goto(workshop.links.participant);
      await waitForSyncedBoard(page);
      await offlineCacheReady(page, workshop.id);

      // The line goes down: the socket drops and every new attempt fails.
      reachable = false;
      await page.evaluate(() => window.__sdgBoard?.provider.ws?.close());
      await page
        .getByTestId('connection-status')
        .filter({ hasNotText: /^Synced$/ })
        .waitFor();
      await page.getByTestId('create-note').click();
      await page.getByRole('textbox', { name: 'Note text' }).fill('Written offline');
      await page.keyboard.press('Control+Enter');
      await expect.poll(async () => (await readCards(page)).length).toBe(4);
      // y-indexeddb writes in the background: give its transaction a moment to commit.
      await page.waitForTimeout(500);

      // Reloaded while still offline: the board opens from the browser's copy, with the new note.
      await page.reload();
      await page.waitForFunction(() => window.__sdgBoard !== undefined);
      await expect
        .poll(async () => (await readCards(page)).map((c) => (c.kind === 'note' ? c.fields.text : '')).sort(), {
          timeout: 10_000,
        })
        .toEqual(['Idea 0', 'Idea 1', 'Idea 2', 'Written offline']);

      // Back online: the note reaches the server and everyone else.
      reachable = true;
      await waitFor(
        () => listCards(editor.doc).some((c) => c.kind === 'note' && c.fields.text === 'Written offline'),
        'the offline note to reach the server',
        20_000,
      );
      await waitForSyncedBoard(page, 20_000);
      expect(errors.filter((e) => !/ERR_FAILED|WebSocket|Failed to load resource/.test(e))).toEqual([]);
    },
    E2E_TIMEOUT_MS,
  );
});
