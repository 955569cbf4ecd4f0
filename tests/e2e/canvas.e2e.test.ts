// The canvas as a person uses it: marquee and multi-drag, links that follow their cards,
// per-person undo, copy and paste, zoom to fit, and the outline as the keyboard's way in.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addCard, addLink, moveCards, updateCard } from '../../shared/model/index.ts';
import { browserSuite, dragMouse, drawnCardBox, readCard, readCards, type TestPage } from './helpers.ts';
import { openBoard, SEED_ORIGIN, SEEDER, seedBoard, waitForCards } from './seed.ts';

const TIMEOUT_MS = 60_000;

async function selection(page: Page): Promise<{ cards: string[]; links: string[] }> {
  return page.evaluate(() => window.__sdgBoard?.selection() ?? { cards: [], links: [] });
}

/** Clicks empty board near the canvas's top-left corner (zoom to fit leaves a margin there). */
async function clickEmptyBoard(page: Page): Promise<void> {
  const box = await canvasBox(page);
  await page.mouse.click(box.x + 8, box.y + 8);
}

async function canvasBox(page: Page) {
  const box = await page.locator('.board-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  return box;
}

describe('the canvas', () => {
  const suite = browserSuite();

  async function open(link: string, name: string): Promise<TestPage> {
    const tp = await openBoard(suite.browser, link, name);
    suite.track(tp);
    return tp;
  }

  it(
    'selects cards with a marquee and drags them together',
    async () => {
      const board = await seedBoard(suite.server.url, (doc) => ({
        a: addCard(doc, { kind: 'note', x: 0, y: 0, author: SEEDER, fields: { text: 'A' } }, SEED_ORIGIN),
        b: addCard(doc, { kind: 'note', x: 260, y: 0, author: SEEDER, fields: { text: 'B' } }, SEED_ORIGIN),
        c: addCard(doc, { kind: 'note', x: 0, y: 420, author: SEEDER, fields: { text: 'C' } }, SEED_ORIGIN),
      }));
      const { a, b, c } = board.made;
      const { page, errors } = await open(board.link, 'Mara Marquee');
      await waitForCards(page, 3);
      const boxA = await drawnCardBox(page, a);
      const boxB = await drawnCardBox(page, b);
      // From empty board above-left of A to below-right of B: A and B inside, C not.
      await dragMouse(
        page,
        { x: boxA.x - 20, y: boxA.y - 20 },
        { x: boxB.x + boxB.width + 15, y: boxB.y + boxB.height + 15 },
      );
      expect((await selection(page)).cards.sort()).toEqual([a, b].sort());

      const before = await readCards(page);
      const from = { x: boxA.x + boxA.width / 2, y: boxA.y + boxA.height / 2 };
      await dragMouse(page, from, { x: from.x + 120, y: from.y + 90 });
      await page.waitForFunction((id) => window.__sdgBoard?.cards().find((x) => x.id === id)?.x !== 0, a);
      const after = new Map((await readCards(page)).map((card) => [card.id, card]));
      const moved = (id: string) => {
        const was = before.find((card) => card.id === id);
        const now = after.get(id);
        return { dx: (now?.x ?? 0) - (was?.x ?? 0), dy: (now?.y ?? 0) - (was?.y ?? 0) };
      };
      const delta = moved(a);
      expect(delta.dx).toBeGreaterThan(60);
      expect(delta.dy).toBeGreaterThan(40);
      expect(moved(b)).toEqual(delta);
      expect(moved(c)).toEqual({ dx: 0, dy: 0 });
      expect(errors).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'keeps a link bound to its cards when one of them moves',
    async () => {
      const board = await seedBoard(suite.server.url, (doc) => {
        const intervention = addCard(
          doc,
          { kind: 'intervention', x: 0, y: 0, author: SEEDER, fields: { title: 'Resource centre' } },
          SEED_ORIGIN,
        );
        const target = addCard(
          doc,
          { kind: 'target', x: 420, y: 0, author: SEEDER, fields: { code: '10.7' } },
          SEED_ORIGIN,
        );
        const link = addLink(doc, { kind: 'contributes', from: intervention, to: target, author: SEEDER }, SEED_ORIGIN);
        return { intervention, target, link };
      });
      const { target, link } = board.made;
      const { page, errors } = await open(board.link, 'Lin Links');
      await waitForCards(page, 2);
      const box = await drawnCardBox(page, target);
      const grab = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      await dragMouse(page, grab, { x: grab.x - 60, y: grab.y + 200 });
      await page.waitForFunction((id) => (window.__sdgBoard?.cards().find((c) => c.id === id)?.y ?? 0) > 50, target);
      const moved = await drawnCardBox(page, target);
      const ends = await page.evaluate((id) => window.__sdgBoard?.canvas()?.linkClientEnds(id) ?? null, link);
      if (!ends) throw new Error('the link is not drawn');
      // The arrow's head sits on the moved card's edge (6 px gap, scaled), not where it was.
      const gap = 10;
      const onEdge =
        ends.to.x >= moved.x - gap &&
        ends.to.x <= moved.x + moved.width + gap &&
        ends.to.y >= moved.y - gap &&
        ends.to.y <= moved.y + moved.height + gap;
      expect(onEdge, JSON.stringify({ ends, moved })).toBe(true);
      expect(ends.to.y).toBeGreaterThan(box.y + box.height);
      expect(errors).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'draws a link from a card’s edge knob, re-targets its end, deletes it, and resizes a card by its corner',
    async () => {
      const board = await seedBoard(suite.server.url, (doc) => ({
        intervention: addCard(
          doc,
          { kind: 'intervention', x: 0, y: 0, author: SEEDER, fields: { title: 'Language courses' } },
          SEED_ORIGIN,
        ),
        first: addCard(doc, { kind: 'target', x: 420, y: 0, author: SEEDER, fields: { code: '4.b' } }, SEED_ORIGIN),
        second: addCard(doc, { kind: 'target', x: 420, y: 320, author: SEEDER, fields: { code: '8.8' } }, SEED_ORIGIN),
      }));
      const { intervention, first, second } = board.made;
      const { page, errors } = await open(board.link, 'Knut Knob');
      await waitForCards(page, 3);
      const links = () => page.evaluate(() => window.__sdgBoard?.links() ?? []);
      const centre = (b: { x: number; y: number; width: number; height: number }) => ({
        x: b.x + b.width / 2,
        y: b.y + b.height / 2,
      });

      // Select the intervention; its right-hand knob sits 16 px outside its edge.
      const box = await drawnCardBox(page, intervention);
      await page.mouse.click(box.x + 30, box.y + 30);
      await dragMouse(
        page,
        { x: box.x + box.width + 16, y: box.y + box.height / 2 },
        centre(await drawnCardBox(page, first)),
      );
      await expect.poll(async () => (await links()).length).toBe(1);
      const [link] = await links();
      expect({ kind: link?.kind, from: link?.from, to: link?.to }).toEqual({
        kind: 'contributes',
        from: intervention,
        to: first,
      });
      expect((await selection(page)).links).toEqual([link?.id]);

      // Drag the selected link's head onto the other target.
      const ends = await page.evaluate((id) => window.__sdgBoard?.canvas()?.linkClientEnds(id) ?? null, link?.id ?? '');
      if (!ends) throw new Error('the link is not drawn');
      await dragMouse(page, ends.to, centre(await drawnCardBox(page, second)));
      await expect.poll(async () => (await links())[0]?.to).toBe(second);

      await page.keyboard.press('Delete');
      await expect.poll(async () => (await links()).length).toBe(0);

      // Resize the second target by its bottom-right corner.
      const target = await drawnCardBox(page, second);
      await page.mouse.click(target.x + 20, target.y + 20);
      const before = await readCard(page, second);
      await dragMouse(
        page,
        { x: target.x + target.width, y: target.y + target.height },
        {
          x: target.x + target.width + 60,
          y: target.y + target.height + 40,
        },
      );
      await expect.poll(async () => (await readCard(page, second))?.w).toBeGreaterThan((before?.w ?? 0) + 20);
      expect((await readCard(page, second))?.x).toBe(before?.x);
      expect(errors).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'undo by one person does not undo another’s edit made in between',
    async () => {
      const board = await seedBoard(suite.server.url, (doc) => ({
        mine: addCard(doc, { kind: 'note', x: 0, y: 0, author: SEEDER, fields: { text: 'Ada moves me' } }, SEED_ORIGIN),
        theirs: addCard(
          doc,
          { kind: 'note', x: 300, y: 0, author: SEEDER, fields: { text: 'Bea edits me' } },
          SEED_ORIGIN,
        ),
      }));
      const { mine, theirs } = board.made;
      const a = await open(board.link, 'Ada Undo');
      const b = await open(board.link, 'Bea Between');
      await waitForCards(a.page, 2);
      await waitForCards(b.page, 2);

      // A drags her card.
      const box = await drawnCardBox(a.page, mine);
      const grab = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      await dragMouse(a.page, grab, { x: grab.x + 40, y: grab.y + 160 });
      await b.page.waitForFunction((id) => window.__sdgBoard?.cards().find((c) => c.id === id)?.y !== 0, mine);
      const movedTo = await readCard(a.page, mine);

      // B, in between, rewrites the other card's text in place and moves it with the keyboard.
      const theirsBox = await drawnCardBox(b.page, theirs);
      await b.page.mouse.dblclick(theirsBox.x + theirsBox.width / 2, theirsBox.y + theirsBox.height / 2);
      await b.page.getByRole('textbox', { name: 'Note text' }).fill('Bea wrote this');
      await b.page.keyboard.press('Control+Enter');
      await b.page.keyboard.press('Shift+ArrowRight');
      await a.page.waitForFunction((id) => {
        const card = window.__sdgBoard?.cards().find((c) => c.id === id);
        return card?.kind === 'note' && card.fields.text === 'Bea wrote this' && card.x === 310;
      }, theirs);

      // A undoes: her move goes back; B's text and move stay, on both screens.
      await clickEmptyBoard(a.page);
      await a.page.keyboard.press('Control+z');
      for (const page of [a.page, b.page]) {
        await page.waitForFunction((id) => {
          const card = window.__sdgBoard?.cards().find((c) => c.id === id);
          return card?.x === 0 && card.y === 0;
        }, mine);
        const other = await readCard(page, theirs);
        expect(other?.kind === 'note' && other.fields.text).toBe('Bea wrote this');
        expect(other?.x).toBe(310);
      }
      // And redo brings her move back.
      await a.page.keyboard.press('Control+Shift+z');
      await a.page.waitForFunction(({ id, y }) => window.__sdgBoard?.cards().find((c) => c.id === id)?.y === y, {
        id: mine,
        y: movedTo?.y ?? -1,
      });
      expect([...a.errors, ...b.errors]).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'copies and pastes cards with their link as new items, on the same board and on another',
    async () => {
      const build = () => (doc: Parameters<Parameters<typeof seedBoard>[1]>[0]) => {
        const intervention = addCard(
          doc,
          { kind: 'intervention', x: 0, y: 0, author: SEEDER, fields: { title: 'Skills recognition' } },
          SEED_ORIGIN,
        );
        const target = addCard(
          doc,
          { kind: 'target', x: 400, y: 0, author: SEEDER, fields: { code: '4.b' } },
          SEED_ORIGIN,
        );
        const link = addLink(doc, { kind: 'contributes', from: intervention, to: target, author: SEEDER }, SEED_ORIGIN);
        return { intervention, target, link };
      };
      const board = await seedBoard(suite.server.url, build());
      const other = await seedBoard(suite.server.url, () => null, 'Other board');
      const a = await open(board.link, 'Cody Copy');
      await waitForCards(a.page, 2);
      await a.page.keyboard.press('Control+a');
      expect((await selection(a.page)).cards).toHaveLength(2);
      await a.page.keyboard.press('Control+c');
      await a.page.keyboard.press('Control+v');
      await waitForCards(a.page, 4);

      const cards = await readCards(a.page);
      const { intervention, target } = board.made;
      const copies = cards.filter((c) => c.id !== intervention && c.id !== target);
      expect(copies.map((c) => c.kind).sort()).toEqual(['intervention', 'target']);
      const copy = copies.find((c) => c.kind === 'intervention');
      expect(copy?.kind === 'intervention' && copy.fields.title).toBe('Skills recognition');
      expect(copy?.author.name).toBe('Cody Copy');
      expect((await selection(a.page)).cards.sort()).toEqual(copies.map((c) => c.id).sort());
      const links = await a.page.evaluate(() => window.__sdgBoard?.links() ?? []);
      expect(links).toHaveLength(2);
      const pastedLink = links.find((l) => l.id !== board.made.link);
      expect(copies.map((c) => c.id).sort()).toEqual([pastedLink?.from, pastedLink?.to].sort());

      // The same clipboard pasted into another board, in another tab of the browser.
      const tab = await a.context.newPage();
      await tab.goto(other.link);
      await tab.waitForFunction(() => window.__sdgBoard !== undefined);
      await tab
        .getByTestId('connection-status')
        .filter({ hasText: /^Synced$/ })
        .waitFor();
      await clickEmptyBoard(tab);
      await tab.keyboard.press('Control+v');
      await waitForCards(tab, 2);
      const there = await readCards(tab);
      expect(there.map((c) => c.id).some((id) => id === intervention || id === target)).toBe(false);
      expect(await tab.evaluate(() => window.__sdgBoard?.links().length)).toBe(1);
      await tab.close();
      expect(a.errors).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'zoom to fit shows every card',
    async () => {
      const board = await seedBoard(suite.server.url, (doc) => {
        const ids: string[] = [];
        for (let i = 0; i < 24; i++) {
          ids.push(
            addCard(
              doc,
              { kind: 'note', x: (i % 6) * 1400 - 3000, y: Math.floor(i / 6) * 900 - 1200, author: SEEDER },
              SEED_ORIGIN,
            ),
          );
        }
        return ids;
      });
      const { page, errors } = await open(board.link, 'Fitz Fit');
      await waitForCards(page, 24);
      // Away from everything first: zoomed in on an empty corner.
      const canvas = await canvasBox(page);
      await page.mouse.move(canvas.x + 40, canvas.y + 40);
      for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -400);
      await page.keyboard.down('Control');
      for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -200);
      await page.keyboard.up('Control');
      await page.getByTestId('zoom-to-fit').click();
      const boxes = await Promise.all(board.made.map((id) => drawnCardBox(page, id)));
      for (const box of boxes) {
        expect(box.x).toBeGreaterThanOrEqual(canvas.x);
        expect(box.y).toBeGreaterThanOrEqual(canvas.y);
        expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width);
        expect(box.y + box.height).toBeLessThanOrEqual(canvas.y + canvas.height);
      }
      expect(await page.evaluate(() => window.__sdgBoard?.canvas()?.visibleCount().cards)).toBe(24);
      expect(errors).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'the outline selects and centres a card by keyboard, as a tree a screen reader can read',
    async () => {
      const board = await seedBoard(suite.server.url, (doc) => {
        const target = addCard(
          doc,
          { kind: 'target', x: 5000, y: 3000, author: SEEDER, fields: { code: '10.7' } },
          SEED_ORIGIN,
        );
        const note = addCard(
          doc,
          { kind: 'note', x: 0, y: 0, author: SEEDER, fields: { text: 'Far away note' } },
          SEED_ORIGIN,
        );
        // A remote edit later must not disturb the outline's selection.
        updateCard(doc, note, { status: 'discussed' }, SEED_ORIGIN);
        moveCards(doc, [{ id: note, x: -200, y: -100 }], SEED_ORIGIN);
        return { target, note };
      });
      const { page, errors } = await open(board.link, 'Otto Outline');
      await waitForCards(page, 2);
      const tree = page.getByRole('tree', { name: /Board outline/ });
      await tree.focus();
      // Rows: "SDG targets" group, the target, "Notes" group, the note.
      await page.keyboard.press('ArrowDown');
      const item = page.getByRole('treeitem', { name: /^10\.7/ });
      await expect.poll(() => tree.getAttribute('aria-activedescendant')).toBe(await item.getAttribute('id'));
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await selection(page)).cards).toEqual([board.made.target]);
      expect(await item.getAttribute('aria-selected')).toBe('true');
      expect(await page.getByRole('treeitem', { name: 'SDG targets 1' }).getAttribute('aria-expanded')).toBe('true');

      // The card is centred on the canvas.
      const canvas = await canvasBox(page);
      const box = await drawnCardBox(page, board.made.target);
      expect(Math.abs(box.x + box.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(4);
      expect(Math.abs(box.y + box.height / 2 - (canvas.y + canvas.height / 2))).toBeLessThan(4);

      // Left closes the way to the group, Right opens it again.
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      expect(await page.getByRole('treeitem', { name: 'SDG targets 1' }).getAttribute('aria-expanded')).toBe('false');
      await page.keyboard.press('ArrowRight');
      expect(await page.getByRole('treeitem', { name: 'SDG targets 1' }).getAttribute('aria-expanded')).toBe('true');
      expect(errors).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
