// The targets × targets matrix, live: a participant scores an interaction in the inspector and the
// facilitator's open matrix shows the score and the new sums within two seconds; a click on the
// cell selects the link on the facilitator's canvas; an empty cell creates a scored link; the
// ranking chart, the trade-off list and the CSV export read the same real data.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addCard, addLink, listCards, listLinks } from '../../shared/model/index.ts';
import { connectClient, createWorkshop, whenSynced } from '../support/syncClient.ts';
import { waitFor } from '../support/wait.ts';
import { browserSuite, REPO_ROOT, type TestPage } from './helpers.ts';
import { openBoard, SEED_ORIGIN, SEEDER, waitForCards } from './seed.ts';

const TIMEOUT_MS = 120_000;
const SHOTS = path.join(REPO_ROOT, '.tmp', 'shots');

interface Seeded {
  links: { facilitator: string; participant: string };
  ids: { t107: string; t88: string; t51: string; link: string; tradeOff: string };
}

/** A workshop with targets 10.7, 8.8 and 5.1, an unscored-yet (0) link 10.7 → 8.8 and a trade-off 8.8 → 5.1. */
async function seed(serverUrl: string): Promise<Seeded> {
  const workshop = await createWorkshop(serverUrl, 'Matrix E2E');
  const client = connectClient(serverUrl, workshop.id, workshop.tokens.facilitator);
  try {
    await whenSynced(client, 10_000);
    const doc = client.doc;
    const target = (code: string, x: number, y: number) =>
      addCard(doc, { kind: 'target', x, y, author: SEEDER, fields: { code } }, SEED_ORIGIN);
    const t107 = target('10.7', 0, 0);
    const t88 = target('8.8', 520, 0);
    const t51 = target('5.1', 260, 320);
    const link = addLink(doc, { kind: 'interaction', from: t107, to: t88, author: SEEDER }, SEED_ORIGIN);
    const tradeOff = addLink(
      doc,
      { kind: 'interaction', from: t88, to: t51, author: SEEDER, fields: { score: -1 } },
      SEED_ORIGIN,
    );
    const check = connectClient(serverUrl, workshop.id, workshop.tokens.facilitator);
    try {
      await whenSynced(check, 10_000);
      await waitFor(
        () => listCards(check.doc).length === 3 && listLinks(check.doc).length === 2,
        'the server to hold the seeded board',
        10_000,
      );
    } finally {
      check.destroy();
    }
    return { links: workshop.links, ids: { t107, t88, t51, link, tradeOff } };
  } finally {
    client.destroy();
  }
}

function cell(page: Page, from: string, to: string) {
  return page.getByTestId('matrix-view').getByTestId(`matrix-cell-${from}-${to}`);
}

async function selection(page: Page): Promise<{ cards: string[]; links: string[] }> {
  return page.evaluate(() => window.__sdgBoard?.selection() ?? { cards: [], links: [] });
}

describe('the target matrix view', () => {
  const suite = browserSuite();

  beforeAll(() => {
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  async function open(link: string, name: string): Promise<TestPage> {
    const tp = await openBoard(suite.browser, link, name);
    suite.track(tp);
    return tp;
  }

  it(
    'shows a participant’s score in the facilitator’s matrix within 2 s, and a click selects the link',
    async () => {
      const { links, ids } = await seed(suite.server.url);
      const facilitator = await open(links.facilitator, 'Fay Facilitator');
      const participant = await open(links.participant, 'Pat Participant');
      for (const { page } of [facilitator, participant]) await waitForCards(page, 3);

      // The facilitator opens the matrix: 10.7 → 8.8 is scored 0 (neutral, not empty), 8.8 → 5.1 is −1.
      const fp = facilitator.page;
      await fp.getByTestId('open-matrix').click();
      await fp.getByTestId('matrix-view').waitFor();
      await expect.poll(() => cell(fp, '10.7', '8.8').getAttribute('data-score')).toBe('0');
      expect(await cell(fp, '8.8', '5.1').getAttribute('data-score')).toBe('-1');
      expect(await cell(fp, '8.8', '10.7').getAttribute('data-score')).toBe('');
      expect(await fp.getByTestId('matrix-row-sum-10.7').textContent()).toBe('0');
      expect(await fp.getByTestId('matrix-col-sum-8.8').textContent()).toBe('0');
      // Headers carry the goal colours: 10.7 on SDG 10's magenta, 8.8 on SDG 8's burgundy.
      const headColour = (code: string) =>
        fp.getByTestId(`matrix-col-head-${code}`).evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(await headColour('10.7')).not.toBe(await headColour('8.8'));

      // The participant selects the link on the canvas and scores it +2 in the inspector.
      const pp = participant.page;
      const ends = await pp.evaluate((id) => window.__sdgBoard?.canvas()?.linkClientEnds(id) ?? null, ids.link);
      if (!ends) throw new Error('the link is not drawn');
      await pp.mouse.click((ends.from.x + ends.to.x) / 2, (ends.from.y + ends.to.y) / 2);
      await expect.poll(async () => (await selection(pp)).links).toEqual([ids.link]);
      const scoreControl = pp.getByTestId('inspector').getByTestId('field-score');
      await scoreControl.waitFor();
      const scoredAt = Date.now();
      await scoreControl.getByRole('button', { name: '+2 Reinforcing' }).click();

      // Within two seconds the facilitator's matrix shows +2 and the new sums.
      await cell(fp, '10.7', '8.8').and(fp.locator('[data-score="2"]')).waitFor({ timeout: 2000 });
      expect(Date.now() - scoredAt).toBeLessThan(2000);
      expect(await cell(fp, '10.7', '8.8').textContent()).toBe('+2');
      await expect.poll(() => fp.getByTestId('matrix-row-sum-10.7').textContent(), { timeout: 2000 }).toBe('+2');
      expect(await fp.getByTestId('matrix-col-sum-8.8').textContent()).toBe('+2');
      // 8.8 influences +0 net but hides a −1 trade-off: the tooltip says so.
      expect(await fp.getByTestId('matrix-row-sum-8.8').getAttribute('title')).toContain('trade-offs \u22121');

      // Clicking the cell selects that link on the facilitator's canvas, and the inspector shows it.
      expect((await selection(fp)).links).toEqual([]);
      await cell(fp, '10.7', '8.8').click();
      await expect.poll(async () => (await selection(fp)).links).toEqual([ids.link]);
      await fp.getByTestId('inspector').getByTestId('field-score').waitFor();
      expect(await fp.getByTestId('inspector').getByTestId('field-score').locator('legend').textContent()).toContain(
        '+2 Reinforcing',
      );
      await fp.screenshot({ path: path.join(SHOTS, 'matrix.png') });

      // An empty cell offers to create the link with a score from the seven-point scale.
      await cell(fp, '5.1', '10.7').click();
      await fp.getByTestId('matrix-create').waitFor();
      await fp.getByTestId('matrix-create-score--2').click();
      await expect
        .poll(async () =>
          (await fp.evaluate(() => window.__sdgBoard?.links() ?? [])).find(
            (l) => l.from === ids.t51 && l.to === ids.t107,
          ),
        )
        .toMatchObject({ kind: 'interaction', fields: { score: -2 } });
      await expect.poll(() => cell(fp, '5.1', '10.7').getAttribute('data-score')).toBe('-2');
      // …and the participant sees it too.
      await expect.poll(() => pp.evaluate(() => window.__sdgBoard?.links().length ?? 0)).toBe(3);

      // Sorting by influence puts 10.7 (+2) first.
      await fp.getByTestId('matrix-sort').selectOption('influence');
      const firstRow = fp.getByTestId('matrix-view').locator('tbody tr').first().locator('th');
      expect(await firstRow.textContent()).toBe('10.7');

      // CSV export: header row of codes, scores, row sums.
      const [download] = await Promise.all([fp.waitForEvent('download'), fp.getByTestId('matrix-export-csv').click()]);
      const csvPath = await download.path();
      const csv = fs
        .readFileSync(csvPath, 'utf8')
        .replace(/^\ufeff/, '')
        .split('\r\n');
      expect(csv[0]).toBe('influences \u2192,10.7,8.8,5.1,row sum (net),row sum (+),row sum (\u2212)');
      expect(csv[1]).toBe('10.7,,2,,2,2,0');
      // PNG export downloads an image.
      const [png] = await Promise.all([fp.waitForEvent('download'), fp.getByTestId('matrix-export-png').click()]);
      expect(png.suggestedFilename()).toMatch(/\.png$/);
      expect(fs.statSync(await png.path()).size).toBeGreaterThan(1000);
      fs.copyFileSync(await png.path(), path.join(SHOTS, 'matrix-export.png'));

      // The ranking chart has a dot per target; the trade-off list shows both negative links.
      await fp.getByTestId('matrix-tab-ranking').click();
      await fp.getByTestId('ranking-chart').waitFor();
      expect(await fp.locator('[data-testid^="ranking-dot-"]').count()).toBe(3);
      await fp.screenshot({ path: path.join(SHOTS, 'matrix-ranking.png') });
      await fp.getByTestId('matrix-tab-tradeoffs').click();
      await expect.poll(() => fp.getByTestId('tradeoff-item').count()).toBe(2);
      await fp.getByTestId('tradeoff-item').first().click();
      await expect.poll(async () => (await selection(fp)).links.length).toBe(1);
      await fp.screenshot({ path: path.join(SHOTS, 'matrix-tradeoffs.png') });

      for (const tp of [facilitator, participant]) expect(tp.errors).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
