// The action plan end to end: a participant places target 10.7 from the SDG palette, adds an
// intervention and fills it in the inspector, links it; the facilitator marks it all agreed and
// downloads the plan (JSON, and the board as a PNG) from the Export menu, then imports plans.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Card, Link } from '../../shared/model/index.ts';
import type { ActionPlan } from '../../shared/plan/index.ts';
import { createWorkshop } from '../support/syncClient.ts';
import { browserSuite, drawnCardBox, type TestPage } from './helpers.ts';
import { openBoard, waitForCards } from './seed.ts';

const TIMEOUT_MS = 90_000;

async function cards(page: Page): Promise<Card[]> {
  return page.evaluate(() => window.__sdgBoard?.cards() ?? []);
}

async function links(page: Page): Promise<Link[]> {
  return page.evaluate(() => window.__sdgBoard?.links() ?? []);
}

async function clickCard(page: Page, id: string): Promise<void> {
  const box = await drawnCardBox(page, id);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function markAgreed(page: Page): Promise<void> {
  await page.getByTestId('status-control').getByText('Agreed', { exact: true }).click();
}

async function downloadFrom(page: Page, testId: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const file = await download.path();
  return fs.readFileSync(file);
}

describe('the inspector, the SDG palette and the action plan', () => {
  const suite = browserSuite();

  async function open(link: string, name: string): Promise<TestPage> {
    const tp = await openBoard(suite.browser, link, name);
    suite.track(tp);
    await tp.page.setViewportSize({ width: 1600, height: 1000 });
    return tp;
  }

  it(
    'exports an intervention filled in the inspector, linked to 10.7 and agreed, with every value given',
    async () => {
      const workshop = await createWorkshop(suite.server.url, 'Migration in the city plan');
      const p = await open(workshop.links.participant, 'Pia Participant');
      const { page } = p;
      await page.getByRole('button', { name: 'Hide the outline' }).click();

      // Target 10.7, dragged from the palette onto the left of the board.
      await page.getByTestId('open-sdg-palette').click();
      await page.getByTestId('palette-search').fill('10.7');
      const result = page.getByTestId('palette-result-10.7');
      await result.waitFor();
      const canvas = await page.locator('.board-canvas').boundingBox();
      if (!canvas) throw new Error('no canvas');
      const dropAt = { x: canvas.x + canvas.width - 200, y: canvas.y + 200 };
      const boardDrop = await page.evaluate(
        ({ x, y }) => window.__sdgBoard?.canvas()?.boardPointAt(x, y) ?? null,
        dropAt,
      );
      if (!boardDrop) throw new Error('the drop point is not over the canvas');
      await result.dragTo(page.locator('.board-canvas'), {
        targetPosition: { x: dropAt.x - canvas.x, y: dropAt.y - canvas.y },
      });
      await waitForCards(page, 1);
      const [target] = await cards(page);
      if (target?.kind !== 'target') throw new Error('no target card');
      expect(target.fields.code).toBe('10.7');
      // Made where it was dropped: centred on the board point under the pointer.
      expect(Math.abs(target.x + target.w / 2 - boardDrop.x)).toBeLessThan(2);
      expect(Math.abs(target.y + target.h / 2 - boardDrop.y)).toBeLessThan(2);
      await page.getByRole('button', { name: 'Close the SDG palette' }).click();

      // An intervention from the toolbar; its title editor opens on the card, which we leave.
      await page.getByTestId('create-intervention').click();
      await page.keyboard.press('Escape');
      await waitForCards(page, 2);
      const intervention = (await cards(page)).find((c) => c.kind === 'intervention');
      if (!intervention) throw new Error('no intervention');
      const inspector = page.getByTestId('inspector');
      await inspector.waitFor();

      const title = inspector.getByTestId('field-title');
      await title.fill('');
      await title.pressSequentially('One-stop migrant resource centre');
      await inspector.getByTestId('field-type').selectOption('migration-programming');
      await inspector
        .getByTestId('field-rationale')
        .fill('Newcomers lose months finding services; one door shortens that.');
      await inspector.getByTestId('field-startDate').fill('2026-03-01');
      await inspector.getByTestId('field-endDate').fill('2027-12-31');
      await inspector.getByTestId('add-funding').click();
      await inspector.getByTestId('field-funding-0-amount').fill('250000');
      await inspector.getByTestId('field-funding-0-currency').fill('EUR');
      await inspector.getByTestId('field-funding-0-source').selectOption('development-partner');
      await expect
        .poll(async () => (await cards(page)).find((c) => c.id === intervention.id)?.fields)
        .toMatchObject({
          title: 'One-stop migrant resource centre',
          type: 'migration-programming',
          rationale: 'Newcomers lose months finding services; one door shortens that.',
          startDate: '2026-03-01',
          endDate: '2027-12-31',
          funding: [{ amount: 250000, currency: 'EUR', source: 'development-partner', arrangement: '' }],
        });
      expect(await inspector.getByTestId('inspector-title').textContent()).toBe('One-stop migrant resource centre');

      // The link tool: from the intervention to the target makes a `contributes` link.
      await page.getByTestId('tool-link').click();
      await clickCard(page, intervention.id);
      await clickCard(page, target.id);
      await expect.poll(async () => (await links(page)).map((l) => l.kind)).toEqual(['contributes']);
      const [link] = await links(page);
      if (!link) throw new Error('no link');
      expect({ from: link.from, to: link.to }).toEqual({ from: intervention.id, to: target.id });
      await page.getByTestId('tool-select').click();

      // The facilitator marks the intervention, its link and the target agreed.
      const f = await open(workshop.links.facilitator, 'Fay Facilitator');
      await waitForCards(f.page, 2);
      await f.page.getByRole('button', { name: 'Hide the outline' }).click();
      await clickCard(f.page, intervention.id);
      await markAgreed(f.page);
      await f.page.getByTestId(`connection-${link.id}`).click();
      await expect.poll(() => f.page.getByTestId('inspector').getByText('Contributes link').count()).toBe(1);
      await markAgreed(f.page);
      await clickCard(f.page, target.id);
      await expect.poll(() => f.page.getByTestId('target-official-text').textContent()).toMatch(/^Facilitate orderly/);
      expect(await f.page.getByTestId('migration-explicit').isVisible()).toBe(true);
      await markAgreed(f.page);
      await expect
        .poll(async () => {
          const all = [...(await cards(page)), ...(await links(page))];
          return all.map((item) => item.status);
        })
        .toEqual(['agreed', 'agreed', 'agreed']);

      // The Export menu's JSON is the agreed plan, holding every value typed above.
      await f.page.getByTestId('export-menu-button').click();
      const plan = JSON.parse((await downloadFrom(f.page, 'export-json')).toString('utf8')) as ActionPlan;
      expect(plan.workshop.title).toBe('Migration in the city plan');
      expect(plan.provenance.include).toBe('agreed');
      expect(plan.targets.map((t) => [t.id, t.code, t.status])).toEqual([[target.id, '10.7', 'agreed']]);
      expect(plan.interventions).toHaveLength(1);
      expect(plan.interventions[0]).toMatchObject({
        id: intervention.id,
        status: 'agreed',
        title: 'One-stop migrant resource centre',
        type: 'migration-programming',
        rationale: 'Newcomers lose months finding services; one door shortens that.',
        startDate: '2026-03-01',
        endDate: '2027-12-31',
        funding: [{ amount: 250000, currency: 'EUR', source: 'development-partner', arrangement: '' }],
        targets: [{ id: link.id, target: target.id, status: 'agreed' }],
      });

      // The board image: a PNG of the whole board, twice the resolution.
      await f.page.getByTestId('export-menu-button').click();
      const png = await downloadFrom(f.page, 'export-png');
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      const width = png.readUInt32BE(16);
      const height = png.readUInt32BE(20);
      const cardsNow = await cards(f.page);
      const spanX = Math.max(...cardsNow.map((c) => c.x + c.w)) - Math.min(...cardsNow.map((c) => c.x));
      expect(width).toBeGreaterThanOrEqual(spanX * 2);
      expect(height).toBeGreaterThan(200);

      // The plan imports into a new workshop; its links open it.
      await f.page.getByTestId('import-plan-button').click();
      await f.page.getByTestId('import-file').setInputFiles({
        name: 'plan.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(plan)),
      });
      await f.page.getByTestId('import-submit').click();
      await f.page.getByTestId('import-success').waitFor();
      const newLink = await f.page.getByTestId('import-link-facilitator').inputValue();
      expect(newLink).toMatch(/\/w\/[^#]+#token=.+/);
      expect(newLink).not.toContain(workshop.id);
      expect(await f.page.getByTestId('import-open').getAttribute('href')).toBe(newLink);
      await f.page.getByRole('button', { name: 'Close', exact: true }).click();

      // The participant has no Import button.
      expect(await page.getByTestId('import-plan-button').count()).toBe(0);
      for (const tp of [p, f]) expect(tp.errors, 'no uncaught errors in the page').toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'lists every problem of an invalid plan file and creates nothing',
    async () => {
      const workshop = await createWorkshop(suite.server.url, 'Import checks');
      const { page, errors } = await open(workshop.links.facilitator, 'Ivo Importer');
      await page.getByTestId('import-plan-button').click();
      const dialog = page.getByTestId('import-dialog');
      const broken = {
        schemaVersion: 1,
        workshop: { title: 'Broken', level: 'regional', territory: '', startDate: '', endDate: '', participants: [] },
        objectives: [],
        targets: [],
        interventions: [],
        actors: [],
        interactions: [],
      };
      await dialog.getByTestId('import-file').setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(broken)),
      });
      await dialog.getByTestId('import-submit').click();
      const problems = dialog.getByTestId('import-problems');
      await problems.waitFor();
      expect(await problems.textContent()).toContain('nothing was imported');
      // Each problem says where (readably, and as the JSON Pointer) and what.
      const first = dialog.locator('.problem').first();
      expect(await first.locator('.problem-where').textContent()).not.toBe('');
      expect(await first.locator('.problem-what').textContent()).not.toBe('');
      expect(await dialog.locator('.problem-pointer', { hasText: '/workshop/level' }).count()).toBe(1);
      expect(await dialog.getByTestId('import-success').count()).toBe(0);

      // Not JSON at all: refused with the reason.
      await dialog.getByTestId('import-file').setInputFiles({
        name: 'notes.json',
        mimeType: 'application/json',
        buffer: Buffer.from('this is not JSON'),
      });
      expect(await dialog.getByTestId('import-problems').count()).toBe(0);
      await dialog.getByTestId('import-submit').click();
      await dialog.getByTestId('import-problems').waitFor();
      await page.keyboard.press('Escape');
      expect(await page.getByTestId('import-dialog').count()).toBe(0);
      expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'searches the palette on every keystroke, filters by goal and migration, and adds a target on click',
    async () => {
      const workshop = await createWorkshop(suite.server.url, 'Palette');
      const { page, errors } = await open(workshop.links.participant, 'Pal Palette');
      await page.getByTestId('open-sdg-palette').click();
      const count = page.getByTestId('palette-count');
      expect(await count.textContent()).toMatch(/^169 targets/);
      const search = page.getByTestId('palette-search');
      await search.pressSequentially('remit');
      await expect.poll(() => count.textContent()).toMatch(/^1 target /);
      expect(await page.getByTestId('palette-result-10.c').isVisible()).toBe(true);
      await search.fill('');
      await page.getByTestId('palette-goal-8').click();
      await expect.poll(() => count.textContent()).toMatch(/^12 targets/);
      await page.getByTestId('palette-migration-only').check();
      await expect.poll(() => count.textContent()).toMatch(/^3 targets/);
      await page.getByTestId('palette-result-8.8').click();
      await waitForCards(page, 1);
      const [card] = await cards(page);
      expect(card?.kind === 'target' && card.fields.code).toBe('8.8');
      expect(await page.getByTestId('palette-result-8.8').textContent()).toContain('On the board');
      expect(errors).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
