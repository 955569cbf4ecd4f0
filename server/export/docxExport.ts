// The plan as a Word document (docx): the plan as a reader expects it. A title page, the
// workshop, the objectives and targets table, one section per intervention with every field
// under its own heading, the scored interactions, the actors, the validated items, and an annex
// "Synergies and trade-offs" with the plan's analysis (influence table, trade-offs to resolve,
// strongest synergies, clusters, incoherences, duplication, coverage gaps).
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { formatScore, scoreColour } from '../../shared/model/index.ts';
import type { ActionPlan, PlanInteraction } from '../../shared/plan/index.ts';
import { textColourOn } from '../../shared/sdg/catalogue.ts';
import {
  ANALYSIS_INTRO,
  adoptionRecordedText,
  adoptionText,
  analysisCellText,
  analysisTables,
  decisionRows,
  groupLabel,
  interventionFields,
  PEOPLE_COLUMNS,
  PLAN_ITEM_COLUMNS,
  peopleRows,
  planItemRows,
  planLookup,
  planTitle,
  printable,
  STATUS_LABELS,
  standingOfItem,
  statusCountsText,
  timeText,
  walkThroughChecksLeft,
  walkThroughText,
  workshopDetails,
} from './planText.ts';

/** A paragraph whose line breaks stay line breaks. */
function text(value: string, options: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  const lines = printable(value).split(/\r?\n/);
  return new Paragraph({
    children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...options })),
  });
}

function heading(value: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], pageBreak = false) {
  return new Paragraph({ text: printable(value), heading: level, pageBreakBefore: pageBreak });
}

function bullet(value: string): Paragraph {
  return new Paragraph({ text: printable(value), bullet: { level: 0 } });
}

/** A background colour for one body cell (row and column from 0), or undefined. */
type CellFill = (row: number, column: number) => string | undefined;

/** A full-width table with a repeated, bold header row. */
function table(header: readonly string[], rows: readonly (readonly string[])[], fill?: CellFill): Table | Paragraph {
  if (rows.length === 0) return text('None.', { italics: true });
  const row = (cells: readonly string[], bold: boolean, r: number) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map((cell, c) => {
        const background = bold ? undefined : fill?.(r, c);
        const colour = background ? { color: textColourOn(background).slice(1) } : {};
        return new TableCell({
          ...(background ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: background.slice(1) } } : {}),
          children: printable(cell)
            .split(/\r?\n/)
            .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold, ...colour })] })),
        });
      }),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(header, true, -1), ...rows.map((cells, r) => row(cells, false, r))],
  });
}

/** The annex: the influence table, trade-offs to resolve, strongest synergies, clusters, incoherences, duplication, coverage. */
function analysisAnnex(plan: ActionPlan): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    heading('Annex: Synergies and trade-offs', HeadingLevel.HEADING_1, true),
    text(ANALYSIS_INTRO),
  ];
  for (const t of analysisTables(plan)) {
    out.push(heading(t.title, HeadingLevel.HEADING_2), text(t.note, { italics: true }));
    const scoreColumn = t.columns.findIndex((c) => c.header === 'Score');
    out.push(
      table(
        t.columns.map((c) => c.header),
        t.rows.map((row) => row.map((v, k) => analysisCellText(t.columns[k], v))),
        (r, c) => {
          const score = t.scores?.[r];
          return c === scoreColumn && score !== undefined ? scoreColour(score) : undefined;
        },
      ),
    );
  }
  return out;
}

function interactionTable(plan: ActionPlan, pairs: readonly PlanInteraction[]) {
  const names = planLookup(plan);
  return table(
    ['From', 'To', 'Score', 'Rationale', 'Conditions', 'Confidence', 'Status'],
    pairs.map((x) => [
      names.label(x.from),
      names.label(x.to),
      formatScore(x.score) + (x.incoherence ? ` (${x.incoherence} incoherence)` : ''),
      x.rationale,
      x.conditions,
      x.confidence,
      STATUS_LABELS[x.status],
    ]),
  );
}

export async function renderDocx(plan: ActionPlan): Promise<Buffer> {
  const names = planLookup(plan);
  const w = plan.workshop;
  const p = plan.provenance;
  const body: (Paragraph | Table)[] = [];

  body.push(heading(planTitle(plan), HeadingLevel.TITLE));
  body.push(text('Migration-SDG action plan', { bold: true }));
  for (const [label, value] of workshopDetails(plan).slice(1)) {
    if (value) body.push(text(`${label}: ${value}`, label === 'Validation' ? { bold: true } : undefined));
  }
  body.push(
    text(
      `Exported ${timeText(p.exportedAt)} by ${p.product.name} ${p.product.version}` +
        ` (${p.include === 'all' ? 'all items' : 'agreed items only'}; plan schema ${plan.schemaVersion}).`,
      { italics: true },
    ),
  );

  body.push(heading('Participants', HeadingLevel.HEADING_1, true));
  const groups = w.participants.map((g) => `${g.label} (${g.count})`).join(', ');
  if (groups) body.push(text(`${groups}.`));
  if (w.observers.length > 0) body.push(text(`Observers: ${w.observers.map((o) => o.name).join(', ')}.`));
  body.push(table([...PEOPLE_COLUMNS], peopleRows(plan)));

  body.push(heading('Objectives and targets', HeadingLevel.HEADING_1, true));
  body.push(
    table(
      ['Objective', 'SDG targets addressed'],
      plan.objectives.map((o) => [
        o.description ? `${o.title}\n${o.description}` : o.title,
        o.targets.map((c) => names.longLabel(c.target)).join('\n'),
      ]),
    ),
  );

  body.push(heading('Interventions', HeadingLevel.HEADING_1, true));
  if (plan.interventions.length === 0) body.push(text('None.', { italics: true }));
  plan.interventions.forEach((intervention, i) => {
    body.push(heading(`${i + 1}. ${intervention.title || 'Untitled intervention'}`, HeadingLevel.HEADING_2));
    body.push(text(standingOfItem(plan, intervention.id), { italics: true }));
    const sections = [
      ...interventionFields(intervention),
      {
        label: 'SDG targets addressed',
        lines: intervention.targets.map((c) => names.longLabel(c.target) + (c.note ? ` (${c.note})` : '')),
      },
      {
        label: 'Implementing actors on the board',
        lines: intervention.implementedBy.map(
          (m) => `${names.label(m.actor)}: ${m.role}${m.tasks ? `, ${m.tasks}` : ''}`,
        ),
      },
    ];
    for (const { label, lines } of sections) {
      body.push(heading(label, HeadingLevel.HEADING_3));
      if (lines.length === 0) body.push(text('—'));
      else if (lines.length === 1) body.push(text(lines[0] as string));
      else body.push(...lines.map(bullet));
    }
  });

  body.push(heading('Interactions', HeadingLevel.HEADING_1, true));
  body.push(
    text('Every scored pair of the plan; the annex analyses them as a cross-impact matrix.', { italics: true }),
  );
  body.push(heading('Synergies (positive interactions)', HeadingLevel.HEADING_2));
  body.push(
    interactionTable(
      plan,
      plan.interactions.filter((x) => x.score > 0),
    ),
  );
  body.push(heading('Trade-offs (negative interactions)', HeadingLevel.HEADING_2));
  body.push(
    interactionTable(
      plan,
      plan.interactions.filter((x) => x.score < 0),
    ),
  );
  const consistent = plan.interactions.filter((x) => x.score === 0).length;
  if (consistent > 0) body.push(text(`${consistent} pair(s) scored 0, consistent (no significant interaction).`));

  body.push(heading('Actors', HeadingLevel.HEADING_1, true));
  body.push(
    table(
      ['Actor', 'Stakeholder group', 'Description'],
      plan.actors.map((a) => [a.name, groupLabel(a.group), a.description]),
    ),
  );

  body.push(heading('Validation', HeadingLevel.HEADING_1, true));
  body.push(text(plan.validation.summary, { bold: true }));
  if (w.adoption) {
    body.push(text(`${adoptionText(w.adoption)}. ${adoptionRecordedText(w.adoption)}.`));
    if (w.adoption.note) body.push(text(w.adoption.note));
  }
  body.push(heading('Walk-through decisions', HeadingLevel.HEADING_2));
  body.push(
    table(
      ['Intervention', 'In this plan', 'Status', 'Walk-through', 'Checks left', 'Comment'],
      decisionRows(plan).map((d) => [
        d.title || 'Untitled intervention',
        d.inPlan ? 'yes' : 'no',
        d.status,
        walkThroughText(d.walked) || d.decision,
        walkThroughChecksLeft(d.walked),
        d.walked?.comment ?? '',
      ]),
    ),
  );
  body.push(heading('Items of the plan', HeadingLevel.HEADING_2));
  body.push(text(statusCountsText(plan)));
  body.push(table([...PLAN_ITEM_COLUMNS], planItemRows(plan)));

  body.push(...analysisAnnex(plan));

  const document = new Document({
    creator: `${p.product.name} ${p.product.version}`,
    title: printable(`${planTitle(plan)}: action plan`),
    sections: [{ children: body }],
  });
  return Packer.toBuffer(document);
}
