// The walk-through's decisions, the workshop details and the adoption, in a facilitator's and a
// participant's browser: sending back needs a comment and shows on the card, the inspector and
// the outline until the item is decided again; agreeing with checks unticked asks first and
// records them; set aside; the plan's contents and standing; details and adoption edited by the
// facilitator and seen by the participant, and stored on the board.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addCard, addLink, readAdoption, readMeta, setPhase } from '../../shared/model/index.ts';
import { connectClient, whenSynced } from '../support/syncClient.ts';
import { browserSuite, REPO_ROOT, readCard, type TestPage } from './helpers.ts';
import { openBoard, SEED_ORIGIN, SEEDER, seedBoard } from './seed.ts';

const TIMEOUT_MS = 120_000;
const SHOTS = path.join(REPO_ROOT, '.tmp', 'shots');

function tokenOf(link: string): string {
  return new URL(link).hash.replace('#token=', '');
}

async function linksOf(serverUrl: string, id: string, facilitatorLink: string) {
  const res = await fetch(`${serverUrl}/api/workshops/${id}/session`, {
    headers: { authorization: `Bearer ${tokenOf(facilitatorLink)}` },
  });
  const body = (await res.json()) as { links: Record<'facilitator' | 'participant' | 'viewer', string> };
  return body.links;
}

/** What the server holds, read by a headless client through the model. */
async function stored<T>(serverUrl: string, id: string, link: string, read: (doc: Y.Doc) => T): Promise<T> {
  const client = connectClient(serverUrl, id, tokenOf(link));
  try {
    await whenSynced(client, 10_000);
    return read(client.doc);
  } finally {
    client.destroy();
  }
}

async function text(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

function validation(page: Page) {
  return page.evaluate(() => window.__sdgFacilitation?.facilitation().validation ?? {});
}

/** A YYYY-MM-DD date as this browser writes it in words (what the client shows). */
function dayInPage(page: Page, iso: string): Promise<string> {
  return page.evaluate((d) => {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(y, m - 1, day)),
    );
  }, iso);
}

async function selectInOutline(page: Page, id: string): Promise<void> {
  await page.locator(`[data-item-id="${id}"]`).click();
  await page.waitForFunction((cardId) => window.__sdgBoard?.selection().cards.includes(cardId), id);
}

describe('walk-through decisions, workshop details and adoption', () => {
  const suite = browserSuite();

  let testPages: TestPage[] = [];
  beforeEach(() => {
    testPages = [];
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const [i, tp] of testPages.entries()) {
      await tp.page
        .screenshot({ path: path.join(SHOTS, `failed-walk-${ctx.task.name.slice(0, 30)}-${i}.png`) })
        .catch(() => {});
    }
  });

  async function open(link: string, name: string): Promise<TestPage> {
    const tp = await openBoard(suite.browser, link, name);
    suite.track(tp);
    testPages.push(tp);
    return tp;
  }

  /** Interventions on targets 10.7 and 8.8, in the Validate phase. */
  async function workshop(titles: string[]) {
    const seeded = await seedBoard(suite.server.url, (doc) => {
      const targets = [
        addCard(doc, { kind: 'target', x: 0, y: 0, author: SEEDER, fields: { code: '10.7' } }, SEED_ORIGIN),
        addCard(doc, { kind: 'target', x: 0, y: 240, author: SEEDER, fields: { code: '8.8' } }, SEED_ORIGIN),
      ];
      const ids = titles.map((title, i) => {
        const id = addCard(
          doc,
          { kind: 'intervention', x: 360, y: i * 240, author: SEEDER, fields: { title } },
          SEED_ORIGIN,
        );
        addLink(doc, { kind: 'contributes', from: id, to: targets[i % 2] as string, author: SEEDER }, SEED_ORIGIN);
        return id;
      });
      setPhase(doc, 'validate', SEED_ORIGIN);
      return ids;
    });
    const links = await linksOf(suite.server.url, seeded.id, seeded.link);
    return { ...seeded, links };
  }

  it(
    'sends an intervention back only with a comment, and the card, inspector and outline show it until it is decided again',
    async () => {
      const w = await workshop(['Labour rights training']);
      const id = w.made[0] as string;
      const ada = await open(w.links.facilitator, 'Ada');
      const pia = await open(w.links.participant, 'Pia');

      await ada.page.getByTestId('open-walk').click();
      await ada.page.getByTestId('walk-start').click();
      const sendBack = ada.page.getByTestId('walk-send-back');
      // Without a comment (or with blanks only) the button refuses, and says why.
      expect(await sendBack.isDisabled()).toBe(true);
      expect(await text(ada.page, 'walk-comment-hint')).toContain('needs a comment');
      await ada.page.getByTestId('walk-comment').fill('   ');
      expect(await sendBack.isDisabled()).toBe(true);
      const comment = 'The budget is missing and the employers have not been consulted';
      await ada.page.getByTestId('walk-comment').fill(comment);
      expect(await sendBack.isDisabled()).toBe(false);
      await sendBack.click();

      const decision = ada.page.getByTestId('walk-decision');
      await decision.and(ada.page.locator('[data-decision="sent-back"]')).waitFor();
      expect(await text(ada.page, 'walk-decision')).toContain('Sent back by Ada');
      expect(await text(ada.page, 'walk-decision-comment')).toBe(`“${comment}”`);
      expect(await ada.page.getByTestId('walk-state').getAttribute('data-decision')).toBe('sent-back');
      expect(await text(ada.page, 'plan-standing-text')).toBe(
        'Draft: 0 agreed, 1 sent back, 0 set aside, 0 not reviewed',
      );
      expect((await validation(ada.page))[id]).toMatchObject({ decision: 'sent-back', by: 'Ada', comment });
      // The reason is on the card's comment thread too.
      expect((await readCard(ada.page, id))?.comments.map((c) => c.text)).toEqual([comment]);
      expect((await readCard(ada.page, id))?.status).not.toBe('agreed');

      // The participant sees it on the card, in the outline and in the inspector.
      const tag = pia.page.getByTestId(`decision-tag-${id}`);
      await tag.waitFor({ state: 'attached' });
      expect(await tag.getAttribute('data-decision')).toBe('sent-back');
      expect(((await tag.textContent()) ?? '').replace(/\s+/g, ' ')).toContain('Sent back');
      expect(await tag.textContent()).toContain('The budget is missing');
      expect(await text(pia.page, `outline-decision-${id}`)).toBe(`Sent back: ${comment}`);
      await selectInOutline(pia.page, id);
      const inspector = pia.page.getByTestId('inspector');
      await inspector.getByTestId('inspector-decision').waitFor();
      expect(((await inspector.getByTestId('inspector-decision').textContent()) ?? '').replace(/\s+/g, ' ')).toContain(
        `Sent back by Ada: ${comment}`,
      );

      // Decided again (agreed, with the checks left confirmed), it no longer shows as sent back.
      await ada.page.getByTestId('walk-agree').click();
      await ada.page.getByTestId('walk-agree-confirm').click();
      await expect.poll(() => pia.page.getByTestId(`decision-tag-${id}`).count()).toBe(0);
      await expect.poll(() => pia.page.getByTestId(`outline-decision-${id}`).count()).toBe(0);
      await expect.poll(() => inspector.getByTestId('inspector-decision').getAttribute('data-decision')).toBe('agreed');
      expect(await text(pia.page, 'inspector-decision')).not.toContain('Sent back');
      expect(ada.errors).toEqual([]);
      expect(pia.errors).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'asks before agreeing with checks unticked and records them, sets an item aside, and counts what the plan holds',
    async () => {
      const w = await workshop(['One-stop shop', 'Skills recognition', 'Diaspora bond']);
      const [a, b, c] = w.made as [string, string, string];
      const ada = await open(w.links.facilitator, 'Ada');
      const pia = await open(w.links.participant, 'Pia');
      await ada.page.getByTestId('open-walk').click();
      await ada.page.getByTestId('walk-start').click();
      expect(await ada.page.getByTestId('walk-current').getAttribute('data-id')).toBe(a);

      // Two of six checks ticked: agreeing asks first, listing the four left.
      await ada.page.getByTestId('walk-check-targets').check();
      await ada.page.getByTestId('walk-check-context').check();
      await ada.page.getByTestId('walk-agree').click();
      const confirm = ada.page.getByTestId('walk-confirm');
      await confirm.waitFor();
      const listed = await ada.page.getByTestId('walk-confirm-checks').locator('li').allTextContents();
      expect(listed).toEqual([
        'Its actions are reviewed',
        'Its timeframe is reviewed',
        'Its stakeholders are reviewed',
        'Its budget is reviewed',
      ]);
      expect((await readCard(ada.page, a))?.status).not.toBe('agreed');
      // Going back to the checks decides nothing.
      await ada.page.getByTestId('walk-agree-cancel').click();
      expect(await confirm.count()).toBe(0);
      expect((await readCard(ada.page, a))?.status).not.toBe('agreed');
      expect((await validation(ada.page))[a]?.decision ?? null).toBeNull();

      await ada.page.getByTestId('walk-agree').click();
      await ada.page.getByTestId('walk-agree-confirm').click();
      await expect.poll(async () => (await readCard(ada.page, a))?.status).toBe('agreed');
      expect((await validation(ada.page))[a]).toMatchObject({
        decision: 'agreed',
        by: 'Ada',
        checksLeft: ['actions', 'timeframe', 'stakeholders', 'budget'],
      });
      expect(await text(ada.page, 'walk-checks-left')).toContain('Agreed with 4 checks not ticked');
      expect(await ada.page.getByTestId('walk-checks-left').locator('li').count()).toBe(4);

      // Every check ticked: agreeing does not ask.
      await ada.page.getByTestId('walk-next').click();
      await ada.page.locator(`[data-testid="walk-current"][data-id="${b}"]`).waitFor();
      for (const check of ['targets', 'context', 'actions', 'timeframe', 'stakeholders', 'budget']) {
        await ada.page.getByTestId(`walk-check-${check}`).check();
      }
      await ada.page.getByTestId('walk-agree').click();
      await expect.poll(async () => (await readCard(ada.page, b))?.status).toBe('agreed');
      expect(await confirm.count()).toBe(0);
      expect((await validation(ada.page))[b]).toMatchObject({ decision: 'agreed', checksLeft: [] });

      // Set aside without a comment: not in this plan, shown as such.
      await ada.page.getByTestId('walk-next').click();
      await ada.page.locator(`[data-testid="walk-current"][data-id="${c}"]`).waitFor();
      await ada.page.getByTestId('walk-set-aside').click();
      await ada.page.locator('[data-testid="walk-decision"][data-decision="set-aside"]').waitFor();
      expect((await validation(ada.page))[c]).toMatchObject({ decision: 'set-aside', by: 'Ada', comment: '' });
      expect((await readCard(ada.page, c))?.status).not.toBe('agreed');
      await pia.page.locator(`[data-testid="decision-tag-${c}"][data-decision="set-aside"]`).waitFor({
        state: 'attached',
      });
      expect(await text(pia.page, `outline-decision-${c}`)).toBe('Set aside');
      await selectInOutline(pia.page, c);
      expect(await text(pia.page, 'inspector-decision')).toContain('Set aside by Ada: not in this plan');

      // Every intervention decided, none sent back: the plan is validated. It holds the two agreed
      // interventions and the targets they contribute to, not the one set aside.
      expect(await text(ada.page, 'plan-standing-text')).toBe('Validated');
      await pia.page.keyboard.press('Escape');
      await pia.page.keyboard.press('Escape');
      const overview = pia.page.getByTestId('inspector-overview');
      await overview.waitFor();
      expect(await overview.getByTestId('plan-contents').textContent()).toBe(
        'The plan holds 2 interventions, 2 targets, 2 links.',
      );
      expect(await overview.getByTestId('plan-standing-text').textContent()).toBe('Validated');
      expect(ada.errors).toEqual([]);
      expect(pia.errors).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'lets the facilitator edit the workshop details, which a participant sees read-only',
    async () => {
      const w = await workshop(['One-stop shop']);
      const ada = await open(w.links.facilitator, 'Ada');
      const pia = await open(w.links.participant, 'Pia');

      await ada.page.getByTestId('open-workshop-details').click();
      const dialog = ada.page.getByTestId('workshop-details');
      await dialog.getByTestId('details-form').waitFor();
      await dialog.getByTestId('details-title').fill('Koshi provincial validation');
      await dialog.getByTestId('details-level').selectOption('provincial-or-regional');
      await dialog.getByTestId('details-territory').fill('Koshi Province');
      await dialog.getByTestId('details-startDate').fill('2027-03-10');
      await dialog.getByTestId('details-endDate').fill('2027-03-12');
      await dialog.getByTestId('details-periodStart').fill('2027-01-01');
      // A period ending before it starts is refused, with the reason, and nothing is saved.
      await dialog.getByTestId('details-periodEnd').fill('2026-12-31');
      expect(await text(ada.page, 'details-problem')).toBe('Plan period end: must not be before plan period start');
      expect(await dialog.getByTestId('details-save').isDisabled()).toBe(true);
      expect(await dialog.getByTestId('details-periodEnd').getAttribute('aria-invalid')).toBe('true');
      await dialog.getByTestId('details-periodEnd').fill('2031-12-31');
      expect(await dialog.getByTestId('details-problem').count()).toBe(0);
      await dialog.getByTestId('details-save').click();
      await expect.poll(() => dialog.getByTestId('details-save').isDisabled()).toBe(true);
      await expect.poll(() => text(ada.page, 'board-title')).toBe('Koshi provincial validation');

      // Stored on the board, through the server.
      expect(await stored(suite.server.url, w.id, w.links.facilitator, readMeta)).toEqual({
        title: 'Koshi provincial validation',
        level: 'provincial-or-regional',
        territory: 'Koshi Province',
        startDate: '2027-03-10',
        endDate: '2027-03-12',
        periodStart: '2027-01-01',
        periodEnd: '2031-12-31',
      });

      // The participant's top bar follows, and the details read without a form.
      await expect.poll(() => text(pia.page, 'board-title')).toBe('Koshi provincial validation');
      await pia.page.getByTestId('open-workshop-details').click();
      const read = pia.page.getByTestId('workshop-details');
      await read.getByTestId('details-read').waitFor();
      expect(await read.getByTestId('details-form').count()).toBe(0);
      expect(await read.locator('input, select, textarea').count()).toBe(0);
      expect(await text(pia.page, 'details-title')).toBe('Koshi provincial validation');
      expect(await text(pia.page, 'details-level')).toBe('Provincial or regional');
      expect(await text(pia.page, 'details-territory')).toBe('Koshi Province');
      expect(await text(pia.page, 'details-dates')).toBe(
        `${await dayInPage(pia.page, '2027-03-10')} to ${await dayInPage(pia.page, '2027-03-12')}`,
      );
      expect(await text(pia.page, 'details-period')).toBe(
        `${await dayInPage(pia.page, '2027-01-01')} to ${await dayInPage(pia.page, '2031-12-31')}`,
      );
      // A later change shows in the open dialog at once.
      await dialog.getByTestId('details-territory').fill('Koshi Province, Nepal');
      await dialog.getByTestId('details-save').click();
      await expect.poll(() => text(pia.page, 'details-territory')).toBe('Koshi Province, Nepal');
      expect(ada.errors).toEqual([]);
      expect(pia.errors).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'records the adoption once the plan is validated, and everyone sees it where the standing shows',
    async () => {
      const w = await workshop(['One-stop shop']);
      const id = w.made[0] as string;
      const ada = await open(w.links.facilitator, 'Ada');
      const pia = await open(w.links.participant, 'Pia');

      // A draft plan cannot be recorded as adopted: the dialog says why.
      await ada.page.getByTestId('sidebar-workshop-details').click();
      const dialog = ada.page.getByTestId('workshop-details');
      await dialog.getByTestId('adoption-not-yet').waitFor();
      expect(await text(ada.page, 'adoption-not-yet')).toContain('once the plan is validated');
      expect(await dialog.getByTestId('adoption-form').count()).toBe(0);
      await ada.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      await ada.page.getByTestId('open-walk').click();
      await ada.page.getByTestId('walk-start').click();
      await ada.page.getByTestId('walk-agree').click();
      await ada.page.getByTestId('walk-agree-confirm').click();
      await expect.poll(async () => (await readCard(ada.page, id))?.status).toBe('agreed');

      // Validated: the plan progress offers to record the adoption.
      const overview = ada.page.getByTestId('inspector-overview');
      await expect.poll(() => overview.getByTestId('plan-standing-text').textContent()).toBe('Validated');
      await overview.getByTestId('overview-record-adoption').click();
      const form = dialog.getByTestId('adoption-form');
      await form.waitFor();
      await form.getByTestId('adoption-save').click();
      expect(await text(ada.page, 'adoption-problem')).toBe('The adopting body is required.');
      await form.getByTestId('adoption-body').fill('Provincial Assembly of Koshi');
      await form.getByTestId('adoption-date').fill('2027-04-02');
      await form.getByTestId('adoption-reference').fill('Decision 14/2027');
      await form.getByTestId('adoption-note').fill('Adopted unanimously');
      await form.getByTestId('adoption-save').click();
      await dialog.getByTestId('adoption-record').waitFor();

      const day = await dayInPage(ada.page, '2027-04-02');
      const sentence = `Adopted by Provincial Assembly of Koshi on ${day} (Decision 14/2027)`;
      expect(await dialog.getByTestId('plan-adoption').textContent()).toBe(sentence);
      expect(await stored(suite.server.url, w.id, w.links.facilitator, readAdoption)).toMatchObject({
        body: 'Provincial Assembly of Koshi',
        date: '2027-04-02',
        reference: 'Decision 14/2027',
        note: 'Adopted unanimously',
        recordedBy: 'Ada',
      });

      // The participant sees it in the plan progress and the walk-through, and cannot change it.
      const piaOverview = pia.page.getByTestId('inspector-overview');
      await expect.poll(() => piaOverview.getByTestId('plan-standing-text').textContent()).toBe('Adopted');
      expect(await piaOverview.getByTestId('plan-adoption').textContent()).toBe(sentence);
      await pia.page.getByTestId('open-walk').click();
      expect(await pia.page.getByTestId('walk-panel').getByTestId('plan-adoption').textContent()).toBe(sentence);
      await pia.page.getByTestId('open-workshop-details').click();
      await pia.page.getByTestId('adoption-record').waitFor();
      expect(await pia.page.getByTestId('adoption-edit').count()).toBe(0);
      expect(await pia.page.getByTestId('adoption-clear').count()).toBe(0);
      await pia.page.keyboard.press('Escape');

      // Edited, then cleared (after a confirmation): the participant follows each change.
      await dialog.getByTestId('adoption-edit').click();
      await form.getByTestId('adoption-reference').fill('Decision 15/2027');
      await form.getByTestId('adoption-save').click();
      await expect
        .poll(() => piaOverview.getByTestId('plan-adoption').textContent())
        .toBe(`Adopted by Provincial Assembly of Koshi on ${day} (Decision 15/2027)`);
      await dialog.getByTestId('adoption-clear').click();
      // Clear asks first; until confirmed, nothing changes.
      expect(await piaOverview.getByTestId('plan-adoption').count()).toBe(1);
      await dialog.getByTestId('adoption-clear-confirm').click();
      await expect.poll(() => piaOverview.getByTestId('plan-adoption').count()).toBe(0);
      expect(await piaOverview.getByTestId('plan-standing-text').textContent()).toBe('Validated');
      expect(await stored(suite.server.url, w.id, w.links.facilitator, readAdoption)).toBeNull();
      expect(ada.errors).toEqual([]);
      expect(pia.errors).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
