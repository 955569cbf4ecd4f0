// The exported action plan as TypeScript types. Field types come from the model's specs
// (CardFields, LinkFields), so a field added to a kind appears here and in the JSON Schema
// (planSchema.ts) without a second edit; the frame around them is written once in each file.
import type { Author, CardFields, CardStatus, LinkFields, WorkshopLevel } from '../model/index.ts';

/** Bumped on every incompatible change to the plan's shape; import refuses newer versions. */
export const PLAN_SCHEMA_VERSION = 1;

export const PLAN_INCLUDES = ['agreed', 'all'] as const;
/** Which items go into a plan: only agreed ones (the default) or every one. */
export type PlanInclude = (typeof PLAN_INCLUDES)[number];

export const PLAN_VALIDATION_STATUSES = ['validated', 'partly-validated', 'not-validated'] as const;
export type PlanValidationStatus = (typeof PLAN_VALIDATION_STATUSES)[number];

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

/** People who authored the plan's items, by stakeholder group (the board keeps no attendance list). */
export interface PlanParticipantGroup {
  group: string;
  label: string;
  count: number;
  names: string[];
}

export interface PlanWorkshop {
  title: string;
  level: WorkshopLevel;
  territory: string;
  startDate: string;
  endDate: string;
  participants: PlanParticipantGroup[];
}

export interface PlanValidationItem {
  kind: PlanItemKind;
  id: string;
  title: string;
  status: CardStatus;
  /** When the item last changed (the board does not record who set its status, nor when). */
  updatedAt: string;
}

/** A summary of the items' statuses, derived on export and ignored on import. */
export interface PlanValidation {
  status: PlanValidationStatus;
  counts: Record<CardStatus, number>;
  items: PlanValidationItem[];
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

export interface ActionPlan {
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  workshop: PlanWorkshop;
  objectives: PlanObjective[];
  targets: PlanTarget[];
  interventions: PlanIntervention[];
  actors: PlanActor[];
  interactions: PlanInteraction[];
  validation: PlanValidation;
  provenance: PlanProvenance;
}

/** One thing wrong with a plan: a JSON Pointer into it and what is wrong there. */
export interface PlanProblem {
  path: string;
  message: string;
}
