// Who took part, in the browser: a participant joins from the link as "Other" in their own words,
// and the facilitator's People panel (on a phone-sized screen) lists them with that group, their
// role and their time here, also once they have left; a viewer is listed as an observer.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { browserSuite, openPage, REPO_ROOT, type TestPage, waitForSyncedBoard } from './helpers.ts';
import { openBoard, seedBoard } from './seed.ts';

const TIMEOUT_MS = 90_000;
const SHOTS = path.join(REPO_ROOT, '.tmp', 'shots');

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** The three links of a workshop, asked of the server with the facilitator's link. */
async function linksOf(serverUrl: string, id: string, facilitatorLink: string) {
  const token = new URL(facilitatorLink).hash.replace('#token=', '');
  const res = await fetch(`${serverUrl}/api/workshops/${id}/session`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as { links: Record<'facilitator' | 'participant' | 'viewer', string> };
  return body.links;
}

describe('the attendance in the People panel', () => {
  const suite = browserSuite();
  let pages: TestPage[] = [];
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      for (const [i, tp] of pages.entries()) await shot(tp.page, `failed-attendance-${i}`).catch(() => {});
    }
    pages = [];
  });

  async function fresh(): Promise<TestPage> {
    const tp = suite.track(await openPage(suite.browser));
    pages.push(tp);
    return tp;
  }

  it(
    'lists a participant who joined as “Other: Farmers’ cooperative” with those words, here and after leaving',
    async () => {
      const seeded = await seedBoard(suite.server.url, () => null, 'Attendance');
      const links = await linksOf(suite.server.url, seeded.id, seeded.link);

      // The facilitator, on a phone.
      const ada = suite.track(await openBoard(suite.browser, links.facilitator, 'Ada'));
      pages.push(ada);
      await ada.page.setViewportSize({ width: 390, height: 844 });

      // The participant joins from the link: "Other" needs their own words.
      const pia = await fresh();
      await pia.page.goto(links.participant);
      await pia.page.getByTestId('join-name').fill('Pia Rasoa');
      await pia.page.getByTestId('join-group').selectOption('other');
      await pia.page.getByTestId('join-submit').click();
      await pia.page.getByText('Please say which group you are from', { exact: false }).waitFor();
      expect(await pia.page.getByTestId('join-group-detail').getAttribute('aria-invalid')).toBe('true');
      expect(await pia.page.getByTestId('join-group-detail').getAttribute('maxlength')).toBe('80');
      await pia.page.getByTestId('join-group-detail').fill('Farmers’ cooperative');
      await pia.page.getByTestId('join-submit').click();
      await waitForSyncedBoard(pia.page);
      const piaId = await pia.page.evaluate(
        () => JSON.parse(localStorage.getItem('sdg-board:identity') ?? '{}').id as string,
      );

      // A viewer looks on.
      const vic = await fresh();
      await vic.page.goto(links.viewer);
      await vic.page.getByTestId('join-name').fill('Vic');
      await vic.page.getByTestId('join-group').selectOption('media');
      await vic.page.getByTestId('join-submit').click();
      await waitForSyncedBoard(vic.page);

      await ada.page.getByTestId('open-people').click();
      const panel = ada.page.getByTestId('people-panel');
      const piaRow = panel.locator(`[data-testid="person-online"][data-person="${piaId}"]`);
      await piaRow.waitFor();
      // Visible on the phone, not only in the page.
      expect(await piaRow.isVisible()).toBe(true);
      const group = (await piaRow.getByTestId('person-group').textContent()) ?? '';
      expect(group.replace(/\s+/g, ' ')).toBe('Farmers’ cooperative · Participant');
      expect(await piaRow.getByTestId('person-time').textContent()).toMatch(/^Here now · joined .+ · (< 1|\d+) min$/);
      const vicRow = panel.getByTestId('person-observer');
      await vicRow.waitFor();
      expect((await vicRow.getByTestId('person-group').textContent())?.replace(/\s+/g, ' ')).toBe('Media · Observer');
      // The group table counts her under Other, in her words; the observer is not counted.
      const other = panel.locator('tr[data-group="other"]');
      expect(await other.getByTestId('participation-details').textContent()).toBe('Farmers’ cooperative');
      expect(await panel.locator('tr[data-group="media"] td').first().textContent()).toBe('0');
      await shot(ada.page, 'attendance-people-390');

      // The record is the server's: in the facilitator's copy of the board, with the role.
      const records = await ada.page.evaluate(() => window.__sdgBoard?.attendance() ?? []);
      expect(records.find((r) => r.personId === piaId)).toMatchObject({
        name: 'Pia Rasoa',
        group: 'other',
        groupDetail: 'Farmers’ cooperative',
        role: 'participant',
      });

      // She leaves: still listed, with when she was last seen.
      await pia.context.close();
      const away = panel.locator(`[data-testid="person-away"][data-person="${piaId}"]`);
      await away.waitFor({ timeout: 10_000 });
      expect((await away.getByTestId('person-group').textContent())?.replace(/\s+/g, ' ')).toBe(
        'Farmers’ cooperative · Participant',
      );
      expect(await away.getByTestId('person-time').textContent()).toMatch(/^Last seen .+ · joined .+ · (< 1|\d+) min$/);
      // Once the server has closed her session (after its short grace for reloads).
      await expect
        .poll(
          () =>
            ada.page.evaluate(
              (id) => window.__sdgBoard?.attendance().find((r) => r.personId === id)?.connectedSince,
              piaId,
            ),
          { timeout: 20_000 },
        )
        .toBeNull();
    },
    TIMEOUT_MS,
  );
});
