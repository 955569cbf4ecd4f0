// A participant who can no longer change the board is told so at once: when the facilitator
// replaces their link the tools go read-only (nothing made now could reach anyone), and a drag
// that cannot move a card says why instead of doing nothing.
import { describe, expect, it } from 'vitest';
import { addCard } from '../../shared/model/index.ts';
import { browserSuite, dragMouse, drawnCardBox, type TestPage } from './helpers.ts';
import { openBoard, SEED_ORIGIN, SEEDER, seedBoard } from './seed.ts';

const TIMEOUT_MS = 90_000;

describe('read-only, and why', () => {
  const suite = browserSuite();

  async function open(link: string, name: string): Promise<TestPage> {
    const tp = await openBoard(suite.browser, link, name);
    suite.track(tp);
    await tp.page.setViewportSize({ width: 1440, height: 900 });
    return tp;
  }

  async function linksOf(id: string, facilitatorLink: string) {
    const token = new URL(facilitatorLink).hash.replace('#token=', '');
    const res = await fetch(`${suite.server.url}/api/workshops/${id}/session`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return ((await res.json()) as { links: Record<'participant' | 'facilitator', string> }).links;
  }

  it(
    'turns a participant read-only when their link is replaced, and a refused drag says why',
    async () => {
      const w = await seedBoard(suite.server.url, (doc) => ({
        agreed: addCard(
          doc,
          { kind: 'intervention', x: 0, y: 0, status: 'agreed', author: SEEDER, fields: { title: 'Jobs desk' } },
          SEED_ORIGIN,
        ),
        open: addCard(doc, { kind: 'note', x: 400, y: 0, author: SEEDER, fields: { text: 'Idea' } }, SEED_ORIGIN),
      }));
      const links = await linksOf(w.id, w.link);
      const ada = await open(links.facilitator, 'Ada');
      const pia = await open(links.participant, 'Pia');
      const notice = pia.page.getByTestId('notice');

      // Dragging the agreed card moves nothing and says why.
      const agreedBox = await drawnCardBox(pia.page, w.made.agreed);
      await dragMouse(
        pia.page,
        { x: agreedBox.x + 40, y: agreedBox.y + 40 },
        { x: agreedBox.x + 200, y: agreedBox.y + 160 },
      );
      await expect
        .poll(async () => (await notice.textContent()) ?? '')
        .toContain('Only the facilitator can change or move it');
      const agreed = await pia.page.evaluate(
        (id) => window.__sdgBoard?.cards().find((c) => c.id === id),
        w.made.agreed,
      );
      expect({ x: agreed?.x, y: agreed?.y }).toEqual({ x: 0, y: 0 });
      expect(await pia.page.getByTestId('create-note').isDisabled()).toBe(false);

      // The facilitator replaces the participant link: Pia's tools go read-only at once.
      await ada.page.getByRole('button', { name: 'Invite' }).click();
      await ada.page.getByTestId('rotate-participant').click();
      await ada.page.getByTestId('rotate-confirm-participant').click();
      await pia.page.getByRole('alert').getByText('Disconnected.').waitFor();
      await expect.poll(() => pia.page.getByTestId('create-note').isDisabled()).toBe(true);
      // A drag of the open note now says why it does nothing.
      const noteBox = await drawnCardBox(pia.page, w.made.open);
      await dragMouse(pia.page, { x: noteBox.x + 30, y: noteBox.y + 30 }, { x: noteBox.x + 200, y: noteBox.y + 200 });
      await expect.poll(async () => (await notice.textContent()) ?? '').toContain('link is not valid');
      const note = await pia.page.evaluate((id) => window.__sdgBoard?.cards().find((c) => c.id === id), w.made.open);
      expect({ x: note?.x, y: note?.y }).toEqual({ x: 400, y: 0 });
    },
    TIMEOUT_MS,
  );
});
