import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renderMatrixCsv } from '../../server/export/csvExport.ts';
import { renderDocx } from '../../server/export/docxExport.ts';
import { asciiSlug, contentDisposition, unicodeSlug } from '../../server/export/fileName.ts';
import { renderMarkdown } from '../../server/export/markdownExport.ts';
import { matrixLayout, renderXlsx } from '../../server/export/xlsxExport.ts';
import { CARD_FIELDS, decideIntervention, type FieldSpecs, scoreColour } from '../../shared/model/index.ts';
import { buildActionPlan } from '../../shared/plan/index.ts';
import { buildFullBoard } from '../shared/plan/fullBoard.ts';
import { buildSmallBoard } from '../shared/plan/smallBoard.ts';

const plan = () => buildActionPlan(buildFullBoard('agreed').doc, { workshopId: 'source-workshop-1', now: 0 });
/** Three targets with hand-checked sums (tests/shared/plan/smallBoard.ts). */
const smallPlan = () => buildActionPlan(buildSmallBoard(), { workshopId: 'small', now: 0 });

async function workbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(asXlsxInput(buffer));
  return book;
}

/** The values of a sheet's rows from..to, columns from..to (1-based, inclusive). */
function block(sheet: ExcelJS.Worksheet, rows: [number, number], columns: [number, number]): unknown[][] {
  const out: unknown[][] = [];
  for (let r = rows[0]; r <= rows[1]; r++) {
    const line: unknown[] = [];
    for (let c = columns[0]; c <= columns[1]; c++) line.push(sheet.getCell(r, c).value);
    out.push(line);
  }
  return out;
}

const argb = (hex: string) => `FF${hex.slice(1)}`;

/** exceljs declares its own Buffer type; a Node Buffer is what it reads at run time. */
const asXlsxInput = (buffer: Buffer) => buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0];

/** The visible text of a .docx: every <w:t> run of word/document.xml, entities decoded. */
async function docxText(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('no word/document.xml');
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] as string)).join('\n');
}

describe('the spreadsheet export', () => {
  it('has one sheet per table, an intervention row with every field, and the matrix as grid and list', async () => {
    const p = plan();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(asXlsxInput(await renderXlsx(p)));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Workshop',
      'Objectives and targets',
      'Targets',
      'Interventions',
      'Actors',
      'Interaction matrix',
      'Analysis',
      'Interactions',
      'People',
      'Validation',
    ]);

    const interventions = book.getWorksheet('Interventions') as ExcelJS.Worksheet;
    expect(interventions.rowCount).toBe(1 + p.interventions.length);
    const header = (interventions.getRow(1).values as unknown[]).slice(1);
    for (const spec of Object.values(CARD_FIELDS.intervention as FieldSpecs)) expect(header).toContain(spec.label);
    const row = (interventions.getRow(2).values as unknown[]).slice(1).map(String);
    expect(row).toContain('Guichet unique pour les आप्रवासी');
    expect(row).toContain('Mainstreaming migration into development programming');
    // A list field reads one item per line.
    expect(row).toContain('2027-01-15 — Ouverture du premier guichet\n2027-12-01 — Évaluation à mi-parcours');
    expect(row).toContain('10.7');

    const targets = book.getWorksheet('Targets') as ExcelJS.Worksheet;
    expect(targets.getColumn(1).values.slice(2)).toEqual(['8.8', '10.7']);
    expect((book.getWorksheet('Objectives and targets') as ExcelJS.Worksheet).rowCount).toBe(2);
    expect((book.getWorksheet('Actors') as ExcelJS.Worksheet).getCell(2, 1).value).toBe('Ministerio de Trabajo');

    const grid = book.getWorksheet('Interaction matrix') as ExcelJS.Worksheet;
    expect([grid.getCell(1, 2).value, grid.getCell(1, 3).value]).toEqual(['8.8', '10.7']);
    expect(grid.getCell(3, 2).value).toBe(2); // 10.7 → 8.8
    expect(grid.getCell(2, 3).value).toBe(-1); // 8.8 → 10.7
    expect(grid.getCell(2, 2).value).toBeNull();

    const pairs = book.getWorksheet('Interactions') as ExcelJS.Worksheet;
    expect(pairs.rowCount).toBe(1 + p.interactions.length);
    expect(pairs.getCell(2, 5).value).toBe('Des voies régulières renforcent la protection des travailleurs');

    expect((book.getWorksheet('Validation') as ExcelJS.Worksheet).rowCount).toBe(1 + p.validation.items.length);
  });

  it('is a valid workbook for an empty plan', async () => {
    const book = await workbook(await renderXlsx(buildActionPlan(new Y.Doc())));
    expect((book.getWorksheet('Interventions') as ExcelJS.Worksheet).rowCount).toBe(1);
    expect((book.getWorksheet('Interaction matrix') as ExcelJS.Worksheet).getCell(1, 1).value).toBe(
      'row acts on column →',
    );
  });

  it('puts the row sums at the right of the matrix and the column sums below it, coloured by score', async () => {
    const book = await workbook(await renderXlsx(smallPlan()));
    const grid = book.getWorksheet('Interaction matrix') as ExcelJS.Worksheet;
    const { rowSumColumn, columnSumRow } = matrixLayout(3);
    expect([rowSumColumn, columnSumRow]).toEqual([6, 6]);
    // The grid: codes in catalogue order, row acts on column; 4.b → 1.1 is only proposed.
    expect(block(grid, [1, 4], [1, 4])).toEqual([
      ['row acts on column →', '1.1', '4.b', '10.7'],
      ['1.1', null, 2, -1],
      ['4.b', null, null, 3],
      ['10.7', -2, null, null],
    ]);
    // Influence: net, +, −, second-order out (net), one column each after a blank one.
    expect(block(grid, [1, 4], [5, 9])).toEqual([
      [null, 'Influence (net)', 'Influence (+)', 'Influence (−)', 'Second-order out (net)'],
      [null, 1, 2, -1, 6],
      [null, 3, 3, 0, -6],
      [null, -2, 0, -2, -4],
    ]);
    // Being influenced: net, +, −, second-order in (net), one row each after a blank one.
    expect(block(grid, [5, 9], [1, 4])).toEqual([
      [null, null, null, null],
      ['Being influenced (net)', -2, 2, 2],
      ['Being influenced (+)', 0, 2, 3],
      ['Being influenced (−)', -2, 0, -1],
      ['Second-order in (net)', -6, -4, 6],
    ]);
    // Nothing where the two blocks would meet.
    expect(
      block(grid, [6, 9], [6, 9])
        .flat()
        .every((v) => v === null),
    ).toBe(true);

    const fill = (r: number, c: number) => (grid.getCell(r, c).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fill(3, 4)).toBe(argb(scoreColour(3)));
    expect(fill(4, 2)).toBe(argb(scoreColour(-2)));
    expect(fill(2, 2)).toBeUndefined();
    // Sums on the same scale, by size within their column: 3 is the largest influence, 1 a third of it.
    expect(fill(3, 6)).toBe(argb(scoreColour(3)));
    expect(fill(2, 6)).toBe(argb(scoreColour(1)));
    expect(fill(4, 6)).toBe(argb(scoreColour(-2)));
    expect(fill(3, 8)).toBeUndefined();
    expect(grid.getCell(2, 3).note).toBe('+2 Reinforcing: Income pays for school');
  });

  it('has an Analysis sheet with the trade-offs (prioritised first, flagged), synergies, clusters, duplication and coverage', async () => {
    const book = await workbook(await renderXlsx(smallPlan()));
    const sheet = book.getWorksheet('Analysis') as ExcelJS.Worksheet;
    // Sparse arrays, 1-based: every row and cell as text, '' where empty.
    const rows = Array.from(sheet.getSheetValues() as unknown[][], (row) =>
      Array.from(row ?? [], (v) => (v === undefined || v === null ? '' : String(v))).slice(1),
    );
    const at = (title: string) => rows.findIndex((row) => row[0] === title);
    const tradeOffs = at('Trade-offs to resolve');
    expect(tradeOffs).toBeGreaterThan(0);
    expect(rows[tradeOffs + 2]).toEqual(['Prioritised', 'From', 'To', 'Score', 'Rationale']);
    expect(rows[tradeOffs + 3]).toEqual([
      'Both targets prioritised',
      '10.7',
      '1.1',
      '−2 Counteracting',
      'Departures drain households',
    ]);
    expect(rows[tradeOffs + 4]?.slice(0, 4)).toEqual(['Both targets prioritised', '1.1', '10.7', '−1 Constraining']);
    const synergies = at('Strongest synergies');
    expect(synergies).toBeGreaterThan(tradeOffs);
    expect(rows[synergies + 3]?.slice(0, 4)).toEqual(['One target prioritised', '4.b', '10.7', '+3 Indivisible']);
    expect(rows[at('Clusters of mutually reinforcing targets') + 3]).toEqual(['1.1, 4.b, 10.7', '2', '5', '2']);
    expect(rows[at('Likely duplication of effort') + 3]).toEqual([
      '10.7',
      'Migration programming',
      'One-stop shop\nMobile advice desk',
    ]);
    const coverage = at('Coverage gaps');
    expect(rows[coverage + 3]?.[0]).toBe('Prioritised target without an intervention');
    expect(rows[coverage + 3]?.[1]).toMatch(/^1\.1 /);
    expect(rows[coverage + 4]).toEqual(['Intervention without an SDG target', 'Survey of needs']);
  });
});

describe('the document export', () => {
  it('holds each intervention’s title, rationale and timeframe, and every field heading', async () => {
    const p = plan();
    const text = await docxText(await renderDocx(p));
    for (const i of p.interventions) {
      expect(text).toContain(i.title);
      expect(text).toContain(i.rationale);
      expect(text).toContain(i.startDate);
      expect(text).toContain(i.endDate);
      for (const m of i.milestones) expect(text).toContain(m.description);
    }
    for (const spec of Object.values(CARD_FIELDS.intervention as FieldSpecs)) {
      if (spec.label !== 'Title') expect(text).toContain(spec.label);
    }
    for (const heading of ['Objectives and targets', 'Synergies', 'Trade-offs', 'Walk-through decisions']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Intégrer les migrants au marché du travail');
  });

  it('ends with the annex "Synergies and trade-offs": influence table, trade-offs, synergies, clusters, gaps', async () => {
    const text = await docxText(await renderDocx(smallPlan()));
    const annex = text.slice(text.indexOf('Annex: Synergies and trade-offs'));
    expect(text.indexOf('Annex: Synergies and trade-offs')).toBeGreaterThan(text.indexOf('Walk-through decisions'));
    const order = [
      'Influence of each target',
      'Influence (net)',
      'Being influenced (net)',
      'Second-order out (net)',
      'Trade-offs to resolve',
      'Strongest synergies',
      'Clusters of mutually reinforcing targets',
      'Likely duplication of effort',
      'Coverage gaps',
    ].map((heading) => annex.indexOf(heading));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The influence row of 1.1: net +1 (+2, −1), being influenced −2, second order +6 out, −6 in.
    expect(annex).toContain(['1.1 (prioritised)', '+1', '+2', '−1', '−2', '0', '−2', '+6', '−6'].join('\n'));
    // The trade-off between two prioritised targets, flagged, before the weaker one.
    const tradeOffs = annex.slice(annex.indexOf('Trade-offs to resolve'), annex.indexOf('Strongest synergies'));
    expect(tradeOffs).toContain(
      ['Both targets prioritised', '10.7', '1.1', '−2 Counteracting', 'Departures drain households'].join('\n'),
    );
    expect(tradeOffs.indexOf('Departures drain households')).toBeLessThan(
      tradeOffs.indexOf('Cash transfers tie people to their place'),
    );
    expect(annex).toContain('Survey of needs');
  });

  it('survives control characters pasted into a card', async () => {
    const p = plan();
    const broken = { ...p, interventions: p.interventions.map((i) => ({ ...i, rationale: 'a\u0001b\u000bc' })) };
    expect(await docxText(await renderDocx(broken))).toContain('abc');
  });
});

describe('the CSV of the interaction matrix', () => {
  it('starts with a BOM, quotes per RFC 4180, ends lines with CRLF, one row per pair', () => {
    const p = plan();
    const csv = renderMatrixCsv(p).toString('utf8');
    expect(csv.startsWith('\uFEFFfrom,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + p.interactions.length + 1);
    expect(lines[1]).toMatch(/^10\.7,"10\.7 Facilitate orderly, safe/);
    expect(lines[1]).toContain(',2,Reinforcing,');
    expect(lines[1]).toContain('"Si les inspections du travail suivent, ""sin excepción"""');
    expect(lines[2]).toContain(',-1,Constraining,');
    expect(lines[2]).toContain('आप्रवासी कामदार');
  });

  it('defuses a cell that a spreadsheet would run as a formula', () => {
    const p = plan();
    const risky = { ...p, interactions: p.interactions.map((x) => ({ ...x, rationale: '=HYPERLINK("x")' })) };
    expect(renderMatrixCsv(risky).toString('utf8')).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('the Markdown export', () => {
  it('has the plan’s sections and escapes markup typed on the board', () => {
    const p = plan();
    const md = renderMarkdown({
      ...p,
      objectives: p.objectives.map((o) => ({ ...o, description: '<script>x</script> | *bold*' })),
    }).toString('utf8');
    expect(md).toContain('# Plan d’acción migratoria — आप्रवासी समावेशन: action plan');
    expect(md).toContain('### 1. Guichet unique pour les आप्रवासी');
    expect(md).toContain('#### Rationale');
    expect(md).toContain('\\<script\\>x\\</script\\> \\| \\*bold\\*');
    expect(md).toContain('| 10.7 | 8.8 | +2 Reinforcing |');
  });

  it('ends with the annex "Synergies and trade-offs" as Markdown tables', () => {
    const md = renderMarkdown(smallPlan()).toString('utf8');
    const annex = md.slice(md.indexOf('## Annex: Synergies and trade-offs'));
    expect(md.indexOf('## Annex: Synergies and trade-offs')).toBeGreaterThan(md.indexOf('## Validation'));
    expect(annex).toContain(
      '| Target | Influence (net) | Influence (+) | Influence (−) | Being influenced (net) | Being influenced (+) | Being influenced (−) | Second-order out (net) | Second-order in (net) |',
    );
    expect(annex).toContain('| 1.1 (prioritised) | +1 | +2 | −1 | −2 | 0 | −2 | +6 | −6 |');
    expect(annex).toContain('| 4.b | +3 | +3 | 0 | +2 | +2 | 0 | −6 | −4 |');
    expect(annex).toContain('### Trade-offs to resolve');
    expect(annex).toContain(
      '| Both targets prioritised | 10.7 | 1.1 | −2 Counteracting | Departures drain households |',
    );
    expect(annex).toContain('| One target prioritised | 4.b | 10.7 | +3 Indivisible | Scholarships open pathways |');
    expect(annex).toContain('| 1.1, 4.b, 10.7 | 2 | 5 | 2 |');
    expect(annex).toContain('| 10.7 | Migration programming | One-stop shop<br>Mobile advice desk |');
    expect(annex).toContain('| Intervention without an SDG target | Survey of needs |');
    expect(annex.indexOf('\n---\n')).toBeGreaterThan(annex.indexOf('### Coverage gaps'));
  });
});

describe('the walk-through in the exports', () => {
  // tests/shared/plan/fullBoard.ts: Amina agreed the intervention 45 minutes after T0.
  const decided = 'Agreed by Amina Diallo, 2026-03-03 10:15 UTC';

  it('names who agreed an intervention and when, in the spreadsheet, the document and Markdown', async () => {
    const p = plan();
    const intervention = p.interventions[0]?.title as string;
    const book = await workbook(await renderXlsx(p));
    const sheet = book.getWorksheet('Validation') as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Item',
      'Kind',
      'In this plan',
      'Status',
      'Decision',
      'Last changed',
      'Walk-through',
      'Checks ticked',
      'Checks left',
      'Comment',
      'Id',
    ]);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const row = rows.find((r) => r?.[1] === intervention)?.slice(1);
    expect(row?.slice(4, 5)).toEqual(['Agreed']);
    expect(row?.slice(6, 10)).toEqual([
      decided,
      'It relates to the targets it claims; Its timeframe is reviewed',
      'It fits the local or national context; Its actions are reviewed; Its stakeholders are reviewed; Its budget is reviewed',
      'Validé en plénière — सर्वसम्मत',
    ]);

    expect(await docxText(await renderDocx(p))).toContain(decided);
    expect(renderMarkdown(p).toString('utf8')).toContain(`| ${decided} |`);
    expect(renderMarkdown(p).toString('utf8')).toContain('| Validé en plénière — सर्वसम्मत |');
  });
});

describe('download names', () => {
  it('slugs the title to ASCII and keeps the original script in filename*', () => {
    expect(asciiSlug('Plan d’acción — Île')).toBe('plan-d-accion-ile');
    expect(asciiSlug('आप्रवासी')).toBe('workshop');
    expect(unicodeSlug('आप्रवासी समावेशन')).toBe('आप्रवासी-समावेशन');
    expect(contentDisposition('Málaga 2026', 'csv')).toBe(
      `attachment; filename="malaga-2026-action-plan.csv"; filename*=UTF-8''m%C3%A1laga-2026-action-plan.csv`,
    );
  });
});

describe('the workshop, its people and its standing in every format', () => {
  /** Every text a format holds, as one string (cells of every sheet for the spreadsheet). */
  async function formats(p: ReturnType<typeof plan>): Promise<Record<string, string>> {
    const book = await workbook(await renderXlsx(p));
    const cells: string[] = [];
    for (const sheet of book.worksheets) {
      sheet.eachRow((row) => {
        for (const v of (row.values as unknown[]).slice(1)) if (v !== undefined && v !== null) cells.push(String(v));
      });
    }
    return {
      xlsx: cells.join('\n'),
      docx: await docxText(await renderDocx(p)),
      markdown: renderMarkdown(p).toString('utf8').replace(/\\/g, ''),
      csv: renderMatrixCsv(p).toString('utf8'),
    };
  }

  it('state the level, territory, dates, period, adoption and standing', async () => {
    const p = plan();
    for (const [format, text] of Object.entries(await formats(p))) {
      for (const expected of [
        'National',
        'Région Île-de-France / Provincia de Málaga / काठमाडौं',
        '2026-03-03 to 2026-03-05',
        '2026-07-01 to 2030-06-30',
        'Adopted by Conseil régional — प्रदेश सभा on 2026-04-20 (Délibération n° 2026-118)',
        'Adopted',
      ]) {
        expect(text, `${format} lacks “${expected}”`).toContain(expected);
      }
    }
  });

  it('list the people by group with their contributions, observers apart, in the spreadsheet, document and Markdown', async () => {
    const p = plan();
    const { csv: _, ...documents } = await formats(p);
    for (const [format, text] of Object.entries(documents)) {
      for (const expected of [
        'Ministère du Travail',
        '0 cards, 0 links, 0 comments, 0 dots',
        'Radio Koshi',
        'Observer',
        'Radio communautaire',
        'Facilitator',
        'not in the attendance record',
      ]) {
        expect(text, `${format} lacks “${expected}”`).toContain(expected);
      }
    }
  });

  it('say “Draft” with the counts, and name what the plan leaves out and why', async () => {
    const { doc, ids } = buildFullBoard('agreed');
    decideIntervention(doc, ids.intervention, {
      decision: 'sent-back',
      by: 'Amina Diallo',
      comment: 'Budget à revoir',
    });
    const p = buildActionPlan(doc, { now: 0 });
    expect(p.validation.summary).toBe('Draft: 0 agreed, 1 sent back, 0 set aside, 0 not reviewed');
    for (const [format, text] of Object.entries(await formats(p))) {
      if (format === 'csv') {
        expect(text).toContain('Draft: 0 agreed, 1 sent back, 0 set aside, 0 not reviewed');
        continue;
      }
      for (const expected of [
        'Draft: 0 agreed, 1 sent back, 0 set aside, 0 not reviewed',
        'Sent back',
        'Budget à revoir',
      ]) {
        expect(text, `${format} lacks “${expected}”`).toContain(expected);
      }
    }
  });
});
