// Boards for browser tests, written through the real server by a headless client with the
// model's typed operations, and pages opened on them with an identity already chosen.
import type { Browser, Page } from 'playwright-core';
import type * as Y from 'yjs';
import { listCards } from '../../shared/model/index.ts';
import { connectClient, createWorkshop, whenSynced } from '../support/syncClient.ts';
import { waitFor } from '../support/wait.ts';
import { openPage, type TestPage, waitForSyncedBoard } from './helpers.ts';

export const SEED_ORIGIN = Symbol('e2e-seed');
export const SEEDER = { id: 'e2e-seeder-0001', name: 'Seeder', group: 'academia' };

export interface SeededBoard<T> {
  id: string;
  /** The facilitator's link. */
  link: string;
  made: T;
}

/** Creates a workshop and writes `build(doc)` into it through the server. */
export async function seedBoard<T>(
  serverUrl: string,
  build: (doc: Y.Doc) => T,
  title = 'E2E',
): Promise<SeededBoard<T>> {
  const workshop = await createWorkshop(serverUrl, title);
  const client = connectClient(serverUrl, workshop.id, workshop.tokens.facilitator);
  try {
    await whenSynced(client, 10_000);
    const made = build(client.doc);
    // Held until the server has answered a fresh sync, so every update reached it first.
    const seen = listCards(client.doc).length;
    const check = connectClient(serverUrl, workshop.id, workshop.tokens.facilitator);
    try {
      await whenSynced(check, 10_000);
      await waitFor(() => listCards(check.doc).length === seen, 'the server to hold the seeded board', 10_000);
    } finally {
      check.destroy();
    }
    return { id: workshop.id, link: workshop.links.facilitator, made };
  } finally {
    client.destroy();
  }
}

/** The person secret a test browser of `name` holds (its person id is `personIdOf` of it). */
export function e2eSecretOf(name: string): string {
  return `e2e-secret-${name.replace(/\W/g, '')}-0123456789`;
}

/** Opens a board link in a fresh browser context as `name`, synced and drawn. */
export async function openBoard(browser: Browser, link: string, name: string): Promise<TestPage> {
  const tp = await openPage(browser);
  await tp.context.addInitScript(
    ({ who, secret }: { who: string; secret: string }) => {
      localStorage.setItem('sdg-board:private-secret', secret);
      localStorage.setItem('sdg-board:identity', JSON.stringify({ name: who, group: 'civil-society' }));
    },
    { who: name, secret: e2eSecretOf(name) },
  );
  await tp.page.goto(link);
  await waitForSyncedBoard(tp.page);
  return tp;
}

/** Waits until the page's board holds `count` cards. */
export async function waitForCards(page: Page, count: number, timeout = 10_000): Promise<void> {
  await page.waitForFunction((n) => (window.__sdgBoard?.cards().length ?? -1) === n, count, { timeout });
}
