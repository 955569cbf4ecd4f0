// Issue 12's first acceptance check, end to end: a facilitator and two participants map three
// interventions to three targets with two target-to-target interactions; the facilitator's
// walk-through agrees two and sends one back with a comment. The default exports (JSON, Markdown,
// DOCX, XLSX, CSV), downloaded from the Export menu, hold the two interventions, every target they
// are linked to, those links and the interaction between those targets, and read "Draft: 2 agreed,
// 1 sent back, 0 set aside, 0 not reviewed"; after the third is set aside they read "Validated".
// Nobody sets a target or a link to agreed by hand.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Author, addCard, addLink, listCards, listLinks, personIdOf } from '../../shared/model/index.ts';
import type { ActionPlan } from '../../shared/plan/index.ts';
import { connectClient, createWorkshop, type TestClient, whenSynced } from '../support/syncClient.ts';
import { waitFor } from '../support/wait.ts';
import { browserSuite, type TestPage } from './helpers.ts';
import { e2eSecretOf, openBoard } from './seed.ts';

const TIMEOUT_MS = 180_000;
const FORMATS = ['json', 'md', 'docx', 'xlsx', 'csv'] as const;
type Format = (typeof FORMATS)[number];

const DRAFT = 'Draft: 2 agreed, 1 sent back, 0 set aside, 0 not reviewed';

async function download(page: Page, format: Format): Promise<Buffer> {
  await page.getByTestId('export-menu-button').click();
  const item = page.getByTestId(`export-${format}`);
  await item.waitFor();
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }).catch(async () => {
      throw new Error(`no ${format} download; the notice says: ${await page.getByTestId('notice').textContent()}`);
    }),
    item.click(),
  ]);
  return fs.readFileSync(await file.path());
}

/** The text a person reads in each file: cell values for the spreadsheet, runs for the document. */
async function readable(format: Format, bytes: Buffer): Promise<string> {
  switch (format) {
    case 'docx': {
      const xml = (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
      return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) =>
          (m[1] as string)
            .replace(/&amp;/g, '&')
            .replace(/&apos;/g, "'")
            .replace(/&quot;/g, '"'),
        )
        .join('\n');
    }
    case 'xlsx': {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
      const cells: string[] = [];
      for (const sheet of book.worksheets) {
        sheet.eachRow((row) => {
          for (const v of (row.values as unknown[]).slice(1)) if (v !== undefined && v !== null) cells.push(String(v));
        });
      }
      return cells.join('\n');
    }
    case 'md':
      return bytes.toString('utf8').replace(/\\/g, '');
    default:
      return bytes.toString('utf8');
  }
}

describe('what the room agreed is what the plan says', () => {
  const suite = browserSuite();

  async function open(link: string, name: string): Promise<TestPage> {
    const tp = await openBoard(suite.browser, link, name);
    suite.track(tp);
    await tp.page.setViewportSize({ width: 1440, height: 960 });
    return tp;
  }

  it(
    'exports the agreed interventions with every target they stand on, and reads Draft, then Validated',
    async () => {
      const workshop = await createWorkshop(suite.server.url, 'Koshi Migration-SDG plan');
      const fatima = await open(workshop.links.facilitator, 'Fatima');
      const people = ['Pia', 'Ram'].map((name) => ({
        name,
        author: { id: personIdOf(e2eSecretOf(name)), name, group: 'civil-society' } satisfies Author,
        secret: e2eSecretOf(name),
      }));
      const participants = await Promise.all(people.map((p) => open(workshop.links.participant, p.name)));

      // The two participants map, each through their own connection as participants (the server's
      // rules apply): Pia the targets and the interactions, Ram the interventions and their links.
      const clients: TestClient[] = people.map((p) =>
        connectClient(suite.server.url, workshop.id, workshop.tokens.participant, undefined, {
          person: { secret: p.secret, id: p.author.id },
        }),
      );
      try {
        await Promise.all(clients.map((c) => whenSynced(c, 10_000)));
        const [pia, ram] = clients as [TestClient, TestClient];
        const [piaAuthor, ramAuthor] = people.map((p) => p.author) as [Author, Author];
        const targets = ['10.7', '8.8', '4.4'].map((code, i) =>
          addCard(pia.doc, { kind: 'target', x: 0, y: i * 200, author: piaAuthor, fields: { code } }),
        ) as [string, string, string];
        addLink(pia.doc, {
          kind: 'interaction',
          from: targets[0],
          to: targets[1],
          author: piaAuthor,
          fields: { score: 2 },
        });
        addLink(pia.doc, {
          kind: 'interaction',
          from: targets[1],
          to: targets[2],
          author: piaAuthor,
          fields: { score: -1 },
        });
        await waitFor(() => listCards(ram.doc).length === 3, 'Ram to see the targets', 10_000);
        const titles = ['Migrant resource centre', 'Recognition of foreign qualifications', 'Language classes'];
        const interventions = titles.map((title, i) =>
          addCard(ram.doc, { kind: 'intervention', x: 400, y: i * 200, author: ramAuthor, fields: { title } }),
        ) as [string, string, string];
        interventions.forEach((id, i) => {
          addLink(ram.doc, { kind: 'contributes', from: id, to: targets[i] as string, author: ramAuthor });
        });
        await waitFor(() => listLinks(pia.doc).length === 5, 'the mapping to reach everyone', 10_000);
        await fatima.page.waitForFunction(() => (window.__sdgBoard?.links().length ?? 0) === 5, null, {
          timeout: 10_000,
        });

        // The walk-through: agree the first two (confirming the checks left), send the third back.
        const page = fatima.page;
        await page.getByTestId('phase-select').selectOption('validate');
        await page.getByTestId('open-walk').click();
        await page.getByTestId('walk-start').click();
        const current = () => page.getByTestId('walk-current').getAttribute('data-id');
        const decided: Record<string, string> = {};
        for (let step = 0; step < 3; step++) {
          const id = (await current()) as string;
          const title = titles[interventions.indexOf(id)];
          if (title === 'Language classes') {
            await page.getByTestId('walk-comment').fill('Who teaches? The budget names no teachers.');
            await page.getByTestId('walk-send-back').click();
            decided[id] = 'sent-back';
          } else {
            await page.getByTestId('walk-check-targets').check();
            await page.getByTestId('walk-agree').click();
            await page.getByTestId('walk-agree-confirm').click();
            decided[id] = 'agreed';
          }
          await page.getByTestId('walk-decision').waitFor();
          if (step < 2) {
            await page.getByTestId('walk-next').click();
            await expect.poll(current).not.toBe(id);
          }
        }
        const [agreedA, agreedB, sentBack] = interventions;
        expect(decided).toEqual({ [agreedA]: 'agreed', [agreedB]: 'agreed', [sentBack]: 'sent-back' });

        // One after another, as a person would: the menu closes after each download.
        const read = async () => {
          const out = {} as Record<Format, string>;
          for (const f of FORMATS) out[f] = await readable(f, await download(page, f));
          return out;
        };

        const draft = await read();
        const plan = JSON.parse(draft.json) as ActionPlan;
        expect(plan.validation.summary).toBe(DRAFT);
        expect(plan.interventions.map((i) => i.title).sort()).toEqual(titles.slice(0, 2).sort());
        expect(plan.targets.map((t) => t.code).sort()).toEqual(['10.7', '8.8'].sort());
        for (const i of plan.interventions) expect(i.targets).toHaveLength(1);
        expect(plan.interactions.map((x) => [x.from, x.to, x.score])).toEqual([[targets[0], targets[1], 2]]);
        expect(plan.validation.outside).toMatchObject([
          {
            id: sentBack,
            decision: 'sent-back',
            walkThrough: { comment: 'Who teaches? The budget names no teachers.' },
          },
        ]);
        expect(plan.analysis.coverage.interventionsWithoutTarget).toEqual([]);
        for (const format of ['md', 'docx', 'xlsx'] as const) {
          const text = draft[format];
          for (const expected of [
            DRAFT,
            'Migrant resource centre',
            'Recognition of foreign qualifications',
            '10.7',
            '8.8',
          ]) {
            expect(text, `${format} lacks “${expected}”`).toContain(expected);
          }
          // The sent-back intervention is named as left out, not as part of the plan.
          expect(text).toContain('Sent back');
          expect(text).not.toContain('4.4');
        }
        // The matrix: the one interaction between the plan's targets, with the plan's standing.
        const csvRows = draft.csv.trim().split('\r\n');
        expect(csvRows).toHaveLength(2);
        expect(csvRows[1]).toMatch(/^10\.7,.*,8\.8,/);
        expect(csvRows[1]).toContain(DRAFT);

        // Nobody agreed a target or a link by hand: they keep their own status.
        const board = await page.evaluate(() => ({
          cards: window.__sdgBoard?.cards() ?? [],
          links: window.__sdgBoard?.links() ?? [],
        }));
        expect(board.cards.filter((c) => c.kind === 'target').every((c) => c.status === 'proposed')).toBe(true);
        expect(board.links.every((l) => l.status === 'proposed')).toBe(true);
        expect(plan.targets.every((t) => t.status === 'proposed')).toBe(true);

        // The third is set aside: the plan is validated, in every format.
        await page.getByTestId('walk-set-aside').click();
        await page.locator('[data-testid="walk-decision"][data-decision="set-aside"]').waitFor();
        const validated = await read();
        expect((JSON.parse(validated.json) as ActionPlan).validation.summary).toBe('Validated');
        for (const format of FORMATS) {
          expect(validated[format], `${format} does not read Validated`).toContain('Validated');
          expect(validated[format]).not.toContain('Draft:');
        }
        for (const tp of [fatima, ...participants]) expect(tp.errors).toEqual([]);
      } finally {
        for (const c of clients) c.destroy();
      }
    },
    TIMEOUT_MS,
  );
});
