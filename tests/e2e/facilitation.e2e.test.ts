// Running a live validation workshop in two or three browsers: private brainstorming and its
// reveal, dot voting, the shared timer, bringing everyone to one view, comments with mentions,
// replacing a link from the share dialog, and agreed items locked for participants.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addCard, personIdOf } from '../../shared/model/index.ts';
import {
  browserSuite,
  dragMouse,
  drawnCardBox,
  openPage,
  REPO_ROOT,
  type TestPage,
  waitForSyncedBoard,
} from './helpers.ts';
import { e2eSecretOf, openBoard, SEED_ORIGIN, SEEDER, seedBoard } from './seed.ts';

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

async function boardNotes(page: Page): Promise<Array<{ text: string; author: string }>> {
  return page.evaluate(
    () =>
      window.__sdgBoard
        ?.cards()
        .filter((c) => c.kind === 'note')
        .map((c) => ({ text: c.kind === 'note' ? c.fields.text : '', author: c.author.name })) ?? [],
  );
}

async function select(page: Page, id: string): Promise<void> {
  const box = await drawnCardBox(page, id);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction((cardId) => window.__sdgBoard?.selection().cards.includes(cardId), id);
}

describe('running a live validation workshop', () => {
  const suite = browserSuite();

  let testPages: TestPage[] = [];
  beforeEach(() => {
    testPages = [];
  });
  // A failed test leaves a screenshot of each of its pages, to see what the people saw.
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    for (const [i, tp] of testPages.entries())
      await shot(tp.page, `failed-${ctx.task.name.slice(0, 30)}-${i}`).catch(() => {});
  });

  async function open(link: string, name: string): Promise<TestPage> {
    const tp = await openBoard(suite.browser, link, name);
    suite.track(tp);
    testPages.push(tp);
    return tp;
  }

  async function workshop<T>(build: (doc: Y.Doc) => T) {
    const seeded = await seedBoard(suite.server.url, build);
    const links = await linksOf(suite.server.url, seeded.id, seeded.link);
    return { ...seeded, links };
  }

  it(
    'keeps a participant’s private notes out of everyone else’s document until the reveal, also after they left',
    async () => {
      const w = await workshop(() => null);
      const ada = await open(w.links.facilitator, 'Ada');
      const ana = await open(w.links.participant, 'Ana');
      const ben = await open(w.links.participant, 'Ben');

      await ada.page.getByTestId('private-mode-toggle').check();
      await ana.page.getByTestId('private-mode-chip').waitFor();
      await ben.page.getByTestId('private-mode-chip').waitFor();

      // Ana writes two private notes: with the palette's Note button and with the N key.
      await ana.page.getByTestId('create-note').click();
      await ana.page.getByTestId('private-note-text').first().fill('Diaspora savings circle');
      await ana.page.getByTestId('private-note-text').first().blur();
      await ana.page.locator('.konvajs-content').click({ position: { x: 40, y: 40 } });
      await ana.page.keyboard.press('n');
      await expect.poll(() => ana.page.getByTestId('private-note').count()).toBe(2);
      await ana.page.getByTestId('private-note-text').nth(1).fill('Remittance-backed bonds');
      await ana.page.getByTestId('private-badge').first().waitFor();
      await shot(ana.page, 'private-notes');
      await ana.page.waitForFunction(
        () =>
          (window.__sdgFacilitation?.privateCards() ?? []).filter((c) => c.kind === 'note' && c.fields.text !== '')
            .length === 2 && window.__sdgFacilitation?.privateFlushed(),
      );

      // Nobody else's document has them, nor Ana's own shared document.
      expect(await boardNotes(ana.page)).toEqual([]);
      expect(await boardNotes(ben.page)).toEqual([]);
      expect(await boardNotes(ada.page)).toEqual([]);
      expect(await ben.page.evaluate(() => window.__sdgFacilitation?.privateCards()?.length)).toBe(0);
      expect(await ben.page.getByTestId('private-note').count()).toBe(0);

      // Ana closes her browser before the reveal; her notes are kept by the server.
      await ana.context.close();
      await ada.page.getByTestId('reveal-private').click();
      await expect
        .poll(async () => (await boardNotes(ben.page)).map((n) => `${n.text} by ${n.author}`).sort(), {
          timeout: 10_000,
        })
        .toEqual(['Diaspora savings circle by Ana', 'Remittance-backed bonds by Ana']);
      await expect.poll(async () => (await boardNotes(ada.page)).length).toBe(2);
      await ben.page.getByTestId('private-mode-chip').waitFor({ state: 'detached' });
    },
    TIMEOUT_MS,
  );

  it(
    'runs a dot vote: three dots each, no fourth, results hidden until revealed, then ranked',
    async () => {
      const w = await workshop((doc) => {
        const add = (title: string, x: number) =>
          addCard(doc, { kind: 'intervention', x, y: 0, author: SEEDER, fields: { title } }, SEED_ORIGIN);
        return {
          a: add('Migrant resource centre', 0),
          b: add('Skills recognition', 400),
          c: add('Diaspora fund', 800),
        };
      });
      const { a, b, c } = w.made;
      const ada = await open(w.links.facilitator, 'Ada');
      const p1 = await open(w.links.participant, 'Pia');
      const p2 = await open(w.links.participant, 'Raj');

      await ada.page.getByTestId('open-vote').click();
      await ada.page.getByTestId('vote-scope-interventions').check();
      await ada.page.getByTestId('vote-per-person').fill('3');
      await ada.page.getByTestId('vote-start').click();

      const vote = async (page: Page, id: string, times: number) => {
        for (let i = 0; i < times; i++) {
          await page.locator(`[data-testid="vote-item"][data-id="${id}"] [data-testid="vote-plus"]`).click();
        }
      };
      for (const p of [p1, p2]) {
        await p.page.getByTestId('vote-live').waitFor();
        await p.page.getByTestId('open-vote').click();
      }
      await vote(p1.page, a, 2);
      await vote(p1.page, b, 1);
      await vote(p2.page, a, 1);
      await vote(p2.page, c, 2);
      for (const p of [p1, p2]) {
        await p.page.locator('[data-testid="votes-left"][data-left="0"]').waitFor();
        // A fourth dot is refused: every + is disabled once the three are placed.
        const plus = p.page.getByTestId('vote-plus');
        expect(await plus.count()).toBe(3);
        for (let i = 0; i < 3; i++) expect(await plus.nth(i).isDisabled()).toBe(true);
      }
      // Before the reveal each person sees only their own dots.
      expect(await p2.page.getByTestId('vote-results').count()).toBe(0);
      await expect.poll(() => p2.page.getByTestId(`vote-badge-${a}`).getAttribute('data-count')).toBe('1');
      await expect.poll(() => p1.page.getByTestId(`vote-badge-${a}`).getAttribute('data-count')).toBe('2');
      // Nobody's browser holds anyone's dots: they are on each person's private ballot.
      for (const p of [ada, p1, p2]) {
        const dots = await p.page.evaluate(() => window.__sdgBoard?.cards().flatMap((c) => Object.keys(c.votes)));
        expect(dots).toEqual([]);
      }
      await shot(p1.page, 'vote-open');

      await ada.page.getByTestId('vote-end').click();
      await ada.page.getByTestId('vote-reveal').click();
      for (const p of [ada, p1, p2]) {
        await p.page.getByTestId('vote-results').waitFor();
        const ranking = await p.page
          .getByTestId('vote-result')
          .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-id')}=${r.getAttribute('data-votes')}`));
        expect(ranking).toEqual([`${a}=3`, `${c}=2`, `${b}=1`]);
      }
      await expect.poll(() => p2.page.getByTestId(`vote-badge-${a}`).getAttribute('data-count')).toBe('3');
      await shot(ada.page, 'vote-results');
    },
    TIMEOUT_MS,
  );

  it(
    'shows the facilitator’s timer to a participant, across the participant’s reload, and ends it for both',
    async () => {
      const w = await workshop(() => null);
      const ada = await open(w.links.facilitator, 'Ada');
      const pia = await open(w.links.participant, 'Pia');
      await ada.page.getByTestId('timer-minutes').fill('0.15');
      await ada.page.getByTestId('timer-start').click();
      const remaining = async (page: Page) => Number(await page.getByTestId('timer').getAttribute('data-remaining-ms'));
      await pia.page.getByTestId('timer').waitFor();
      const before = await remaining(pia.page);
      expect(before).toBeGreaterThan(0);
      expect(before).toBeLessThanOrEqual(9_000);
      await shot(ada.page, 'timer');

      await pia.page.reload();
      await waitForSyncedBoard(pia.page);
      await pia.page.getByTestId('timer').waitFor();
      const after = await remaining(pia.page);
      // The same end time: less left than before the reload, but still running.
      expect(after).toBeLessThanOrEqual(before);
      if (after > 0) expect(after).toBeGreaterThan(before - 8_000);

      for (const p of [ada, pia]) {
        await p.page.locator('[data-testid="timer"][data-ended="true"]').waitFor({ timeout: 15_000 });
      }
      // The facilitator's page was open when it ended: a beep and "Time is up".
      await ada.page.getByTestId('notice').getByText('Time is up').waitFor();
      expect(await ada.page.evaluate(() => window.__sdgFacilitation?.beeps())).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );

  it(
    'moves a participant’s view to the facilitator’s within a second when summoned, and follows a person',
    async () => {
      const w = await workshop((doc) =>
        addCard(doc, { kind: 'intervention', x: 0, y: 0, author: SEEDER, fields: { title: 'Anchor' } }, SEED_ORIGIN),
      );
      const ada = await open(w.links.facilitator, 'Ada');
      const pia = await open(w.links.participant, 'Pia');
      // The facilitator looks somewhere else: pan with the wheel, zoom in.
      const canvas = ada.page.locator('.konvajs-content');
      const box = await canvas.boundingBox();
      if (!box) throw new Error('no canvas');
      await ada.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await ada.page.mouse.wheel(900, 700);
      await ada.page.keyboard.press('Control+=');
      const target = await ada.page.evaluate(() => window.__sdgFacilitation?.view());
      if (!target) throw new Error('no view');
      const near = (v: { x: number; y: number; zoom: number } | undefined, t: typeof target) =>
        v !== undefined && Math.abs(v.x - t.x) <= 2 && Math.abs(v.y - t.y) <= 2 && Math.abs(v.zoom - t.zoom) < 0.01;
      expect(near(await pia.page.evaluate(() => window.__sdgFacilitation?.view()), target)).toBe(false);

      const clickedAt = Date.now();
      await ada.page.getByTestId('summon-everyone').click();
      await pia.page.waitForFunction(
        (t) => {
          const v = window.__sdgFacilitation?.view();
          return v && Math.abs(v.x - t.x) <= 2 && Math.abs(v.y - t.y) <= 2 && Math.abs(v.zoom - t.zoom) < 0.01;
        },
        target,
        { timeout: 3_000, polling: 'raf' },
      );
      expect(Date.now() - clickedAt).toBeLessThan(1_000 + 300);

      // Following: Ada follows Pia, who pans; Ada's view goes along until Ada moves herself.
      await ada.page.getByTestId('open-people').click();
      await ada.page.getByTestId('follow-Pia').click();
      await ada.page.getByTestId('follow-banner').waitFor();
      await shot(ada.page, 'people-panel');
      const piaBox = await pia.page.locator('.konvajs-content').boundingBox();
      if (!piaBox) throw new Error('no canvas');
      await pia.page.mouse.move(piaBox.x + 300, piaBox.y + 300);
      await pia.page.mouse.wheel(-600, 0);
      await expect
        .poll(async () => {
          const [p, a] = await Promise.all([
            pia.page.evaluate(() => window.__sdgFacilitation?.view()),
            ada.page.evaluate(() => window.__sdgFacilitation?.view()),
          ]);
          return p && a && Math.abs(p.x - a.x) <= 2 && Math.abs(p.y - a.y) <= 2;
        })
        .toBe(true);
      // Away from the people panel over the right of the board.
      await ada.page.mouse.move(box.x + 40, box.y + box.height / 2);
      await ada.page.mouse.wheel(0, 300);
      await ada.page.getByTestId('follow-banner').waitFor({ state: 'detached' });
    },
    TIMEOUT_MS,
  );

  it(
    'shows a comment that mentions the facilitator to them, unread until they open it',
    async () => {
      const w = await workshop((doc) =>
        addCard(
          doc,
          { kind: 'intervention', x: 0, y: 0, author: SEEDER, fields: { title: 'Budget line' } },
          SEED_ORIGIN,
        ),
      );
      const id = w.made;
      const ada = await open(w.links.facilitator, 'Ada');
      const pia = await open(w.links.participant, 'Pia');

      await select(pia.page, id);
      await pia.page.getByTestId('open-comments').click();
      const input = pia.page.getByTestId('comment-input');
      await input.click();
      await input.pressSequentially('@Ad');
      await pia.page.getByTestId('mention-suggestions').getByText('Ada').waitFor();
      await input.press('Enter');
      await input.pressSequentially('can we check the budget?');
      await shot(pia.page, 'comment-writing');
      await pia.page.getByTestId('comment-input-send').click();
      await pia.page.getByTestId('comment').waitFor();

      // For Ada: a count in the top bar and a badge on the card, both unread.
      await ada.page.locator('[data-testid="unread-comments"][data-count="1"]').waitFor();
      await ada.page.getByTestId(`comment-badge-${id}`).waitFor();
      const stored = await ada.page.evaluate(
        (cardId) => window.__sdgBoard?.cards().find((c) => c.id === cardId)?.comments,
        id,
      );
      expect(stored?.map((c) => [c.text, c.mentions])).toEqual([
        ['@Ada can we check the budget?', [personIdOf(e2eSecretOf('Ada'))]],
      ]);

      await ada.page.getByTestId(`comment-badge-${id}`).click();
      const comment = ada.page.getByTestId('comment');
      await comment.waitFor();
      expect(await comment.getAttribute('data-mentions-me')).toBe('true');
      await shot(ada.page, 'comments');
      await ada.page.getByTestId('unread-comments').waitFor({ state: 'detached' });
      await ada.page.getByTestId(`comment-badge-${id}`).waitFor({ state: 'detached' });
      // Read marks stay after a reload.
      await ada.page.reload();
      await waitForSyncedBoard(ada.page);
      await ada.page.getByTestId('open-comments').waitFor();
      expect(await ada.page.getByTestId('unread-comments').count()).toBe(0);
    },
    TIMEOUT_MS,
  );

  it(
    'replaces the participant link from the share dialog: the old one is disconnected and refused, the new one works',
    async () => {
      const w = await workshop(() => null);
      const ada = await open(w.links.facilitator, 'Ada');
      const pia = await open(w.links.participant, 'Pia');
      await ada.page.getByRole('button', { name: 'Invite' }).click();
      await ada.page.getByTestId('qr-participant').waitFor();
      await ada.page.getByTestId('show-qr-participant').click();
      await shot(ada.page, 'share-dialog');
      const old = await ada.page.getByTestId('share-link-participant').inputValue();
      await ada.page.getByTestId('rotate-participant').click();
      await ada.page.getByTestId('rotate-confirm-participant').click();
      await expect.poll(() => ada.page.getByTestId('share-link-participant').inputValue()).not.toBe(old);
      const fresh = await ada.page.getByTestId('share-link-participant').inputValue();

      await pia.page.getByRole('alert').getByText('Disconnected.').waitFor();
      expect(await pia.page.evaluate(() => window.__sdgBoard?.provider.wsconnected)).toBe(false);

      const again = await openPage(suite.browser);
      suite.track(again);
      await again.page.goto(old);
      await again.page.getByText('This link does not work').waitFor();
      const renewed = await open(fresh, 'Pia Again');
      expect(await renewed.page.getByTestId('role-badge').textContent()).toBe('Participant');
    },
    TIMEOUT_MS,
  );

  it(
    'locks an intervention agreed in the walk-through for a participant, not for the facilitator',
    async () => {
      const w = await workshop((doc) =>
        addCard(
          doc,
          { kind: 'intervention', x: 0, y: 0, author: SEEDER, fields: { title: 'One-stop shop' } },
          SEED_ORIGIN,
        ),
      );
      const id = w.made;
      const ada = await open(w.links.facilitator, 'Ada');
      const pia = await open(w.links.participant, 'Pia');
      await ada.page.getByTestId('phase-select').selectOption('validate');
      await pia.page.locator('[data-testid="phase"]', { hasText: 'Validate' }).waitFor();
      await ada.page.getByTestId('open-walk').click();
      await ada.page.getByTestId('walk-start').click();
      await ada.page.getByTestId('walk-check-targets').check();
      await ada.page.getByTestId('walk-check-budget').check();
      await ada.page.getByTestId('walk-agree').click();
      // Four checks are left unticked: agreeing asks first.
      await ada.page.getByTestId('walk-agree-confirm').click();
      await ada.page.getByTestId('walk-decision').waitFor();
      await shot(ada.page, 'walk-through');

      await pia.page.getByTestId(`lock-badge-${id}`).waitFor();
      await select(pia.page, id);
      const status = (page: Page) => page.getByTestId('inspector').getByTestId('status-control').locator('input');
      await status(pia.page).first().waitFor({ state: 'attached' });
      expect(await status(pia.page).first().isDisabled()).toBe(true);
      expect(await pia.page.getByTestId('delete-selected').isDisabled()).toBe(true);
      await shot(pia.page, 'locked');

      // Dragging it does not move it for the participant…
      const before = await pia.page.evaluate((cardId) => window.__sdgBoard?.cards().find((c) => c.id === cardId), id);
      const box = await drawnCardBox(pia.page, id);
      await dragMouse(pia.page, { x: box.x + 40, y: box.y + 30 }, { x: box.x + 160, y: box.y + 130 });
      const after = await pia.page.evaluate((cardId) => window.__sdgBoard?.cards().find((c) => c.id === cardId), id);
      expect([after?.x, after?.y]).toEqual([before?.x, before?.y]);
      expect(await pia.page.evaluate(() => window.__sdgBoard?.provider.wsconnected)).toBe(true);

      // …while the facilitator can still change it, and the participant sees the change.
      await ada.page.getByTestId('open-walk').click();
      const adaBox = await drawnCardBox(ada.page, id);
      await dragMouse(ada.page, { x: adaBox.x + 40, y: adaBox.y + 30 }, { x: adaBox.x + 140, y: adaBox.y + 30 });
      await expect
        .poll(() => pia.page.evaluate((cardId) => window.__sdgBoard?.cards().find((c) => c.id === cardId)?.x, id))
        .not.toBe(before?.x);
      await select(ada.page, id);
      await status(ada.page).first().waitFor({ state: 'attached' });
      expect(await status(ada.page).first().isDisabled()).toBe(false);
      const record = await ada.page.evaluate(() => window.__sdgFacilitation?.facilitation().validation);
      expect(record?.[id]).toMatchObject({
        decision: 'agreed',
        by: 'Ada',
        checks: { targets: true, budget: true },
        checksLeft: ['context', 'actions', 'timeframe', 'stakeholders'],
      });
    },
    TIMEOUT_MS,
  );
});
