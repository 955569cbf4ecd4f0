import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renderMatrixCsv } from '../../server/export/csvExport.ts';
import { renderDocx } from '../../server/export/docxExport.ts';
import { asciiSlug, contentDisposition, unicodeSlug } from '../../server/export/fileName.ts';
import { renderMarkdown } from '../../server/export/markdownExport.ts';
import { renderXlsx } from '../../server/export/xlsxExport.ts';
import { CARD_FIELDS, type FieldSpecs } from '../../shared/model/index.ts';
import { buildActionPlan } from '../../shared/plan/index.ts';
import { buildFullBoard } from '../shared/plan/fullBoard.ts';

const plan = () => buildActionPlan(buildFullBoard('agreed').doc, { workshopId: 'source-workshop-1', now: 0 });

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
      'Interactions',
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
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(asXlsxInput(await renderXlsx(buildActionPlan(new Y.Doc()))));
    expect((book.getWorksheet('Interventions') as ExcelJS.Worksheet).rowCount).toBe(1);
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
    for (const heading of ['Objectives and targets', 'Synergies', 'Trade-offs', 'Validated items']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Intégrer les migrants au marché du travail');
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
