// Issue 13, "no edit lost": every text is edited through its shared Y.Text (two people typing in
// the same title inline keep both edits; Escape keeps what was typed), new cards appear where one
// can see them, the board never scrolls (only its camera moves), keys typed into a comment never
// act as board shortcuts, and the outline reaches its last row on a long board.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addCard, addComment } from '../../shared/model/index.ts';
import { browserSuite, drawnCardBox, readCard, readCards, type TestPage } from './helpers.ts';
import { openBoard, SEED_ORIGIN, SEEDER, seedBoard, waitForCards } from './seed.ts';

const TIMEOUT_MS = 90_000;

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How far the board's containers have scrolled: always 0 when only the camera moves. */
async function boardScroll(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    ['.board-canvas', '.board-main', '.board-body', '.board-screen'].flatMap((selector) => {
      const el = document.querySelector(selector);
      return el ? [el.scrollTop, el.scrollLeft] : [];
    }),
  );
}

async function titleOf(page: Page, id: string): Promise<string | undefined> {
  const card = await readCard(page, id);
  return (card?.fields as { title?: string } | undefined)?.title;
}

/** Opens the inline editor of a card by double-clicking it. */
async function openEditor(page: Page, id: string): Promise<void> {
  const box = await drawnCardBox(page, id);
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
  await page.locator('.card-editor').waitFor();
}

/** The board's visible rectangle and the panels floating over it, in page pixels. */
async function boardAndPanels(page: Page): Promise<{ board: Rect; panels: (Rect & { name: string })[] }> {
  return page.evaluate(() => {
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const board = document.querySelector('.board-canvas') as Element;
    const panels = [
      ...document.querySelectorAll('.zoom-controls, .minimap, .outline-panel, .inspector-panel, .fac-dock'),
    ]
      .filter((el) => el.getBoundingClientRect().width > 0)
      .map((el) => ({ ...rect(el), name: el.className }));
    return { board: rect(board), panels };
  });
}

const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('editing text without losing anything', () => {
  const suite = browserSuite();

  async function open(link: string, name: string): Promise<TestPage> {
    const tp = await openBoard(suite.browser, link, name);
    suite.track(tp);
    return tp;
  }

  it(
    'keeps both edits when two people edit the same card title inline at once',
    async () => {
      const board = await seedBoard(suite.server.url, (doc) =>
        addCard(
          doc,
          { kind: 'intervention', x: 0, y: 0, author: SEEDER, fields: { title: 'Hello world' } },
          SEED_ORIGIN,
        ),
      );
      const id = board.made;
      const alice = await open(board.link, 'Alice Inline');
      const bob = await open(board.link, 'Bob Inline');
      await waitForCards(alice.page, 1);
      await waitForCards(bob.page, 1);

      // Both open the title editor before either types.
      await openEditor(alice.page, id);
      await openEditor(bob.page, id);
      const aliceEditor = alice.page.locator('.card-editor');
      const bobEditor = bob.page.locator('.card-editor');
      expect(await aliceEditor.inputValue()).toBe('Hello world');

      // Bob types inside the title, after "Hello ".
      await bobEditor.press('Home');
      for (let i = 0; i < 'Hello '.length; i++) await bobEditor.press('ArrowRight');
      await bobEditor.pressSequentially('brave ');
      await bobEditor.press('Enter');
      await alice.page.waitForFunction(
        (cardId) =>
          (window.__sdgBoard?.cards().find((c) => c.id === cardId)?.fields as { title?: string } | undefined)?.title ===
          'Hello brave world',
        id,
      );
      // Alice, whose editor was open all along, types at its end and closes it.
      await aliceEditor.press('End');
      await aliceEditor.pressSequentially('!');
      await aliceEditor.press('Enter');
      await alice.page.locator('.card-editor').waitFor({ state: 'detached' });
      // Both pages settle on the same title, whatever it is, before it is checked.
      const final = await titleOf(alice.page, id);
      expect(final?.endsWith('!')).toBe(true);
      await bob.page.waitForFunction(
        ([cardId, title]) =>
          (window.__sdgBoard?.cards().find((c) => c.id === cardId)?.fields as { title?: string } | undefined)?.title ===
          title,
        [id, final] as const,
        { timeout: 10_000 },
      );
      expect(await titleOf(alice.page, id)).toBe('Hello brave world!');
      expect(await titleOf(bob.page, id)).toBe('Hello brave world!');

      // Undo is per person, and one step per editing session: Bob's takes back his words only.
      await bob.page.keyboard.press('Control+z');
      for (const page of [bob.page, alice.page]) {
        await page.waitForFunction(
          (cardId) =>
            (window.__sdgBoard?.cards().find((c) => c.id === cardId)?.fields as { title?: string } | undefined)
              ?.title === 'Hello world!',
          id,
          { timeout: 10_000 },
        );
      }
      expect(await boardScroll(alice.page)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
      expect(alice.errors).toEqual([]);
      expect(bob.errors).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'keeps the text of a note when Escape closes its editor',
    async () => {
      const board = await seedBoard(suite.server.url, (doc) => ({
        a: addCard(doc, { kind: 'note', x: 0, y: 0, author: SEEDER, fields: { text: 'Left' } }, SEED_ORIGIN),
        b: addCard(doc, { kind: 'note', x: 1400, y: 900, author: SEEDER, fields: { text: 'Edge' } }, SEED_ORIGIN),
      }));
      const { page, errors } = await open(board.link, 'Esme Escape');
      await waitForCards(page, 2);

      // A new note from its shortcut opens for typing; Escape closes it and keeps the words.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('n');
      const editor = page.locator('.card-editor');
      await editor.waitFor();
      await editor.pressSequentially('Kept after Escape');
      await editor.press('Escape');
      await editor.waitFor({ state: 'detached' });
      await waitForCards(page, 3);
      const note = (await readCards(page)).find((c) => c.id !== board.made.a && c.id !== board.made.b);
      expect((note?.fields as { text?: string } | undefined)?.text).toBe('Kept after Escape');
      expect(await boardScroll(page)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
      expect(errors).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'never scrolls the board when an editor opens on a card at the edge of the view',
    async () => {
      const board = await seedBoard(suite.server.url, (doc) => ({
        a: addCard(doc, { kind: 'note', x: 0, y: 0, author: SEEDER, fields: { text: 'Left' } }, SEED_ORIGIN),
        b: addCard(doc, { kind: 'note', x: 1400, y: 900, author: SEEDER, fields: { text: 'Edge' } }, SEED_ORIGIN),
      }));
      const { page, errors } = await open(board.link, 'Eddie Edge');
      await waitForCards(page, 2);
      const editor = page.locator('.card-editor');
      await drawnCardBox(page, board.made.b);
      // At 100 %, the edge note is moved half out of the view at its right edge, then edited.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Control+0');
      await page.waitForTimeout(200);
      const canvas = await page.locator('.board-canvas').boundingBox();
      if (!canvas) throw new Error('no canvas');
      const edge = await drawnCardBox(page, board.made.b);
      await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
      await page.mouse.wheel(
        edge.x + edge.width / 2 - (canvas.x + canvas.width),
        edge.y + edge.height / 2 - (canvas.y + canvas.height / 3),
      );
      await page.waitForTimeout(300);
      const moved = await drawnCardBox(page, board.made.b);
      expect(moved.x + moved.width).toBeGreaterThan(canvas.x + canvas.width);
      await page.mouse.click(moved.x + 10, moved.y + 10);
      await page.keyboard.press('Enter');
      await editor.waitFor();
      await editor.press('End');
      await editor.pressSequentially(' case');
      expect(await boardScroll(page)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
      await editor.press('Escape');
      await editor.waitFor({ state: 'detached' });
      expect(((await readCard(page, board.made.b))?.fields as { text?: string } | undefined)?.text).toBe('Edge case');
      expect(await boardScroll(page)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
      await page.screenshot({ path: '.tmp/escape-edge.png' });
      expect(errors).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'puts a new card from the toolbar inside the visible board, clear of the panels over it',
    async () => {
      // A crowded middle: the nearest free spot is far below the centre of the view.
      const board = await seedBoard(suite.server.url, (doc) => {
        for (let row = 0; row < 5; row++)
          for (let col = 0; col < 5; col++)
            addCard(
              doc,
              {
                kind: 'note',
                x: -400 + col * 200,
                y: -320 + row * 160,
                author: SEEDER,
                fields: { text: `${row}${col}` },
              },
              SEED_ORIGIN,
            );
      });
      const { page, errors } = await open(board.link, 'Tia Toolbar');
      await waitForCards(page, 25);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Control+0');
      await page.getByRole('button', { name: /^Intervention/ }).click();
      await waitForCards(page, 26);
      const made = (await readCards(page)).find((c) => c.kind === 'intervention');
      if (!made) throw new Error('no intervention was made');
      const box = await drawnCardBox(page, made.id);
      const card = { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
      const { board: visible, panels } = await boardAndPanels(page);
      await page.screenshot({ path: '.tmp/new-card.png' });
      expect(card.left).toBeGreaterThanOrEqual(visible.left);
      expect(card.top).toBeGreaterThanOrEqual(visible.top);
      expect(card.right).toBeLessThanOrEqual(visible.right);
      expect(card.bottom).toBeLessThanOrEqual(visible.bottom);
      expect(panels.filter((p) => overlaps(p, card)).map((p) => p.name)).toEqual([]);
      // Its title editor opened there, without scrolling anything.
      await page.locator('.card-editor').waitFor();
      expect(await boardScroll(page)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
      expect(errors).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'makes no card from the letters typed in a comment reply, and drops the reply on another item',
    async () => {
      const board = await seedBoard(suite.server.url, (doc) => {
        const a = addCard(
          doc,
          { kind: 'intervention', x: 0, y: 0, author: SEEDER, fields: { title: 'Commented' } },
          SEED_ORIGIN,
        );
        const b = addCard(doc, { kind: 'note', x: 400, y: 0, author: SEEDER, fields: { text: 'Other' } }, SEED_ORIGIN);
        addComment(doc, { type: 'card', id: a }, { author: SEEDER, text: 'What budget?', mentions: [] }, SEED_ORIGIN);
        return { a, b };
      });
      const { page, errors } = await open(board.link, 'Rae Reply');
      await waitForCards(page, 2);
      const boxA = await drawnCardBox(page, board.made.a);
      await page.mouse.click(boxA.x + boxA.width / 2, boxA.y + boxA.height / 2);
      await page.getByTestId('open-comments').click();
      await page.getByTestId('comment-reply').click();
      await page.keyboard.type('a');
      await page.waitForTimeout(300);
      expect((await readCards(page)).length).toBe(2);
      expect(await page.getByTestId('comment-input').inputValue()).toBe('a');
      await page.getByText('Replying to Seeder').waitFor();

      // Another item's thread starts without the reply.
      const boxB = await drawnCardBox(page, board.made.b);
      await page.mouse.click(boxB.x + boxB.width / 2, boxB.y + boxB.height / 2);
      await page.getByTestId('comments-panel').getByText('Other').waitFor();
      expect(await page.getByText('Replying to').count()).toBe(0);
      expect(await page.getByTestId('comment-input').inputValue()).toBe('');
      expect(errors).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'scrolls the outline down to the last row of a 200-item board',
    async () => {
      const board = await seedBoard(suite.server.url, (doc) => {
        for (let i = 0; i < 200; i++)
          addCard(
            doc,
            {
              kind: 'note',
              x: (i % 20) * 240,
              y: Math.floor(i / 20) * 200,
              author: SEEDER,
              fields: { text: `Item ${String(i).padStart(3, '0')}` },
            },
            SEED_ORIGIN,
          );
      });
      const { page, errors } = await open(board.link, 'Otto Outline');
      await waitForCards(page, 200);
      const outline = page.getByTestId('outline');
      await outline.waitFor();
      await outline.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      const last = page.locator('.outline-row', { hasText: 'Item 199' });
      await last.waitFor({ timeout: 5_000 });
      const [row, list] = await Promise.all([last.boundingBox(), outline.boundingBox()]);
      if (!row || !list) throw new Error('the outline or its row has no box');
      expect(row.y).toBeGreaterThanOrEqual(list.y);
      expect(row.y + row.height).toBeLessThanOrEqual(list.y + list.height + 1);
      expect(await last.isVisible()).toBe(true);
      expect(errors).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
