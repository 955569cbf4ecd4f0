import { describe, expect, it } from 'vitest';
import {
  browserSuite,
  dragMouse,
  drawnCardBox,
  openPage,
  readCard,
  readCards,
  type TestPage,
  waitForSyncedBoard,
} from './helpers.ts';

const E2E_TIMEOUT_MS = 60_000;

describe('the board in three browsers', () => {
  const suite = browserSuite();
  const pages: TestPage[] = [];

  async function open(): Promise<TestPage> {
    const page = suite.track(await openPage(suite.browser));
    pages.push(page);
    return page;
  }

  it(
    'a participant sees the facilitator’s card, moves it, and a viewer sees both cards read-only',
    async () => {
      // Facilitator: create the workshop from the start page.
      const a = await open();
      await a.page.goto(`${suite.server.url}/`);
      await a.page.getByTestId('start-title').fill('Migration and the local development plan');
      await a.page.getByTestId('start-name').fill('Ada Facilitator');
      await a.page.getByTestId('start-group').selectOption('government-local');
      await a.page.getByTestId('start-submit').click();

      await expect
        .poll(() => a.page.getByTestId('board-title').textContent())
        .toBe('Migration and the local development plan');
      await expect.poll(() => a.page.getByTestId('role-badge').textContent()).toBe('Facilitator');
      const participantLink = await a.page.getByTestId('share-link-participant').inputValue();
      const viewerLink = await a.page.getByTestId('share-link-viewer').inputValue();
      expect(participantLink).toMatch(/\/w\/[^#]+#token=.+/);
      expect(viewerLink).toMatch(/\/w\/[^#]+#token=.+/);
      expect(await a.page.getByTestId('share-link-facilitator').inputValue()).toMatch(/#token=/);
      await waitForSyncedBoard(a.page);

      // A note, written in place, and an SDG target by code; an unknown code is refused.
      await a.page.getByTestId('create-note').click();
      await a.page.getByRole('textbox', { name: 'Note text' }).fill('Diaspora bonds for local infrastructure');
      await a.page.keyboard.press('Control+Enter');
      await a.page.getByTestId('target-code-input').fill('99.9');
      await a.page.getByTestId('create-target').click();
      await a.page.getByText('There is no SDG target “99.9”', { exact: false }).waitFor();
      await a.page.getByTestId('target-code-input').fill('10.7');
      await a.page.getByTestId('create-target').click();

      await expect.poll(async () => (await readCards(a.page)).length).toBe(2);
      const cards = await readCards(a.page);
      const note = cards.find((c) => c.kind === 'note');
      const target = cards.find((c) => c.kind === 'target');
      expect(note?.kind === 'note' && note.fields.text).toBe('Diaspora bonds for local infrastructure');
      expect(target?.kind === 'target' && target.fields.code).toBe('10.7');
      if (!note || !target) throw new Error('cards missing');

      // Participant: join from the link with a name and group, and see the card within 2 s.
      const b = await open();
      await b.page.goto(participantLink);
      await b.page.getByTestId('join-name').fill('Bea Participant');
      await b.page.getByTestId('join-group').selectOption('migrant-or-diaspora-association');
      await b.page.getByTestId('join-submit').click();
      await b.page.waitForFunction(() => window.__sdgBoard !== undefined);
      await b.page.waitForFunction((id) => window.__sdgBoard?.cards().some((c) => c.id === id), note.id, {
        timeout: 2_000,
      });
      await expect.poll(() => b.page.getByTestId('role-badge').textContent()).toBe('Participant');
      await waitForSyncedBoard(b.page);

      // The facilitator sees the participant's presence (name and colour through awareness).
      await a.page.waitForFunction(() =>
        [...(window.__sdgBoard?.provider.awareness.getStates().values() ?? [])].some(
          (s) => s.user?.name === 'Bea Participant',
        ),
      );

      // Participant drags the note with the mouse; the facilitator sees the new position.
      const box = await drawnCardBox(b.page, note.id);
      const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      await dragMouse(b.page, from, { x: from.x + 160, y: from.y + 110 });
      await expect.poll(async () => (await readCard(b.page, note.id))?.x, { timeout: 5_000 }).not.toBe(note.x);
      const moved = await readCard(b.page, note.id);
      if (!moved) throw new Error('the note disappeared');
      expect(moved.x).toBeGreaterThan(note.x + 50);
      expect(moved.y).toBeGreaterThan(note.y + 30);
      await a.page.waitForFunction(
        ({ id, x, y }) => {
          const card = window.__sdgBoard?.cards().find((c) => c.id === id);
          return card?.x === x && card.y === y;
        },
        { id: note.id, x: moved.x, y: moved.y },
        { timeout: 5_000 },
      );

      // Viewer: sees both cards live, every editing control is disabled, and dragging moves nothing.
      const c = await open();
      await c.page.goto(viewerLink);
      await c.page.getByTestId('join-name').fill('Cy Viewer');
      await c.page.getByTestId('join-group').selectOption('academia');
      await c.page.getByTestId('join-submit').click();
      await waitForSyncedBoard(c.page);
      await expect
        .poll(async () => (await readCards(c.page)).map((card) => card.id).sort())
        .toEqual([note.id, target.id].sort());
      expect(await c.page.getByTestId('role-badge').textContent()).toBe('Viewer');
      expect(await c.page.getByTestId('view-only-badge').isVisible()).toBe(true);
      for (const testId of ['create-note', 'create-intervention', 'create-target', 'target-code-input', 'tool-link']) {
        expect(await c.page.getByTestId(testId).isDisabled(), `${testId} is disabled for a viewer`).toBe(true);
      }
      const viewerBox = await drawnCardBox(c.page, target.id);
      const grab = { x: viewerBox.x + viewerBox.width / 2, y: viewerBox.y + viewerBox.height / 2 };
      await dragMouse(c.page, grab, { x: grab.x + 120, y: grab.y + 40 });
      const targetNow = await readCard(c.page, target.id);
      expect({ x: targetNow?.x, y: targetNow?.y }).toEqual({ x: target.x, y: target.y });
      expect((await readCard(a.page, target.id))?.x).toBe(target.x);

      for (const p of pages) expect(p.errors, 'no uncaught errors in the page').toEqual([]);
    },
    E2E_TIMEOUT_MS,
  );
});
