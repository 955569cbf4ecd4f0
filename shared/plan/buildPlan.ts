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
  checksLeftOf,
  checkValue,
  type InterventionDecision,
  LINK_FIELDS,
  type Link,
  listCards,
  listLinks,
  readAdoption,
  readAttendance,
  readFacilitation,
  readMeta,
  schemaVersionOf,
  VALIDATION_CHECKS,
  VALIDATION_DECISIONS,
  type ValidationRecord,
} from '../model/index.ts';
import { getTarget, SDG_TARGETS, type SdgTarget } from '../sdg/catalogue.ts';
import { planAnalysis } from './planAnalysis.ts';
import { validFields } from './planFields.ts';
import { agreedScope, fullScope } from './planScope.ts';
import { countDecisions, interventionDecisions, standingOf, standingText } from './planStanding.ts';
import { peopleOf } from './planSummary.ts';
import {
  type ActionPlan,
  PLAN_SCHEMA_VERSION,
  type PlanAdoption,
  type PlanCardRecord,
  type PlanContribution,
  type PlanDecision,
  type PlanImplementation,
  type PlanInclude,
  type PlanInteraction,
  type PlanItemKind,
  type PlanOutsideItem,
  type PlanRecord,
  type PlanValidation,
  type PlanValidationItem,
  type PlanWalkThrough,
} from './planTypes.ts';

export const PRODUCT_NAME = 'sdg-workshop-board';

const DATE = { type: 'date', label: 'Date' } as const;

export interface BuildOptions {
  /** 'agreed' (the default) keeps what the room agreed (planScope.ts); 'all' keeps every item. */
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

/**
 * The walk-through's record of an intervention as the plan states it: the record behind the
 * decision it stands under, or null (not reviewed, or agreed outside the walk-through).
 */
function walkThroughOf(record: ValidationRecord | undefined, decision: InterventionDecision): PlanWalkThrough | null {
  if (!record || record.decision !== decision || !(VALIDATION_DECISIONS as readonly unknown[]).includes(decision)) {
    return null;
  }
  if (typeof record.at !== 'number' || !Number.isFinite(record.at)) return null;
  const checks = typeof record.checks === 'object' && record.checks !== null ? record.checks : {};
  const left = Array.isArray(record.checksLeft) ? record.checksLeft : checksLeftOf(checks);
  return {
    decision: decision as PlanDecision,
    by: typeof record.by === 'string' ? record.by : '',
    at: isoTime(record.at),
    comment: typeof record.comment === 'string' ? record.comment : '',
    checks: VALIDATION_CHECKS.filter((c) => checks[c] === true),
    checksLeft: VALIDATION_CHECKS.filter((c) => left.includes(c)),
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
  const now = options.now ?? Date.now();
  const allCards = listCards(board);
  const allLinks = listLinks(board);
  const scope = (include === 'all' ? fullScope : agreedScope)(allCards, allLinks);

  const cards = new Map<string, Card>();
  const objectives: CardOf<'objective'>[] = [];
  const targets: CardOf<'target'>[] = [];
  const interventions: CardOf<'intervention'>[] = [];
  const actors: CardOf<'actor'>[] = [];
  for (const card of allCards) {
    if (!scope.cards.has(card.id)) continue;
    switch (card.kind) {
      case 'objective':
        objectives.push(card);
        break;
      case 'target':
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
        // Working material of the workshop, not part of the plan (the scope never holds them).
        continue;
    }
    cards.set(card.id, card);
  }
  const links = allLinks.filter((link) => scope.links.has(link.id)).sort(byCreation);
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
      exportedAt: isoTime(now),
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
  const facilitation = readFacilitation(board);
  const decisions = interventionDecisions(allCards, facilitation.validation);
  const walked = (id: string, decision: InterventionDecision) =>
    walkThroughOf(Object.hasOwn(facilitation.validation, id) ? facilitation.validation[id] : undefined, decision);
  const items: PlanValidationItem[] = [];
  const record = (kind: PlanItemKind, r: PlanRecord, itemTitle: string) =>
    items.push({ kind, id: r.id, title: itemTitle, status: r.status, updatedAt: r.updatedAt });
  for (const o of plan.objectives) record('objective', o, o.title);
  for (const t of plan.targets) record('target', t, t.code);
  for (const i of plan.interventions) {
    const decision = decisions.get(i.id) ?? 'not-reviewed';
    const walkThrough = walked(i.id, decision);
    items.push({
      kind: 'intervention',
      id: i.id,
      title: i.title,
      status: i.status,
      updatedAt: i.updatedAt,
      decision,
      ...(walkThrough ? { walkThrough } : {}),
    });
  }
  for (const a of plan.actors) record('actor', a, a.name);
  for (const owner of [...plan.objectives, ...plan.interventions]) {
    for (const c of owner.targets) record('contributes', c, `${owner.title} → ${title(c.target)}`);
  }
  for (const i of plan.interventions) {
    for (const m of i.implementedBy) record('implements', m, `${title(m.actor)} → ${i.title}`);
  }
  for (const x of plan.interactions) record('interaction', x, `${title(x.from)} → ${title(x.to)}`);
  // The interventions this plan leaves out, with their decisions: a draft names what is pending.
  const outside: PlanOutsideItem[] = [];
  for (const card of [...allCards].sort(byCreation)) {
    if (card.kind !== 'intervention' || scope.cards.has(card.id)) continue;
    const decision = decisions.get(card.id) ?? 'not-reviewed';
    const walkThrough = walked(card.id, decision);
    outside.push({
      id: card.id,
      title: card.fields.title,
      status: card.status,
      decision,
      ...(walkThrough ? { walkThrough } : {}),
    });
  }

  const adoptionRecord = readAdoption(board);
  const adoption: PlanAdoption | null = adoptionRecord
    ? { ...adoptionRecord, recordedAt: isoTime(adoptionRecord.recordedAt) }
    : null;
  const decisionCounts = countDecisions(decisions.values());
  const standing = standingOf(decisionCounts, adoption !== null);
  const statuses: PlanValidation['counts'] = { proposed: 0, discussed: 0, agreed: 0 };
  for (const item of items) statuses[item.status]++;
  const validation: PlanValidation = {
    status: standing,
    summary: standingText(standing, decisionCounts),
    decisions: decisionCounts,
    counts: statuses,
    items,
    outside,
  };

  const meta = readMeta(board);
  // The meta's dates are plain strings on the board; one that is not a date reads as unset.
  const date = (value: string) => (checkValue(DATE, value, 'date') === null ? value : '');
  const people = peopleOf(readAttendance(board), allCards, allLinks, now, isoTime);
  return {
    schemaVersion: plan.schemaVersion,
    workshop: {
      title: meta.title,
      level: meta.level,
      territory: meta.territory,
      startDate: date(meta.startDate),
      endDate: date(meta.endDate),
      periodStart: date(meta.periodStart),
      periodEnd: date(meta.periodEnd),
      participants: people.participants,
      observers: people.observers,
      adoption,
    },
    objectives: plan.objectives,
    targets: plan.targets,
    interventions: plan.interventions,
    actors: plan.actors,
    interactions: plan.interactions,
    // From the plan's items, not the board: the analysis describes what the plan holds.
    analysis: planAnalysis(plan),
    validation,
    provenance: plan.provenance,
  };
}
