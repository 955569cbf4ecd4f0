// The plan as Markdown: the document a reader expects (workshop, objectives and targets, one
// section per intervention, the scored interactions, validation, and the annex "Synergies and
// trade-offs" with the plan's analysis, as the document has it), in plain text that diffs well
// in a repository or a wiki.
import { formatScore } from '../../shared/model/index.ts';
import type { ActionPlan } from '../../shared/plan/index.ts';
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
  STATUS_LABELS,
  standingOfItem,
  statusCountsText,
  timeText,
  walkThroughChecksLeft,
  walkThroughText,
  workshopDetails,
} from './planText.ts';

/** Escapes what Markdown would read as markup (or raw HTML) in text typed on the board. */
export function mdText(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}

/** Text inside a table cell: escaped, line breaks kept as <br>. */
function cell(text: string): string {
  return mdText(text).replace(/\r?\n/g, '<br>') || ' ';
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  if (rows.length === 0) return ['_None._', ''];
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
    '',
  ];
}

export function renderMarkdown(plan: ActionPlan): Buffer {
  const names = planLookup(plan);
  const w = plan.workshop;
  const out: string[] = [`# ${mdText(planTitle(plan))}: action plan`, ''];
  for (const [label, value] of workshopDetails(plan).slice(1)) {
    if (value) out.push(`- **${label}:** ${mdText(value)}`);
  }
  out.push('');

  out.push('## Participants', '');
  const groups = w.participants.map((g) => `${g.label} (${g.count})`).join(', ');
  if (groups) out.push(`${mdText(groups)}.`, '');
  if (w.observers.length > 0) out.push(`Observers: ${mdText(w.observers.map((o) => o.name).join(', '))}.`, '');
  out.push(...table([...PEOPLE_COLUMNS], peopleRows(plan)));

  out.push('## Objectives and targets', '');
  out.push(
    ...table(
      ['Objective', 'Description', 'Targets addressed'],
      plan.objectives.map((o) => [
        o.title,
        o.description,
        o.targets.map((c) => names.longLabel(c.target) + (c.note ? ` (${c.note})` : '')).join('\n'),
      ]),
    ),
  );

  out.push('## SDG targets', '');
  out.push(
    ...table(
      ['Target', 'Official text', 'Migration', 'Workshop note'],
      plan.targets.map((t) => [
        t.code,
        t.text,
        t.migrationExplicit ? 'explicit' : t.migrationCrossCutting ? 'cross-cutting' : '',
        t.crossCuttingNote,
      ]),
    ),
  );

  out.push('## Interventions', '');
  if (plan.interventions.length === 0) out.push('_None._', '');
  plan.interventions.forEach((intervention, i) => {
    out.push(`### ${i + 1}. ${mdText(intervention.title)}`, '');
    out.push(`_${mdText(standingOfItem(plan, intervention.id))}_`, '');
    const targets = intervention.targets.map((c) => names.longLabel(c.target) + (c.note ? ` (${c.note})` : ''));
    const actors = intervention.implementedBy.map(
      (m) => `${names.label(m.actor)}: ${m.role}${m.tasks ? `, ${m.tasks}` : ''}`,
    );
    const sections = [
      ...interventionFields(intervention),
      { label: 'SDG targets addressed', lines: targets },
      { label: 'Implementing actors on the board', lines: actors },
    ];
    for (const { label, lines } of sections) {
      out.push(`#### ${mdText(label)}`, '');
      if (lines.length === 0) out.push('—');
      else if (lines.length === 1) out.push(mdText(lines[0] as string).replace(/\r?\n/g, '  \n'));
      else out.push(...lines.map((line) => `- ${mdText(line)}`));
      out.push('');
    }
  });

  out.push('## Actors', '');
  out.push(
    ...table(
      ['Actor', 'Stakeholder group', 'Description'],
      plan.actors.map((a) => [a.name, groupLabel(a.group), a.description]),
    ),
  );

  out.push(
    '## Interactions',
    '',
    '_Every scored pair of the plan; the annex analyses them as a cross-impact matrix._',
    '',
  );
  out.push(
    ...table(
      ['From', 'To', 'Score', 'Rationale', 'Conditions', 'Confidence', 'Incoherence', 'Status'],
      plan.interactions.map((x) => [
        names.label(x.from),
        names.label(x.to),
        formatScore(x.score),
        x.rationale,
        x.conditions,
        x.confidence,
        x.incoherence,
        STATUS_LABELS[x.status],
      ]),
    ),
  );

  out.push('## Validation', '');
  out.push(`**${mdText(plan.validation.summary)}**`, '');
  if (w.adoption) {
    out.push(`${mdText(adoptionText(w.adoption))}. ${mdText(adoptionRecordedText(w.adoption))}.`, '');
    if (w.adoption.note) out.push(mdText(w.adoption.note), '');
  }
  out.push('### Walk-through decisions', '');
  out.push(
    ...table(
      ['Intervention', 'In this plan', 'Status', 'Decision', 'Walk-through', 'Checks left', 'Comment'],
      decisionRows(plan).map((d) => [
        d.title || 'Untitled intervention',
        d.inPlan ? 'yes' : 'no',
        d.status,
        d.decision,
        walkThroughText(d.walked),
        walkThroughChecksLeft(d.walked),
        d.walked?.comment ?? '',
      ]),
    ),
  );
  out.push('### Items of the plan', '');
  out.push(statusCountsText(plan), '');
  out.push(...table([...PLAN_ITEM_COLUMNS], planItemRows(plan)));

  out.push('## Annex: Synergies and trade-offs', '', mdText(ANALYSIS_INTRO), '');
  for (const t of analysisTables(plan)) {
    out.push(`### ${mdText(t.title)}`, '', `_${mdText(t.note)}_`, '');
    out.push(
      ...table(
        t.columns.map((c) => c.header),
        t.rows.map((row) => row.map((v, k) => analysisCellText(t.columns[k], v))),
      ),
    );
  }

  const p = plan.provenance;
  out.push(
    '---',
    '',
    `Exported ${timeText(p.exportedAt)} by ${p.product.name} ${p.product.version} from workshop ` +
      `${p.sourceWorkshopId || '(none)'} (board schema ${p.boardSchemaVersion}), ${p.include === 'all' ? 'all items' : 'agreed items only'}; ` +
      `plan schema ${plan.schemaVersion}.`,
    '',
  );
  return Buffer.from(out.join('\n'), 'utf8');
}
