// Issue 13: private brainstorming is private from every way a participant adds a note (a
// double-click on empty board, paste, duplicate), the reveal lays the notes out without overlaps,
// and a dot vote's dots stay on each person's ballot until "Reveal results", after which a dot
// change is refused.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addCard, type Card, personIdOf } from '../../shared/model/index.ts';
import { browserSuite, drawnCardBox, REPO_ROOT, readCards, type TestPage } from './helpers.ts';
import { e2eSecretOf, openBoard, SEED_ORIGIN, SEEDER, seedBoard } from './seed.ts';

const TIMEOUT_MS = 120_000;
const SHOTS = path.join(REPO_ROOT, '.tmp', 'shots');

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function linksOf(serverUrl: string, id: string, facilitatorLink: string) {
  const token = new URL(facilitatorLink).hash.replace('#token=', '');
  const res = await fetch(`${serverUrl}/api/workshops/${id}/session`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as { links: Record<'facilitator' | 'participant' | 'viewer', string> };
  return body.links;
}

async function select(page: Page, ids: string[]): Promise<void> {
  for (const [i, id] of ids.entries()) {
    const box = await drawnCardBox(page, id);
    if (i > 0) await page.keyboard.down('Shift');
    // By the left edge: a private copy pasted a little down and right lies over the rest of it.
    await page.mouse.click(box.x + 3, box.y + box.height / 2);
    if (i > 0) await page.keyboard.up('Shift');
  }
  await page.waitForFunction((want) => {
    const got = window.__sdgBoard?.selection().cards ?? [];
    return want.length === got.length && want.every((id) => got.includes(id));
  }, ids);
}

const privateNotes = (page: Page) =>
  page.evaluate(() =>
    (window.__sdgFacilitation?.privateCards() ?? []).map((c) => (c.kind === 'note' ? c.fields.text : `${c.kind}`)),
  );

function overlaps(a: Card, b: Card): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

describe('private from every entry point, and votes', () => {
  const suite = browserSuite();
  let testPages: TestPage[] = [];
  beforeEach(() => {
    testPages = [];
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    for (const [i, tp] of testPages.entries())
      await shot(tp.page, `failed-private-entry-${ctx.task.name.slice(0, 20)}-${i}`).catch(() => {});
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
    'sends a double-click note, a pasted note and a duplicated note to the private board only, and reveals them with no overlaps',
    async () => {
      const w = await workshop((doc) => ({
        note: addCard(doc, { kind: 'note', x: 0, y: 0, author: SEEDER, fields: { text: 'Shared idea' } }, SEED_ORIGIN),
        intervention: addCard(
          doc,
          { kind: 'intervention', x: 300, y: 0, author: SEEDER, fields: { title: 'Skills recognition' } },
          SEED_ORIGIN,
        ),
      }));
      const seeded = [w.made.note, w.made.intervention].sort();
      const ada = await open(w.links.facilitator, 'Ada');
      const ana = await open(w.links.participant, 'Ana');
      const ben = await open(w.links.participant, 'Ben');

      await ada.page.getByTestId('private-mode-toggle').check();
      await ana.page.getByTestId('private-mode-chip').waitFor();
      await ben.page.getByTestId('private-mode-chip').waitFor();

      // A double-click on empty board, below the seeded cards.
      const noteBox = await drawnCardBox(ana.page, w.made.note);
      await ana.page.mouse.dblclick(noteBox.x + noteBox.width / 2, noteBox.y + noteBox.height + 160);
      await expect.poll(() => ana.page.getByTestId('private-note').count()).toBe(1);
      await ana.page.getByTestId('private-note-text').first().fill('Double-clicked idea');
      await ana.page.getByTestId('private-note-text').first().blur();

      // Copy the shared note and paste it.
      await select(ana.page, [w.made.note]);
      await ana.page.keyboard.press('Control+c');
      await ana.page.keyboard.press('Control+v');
      await expect.poll(() => ana.page.getByTestId('private-note').count()).toBe(2);

      // Duplicate it; then duplicate it with the intervention: the note goes private, the
      // intervention is not added, and a notice says so.
      await select(ana.page, [w.made.note]);
      await ana.page.keyboard.press('Control+d');
      await expect.poll(() => ana.page.getByTestId('private-note').count()).toBe(3);
      await select(ana.page, [w.made.note, w.made.intervention]);
      await ana.page.keyboard.press('Control+d');
      await expect.poll(() => ana.page.getByTestId('private-note').count()).toBe(4);
      await ana.page.getByTestId('notice').getByText('other than notes').waitFor();
      await shot(ana.page, 'private-entry-notes');

      await ana.page.waitForFunction(
        () => window.__sdgFacilitation?.privateCards()?.length === 4 && window.__sdgFacilitation?.privateFlushed(),
      );
      expect((await privateNotes(ana.page)).sort()).toEqual([
        'Double-clicked idea',
        'Shared idea',
        'Shared idea',
        'Shared idea',
      ]);
      // Nobody's shared document holds them, not even Ana's own: only the two seeded cards.
      await ben.page.waitForTimeout(500);
      for (const p of [ana, ben, ada]) {
        expect((await readCards(p.page)).map((c) => c.id).sort()).toEqual(seeded);
      }
      expect(await ben.page.evaluate(() => window.__sdgFacilitation?.privateCards()?.length)).toBe(0);

      // The reveal lays them out: no two cards on the board overlap.
      await ada.page.getByTestId('reveal-private').click();
      await expect.poll(async () => (await readCards(ben.page)).length, { timeout: 10_000 }).toBe(6);
      const cards = await readCards(ben.page);
      expect(cards.filter((c) => c.kind === 'note' && c.author.name === 'Ana')).toHaveLength(4);
      for (let i = 0; i < cards.length; i++) {
        for (let j = i + 1; j < cards.length; j++) {
          expect(overlaps(cards[i] as Card, cards[j] as Card), `${cards[i]?.id} and ${cards[j]?.id}`).toBe(false);
        }
      }
      await ada.page.locator('.konvajs-content').click({ position: { x: 40, y: 700 } });
      await ada.page.keyboard.press('Shift+Digit1');
      await ada.page.waitForTimeout(800);
      await shot(ada.page, 'private-entry-revealed');
    },
    TIMEOUT_MS,
  );

  it(
    'keeps every dot off other browsers until "Reveal results", which ends the vote; a dot changed afterwards is refused',
    async () => {
      const w = await workshop((doc) => {
        const add = (title: string, x: number) =>
          addCard(doc, { kind: 'intervention', x, y: 0, author: SEEDER, fields: { title } }, SEED_ORIGIN);
        return { a: add('Migrant resource centre', 0), b: add('Skills recognition', 400) };
      });
      const { a, b } = w.made;
      const ada = await open(w.links.facilitator, 'Ada');
      const pia = await open(w.links.participant, 'Pia');
      const raj = await open(w.links.participant, 'Raj');

      await ada.page.getByTestId('open-vote').click();
      await ada.page.getByTestId('vote-scope-interventions').check();
      await ada.page.getByTestId('vote-per-person').fill('3');
      await ada.page.getByTestId('vote-start').click();
      const vote = async (page: Page, id: string, times: number) => {
        for (let i = 0; i < times; i++) {
          await page.locator(`[data-testid="vote-item"][data-id="${id}"] [data-testid="vote-plus"]`).click();
        }
      };
      for (const p of [pia, raj]) {
        await p.page.getByTestId('vote-live').waitFor();
        await p.page.getByTestId('open-vote').click();
      }
      await vote(pia.page, a, 2);
      await vote(raj.page, b, 1);
      for (const p of [pia, raj]) await p.page.waitForFunction(() => window.__sdgFacilitation?.privateFlushed());
      await pia.page.locator('[data-testid="votes-left"][data-left="1"]').waitFor();
      await raj.page.locator('[data-testid="votes-left"][data-left="2"]').waitFor();
      const voteId = await ada.page.evaluate(() => window.__sdgFacilitation?.facilitation().vote?.id ?? '');
      expect(voteId).not.toBe('');

      // Before the reveal no browser holds anyone else's dot: not in its shared document (no
      // vote entry at all, named or not), and its private document holds only its own ballot.
      const voters = ['Pia', 'Raj'].map((n) => personIdOf(e2eSecretOf(n)));
      for (const p of [ada, pia, raj]) {
        const shared = await p.page.evaluate(() => JSON.stringify(window.__sdgBoard?.doc.toJSON()));
        for (const voter of voters) expect(shared).not.toContain(`${voteId}:${voter}`);
        expect(shared).not.toContain(`${voteId}:*`);
        expect(await p.page.evaluate(() => window.__sdgBoard?.cards().flatMap((c) => Object.keys(c.votes)))).toEqual(
          [],
        );
      }
      const ballotOf = (p: TestPage) =>
        p.page.evaluate(() => Object.values(window.__sdgFacilitation?.privateDoc?.getMap('ballots').toJSON() ?? {}));
      expect(await ballotOf(pia)).toEqual([2]);
      expect(await ballotOf(raj)).toEqual([1]);
      expect(await ballotOf(ada)).toEqual([]);

      // "Reveal results" straight away: the server ends the vote and writes the dots.
      await ada.page.getByTestId('vote-reveal').click();
      for (const p of [ada, pia, raj]) {
        await p.page.getByTestId('vote-results').waitFor();
        const v = await p.page.evaluate(() => window.__sdgFacilitation?.facilitation().vote);
        expect(v).toMatchObject({ open: false, revealed: true });
      }
      const ranking = () =>
        raj.page
          .getByTestId('vote-result')
          .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-id')}=${r.getAttribute('data-votes')}`));
      expect(await ranking()).toEqual([`${a}=2`, `${b}=1`]);
      // The page offers no more dots…
      expect(await pia.page.locator('[data-testid="vote-plus"]:enabled').count()).toBe(0);
      // …and a dot written past it is refused by the server: the connection is closed (conflict),
      // and the results stay as revealed.
      await pia.page.evaluate(() => {
        const ballots = window.__sdgFacilitation?.privateDoc?.getMap('ballots');
        const key = [...(ballots?.keys() ?? [])][0];
        if (key) ballots?.set(key, 3);
      });
      await pia.page.waitForFunction(() => window.__sdgFacilitation?.privateCloses().includes(4409));
      await raj.page.waitForTimeout(500);
      expect(await ranking()).toEqual([`${a}=2`, `${b}=1`]);
      const revealedVotes = await raj.page.evaluate(() =>
        window.__sdgBoard?.cards().flatMap((c) => Object.values(c.votes)),
      );
      expect(revealedVotes?.sort()).toEqual([1, 2]);
    },
    TIMEOUT_MS,
  );
});
