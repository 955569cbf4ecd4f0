// How a plan's values read to a person, shared by every human-facing format (spreadsheet,
// document, Markdown, CSV) so that they all say the same thing in the same words. Fields are
// walked through the model's specs, so a field added to a kind shows up in every format.
import {
  CARD_FIELDS,
  type CardStatus,
  type FieldSpec,
  type FieldSpecs,
  formatScore,
  humanise,
  INTERVENTION_TYPE_LABELS,
  type InteractionScore,
  type InterventionDecision,
  stakeholderGroupLabel,
  VALIDATION_CHECK_LABELS,
  VALIDATION_DECISION_LABELS,
  WORKSHOP_LEVEL_LABELS,
} from '../../shared/model/index.ts';
import {
  type ActionPlan,
  PLAN_SYNERGY_LIMIT,
  type PlanAdoption,
  type PlanAnalysisEnd,
  type PlanIntervention,
  type PlanPerson,
  type PlanPrioritised,
  type PlanRankedInteraction,
  type PlanTarget,
  type PlanValidationItem,
  type PlanWalkThrough,
} from '../../shared/plan/index.ts';

/**
 * Text without the control characters XML 1.0 forbids: one typed or pasted on the board would
 * make Word or Excel refuse the whole file.
 */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

const NUMBER = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** One field value as text; '' when unset. A list reads one item per line. */
export function fieldText(spec: FieldSpec, value: unknown): string {
  return fieldLines(spec, value).join('\n');
}

/** A field value as lines: one per list item, else a single line (none when unset). */
export function fieldLines(spec: FieldSpec, value: unknown): string[] {
  switch (spec.type) {
    case 'text':
    case 'string':
    case 'date':
      return value === '' ? [] : [String(value)];
    case 'number':
      return [NUMBER.format(value as number)];
    case 'boolean':
      return [value ? 'yes' : 'no'];
    case 'enum':
      return value === '' ? [] : [enumLabel(spec, value as string | number)];
    case 'list':
      return (value as Record<string, unknown>[]).map((item) => listItemText(spec.item, item));
  }
}

function enumLabel(spec: Extract<FieldSpec, { type: 'enum' }>, value: string | number): string {
  return spec.labels?.[String(value)] ?? (typeof value === 'number' ? String(value) : humanise(value));
}

/** A list item's sub-fields that have a value, joined: "Ministry of Labour — Lead — draft the bill". */
function listItemText(specs: FieldSpecs, item: Record<string, unknown>): string {
  return Object.entries(specs)
    .flatMap(([name, spec]) => fieldLines(spec, item[name]))
    .join(' — ');
}

/** Every intervention field except the title (which heads its section), with its label. */
export function interventionFields(intervention: PlanIntervention): { label: string; lines: string[] }[] {
  return Object.entries(CARD_FIELDS.intervention as FieldSpecs)
    .filter(([name]) => name !== 'title')
    .map(([name, spec]) => ({
      label: spec.label,
      lines: fieldLines(spec, (intervention as unknown as Record<string, unknown>)[name]),
    }));
}

export const STATUS_LABELS: Record<CardStatus, string> = {
  proposed: 'Proposed',
  discussed: 'Discussed',
  agreed: 'Agreed',
};

export function groupLabel(group: string, detail = ''): string {
  return stakeholderGroupLabel(group, detail);
}

/** A date-time from the plan as a reader writes it: "2026-03-03 09:30 UTC". */
export function timeText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** An intervention's decision in words: "Agreed", "Sent back", "Set aside", "Not reviewed". */
export function decisionLabel(decision: InterventionDecision | undefined): string {
  if (!decision) return '';
  return decision === 'not-reviewed' ? 'Not reviewed' : VALIDATION_DECISION_LABELS[decision];
}

/** The walk-through's decision on an item in a line ("Agreed by Ada, 2026-12-04 10:31 UTC"), or ''. */
export function walkThroughText(walked: PlanWalkThrough | undefined): string {
  if (!walked) return '';
  const by = walked.by ? ` by ${walked.by}` : '';
  return `${decisionLabel(walked.decision)}${by}, ${timeText(walked.at)}`;
}

/** The checklist items the walk-through ticked, by their labels. */
export function walkThroughChecks(walked: PlanWalkThrough | undefined): string {
  return walked ? walked.checks.map((c) => VALIDATION_CHECK_LABELS[c]).join('; ') : '';
}

/** The checklist items left unticked when the decision was made, by their labels. */
export function walkThroughChecksLeft(walked: PlanWalkThrough | undefined): string {
  return walked ? walked.checksLeft.map((c) => VALIDATION_CHECK_LABELS[c]).join('; ') : '';
}

export function levelLabel(level: string): string {
  return WORKSHOP_LEVEL_LABELS[level as keyof typeof WORKSHOP_LEVEL_LABELS] ?? humanise(level);
}

/** "Adopted by the Provincial Assembly on 2027-01-15 (Decision 12/2027)". */
export function adoptionText(adoption: PlanAdoption): string {
  const reference = adoption.reference ? ` (${adoption.reference})` : '';
  return `Adopted by ${adoption.body} on ${adoption.date}${reference}`;
}

/** Who recorded the adoption and when. */
export function adoptionRecordedText(adoption: PlanAdoption): string {
  const by = adoption.recordedBy ? ` by ${adoption.recordedBy}` : '';
  return `Recorded${by}, ${timeText(adoption.recordedAt)}`;
}

/**
 * The workshop's details as label and value, in the order every format writes them. The
 * standing ("Validated", "Adopted", "Draft: …") is the plan's own words (planStanding.ts).
 */
export function workshopDetails(plan: ActionPlan): [string, string][] {
  const w = plan.workshop;
  const rows: [string, string][] = [
    ['Workshop', planTitle(plan)],
    ['Level', levelLabel(w.level)],
    ['Territory', w.territory],
    ['Workshop dates', periodText(w.startDate, w.endDate)],
    ['Plan period', periodText(w.periodStart, w.periodEnd)],
    ['Validation', plan.validation.summary],
  ];
  if (w.adoption) {
    rows.push(['Adoption', adoptionText(w.adoption)]);
    if (w.adoption.note) rows.push(['Adoption note', w.adoption.note]);
    rows.push(['Adoption recorded', adoptionRecordedText(w.adoption)]);
  }
  return rows;
}

export const ROLE_LABELS: Record<PlanPerson['role'], string> = {
  facilitator: 'Facilitator',
  participant: 'Participant',
  viewer: 'Observer',
};

/** "3 cards, 2 links, 1 comment, 0 dots". */
export function contributionsText(person: PlanPerson): string {
  const c = person.contributions;
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [
    n(c.cards, 'card', 'cards'),
    n(c.links, 'link', 'links'),
    n(c.comments, 'comment', 'comments'),
    n(c.dots, 'dot', 'dots'),
  ].join(', ');
}

/** When a person was there: "2026-12-04 09:00 UTC to 11:30 UTC, 150 min", or what is known. */
export function attendanceText(person: PlanPerson): string {
  if (!person.firstJoined) return 'not in the attendance record (author of items)';
  const last = person.lastSeen ? ` to ${timeText(person.lastSeen)}` : '';
  return `${timeText(person.firstJoined)}${last}, ${person.minutesConnected} min`;
}

/** The people table every format writes: one row per person, participants by group, then observers. */
export const PEOPLE_COLUMNS = ['Stakeholder group', 'Name', 'Role', 'Attended', 'Contributions'] as const;

export function peopleRows(plan: ActionPlan): string[][] {
  const w = plan.workshop;
  const row = (person: PlanPerson, group: string) => [
    group,
    person.name,
    ROLE_LABELS[person.role],
    attendanceText(person),
    contributionsText(person),
  ];
  return [
    ...w.participants.flatMap((g) =>
      g.people.map((person) => row(person, groupLabel(person.group, person.groupDetail) || g.label)),
    ),
    ...w.observers.map((person) => row(person, groupLabel(person.group, person.groupDetail))),
  ];
}

/** The plan's interventions and those it leaves out, each with its status and decision, for the validation section. */
export function decisionRows(
  plan: ActionPlan,
): { title: string; status: string; decision: string; walked: PlanWalkThrough | undefined; inPlan: boolean }[] {
  const inPlan = plan.validation.items
    .filter((v) => v.kind === 'intervention')
    .map((v) => ({
      title: v.title,
      status: STATUS_LABELS[v.status],
      decision: decisionLabel(v.decision),
      walked: v.walkThrough,
      inPlan: true,
    }));
  const outside = plan.validation.outside.map((v) => ({
    title: v.title,
    status: STATUS_LABELS[v.status],
    decision: decisionLabel(v.decision),
    walked: v.walkThrough,
    inPlan: false,
  }));
  return [...inPlan, ...outside];
}

/** The workshop's dates as ISO dates (no locale to guess): both, or whichever is set. */
export function periodText(start: string, end: string): string {
  if (start && end) return start === end ? start : `${start} to ${end}`;
  return start || end;
}

export interface PlanLookup {
  /** A card's short name: a target's code, an intervention's title, an objective's, an actor's name. */
  label(id: string): string;
  /** A card's longer name: a target's code and official text, otherwise as `label`. */
  longLabel(id: string): string;
  /** The target card with this id, if the plan holds it. */
  target(id: string): PlanTarget | undefined;
}

export function planLookup(plan: ActionPlan): PlanLookup {
  const short = new Map<string, string>();
  const targets = new Map(plan.targets.map((t) => [t.id, t]));
  for (const t of plan.targets) short.set(t.id, t.code);
  for (const o of plan.objectives) short.set(o.id, o.title);
  for (const i of plan.interventions) short.set(i.id, i.title);
  for (const a of plan.actors) short.set(a.id, a.name);
  return {
    label: (id) => short.get(id) ?? id,
    longLabel: (id) => {
      const target = targets.get(id);
      return target ? `${target.code} ${target.text}` : (short.get(id) ?? id);
    },
    target: (id) => targets.get(id),
  };
}

/** "Title" or "Untitled" for a plan whose workshop has no title yet. */
export function planTitle(plan: ActionPlan): string {
  return plan.workshop.title.trim() || 'Untitled workshop';
}

/** A sum as the exports write it: "+5", "−3" (a true minus sign, as on the board), "0". */
export function signed(value: number): string {
  const text = NUMBER.format(Math.abs(value));
  return value > 0 ? `+${text}` : value < 0 ? `\u2212${text}` : '0';
}

export const PRIORITISED_LABELS: Record<PlanPrioritised, string> = {
  both: 'Both targets prioritised',
  one: 'One target prioritised',
  none: '',
};

/** What "prioritised" means, said once under every table that flags it. */
export const PRIORITISED_NOTE =
  'A target is prioritised when an objective addresses it or an agreed intervention contributes to it.';

/** A number column is written signed ("+2") or plain (a count). */
export interface AnalysisColumn {
  header: string;
  signed?: boolean;
}

/** One table of the synergies-and-trade-offs annex, the same in every format. */
export interface AnalysisTable {
  title: string;
  /** A sentence saying what the table shows and how it is ordered. */
  note: string;
  columns: AnalysisColumn[];
  rows: (string | number)[][];
  /** For tables of interactions: each row's score, for a format that colours it. */
  scores?: InteractionScore[];
}

/** A cell of an analysis table as text: numbers signed or plain as their column says. */
export function analysisCellText(column: AnalysisColumn | undefined, value: string | number): string {
  if (typeof value === 'string') return value;
  return column?.signed ? signed(value) : NUMBER.format(value);
}

export const ANALYSIS_INTRO =
  'The interactions of this plan read as a cross-impact matrix, as in SEI’s “SDG Synergies” method: ' +
  'row sums (how much progress on a target acts on the others) and column sums (how much it is acted on), ' +
  'with positive and negative parts kept apart so that a high net cannot hide a trade-off, and second-order ' +
  'influence through paths A → B → C reported beside them. ' +
  PRIORITISED_NOTE;

export const INFLUENCE_COLUMNS: AnalysisColumn[] = [
  { header: 'Target' },
  { header: 'Influence (net)', signed: true },
  { header: 'Influence (+)', signed: true },
  { header: 'Influence (−)', signed: true },
  { header: 'Being influenced (net)', signed: true },
  { header: 'Being influenced (+)', signed: true },
  { header: 'Being influenced (−)', signed: true },
  { header: 'Second-order out (net)', signed: true },
  { header: 'Second-order in (net)', signed: true },
];

/** The annex's tables in reading order: influence, trade-offs, synergies, clusters, incoherences, duplication, coverage. */
export function analysisTables(plan: ActionPlan): AnalysisTable[] {
  const a = plan.analysis;
  const titles = new Map(plan.interventions.map((i) => [i.id, i.title || 'Untitled intervention']));
  const intervention = (id: string) => titles.get(id) ?? id;
  const end = (e: PlanAnalysisEnd) => ('target' in e ? e.target : intervention(e.intervention));
  const pairColumns: AnalysisColumn[] = [
    { header: 'Prioritised' },
    { header: 'From' },
    { header: 'To' },
    { header: 'Score' },
    { header: 'Rationale' },
  ];
  const pairRow = (x: PlanRankedInteraction): string[] => [
    PRIORITISED_LABELS[x.prioritised],
    end(x.from),
    end(x.to),
    formatScore(x.score),
    x.rationale,
  ];
  const officialText = new Map(plan.targets.map((t) => [t.code, t.text]));
  return [
    {
      title: 'Influence of each target',
      note: 'Row sums (influence on the other targets) and column sums (being influenced), each as net, positive and negative parts; second-order sums over paths A → B → C.',
      columns: INFLUENCE_COLUMNS,
      rows: a.targets.map((t) => [
        t.prioritised ? `${t.code} (prioritised)` : t.code,
        t.out.net,
        t.out.positive,
        t.out.negative,
        t.in.net,
        t.in.positive,
        t.in.negative,
        t.secondOrderOut.net,
        t.secondOrderIn.net,
      ]),
    },
    {
      title: 'Trade-offs to resolve',
      note: 'Every negative interaction: those between two prioritised targets first, then one, then none; the strongest first within each.',
      columns: pairColumns,
      rows: a.tradeOffs.map(pairRow),
      scores: a.tradeOffs.map((x) => x.score),
    },
    {
      title: 'Strongest synergies',
      note:
        a.synergies.length < PLAN_SYNERGY_LIMIT
          ? 'Every positive interaction, strongest first.'
          : `The ${PLAN_SYNERGY_LIMIT} strongest positive interactions, strongest first.`,
      columns: pairColumns,
      rows: a.synergies.map(pairRow),
      scores: a.synergies.map((x) => x.score),
    },
    {
      title: 'Clusters of mutually reinforcing targets',
      note: 'Targets joined by synergies (one direction scored above 0 and neither below), largest first. A trade-off inside a cluster is worth a look before treating it as one bloc.',
      columns: [
        { header: 'Targets' },
        { header: 'Synergies inside' },
        { header: 'Strength' },
        { header: 'Trade-offs inside' },
      ],
      rows: a.clusters.map((c) => [c.targets.join(', '), c.positiveLinks, c.strength, c.negativeLinks]),
    },
    {
      title: 'Incoherences noted',
      note: 'Interactions the workshop tagged as a horizontal or vertical incoherence, horizontal first.',
      columns: [{ header: 'Incoherence' }, ...pairColumns],
      rows: a.coherence.map((n) => [humanise(n.incoherence), ...pairRow(n)]),
      scores: a.coherence.map((x) => x.score),
    },
    {
      title: 'Likely duplication of effort',
      note: 'Two or more interventions of the same type contributing to the same target.',
      columns: [{ header: 'Target' }, { header: 'Intervention type' }, { header: 'Interventions' }],
      rows: a.duplication.map((d) => [
        d.target,
        INTERVENTION_TYPE_LABELS[d.type] ?? humanise(d.type),
        d.interventions.map(intervention).join('\n'),
      ]),
    },
    {
      title: 'Coverage gaps',
      note: 'Prioritised targets no intervention contributes to, and interventions that contribute to no SDG target.',
      columns: [{ header: 'Gap' }, { header: 'Item' }],
      rows: [
        ...a.coverage.targetsWithoutIntervention.map((code) => [
          'Prioritised target without an intervention',
          `${code} ${officialText.get(code) ?? ''}`.trim(),
        ]),
        ...a.coverage.interventionsWithoutTarget.map((id) => ['Intervention without an SDG target', intervention(id)]),
      ],
    },
  ];
}

const itemsById = new WeakMap<ActionPlan, Map<string, PlanValidationItem>>();

/** An item's status and, for an intervention, its decision: "Status: Discussed. Decision: Sent back by Ada: “Needs a budget”." */
export function standingOfItem(plan: ActionPlan, id: string): string {
  let byId = itemsById.get(plan);
  if (!byId) {
    byId = new Map(plan.validation.items.map((v) => [v.id, v]));
    itemsById.set(plan, byId);
  }
  const item = byId.get(id);
  if (!item) return '';
  const status = `Status: ${STATUS_LABELS[item.status]}.`;
  if (!item.decision) return status;
  const walked = item.walkThrough;
  const by = walked?.by ? ` by ${walked.by}` : '';
  const comment = walked?.comment ? `: “${walked.comment}”` : '';
  return `${status} Decision: ${decisionLabel(item.decision)}${walked ? by : ''}${comment}.`;
}

/** The plan's items with their status and decision, as the document and Markdown list them. */
export const PLAN_ITEM_COLUMNS = ['Item', 'Kind', 'Status', 'Decision', 'Last changed'] as const;

export function planItemRows(plan: ActionPlan): string[][] {
  return plan.validation.items.map((v) => [
    v.title,
    v.kind,
    STATUS_LABELS[v.status],
    decisionLabel(v.decision),
    timeText(v.updatedAt),
  ]);
}

/** "9 agreed, 1 discussed, 0 proposed." */
export function statusCountsText(plan: ActionPlan): string {
  const { counts } = plan.validation;
  return `${counts.agreed} agreed, ${counts.discussed} discussed, ${counts.proposed} proposed.`;
}
