// Two people editing one intervention in the inspector at once: typing into the same text field
// (bound to its Y.Text) merges both people's text, each keeps typing where their caret is, and
// edits of different fields both survive. A viewer sees every field and can change none.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addCard } from '../../shared/model/index.ts';
import { browserSuite, drawnCardBox, type TestPage } from './helpers.ts';
import { openBoard, SEED_ORIGIN, SEEDER, seedBoard, waitForCards } from './seed.ts';

const TIMEOUT_MS = 90_000;
const KEY_DELAY_MS = 25;

async function fields(page: Page, id: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate((cardId) => window.__sdgBoard?.cards().find((c) => c.id === cardId)?.fields, id);
}

async function select(page: Page, id: string): Promise<void> {
  const box = await drawnCardBox(page, id);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.getByTestId('inspector').getByTestId('status-control').waitFor();
}

describe('editing one intervention together in the inspector', () => {
  const suite = browserSuite();

  async function open(link: string, name: string): Promise<TestPage> {
    const tp = await openBoard(suite.browser, link, name);
    suite.track(tp);
    return tp;
  }

  async function seeded() {
    return seedBoard(suite.server.url, (doc) =>
      addCard(
        doc,
        {
          kind: 'intervention',
          x: 0,
          y: 0,
          author: SEEDER,
          fields: { title: 'Resource centre', rationale: 'Newcomers lose months.' },
        },
        SEED_ORIGIN,
      ),
    );
  }

  it(
    'merges two people typing into the same text field at once, each at their own caret',
    async () => {
      const board = await seeded();
      const id = board.made;
      const a = await open(board.link, 'Ana Start');
      const b = await open(board.link, 'Ben End');
      for (const { page } of [a, b]) {
        await waitForCards(page, 1);
        await select(page, id);
      }
      const rationaleA = a.page.getByTestId('inspector').getByTestId('field-rationale');
      const rationaleB = b.page.getByTestId('inspector').getByTestId('field-rationale');
      await rationaleA.click();
      await a.page.keyboard.press('Control+Home');
      await rationaleB.click();
      await b.page.keyboard.press('Control+End');
      // Both type at the same time: Ana at the start, Ben at the end.
      await Promise.all([
        a.page.keyboard.type('One door: ', { delay: KEY_DELAY_MS }),
        b.page.keyboard.type(' Staff speak 12 languages.', { delay: KEY_DELAY_MS }),
      ]);
      const expected = 'One door: Newcomers lose months. Staff speak 12 languages.';
      for (const { page } of [a, b]) {
        await expect.poll(async () => (await fields(page, id))?.rationale).toBe(expected);
        await expect
          .poll(() => page.getByTestId('inspector').getByTestId('field-rationale').inputValue())
          .toBe(expected);
      }

      // The single-line title too, with both typing in the middle of the same word run.
      const titleA = a.page.getByTestId('inspector').getByTestId('field-title');
      const titleB = b.page.getByTestId('inspector').getByTestId('field-title');
      await titleA.click();
      await a.page.keyboard.press('Home');
      await titleB.click();
      await b.page.keyboard.press('End');
      await Promise.all([
        a.page.keyboard.type('Municipal ', { delay: KEY_DELAY_MS }),
        b.page.keyboard.type(' for newcomers', { delay: KEY_DELAY_MS }),
      ]);
      for (const { page } of [a, b]) {
        await expect.poll(async () => (await fields(page, id))?.title).toBe('Municipal Resource centre for newcomers');
      }
      // Each caret stayed after what its person typed.
      expect(await titleA.evaluate((el: HTMLInputElement) => el.selectionStart)).toBe('Municipal '.length);
      expect(await titleB.evaluate((el: HTMLInputElement) => el.selectionStart)).toBe(
        'Municipal Resource centre for newcomers'.length,
      );
      for (const tp of [a, b]) expect(tp.errors).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'keeps both people’s edits of different fields of one intervention',
    async () => {
      const board = await seeded();
      const id = board.made;
      const a = await open(board.link, 'Ada Fields');
      const b = await open(board.link, 'Bo Fields');
      for (const { page } of [a, b]) {
        await waitForCards(page, 1);
        await select(page, id);
      }
      const inA = a.page.getByTestId('inspector');
      const inB = b.page.getByTestId('inspector');
      await Promise.all([
        (async () => {
          await inA.getByTestId('field-type').selectOption('rights-based-approach');
          await inA.getByTestId('field-startDate').fill('2026-01-15');
          await inA.getByTestId('add-milestones').click();
          await inA.getByTestId('field-milestones-0-description').fill('Centre opens');
        })(),
        (async () => {
          await inB.getByTestId('field-sector').selectOption('urban-development');
          await inB.getByTestId('field-endDate').fill('2027-06-30');
          await inB.getByTestId('add-indicators').click();
          await inB.getByTestId('field-indicators-0-indicator').fill('People advised');
        })(),
      ]);
      for (const { page } of [a, b]) {
        await expect
          .poll(() => fields(page, id))
          .toMatchObject({
            title: 'Resource centre',
            type: 'rights-based-approach',
            sector: 'urban-development',
            startDate: '2026-01-15',
            endDate: '2027-06-30',
            milestones: [{ date: '', description: 'Centre opens' }],
            indicators: [{ indicator: 'People advised', meansOfVerification: '', reporter: '' }],
          });
      }
      // Each inspector shows the other's edits.
      expect(await inA.getByTestId('field-sector').inputValue()).toBe('urban-development');
      expect(await inB.getByTestId('field-type').inputValue()).toBe('rights-based-approach');
      await expect.poll(() => inB.getByTestId('field-milestones-0-description').inputValue()).toBe('Centre opens');

      // Removing a row is one click, seen by both.
      await inA.getByTestId('remove-indicators-0').click();
      await expect.poll(async () => (await fields(b.page, id))?.indicators).toEqual([]);
      for (const tp of [a, b]) expect(tp.errors).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'shows a viewer every field read-only',
    async () => {
      const board = await seeded();
      const id = board.made;
      const facilitator = await open(board.link, 'Fi Facilitator');
      await waitForCards(facilitator.page, 1);
      await facilitator.page.getByRole('button', { name: 'Invite' }).click();
      const viewerUrl = await facilitator.page.getByTestId('share-link-viewer').inputValue();
      await facilitator.page.getByRole('button', { name: 'Close the invitation links' }).click();
      expect(viewerUrl).toMatch(/#token=/);
      const viewer = await open(viewerUrl, 'Vi Viewer');
      await waitForCards(viewer.page, 1);
      await select(viewer.page, id);
      const inspector = viewer.page.getByTestId('inspector');
      expect(await inspector.getByText('View only').count()).toBe(1);
      expect(await inspector.getByTestId('field-title').getAttribute('readonly')).not.toBeNull();
      expect(await inspector.getByTestId('field-rationale').getAttribute('readonly')).not.toBeNull();
      expect(await inspector.getByTestId('field-type').isDisabled()).toBe(true);
      expect(await inspector.getByRole('radio', { name: 'Agreed' }).isDisabled()).toBe(true);
      expect(await inspector.getByTestId('add-funding').count()).toBe(0);
      await inspector.getByTestId('field-title').click();
      await viewer.page.keyboard.type('Nope');
      expect((await fields(viewer.page, id))?.title).toBe('Resource centre');
      // Live: the facilitator's edit appears in the viewer's inspector.
      await select(facilitator.page, id);
      await facilitator.page.getByTestId('inspector').getByTestId('field-title').fill('Resource hub');
      await expect.poll(() => inspector.getByTestId('field-title').inputValue()).toBe('Resource hub');
      expect(viewer.errors).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'sets the status of several selected items at once, and shows the plan’s progress when none is selected',
    async () => {
      const board = await seedBoard(suite.server.url, (doc) => ({
        a: addCard(doc, { kind: 'objective', x: 0, y: 0, author: SEEDER, fields: { title: 'Safe work' } }, SEED_ORIGIN),
        b: addCard(doc, { kind: 'target', x: 320, y: 0, author: SEEDER, fields: { code: '8.8' } }, SEED_ORIGIN),
      }));
      const { page, errors } = await open(board.link, 'Bulk Setter');
      await waitForCards(page, 2);
      const inspector = page.getByTestId('inspector');
      expect(await inspector.getByTestId('progress-proposed').textContent()).toBe('2');
      const boxA = await drawnCardBox(page, board.made.a);
      const boxB = await drawnCardBox(page, board.made.b);
      await page.mouse.click(boxA.x + boxA.width / 2, boxA.y + boxA.height / 2);
      await page.keyboard.down('Shift');
      await page.mouse.click(boxB.x + boxB.width / 2, boxB.y + boxB.height / 2);
      await page.keyboard.up('Shift');
      await inspector.getByTestId('bulk-status').getByText('Agreed', { exact: true }).click();
      await expect
        .poll(async () => (await page.evaluate(() => window.__sdgBoard?.cards() ?? [])).map((c) => c.status))
        .toEqual(['agreed', 'agreed']);
      // Escape leaves the status control, a second one clears the selection.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await expect.poll(() => inspector.getByTestId('progress-agreed').textContent()).toBe('2');
      expect(errors).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
