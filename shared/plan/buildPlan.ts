// Reads a board into an action plan: the one function every export format starts from. It reads
// through the model's typed snapshots only, keeps the board's ids and positions (so import can
// rebuild the same board), and orders everything deterministically so that equal boards give
// equal plans. The analysis is derived last, from the plan's own items (planAnalysis.ts).
import type * as Y from 'yjs';
import {
  type Author,
  CARD_FIELDS,
  type Card,
  type CardOf,
  cardTitle,
  checkValue,
  LINK_ENDS,
  LINK_FIELDS,
  type Link,
  listCards,
  listLinks,
  readFacilitation,
  readMeta,
  schemaVersionOf,
  VALIDATION_CHECKS,
  type ValidationRecord,
} from '../model/index.ts';
import { getTarget, SDG_TARGETS, type SdgTarget } from '../sdg/catalogue.ts';
import { planAnalysis } from './planAnalysis.ts';
import { validFields } from './planFields.ts';
import { participantsOf, validationOf } from './planSummary.ts';
import {
  type ActionPlan,
  PLAN_DECISIONS,
  PLAN_SCHEMA_VERSION,
  type PlanCardRecord,
  type PlanContribution,
  type PlanDecision,
  type PlanImplementation,
  type PlanInclude,
  type PlanInteraction,
  type PlanItemKind,
  type PlanRecord,
  type PlanValidationItem,
  type PlanWalkThrough,
} from './planTypes.ts';

export const PRODUCT_NAME = 'sdg-workshop-board';

const DATE = { type: 'date', label: 'Date' } as const;

export interface BuildOptions {
  /** 'agreed' (the default) keeps agreed items only; a link also needs both its cards kept. */
  include?: PlanInclude;
  /** The workshop the board belongs to, for provenance. */
  workshopId?: string;
  /** The product version that exports (the server reads it from package.json). */
  productVersion?: string;
  /** Export time in ms, for provenance (tests pin it). */
  now?: number;
}

// The range `toISOString` writes with a four-digit year, which the schema's pattern expects.
const MIN_TIME_MS = -62_167_219_200_000;
const MAX_TIME_MS = 253_402_300_799_999;

export function isoTime(ms: number): string {
  return new Date(Math.min(MAX_TIME_MS, Math.max(MIN_TIME_MS, ms))).toISOString();
}

/** The walk-through's record of an intervention as the plan states it; null before a decision. */
function walkThroughOf(record: ValidationRecord | undefined): PlanWalkThrough | null {
  if (!record || !(PLAN_DECISIONS as readonly unknown[]).includes(record.decision)) return null;
  if (typeof record.at !== 'number' || !Number.isFinite(record.at)) return null;
  const checks = typeof record.checks === 'object' && record.checks !== null ? record.checks : {};
  return {
    decision: record.decision as PlanDecision,
    by: typeof record.by === 'string' ? record.by : '',
    at: isoTime(record.at),
    comment: typeof record.comment === 'string' ? record.comment : '',
    checks: VALIDATION_CHECKS.filter((c) => checks[c] === true),
  };
}

function authorOf(author: Author): Author {
  return { id: author.id, name: author.name, group: author.group };
}

function recordOf(item: Card | Link): PlanRecord {
  return {
    id: item.id,
    status: item.status,
    author: authorOf(item.author),
    createdAt: isoTime(item.createdAt),
    updatedAt: isoTime(item.updatedAt),
  };
}

function cardRecordOf(card: Card): PlanCardRecord {
  return { ...recordOf(card), position: { x: card.x, y: card.y, w: card.w, h: card.h } };
}

const byCreation = (a: Card | Link, b: Card | Link) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const catalogueOrder = new Map(SDG_TARGETS.map((t, i) => [t.code, i]));
const targetRank = (card: CardOf<'target'>) =>
  catalogueOrder.get(getTarget(card.fields.code)?.code ?? '') ?? SDG_TARGETS.length;

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildActionPlan(board: Y.Doc, options: BuildOptions = {}): ActionPlan {
  const include = options.include ?? 'agreed';
  const kept = (item: Card | Link) => include === 'all' || item.status === 'agreed';

  const cards = new Map<string, Card>();
  const objectives: CardOf<'objective'>[] = [];
  const targets: CardOf<'target'>[] = [];
  const interventions: CardOf<'intervention'>[] = [];
  const actors: CardOf<'actor'>[] = [];
  for (const card of listCards(board)) {
    if (!kept(card)) continue;
    switch (card.kind) {
      case 'objective':
        objectives.push(card);
        break;
      case 'target':
        // A code outside the catalogue names no target a plan could hold (the schema lists the 169).
        if (!getTarget(card.fields.code)) continue;
        targets.push(card);
        break;
      case 'intervention':
        interventions.push(card);
        break;
      case 'actor':
        actors.push(card);
        break;
      case 'note':
      case 'frame':
        // Working material of the workshop, not part of the plan.
        continue;
    }
    cards.set(card.id, card);
  }
  // The ends' kinds are checked again: addLink enforces them, but a remote client need not.
  const joins = (link: Link) => {
    const ends = LINK_ENDS[link.kind];
    const from = cards.get(link.from)?.kind;
    const to = cards.get(link.to)?.kind;
    return (
      from !== undefined &&
      to !== undefined &&
      link.from !== link.to &&
      (ends.from as readonly string[]).includes(from) &&
      (ends.to as readonly string[]).includes(to)
    );
  };
  const links = listLinks(board)
    .filter((link) => kept(link) && joins(link))
    .sort(byCreation);
  objectives.sort(byCreation);
  targets.sort((a, b) => targetRank(a) - targetRank(b) || byCreation(a, b));
  interventions.sort(byCreation);
  actors.sort(byCreation);
  const targetIndex = new Map(targets.map((t, i) => [t.id, i]));

  const contributions = new Map<string, PlanContribution[]>();
  const implementations = new Map<string, PlanImplementation[]>();
  const interactions: PlanInteraction[] = [];
  for (const link of links) {
    switch (link.kind) {
      case 'contributes':
        pushTo(contributions, link.from, {
          ...recordOf(link),
          target: link.to,
          ...validFields(LINK_FIELDS.contributes, link.fields),
        });
        break;
      case 'implements':
        pushTo(implementations, link.to, {
          ...recordOf(link),
          actor: link.from,
          ...validFields(LINK_FIELDS.implements, link.fields),
        });
        break;
      case 'interaction':
        interactions.push({
          ...recordOf(link),
          from: link.from,
          to: link.to,
          ...validFields(LINK_FIELDS.interaction, link.fields),
        });
        break;
    }
  }
  // Targets within an objective or intervention read in SDG order, like the targets list.
  const targetsOf = (id: string) =>
    (contributions.get(id) ?? []).sort((a, b) => (targetIndex.get(a.target) ?? 0) - (targetIndex.get(b.target) ?? 0));

  const plan: Omit<ActionPlan, 'workshop' | 'analysis' | 'validation'> = {
    schemaVersion: PLAN_SCHEMA_VERSION,
    objectives: objectives.map((c) => ({
      ...cardRecordOf(c),
      ...validFields(CARD_FIELDS.objective, c.fields),
      targets: targetsOf(c.id),
    })),
    targets: targets.map((c) => {
      const official = getTarget(c.fields.code) as SdgTarget;
      return {
        ...cardRecordOf(c),
        ...validFields(CARD_FIELDS.target, c.fields),
        code: official.code,
        goal: official.goal,
        text: official.text,
        migrationExplicit: official.migrationExplicit,
      };
    }),
    interventions: interventions.map((c) => ({
      ...cardRecordOf(c),
      ...validFields(CARD_FIELDS.intervention, c.fields),
      targets: targetsOf(c.id),
      implementedBy: implementations.get(c.id) ?? [],
    })),
    actors: actors.map((c) => ({ ...cardRecordOf(c), ...validFields(CARD_FIELDS.actor, c.fields) })),
    interactions,
    provenance: {
      exportedAt: isoTime(options.now ?? Date.now()),
      product: { name: PRODUCT_NAME, version: options.productVersion ?? 'unknown' },
      sourceWorkshopId: options.workshopId ?? '',
      boardSchemaVersion: schemaVersionOf(board),
      include,
    },
  };

  const title = (id: string) => {
    const card = cards.get(id);
    return card ? cardTitle(card) : id;
  };
  const items: PlanValidationItem[] = [];
  const record = (kind: PlanItemKind, r: PlanRecord, itemTitle: string) =>
    items.push({ kind, id: r.id, title: itemTitle, status: r.status, updatedAt: r.updatedAt });
  const decisions = readFacilitation(board).validation;
  for (const o of plan.objectives) record('objective', o, o.title);
  for (const t of plan.targets) record('target', t, t.code);
  for (const i of plan.interventions) {
    record('intervention', i, i.title);
    const walked = walkThroughOf(decisions[i.id]);
    if (walked) (items[items.length - 1] as PlanValidationItem).walkThrough = walked;
  }
  for (const a of plan.actors) record('actor', a, a.name);
  for (const owner of [...plan.objectives, ...plan.interventions]) {
    for (const c of owner.targets) record('contributes', c, `${owner.title} → ${title(c.target)}`);
  }
  for (const i of plan.interventions) {
    for (const m of i.implementedBy) record('implements', m, `${title(m.actor)} → ${i.title}`);
  }
  for (const x of plan.interactions) record('interaction', x, `${title(x.from)} → ${title(x.to)}`);

  const meta = readMeta(board);
  // The meta's dates are plain strings on the board; one that is not a date reads as unset.
  const date = (value: string) => (checkValue(DATE, value, 'date') === null ? value : '');
  return {
    schemaVersion: plan.schemaVersion,
    workshop: {
      ...meta,
      startDate: date(meta.startDate),
      endDate: date(meta.endDate),
      participants: participantsOf(recordsOf(plan)),
    },
    objectives: plan.objectives,
    targets: plan.targets,
    interventions: plan.interventions,
    actors: plan.actors,
    interactions: plan.interactions,
    // From the plan's items, not the board: the analysis describes what the plan holds.
    analysis: planAnalysis(plan),
    validation: validationOf(items),
    provenance: plan.provenance,
  };
}

function recordsOf(plan: Omit<ActionPlan, 'workshop' | 'analysis' | 'validation'>): PlanRecord[] {
  return [
    ...plan.objectives,
    ...plan.targets,
    ...plan.interventions,
    ...plan.actors,
    ...plan.interactions,
    ...plan.objectives.flatMap((o) => o.targets),
    ...plan.interventions.flatMap((i) => [...i.targets, ...i.implementedBy]),
  ];
}
