// The plan as a spreadsheet (exceljs), one sheet per table: the workshop, objectives and their
// targets, targets, interventions (one row each, every field), actors, the targets-by-targets
// interaction matrix coloured by score with its row and column sums, the analysis (trade-offs,
// synergies, clusters, duplication, coverage), every pair as a list with its rationale, and validation.
import ExcelJS from 'exceljs';
import {
  CARD_FIELDS,
  type FieldSpecs,
  formatScore,
  type InteractionScore,
  scoreColour,
} from '../../shared/model/index.ts';
import { type ActionPlan, analysePlan } from '../../shared/plan/index.ts';
import { textColourOn } from '../../shared/sdg/catalogue.ts';
import {
  ANALYSIS_INTRO,
  analysisTables,
  decisionLabel,
  fieldText,
  groupLabel,
  PEOPLE_COLUMNS,
  PRIORITISED_LABELS,
  peopleRows,
  planLookup,
  planTitle,
  printable,
  STATUS_LABELS,
  timeText,
  walkThroughChecks,
  walkThroughChecksLeft,
  walkThroughText,
  workshopDetails,
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
    ...workshopDetails(plan).map(([label, value]): Cell[] => [label === 'Workshop' ? 'Title' : label, value]),
    [],
    ['Participants by stakeholder group', 'People', 'Names'],
    ...w.participants.map((g) => [g.label, g.count, g.people.map((p) => p.name).join(', ')]),
    ...(w.observers.length > 0 ? [['Observers', w.observers.length, w.observers.map((o) => o.name).join(', ')]] : []),
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

/** A solid fill in one of the scale's colours, with text that stays readable on it. */
function paint(cell: ExcelJS.Cell, hex: string): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${hex.slice(1)}` } };
  cell.font = { ...cell.font, color: { argb: `FF${textColourOn(hex).slice(1)}` } };
}

/**
 * A sum shaded on the matrix's own diverging scale: green above 0, red below, the shade (one of
 * the score colours 1 to 3) by its size against the largest in its column or row. 0 stays blank.
 */
function paintSum(cell: ExcelJS.Cell, value: number, largest: number): void {
  if (value === 0 || largest === 0) return;
  const level = Math.min(3, Math.max(1, Math.ceil((3 * Math.abs(value)) / largest)));
  paint(cell, scoreColour((Math.sign(value) * level) as InteractionScore));
}

const SIGNED_FORMAT = '+0;"\u2212"0;0';

/** Where the sums sit around an n-target grid, for the sheet and for a reader (tests) alike. */
export function matrixLayout(n: number) {
  return {
    /** First column of the row-sum block (after a blank column): net, +, −, second-order out. */
    rowSumColumn: n + 3,
    /** First row of the column-sum block (after a blank row): net, +, −, second-order in. */
    columnSumRow: n + 3,
  };
}

const ROW_SUMS = ['Influence (net)', 'Influence (+)', 'Influence (\u2212)', 'Second-order out (net)'] as const;
const COLUMN_SUMS = [
  'Being influenced (net)',
  'Being influenced (+)',
  'Being influenced (\u2212)',
  'Second-order in (net)',
] as const;

/**
 * The targets-by-targets cross-impact matrix (codes in catalogue order, as the analysis reads it:
 * several cards with one code are one target), coloured by score, with each target's row sums at
 * the right and column sums at the bottom. Interactions with an intervention at either end are in
 * the 'Interactions' sheet.
 */
function matrixSheet(book: ExcelJS.Workbook, plan: ActionPlan): void {
  const { matrix } = analysePlan(plan).targets;
  const codes = matrix.nodes.map((node) => node.code);
  const n = codes.length;
  const pairs = new Map(plan.interactions.map((x) => [x.id, x]));
  const influence = new Map(plan.analysis.targets.map((t) => [t.code, t]));
  const { rowSumColumn, columnSumRow } = matrixLayout(n);
  const sheet = book.addWorksheet('Interaction matrix', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  Object.assign(sheet.getCell(1, 1), { value: 'row acts on column \u2192', font: { italic: true } });
  sheet.getColumn(1).width = 24;
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'bottom', horizontal: 'center' };
  codes.forEach((code, i) => {
    Object.assign(sheet.getCell(1, i + 2), { value: code, font: { bold: true } });
    Object.assign(sheet.getCell(i + 2, 1), { value: code, font: { bold: true } });
    sheet.getColumn(i + 2).width = 8;
  });
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const cellIndex = i * n + j;
      if (matrix.scored[cellIndex] !== 1) continue;
      const score = matrix.scores[cellIndex] as InteractionScore;
      const pair = pairs.get(matrix.linkIds[cellIndex] ?? '');
      const cell = sheet.getCell(i + 2, j + 2);
      cell.value = score;
      cell.alignment = { horizontal: 'center' };
      paint(cell, scoreColour(score));
      cell.note = cut(`${formatScore(score)}${pair?.rationale ? `: ${pair.rationale}` : ''}`);
    }
  }

  // Row sums: one column each, at the right of a blank column.
  const rowValues = [
    (c: string) => influence.get(c)?.out.net ?? 0,
    (c: string) => influence.get(c)?.out.positive ?? 0,
    (c: string) => influence.get(c)?.out.negative ?? 0,
    (c: string) => influence.get(c)?.secondOrderOut.net ?? 0,
  ];
  ROW_SUMS.forEach((label, k) => {
    const column = rowSumColumn + k;
    Object.assign(sheet.getCell(1, column), { value: label, font: { bold: true } });
    sheet.getColumn(column).width = 13;
    const values = codes.map(rowValues[k] as (c: string) => number);
    const largest = Math.max(0, ...values.map(Math.abs));
    values.forEach((value, i) => {
      const cell = sheet.getCell(i + 2, column);
      Object.assign(cell, { value, numFmt: SIGNED_FORMAT, alignment: { horizontal: 'center' } });
      paintSum(cell, value, largest);
    });
  });

  // Column sums: one row each, below a blank row.
  const columnValues = [
    (c: string) => influence.get(c)?.in.net ?? 0,
    (c: string) => influence.get(c)?.in.positive ?? 0,
    (c: string) => influence.get(c)?.in.negative ?? 0,
    (c: string) => influence.get(c)?.secondOrderIn.net ?? 0,
  ];
  COLUMN_SUMS.forEach((label, k) => {
    const row = columnSumRow + k;
    Object.assign(sheet.getCell(row, 1), { value: label, font: { bold: true } });
    const values = codes.map(columnValues[k] as (c: string) => number);
    const largest = Math.max(0, ...values.map(Math.abs));
    values.forEach((value, j) => {
      const cell = sheet.getCell(row, j + 2);
      Object.assign(cell, { value, numFmt: SIGNED_FORMAT, alignment: { horizontal: 'center' } });
      paintSum(cell, value, largest);
    });
  });

  const notes = [
    'Cells: the score of row \u2192 column, green for synergies and red for trade-offs, deeper with strength. ' +
      'Sums: positive and negative parts apart, shaded by size within their column or row; second order over paths A \u2192 B \u2192 C.',
  ];
  const targetCards = new Set(plan.targets.map((t) => t.id));
  const withIntervention = plan.interactions.filter((x) => !targetCards.has(x.from) || !targetCards.has(x.to));
  if (withIntervention.length > 0) {
    notes.push(
      `${withIntervention.length} interaction(s) with an intervention at one end or both are not in this matrix: see the 'Interactions' sheet.`,
    );
  }
  notes.forEach((note, k) => {
    Object.assign(sheet.getCell(columnSumRow + COLUMN_SUMS.length + 1 + k, 1), { value: note, font: { italic: true } });
  });
}

/** Synergies, trade-offs, clusters, incoherences, duplication and coverage, one table under another. */
function analysisSheet(book: ExcelJS.Workbook, plan: ActionPlan): void {
  const sheet = book.addWorksheet('Analysis');
  sheet.columns = [28, 28, 28, 22, 60, 40].map((width) => ({ width }));
  const intro = sheet.addRow([ANALYSIS_INTRO]);
  intro.font = { italic: true };
  sheet.addRow([]);
  // The influence table is the matrix sheet's sums.
  for (const t of analysisTables(plan).filter((table) => table.title !== 'Influence of each target')) {
    sheet.addRow([t.title]).font = { bold: true, size: 13 };
    sheet.addRow([t.note]).font = { italic: true };
    const header = sheet.addRow(t.columns.map((c) => c.header));
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } };
    });
    if (t.rows.length === 0) sheet.addRow(['None.']).font = { italic: true };
    const scoreColumn = t.columns.findIndex((c) => c.header === 'Score') + 1;
    t.rows.forEach((values, r) => {
      const row = sheet.addRow(values.map((v) => (typeof v === 'string' ? cut(v) : v)));
      row.alignment = { wrapText: true, vertical: 'top' };
      t.columns.forEach((c, k) => {
        if (c.signed) row.getCell(k + 1).numFmt = SIGNED_FORMAT;
      });
      const score = t.scores?.[r];
      if (score !== undefined && scoreColumn > 0) paint(row.getCell(scoreColumn), scoreColour(score));
      if (values[0] === PRIORITISED_LABELS.both) row.getCell(1).font = { bold: true };
    });
    sheet.addRow([]);
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
  analysisSheet(book, plan);

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
    'People',
    PEOPLE_COLUMNS.map((header) => ({ header, width: header === 'Name' ? 28 : 36 })),
    peopleRows(plan),
  );

  table(
    book,
    'Validation',
    [
      { header: 'Item', width: 48 },
      { header: 'Kind', width: 14 },
      { header: 'In this plan', width: 12 },
      { header: 'Status', width: 11 },
      { header: 'Decision', width: 13 },
      { header: 'Last changed', width: 22 },
      { header: 'Walk-through', width: 36 },
      { header: 'Checks ticked', width: 36 },
      { header: 'Checks left', width: 36 },
      { header: 'Comment', width: 36 },
      { header: 'Id', width: 12 },
    ],
    [
      ...plan.validation.items.map((v) => [
        v.title,
        v.kind,
        'yes',
        STATUS_LABELS[v.status],
        decisionLabel(v.decision),
        timeText(v.updatedAt),
        walkThroughText(v.walkThrough),
        walkThroughChecks(v.walkThrough),
        walkThroughChecksLeft(v.walkThrough),
        v.walkThrough?.comment ?? '',
        v.id,
      ]),
      ...plan.validation.outside.map((v) => [
        v.title,
        'intervention',
        'no',
        STATUS_LABELS[v.status],
        decisionLabel(v.decision),
        '',
        walkThroughText(v.walkThrough),
        walkThroughChecks(v.walkThrough),
        walkThroughChecksLeft(v.walkThrough),
        v.walkThrough?.comment ?? '',
        v.id,
      ]),
    ],
  );

  return Buffer.from(await book.xlsx.writeBuffer());
}
