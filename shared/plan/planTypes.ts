// The exported action plan as TypeScript types. Field types come from the model's specs
// (CardFields, LinkFields), so a field added to a kind appears here and in the JSON Schema
// (planSchema.ts) without a second edit; the frame around them is written once in each file.
import type {
  AttendanceRole,
  Author,
  CardFields,
  CardStatus,
  InteractionScore,
  InterventionDecision,
  InterventionType,
  LinkFields,
  ValidationCheck,
  ValidationDecision,
  WorkshopLevel,
} from '../model/index.ts';
import type { DecisionCounts, PlanStanding } from './planStanding.ts';

/**
 * Bumped on every incompatible change to the plan's shape; import refuses newer versions.
 * 2 added `analysis` and the walk-through's decisions on validation items (a reader of version 1
 * refuses the unknown properties); import still reads version 1 plans and derives their analysis.
 * 3 made the plan follow the mapping (planScope.ts) and state its standing from the walk-through's
 * decisions (planStanding.ts), added set-aside decisions and the checks left, the workshop's
 * period, the adoption record, the attendance (participants with their contributions, and
 * observers), the provincial or regional level and the method's stakeholder groups.
 */
export const PLAN_SCHEMA_VERSION = 3;
/** Every version import reads, oldest first. */
export const PLAN_SCHEMA_VERSIONS = [1, 2, 3] as const;
export type PlanSchemaVersion = (typeof PLAN_SCHEMA_VERSIONS)[number];

/** How many of the strongest synergies the plan's analysis lists (every trade-off is listed). */
export const PLAN_SYNERGY_LIMIT = 20;

export const PLAN_INCLUDES = ['agreed', 'all'] as const;
/** Which items go into a plan: only agreed ones (the default) or every one. */
export type PlanInclude = (typeof PLAN_INCLUDES)[number];

/** What plans of schema 1 and 2 said of their validation (derived from the items' statuses). */
export const LEGACY_VALIDATION_STATUSES = ['validated', 'partly-validated', 'not-validated'] as const;

/** The kinds of item a plan holds: four card kinds and three link kinds (notes and frames stay on the board). */
export const PLAN_ITEM_KINDS = [
  'objective',
  'target',
  'intervention',
  'actor',
  'contributes',
  'implements',
  'interaction',
] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

/** Where a card sits on the board; optional so that a hand-written plan can leave layout to import. */
export interface PlanPosition {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What every card and link carries besides its fields. Times are ISO 8601 in UTC. */
export interface PlanRecord {
  id: string;
  status: CardStatus;
  author: Author;
  createdAt: string;
  updatedAt: string;
}

export interface PlanCardRecord extends PlanRecord {
  position?: PlanPosition;
}

/** A `contributes` link seen from its objective or intervention: the target card it addresses. */
export type PlanContribution = PlanRecord & { target: string } & LinkFields<'contributes'>;

/** An `implements` link seen from its intervention: the actor card and its role and tasks. */
export type PlanImplementation = PlanRecord & { actor: string } & LinkFields<'implements'>;

/** One scored pair of the interaction matrix: a directed `interaction` link between two cards. */
export type PlanInteraction = PlanRecord & { from: string; to: string } & LinkFields<'interaction'>;

export type PlanObjective = PlanCardRecord & CardFields<'objective'> & { targets: PlanContribution[] };

/** `goal`, `text` and `migrationExplicit` come from the SDG catalogue; import ignores them. */
export type PlanTarget = PlanCardRecord &
  CardFields<'target'> & {
    goal: number;
    text: string;
    migrationExplicit: boolean;
  };

export type PlanIntervention = PlanCardRecord &
  CardFields<'intervention'> & {
    targets: PlanContribution[];
    implementedBy: PlanImplementation[];
  };

export type PlanActor = PlanCardRecord & CardFields<'actor'>;

/** What a person did on the board: cards and links they created, comments they wrote, dots they gave. */
export interface PlanContributions {
  cards: number;
  links: number;
  comments: number;
  dots: number;
}

/**
 * One person who took part, from the server's attendance record. The times are '' for a person
 * the board knows only as an author (their work predates the attendance record).
 */
export interface PlanPerson {
  /** Their person id: the id their cards, comments and dots carry. */
  id: string;
  name: string;
  group: string;
  /** Their own words when the group is "other". */
  groupDetail: string;
  role: AttendanceRole;
  firstJoined: string;
  lastSeen: string;
  minutesConnected: number;
  contributions: PlanContributions;
}

/** The people of one stakeholder group who took part (facilitators and participants). */
export interface PlanParticipantGroup {
  group: string;
  label: string;
  count: number;
  people: PlanPerson[];
}

/** The record of the plan's formal adoption. */
export interface PlanAdoption {
  body: string;
  date: string;
  reference: string;
  note: string;
  recordedBy: string;
  recordedAt: string;
}

export interface PlanWorkshop {
  title: string;
  level: WorkshopLevel;
  territory: string;
  /** The workshop's dates. */
  startDate: string;
  endDate: string;
  /** The period the plan covers. */
  periodStart: string;
  periodEnd: string;
  participants: PlanParticipantGroup[];
  /** Viewers: they followed the workshop without editing. */
  observers: PlanPerson[];
  adoption: PlanAdoption | null;
}

export type PlanDecision = ValidationDecision;

/** What the validation walk-through decided on an intervention: who, when, and with what checks. */
export interface PlanWalkThrough {
  decision: PlanDecision;
  /** The display name of the facilitator who decided. */
  by: string;
  at: string;
  comment: string;
  /** The checklist items ticked, in checklist order (shared/model/facilitation.ts). */
  checks: ValidationCheck[];
  /** The checklist items left unticked when the decision was made. */
  checksLeft: ValidationCheck[];
}

export interface PlanValidationItem {
  kind: PlanItemKind;
  id: string;
  title: string;
  status: CardStatus;
  /** When the item last changed (the board does not record who set a status outside the walk-through). */
  updatedAt: string;
  /** An intervention's decision (interventions only). */
  decision?: InterventionDecision;
  /** The walk-through's record of that decision; import restores it. */
  walkThrough?: PlanWalkThrough;
}

/** An intervention of the board that this plan does not hold (sent back, set aside, not reviewed). */
export interface PlanOutsideItem {
  id: string;
  title: string;
  status: CardStatus;
  decision: InterventionDecision;
  walkThrough?: PlanWalkThrough;
}

/** Where the plan stands (planStanding.ts), derived on export; import restores the decisions. */
export interface PlanValidation {
  status: PlanStanding;
  /** "Validated", "Adopted" or "Draft: 2 agreed, 1 sent back, 0 set aside, 0 not reviewed". */
  summary: string;
  /** The decisions on every intervention of the board. */
  decisions: DecisionCounts;
  /** The statuses of the plan's items. */
  counts: Record<CardStatus, number>;
  items: PlanValidationItem[];
  outside: PlanOutsideItem[];
}

export interface PlanProvenance {
  exportedAt: string;
  product: { name: string; version: string };
  /** The workshop the plan was exported from ('' when unknown, e.g. a board built in memory). */
  sourceWorkshopId: string;
  /** The board schema (shared/model/schema.ts) the items were read with. */
  boardSchemaVersion: number;
  include: PlanInclude;
}

/** Positive and negative parts kept apart, so that a high net cannot hide a trade-off. */
export interface PlanScoreSums {
  net: number;
  positive: number;
  /** Zero or less. */
  negative: number;
}

/** One row and column of the targets-by-targets cross-impact matrix, with its sums. */
export interface PlanTargetInfluence {
  code: string;
  /** An objective addresses it, or an agreed intervention contributes to it. */
  prioritised: boolean;
  /** Row sum: how much progress on this target acts on the others. */
  out: PlanScoreSums;
  /** Column sum: how much the others act on it. */
  in: PlanScoreSums;
  /** Σ over paths this → B → C (C ≠ this) of the products of the two scores; beside `out`, never in it. */
  secondOrderOut: PlanScoreSums;
  /** Σ over paths A → B → this (A ≠ this) of the products of the two scores. */
  secondOrderIn: PlanScoreSums;
}

/** One end of an analysed interaction: a target by its code, or an intervention by its card id. */
export type PlanAnalysisEnd = { target: string } | { intervention: string };

/** How many ends of an interaction are prioritised targets (an intervention end never is). */
export type PlanPrioritised = 'both' | 'one' | 'none';

export interface PlanRankedInteraction {
  /** The id of the link in /interactions that sets the score. */
  interaction: string;
  from: PlanAnalysisEnd;
  to: PlanAnalysisEnd;
  score: InteractionScore;
  prioritised: PlanPrioritised;
  rationale: string;
}

export interface PlanCoherenceNote extends PlanRankedInteraction {
  incoherence: 'horizontal' | 'vertical';
}

/** Targets joined by reinforcing pairs (one direction > 0, neither < 0). */
export interface PlanCluster {
  /** Target codes in matrix order; at least two. */
  targets: string[];
  positiveLinks: number;
  strength: number;
  /** Negative cells between members (joined through others): a trade-off inside the cluster. */
  negativeLinks: number;
}

/** Two or more interventions of the same type contributing to one target. */
export interface PlanDuplication {
  target: string;
  type: InterventionType;
  /** Intervention card ids, in plan order. */
  interventions: string[];
}

export interface PlanCoverage {
  /** Codes of prioritised targets no intervention contributes to. */
  targetsWithoutIntervention: string[];
  /** Ids of interventions that contribute to no target. */
  interventionsWithoutTarget: string[];
}

/**
 * The analysis of the plan's own items (shared/analysis, SEI's "SDG Synergies" method): derived
 * on export, ignored on import (the next export derives it again from the board).
 */
export interface PlanAnalysis {
  /** Every target code of the plan, in matrix (catalogue) order. */
  targets: PlanTargetInfluence[];
  clusters: PlanCluster[];
  /** The strongest positive interactions (at most PLAN_SYNERGY_LIMIT), strongest first, ties in matrix order. */
  synergies: PlanRankedInteraction[];
  /** Every negative interaction: both ends prioritised first, then one, then none; −3 before −1. */
  tradeOffs: PlanRankedInteraction[];
  /** Interactions tagged as an incoherence: horizontal first. */
  coherence: PlanCoherenceNote[];
  duplication: PlanDuplication[];
  coverage: PlanCoverage;
}

export interface ActionPlan {
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  workshop: PlanWorkshop;
  objectives: PlanObjective[];
  targets: PlanTarget[];
  interventions: PlanIntervention[];
  actors: PlanActor[];
  interactions: PlanInteraction[];
  analysis: PlanAnalysis;
  validation: PlanValidation;
  provenance: PlanProvenance;
}

/** A walk-through record as version 2 wrote it. */
export interface LegacyWalkThrough {
  decision: 'agreed' | 'sent-back';
  by: string;
  at: string;
  comment: string;
  checks: ValidationCheck[];
}

/** The workshop and validation sections as versions 1 and 2 wrote them. */
export interface LegacyPlanParts {
  workshop: {
    title: string;
    level: 'local' | 'national';
    territory: string;
    startDate: string;
    endDate: string;
    participants: Array<{ group: string; label: string; count: number; names: string[] }>;
  };
  validation: {
    status: (typeof LEGACY_VALIDATION_STATUSES)[number];
    counts: Record<CardStatus, number>;
    items: Array<Omit<PlanValidationItem, 'decision' | 'walkThrough'> & { walkThrough?: LegacyWalkThrough }>;
  };
}

/** A plan as version 2 wrote it. */
export type ActionPlanV2 = Omit<ActionPlan, 'schemaVersion' | 'workshop' | 'validation'> &
  LegacyPlanParts & { schemaVersion: 2 };

/** A plan as version 1 wrote it: version 2 without the analysis. */
export type ActionPlanV1 = Omit<ActionPlanV2, 'schemaVersion' | 'analysis'> & { schemaVersion: 1 };

/** What a plan says about the board; the analysis is derived from these alone. */
export type PlanItems = Pick<ActionPlan, 'objectives' | 'targets' | 'interventions' | 'actors' | 'interactions'>;

/** One thing wrong with a plan: a JSON Pointer into it and what is wrong there. */
export interface PlanProblem {
  path: string;
  message: string;
}
