// The plan as a spreadsheet (exceljs), one sheet per table: the workshop, objectives and their
// targets, targets, interventions (one row each, every field), actors, the interaction matrix as
// a grid coloured by score, the same pairs as a list with their rationale, and validation.
import ExcelJS from 'exceljs';
import { CARD_FIELDS, type FieldSpecs, formatScore, humanise, scoreColour } from '../../shared/model/index.ts';
import type { ActionPlan } from '../../shared/plan/index.ts';
import {
  fieldText,
  groupLabel,
  matrixNodes,
  periodText,
  planLookup,
  planTitle,
  printable,
  STATUS_LABELS,
  timeText,
} from './planText.ts';

/** Excel refuses cells longer than 32,767 characters; a longer text is cut with a mark. */
const MAX_CELL_CHARS = 32_000;
const cut = (raw: string) => {
  const text = printable(raw);
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS)}…` : text;
};

type Cell = string | number;

interface ColumnSpec {
  header: string;
  width: number;
}

/** A sheet with a bold, frozen header row and wrapped, top-aligned cells. */
function table(book: ExcelJS.Workbook, name: string, columns: readonly ColumnSpec[], rows: readonly Cell[][]) {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => (typeof v === 'string' ? cut(v) : v)));
  for (let i = 1; i <= columns.length; i++) sheet.getColumn(i).alignment = { wrapText: true, vertical: 'top' };
  if (rows.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

function workshopSheet(book: ExcelJS.Workbook, plan: ActionPlan): void {
  const w = plan.workshop;
  const p = plan.provenance;
  const sheet = book.addWorksheet('Workshop');
  sheet.columns = [{ width: 28 }, { width: 60 }, { width: 60 }];
  const rows: Cell[][] = [
    ['Title', planTitle(plan)],
    ['Level', humanise(w.level)],
    ['Territory', w.territory],
    ['Dates', periodText(w.startDate, w.endDate)],
    ['Validation', humanise(plan.validation.status)],
    [],
    ['Participants by stakeholder group', 'Names', 'People'],
    ...w.participants.map((g) => [g.label, g.names.join(', '), g.count]),
    [],
    ['Exported at', timeText(p.exportedAt)],
    ['Exported by', `${p.product.name} ${p.product.version}`],
    ['Source workshop', p.sourceWorkshopId],
    ['Board schema version', p.boardSchemaVersion],
    ['Plan schema version', plan.schemaVersion],
    ['Items included', p.include === 'all' ? 'all items' : 'agreed items only'],
  ];
  for (const row of rows) sheet.addRow(row.map((v) => (typeof v === 'string' ? cut(v) : v)));
  sheet.getColumn(1).font = { bold: true };
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}

function matrixSheet(book: ExcelJS.Workbook, plan: ActionPlan): void {
  const names = planLookup(plan);
  const nodes = matrixNodes(plan);
  const index = new Map(nodes.map((id, i) => [id, i]));
  const sheet = book.addWorksheet('Interaction matrix', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.getCell(1, 1).value = 'row acts on column →';
  sheet.getCell(1, 1).font = { italic: true };
  sheet.getColumn(1).width = 24;
  nodes.forEach((id, i) => {
    const label = cut(names.label(id));
    Object.assign(sheet.getCell(1, i + 2), { value: label, font: { bold: true } });
    Object.assign(sheet.getCell(i + 2, 1), { value: label, font: { bold: true } });
    sheet.getColumn(i + 2).width = 8;
  });
  for (const x of plan.interactions) {
    const cell = sheet.getCell((index.get(x.from) ?? 0) + 2, (index.get(x.to) ?? 0) + 2);
    cell.value = x.score;
    cell.alignment = { horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${scoreColour(x.score).slice(1)}` } };
    cell.note = cut(`${formatScore(x.score)}${x.rationale ? `: ${x.rationale}` : ''}`);
  }
}

export async function renderXlsx(plan: ActionPlan): Promise<Buffer> {
  const names = planLookup(plan);
  const book = new ExcelJS.Workbook();
  book.creator = `${plan.provenance.product.name} ${plan.provenance.product.version}`;
  book.created = new Date(plan.provenance.exportedAt);
  book.title = `${planTitle(plan)}: action plan`;

  workshopSheet(book, plan);

  table(
    book,
    'Objectives and targets',
    [
      { header: 'Objective', width: 36 },
      { header: 'Description', width: 48 },
      { header: 'Target', width: 9 },
      { header: 'Target text', width: 60 },
      { header: 'How it contributes', width: 40 },
      { header: 'Status', width: 11 },
    ],
    plan.objectives.flatMap((o) => {
      const base = [o.title, o.description];
      if (o.targets.length === 0) return [[...base, '', '', '', STATUS_LABELS[o.status]]];
      return o.targets.map((c) => [
        ...base,
        names.label(c.target),
        names.target(c.target)?.text ?? '',
        c.note,
        STATUS_LABELS[o.status],
      ]);
    }),
  );

  table(
    book,
    'Targets',
    [
      { header: 'Target', width: 9 },
      { header: 'Goal', width: 6 },
      { header: 'Official text', width: 70 },
      { header: 'Migration-explicit', width: 12 },
      { header: 'Migration cross-cutting', width: 12 },
      { header: 'Workshop note', width: 40 },
      { header: 'Status', width: 11 },
    ],
    plan.targets.map((t) => [
      t.code,
      t.goal,
      t.text,
      t.migrationExplicit ? 'yes' : 'no',
      t.migrationCrossCutting ? 'yes' : 'no',
      t.crossCuttingNote,
      STATUS_LABELS[t.status],
    ]),
  );

  const fields = Object.entries(CARD_FIELDS.intervention as FieldSpecs);
  table(
    book,
    'Interventions',
    [
      ...fields.map(([, spec]) => ({
        header: spec.label,
        width: spec.type === 'list' || (spec.type === 'text' && spec.multiline) ? 44 : 22,
      })),
      { header: 'SDG targets', width: 16 },
      { header: 'Implementing actors on the board', width: 40 },
      { header: 'Status', width: 11 },
      { header: 'Id', width: 12 },
    ],
    plan.interventions.map((i) => [
      ...fields.map(([name, spec]) => fieldText(spec, (i as unknown as Record<string, unknown>)[name])),
      i.targets.map((c) => names.label(c.target)).join(', '),
      i.implementedBy.map((m) => `${names.label(m.actor)} (${m.role})${m.tasks ? `: ${m.tasks}` : ''}`).join('\n'),
      STATUS_LABELS[i.status],
      i.id,
    ]),
  );

  const implementing = new Map<string, string[]>();
  for (const i of plan.interventions) {
    for (const m of i.implementedBy) {
      const line = `${i.title} (${m.role})`;
      const lines = implementing.get(m.actor);
      if (lines) lines.push(line);
      else implementing.set(m.actor, [line]);
    }
  }
  table(
    book,
    'Actors',
    [
      { header: 'Actor', width: 32 },
      { header: 'Stakeholder group', width: 26 },
      { header: 'Description', width: 44 },
      { header: 'Implements', width: 44 },
      { header: 'Status', width: 11 },
    ],
    plan.actors.map((a) => [
      a.name,
      groupLabel(a.group),
      a.description,
      (implementing.get(a.id) ?? []).join('\n'),
      STATUS_LABELS[a.status],
    ]),
  );

  matrixSheet(book, plan);

  table(
    book,
    'Interactions',
    [
      { header: 'From', width: 14 },
      { header: 'To', width: 14 },
      { header: 'Score', width: 7 },
      { header: 'Meaning', width: 18 },
      { header: 'Rationale', width: 48 },
      { header: 'Conditions', width: 40 },
      { header: 'Confidence', width: 11 },
      { header: 'Incoherence', width: 12 },
      { header: 'Status', width: 11 },
    ],
    plan.interactions.map((x) => [
      names.label(x.from),
      names.label(x.to),
      x.score,
      formatScore(x.score),
      x.rationale,
      x.conditions,
      x.confidence,
      x.incoherence,
      STATUS_LABELS[x.status],
    ]),
  );

  table(
    book,
    'Validation',
    [
      { header: 'Item', width: 48 },
      { header: 'Kind', width: 14 },
      { header: 'Status', width: 11 },
      { header: 'Last changed', width: 22 },
      { header: 'Id', width: 12 },
    ],
    plan.validation.items.map((v) => [v.title, v.kind, STATUS_LABELS[v.status], timeText(v.updatedAt), v.id]),
  );

  return Buffer.from(await book.xlsx.writeBuffer());
}
