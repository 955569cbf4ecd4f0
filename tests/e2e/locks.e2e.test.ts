// The lock on what an agreed intervention stands on, as a participant and a facilitator see it:
// the link of an agreed intervention is locked (the inspector says why, its fields and Delete are
// off), the target it is linked to may be edited but not deleted (Delete is off, with the reason,
// and the Delete key says so too), and a new link to the agreed intervention is not made. The
// facilitator keeps full control. Nothing the participant tries reaches the server (which would
// close their connection).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addCard, addLink, updateCard } from '../../shared/model/index.ts';
import { browserSuite, drawnCardBox, REPO_ROOT } from './helpers.ts';
import { openBoard, SEED_ORIGIN, SEEDER, seedBoard } from './seed.ts';

const TIMEOUT_MS = 90_000;
const SHOTS = path.join(REPO_ROOT, '.tmp', 'shots');

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function clickCard(page: Page, id: string): Promise<void> {
  const box = await drawnCardBox(page, id);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function selectCard(page: Page, id: string): Promise<void> {
  await clickCard(page, id);
  await page.waitForFunction((cardId) => window.__sdgBoard?.selection().cards.includes(cardId), id);
}

async function linksOf(serverUrl: string, id: string, facilitatorLink: string) {
  const token = new URL(facilitatorLink).hash.replace('#token=', '');
  const res = await fetch(`${serverUrl}/api/workshops/${id}/session`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { links: Record<'facilitator' | 'participant' | 'viewer', string> }).links;
}

describe('what an agreed intervention stands on', () => {
  const suite = browserSuite();

  it(
    'is locked for a participant, who is told why, and not for the facilitator',
    async () => {
      const seeded = await seedBoard(suite.server.url, (doc) => {
        const centre = addCard(
          doc,
          { kind: 'intervention', x: 0, y: 0, author: SEEDER, fields: { title: 'Migrant resource centre' } },
          SEED_ORIGIN,
        );
        const target = addCard(
          doc,
          { kind: 'target', x: 0, y: 320, author: SEEDER, fields: { code: '10.7' } },
          SEED_ORIGIN,
        );
        const other = addCard(
          doc,
          { kind: 'target', x: 420, y: 320, author: SEEDER, fields: { code: '8.8' } },
          SEED_ORIGIN,
        );
        const link = addLink(doc, { kind: 'contributes', from: centre, to: target, author: SEEDER }, SEED_ORIGIN);
        updateCard(doc, centre, { status: 'agreed' }, SEED_ORIGIN);
        return { centre, target, other, link };
      });
      const { centre, target, other, link } = seeded.made;
      const links = await linksOf(suite.server.url, seeded.id, seeded.link);
      const pia = suite.track(await openBoard(suite.browser, links.participant, 'Pia'));
      const ada = suite.track(await openBoard(suite.browser, links.facilitator, 'Ada'));
      const p = pia.page;
      const connected = () => p.evaluate(() => window.__sdgBoard?.provider.wsconnected);
      const linkCount = () => p.evaluate(() => window.__sdgBoard?.links().length);

      // The target: editable, not deletable, and the reason is on screen.
      await p.getByTestId(`lock-badge-${link}`).waitFor();
      await selectCard(p, target);
      expect(await p.getByTestId('inspector-lock').getAttribute('data-lock')).toBe('held');
      expect(await p.getByTestId('inspector-lock').textContent()).toContain('Migrant resource centre');
      expect(await p.getByTestId('delete-selected').isDisabled()).toBe(true);
      expect(await p.getByTestId('delete-refused').textContent()).toContain('Only the facilitator can delete “10.7”');
      expect(await p.getByTestId('status-control').locator('input').first().isDisabled()).toBe(false);
      await shot(p, 'locks-held-target');
      await p.keyboard.press('Delete');
      await p.getByTestId('notice').getByText('Only the facilitator can delete').waitFor();
      expect(await p.evaluate((id) => window.__sdgBoard?.cards().some((c) => c.id === id), target)).toBe(true);

      // The link: locked, its fields and Delete off.
      await p.getByTestId(`connection-${link}`).click();
      await p.waitForFunction((id) => window.__sdgBoard?.selection().links.includes(id), link);
      const lock = p.getByTestId('inspector-lock');
      expect(await lock.getAttribute('data-lock')).toBe('linked-to-agreed');
      expect(await lock.textContent()).toContain('Locked: linked to an agreed intervention');
      expect(await p.getByTestId('status-control').locator('input').first().isDisabled()).toBe(true);
      expect(await p.getByTestId('delete-selected').isDisabled()).toBe(true);
      await shot(p, 'locks-locked-link');
      await p.keyboard.press('Delete');
      expect(await linkCount()).toBe(1);

      // A new link to the agreed intervention is not made.
      await p.keyboard.press('Escape');
      await p.keyboard.press('l');
      await clickCard(p, other);
      await clickCard(p, centre);
      await p.getByTestId('notice').getByText('Only the facilitator can add or move links').waitFor();
      expect(await linkCount()).toBe(1);
      expect(await connected()).toBe(true);

      // The facilitator: no lock, Delete on, and her deletion reaches the participant.
      await ada.page.getByTestId(`lock-badge-${centre}`).waitFor();
      expect(await ada.page.getByTestId(`lock-badge-${link}`).count()).toBe(0);
      await selectCard(ada.page, target);
      expect(await ada.page.getByTestId('inspector-lock').count()).toBe(0);
      expect(await ada.page.getByTestId('delete-selected').isDisabled()).toBe(false);
      await ada.page.getByTestId('delete-selected').click();
      await p.waitForFunction(() => window.__sdgBoard?.links().length === 0);
      expect(await connected()).toBe(true);
    },
    TIMEOUT_MS,
  );
});
