// The published JSON Schema of the action plan (docs/action-plan.schema.json is generated from
// this object). Fields of cards and links come from the model's specs via fieldSchema.ts; the
// frame around them mirrors planTypes.ts, and the round-trip tests check that the two agree.
import { CARD_FIELDS, CARD_STATUSES, LINK_FIELDS, VALIDATION_CHECKS, WORKSHOP_LEVELS } from '../model/index.ts';
import { SDG_TARGETS } from '../sdg/catalogue.ts';
import { DATE_PATTERN, type JsonSchema, strictObject, withFields } from './fieldSchema.ts';
import {
  PLAN_DECISIONS,
  PLAN_INCLUDES,
  PLAN_ITEM_KINDS,
  PLAN_SCHEMA_VERSION,
  PLAN_SYNERGY_LIMIT,
  PLAN_VALIDATION_STATUSES,
  type PlanSchemaVersion,
} from './planTypes.ts';

const schemaId = (version: PlanSchemaVersion) => `urn:sdg-workshop-board:action-plan:v${version}`;
export const ACTION_PLAN_SCHEMA_ID = schemaId(PLAN_SCHEMA_VERSION);

/**
 * Any non-empty string: the model makes 22-character base64url ids, but a board also holds ids
 * that remote clients chose, and the export must not fail on them.
 */
const ID = { type: 'string', minLength: 1, maxLength: 256 } as const;
/** What `Date.prototype.toISOString` writes. */
const DATE_TIME = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$' } as const;
const TEXT = { type: 'string' } as const;
const STATUS = { title: 'Status', enum: [...CARD_STATUSES] } as const;
const COUNT = { type: 'integer', minimum: 0 } as const;

const AUTHOR = strictObject(
  { id: TEXT, name: TEXT, group: TEXT },
  { title: 'Author', description: 'Who created the item: a per-browser id, display name and stakeholder group.' },
);

const POSITION = strictObject(
  {
    x: { type: 'number' },
    y: { type: 'number' },
    w: { type: 'number' },
    h: { type: 'number' },
  },
  { title: 'Position on the board', description: 'Omit it and import lays the card out.' },
);

/** Named parts are published under `definitions`, so that code generators give them names too. */
const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
const listOf = (name: string) => ({ type: 'array', items: ref(name) });

const RECORD = {
  id: ID,
  status: STATUS,
  author: ref('author'),
  createdAt: DATE_TIME,
  updatedAt: DATE_TIME,
} as const;
const CARD_RECORD = { ...RECORD, position: ref('position') } as const;
const card = (title: string, properties: Record<string, JsonSchema>) =>
  strictObject(properties, { title, optional: ['position'] });

const CONTRIBUTION = strictObject(
  withFields({ ...RECORD, target: { ...ID, description: 'The id of a card in /targets.' } }, LINK_FIELDS.contributes),
  { title: 'Target addressed (a contributes link)' },
);

const IMPLEMENTATION = strictObject(
  withFields({ ...RECORD, actor: { ...ID, description: 'The id of a card in /actors.' } }, LINK_FIELDS.implements),
  { title: 'Implementing actor (an implements link)' },
);

const INTERACTION = strictObject(
  withFields(
    {
      ...RECORD,
      from: { ...ID, description: 'The id of a target or intervention whose progress acts on `to`.' },
      to: { ...ID, description: 'The id of a target or intervention acted on.' },
    },
    LINK_FIELDS.interaction,
  ),
  { title: 'Scored interaction (Nilsson, Griggs and Visbeck, 2016)' },
);

const OBJECTIVE = card(
  'Objective',
  withFields({ ...CARD_RECORD, targets: listOf('contribution') }, CARD_FIELDS.objective),
);

const DERIVED = 'From the SDG catalogue; ignored on import.';
const TARGET = card('SDG target', {
  ...withFields(
    {
      ...CARD_RECORD,
      goal: { type: 'integer', minimum: 1, maximum: 17, description: DERIVED },
      text: { type: 'string', description: DERIVED },
      migrationExplicit: { type: 'boolean', description: DERIVED },
    },
    CARD_FIELDS.target,
  ),
  // Stricter than the model's plain string: a plan names one of the 169 official targets.
  code: { title: 'Target code', enum: SDG_TARGETS.map((t) => t.code) },
});

const INTERVENTION = card(
  'Intervention',
  withFields(
    {
      ...CARD_RECORD,
      targets: listOf('contribution'),
      implementedBy: listOf('implementation'),
    },
    CARD_FIELDS.intervention,
  ),
);

const ACTOR = card('Actor', withFields({ ...CARD_RECORD }, CARD_FIELDS.actor));

const WORKSHOP = strictObject(
  {
    title: TEXT,
    level: { enum: [...WORKSHOP_LEVELS] },
    territory: TEXT,
    startDate: { type: 'string', pattern: DATE_PATTERN },
    endDate: { type: 'string', pattern: DATE_PATTERN },
    participants: {
      description: 'Authors of the plan’s items by stakeholder group; derived, ignored on import.',
      type: 'array',
      items: strictObject({ group: TEXT, label: TEXT, count: COUNT, names: { type: 'array', items: TEXT } }),
    },
  },
  { title: 'Workshop' },
);

const WALK_THROUGH = strictObject(
  {
    decision: { enum: [...PLAN_DECISIONS] },
    by: { ...TEXT, description: 'The display name of the facilitator who decided.' },
    at: DATE_TIME,
    comment: TEXT,
    checks: { type: 'array', items: { enum: [...VALIDATION_CHECKS] }, uniqueItems: true },
  },
  {
    title: 'Walk-through decision',
    description: 'What the validation walk-through decided on an intervention; import restores it.',
  },
);

/** Version 2 adds the walk-through's decision to the interventions it decided on. */
const validation = (walked: boolean) =>
  strictObject(
    {
      status: { enum: [...PLAN_VALIDATION_STATUSES] },
      counts: strictObject({ proposed: COUNT, discussed: COUNT, agreed: COUNT }),
      items: {
        type: 'array',
        items: strictObject(
          {
            kind: { enum: [...PLAN_ITEM_KINDS] },
            id: ID,
            title: TEXT,
            status: STATUS,
            updatedAt: DATE_TIME,
            ...(walked ? { walkThrough: ref('walkThrough') } : {}),
          },
          walked ? { optional: ['walkThrough'] } : {},
        ),
      },
    },
    {
      title: 'Validation',
      description: walked
        ? 'A summary of the items’ statuses, derived; the walk-through’s decisions are restored on import.'
        : 'A summary of the items’ statuses; derived, ignored on import.',
    },
  );

const PROVENANCE = strictObject(
  {
    exportedAt: DATE_TIME,
    product: strictObject({ name: TEXT, version: TEXT }),
    sourceWorkshopId: TEXT,
    boardSchemaVersion: { type: 'integer', minimum: 0 },
    include: { enum: [...PLAN_INCLUDES] },
  },
  { title: 'Provenance' },
);

// The analysis names targets by code and reuses the item definitions' vocabularies by pointer,
// so that the 169 codes and the scores are listed once in the published file.
const TARGET_CODE = { $ref: '#/definitions/target/properties/code' } as const;
const SCORE = { $ref: '#/definitions/interaction/properties/score' } as const;
const INTERVENTION_ID = { ...ID, description: 'The id of a card in /interventions.' } as const;
const SUM = { type: 'number' } as const;

const SCORE_SUMS = strictObject(
  { net: SUM, positive: { ...SUM, minimum: 0 }, negative: { ...SUM, maximum: 0 } },
  {
    title: 'Score sums',
    description: 'Positive and negative parts kept apart, so that a high net cannot hide a trade-off.',
  },
);

const TARGET_INFLUENCE = strictObject(
  {
    code: TARGET_CODE,
    prioritised: {
      type: 'boolean',
      description: 'An objective addresses this target, or an agreed intervention contributes to it.',
    },
    out: ref('scoreSums'),
    in: ref('scoreSums'),
    secondOrderOut: ref('scoreSums'),
    secondOrderIn: ref('scoreSums'),
  },
  {
    title: 'Influence of a target',
    description:
      'One row and column of the targets-by-targets matrix: `out` is the row sum (how much progress on the target acts on the others), `in` the column sum (how much the others act on it). Second order, as SEI’s SDG Synergies: over every path A → B → C with A ≠ C, the product of the two scores, summed per target over C (`secondOrderOut`) or over A (`secondOrderIn`); paths whose two scores share a sign are positive, the others negative. Reported beside the direct sums, never added to them.',
  },
);

const ANALYSIS_END = {
  title: 'End of an analysed interaction',
  description: 'A target by its code, or an intervention by its id.',
  oneOf: [strictObject({ target: TARGET_CODE }), strictObject({ intervention: INTERVENTION_ID })],
} as const;

const RANKED = {
  interaction: { ...ID, description: 'The id of the link in /interactions that sets the score.' },
  from: ref('analysisEnd'),
  to: ref('analysisEnd'),
  score: SCORE,
  prioritised: {
    enum: ['both', 'one', 'none'],
    description: 'How many ends are prioritised targets (an intervention end never is).',
  },
  rationale: TEXT,
} as const;

const RANKED_INTERACTION = strictObject(RANKED, { title: 'Synergy or trade-off' });

const COHERENCE_NOTE = strictObject(
  { ...RANKED, incoherence: { enum: ['horizontal', 'vertical'] } },
  { title: 'Interaction tagged as an incoherence' },
);

const ANALYSIS = strictObject(
  {
    targets: {
      description: 'Every target code of the plan, in catalogue (matrix) order.',
      type: 'array',
      items: ref('targetInfluence'),
    },
    clusters: {
      description: 'Targets joined by reinforcing pairs (one direction scored above 0, neither below), largest first.',
      type: 'array',
      items: strictObject({
        targets: { type: 'array', items: TARGET_CODE, minItems: 2 },
        positiveLinks: COUNT,
        strength: { ...SUM, minimum: 0 },
        negativeLinks: { ...COUNT, description: 'Trade-offs between members joined through others.' },
      }),
    },
    synergies: {
      description: `The ${PLAN_SYNERGY_LIMIT} strongest positive interactions at most, strongest first.`,
      type: 'array',
      maxItems: PLAN_SYNERGY_LIMIT,
      items: ref('rankedInteraction'),
    },
    tradeOffs: {
      description: 'Every negative interaction: both ends prioritised first, then one, then none; then −3 before −1.',
      type: 'array',
      items: ref('rankedInteraction'),
    },
    coherence: { type: 'array', items: ref('coherenceNote') },
    duplication: {
      description: 'Likely duplication of effort: interventions of the same type contributing to the same target.',
      type: 'array',
      items: strictObject({
        target: TARGET_CODE,
        type: { $ref: '#/definitions/intervention/properties/type' },
        interventions: { type: 'array', items: INTERVENTION_ID, minItems: 2 },
      }),
    },
    coverage: strictObject({
      targetsWithoutIntervention: {
        description: 'Prioritised targets no intervention contributes to.',
        type: 'array',
        items: TARGET_CODE,
      },
      interventionsWithoutTarget: {
        description: 'Interventions that contribute to no target.',
        type: 'array',
        items: INTERVENTION_ID,
      },
    }),
  },
  {
    title: 'Analysis',
    description:
      'The cross-impact analysis of the plan’s own items (SEI’s “SDG Synergies” method); derived on export, ignored on import.',
  },
);

/**
 * The schema of one plan version. Version 1 is version 2 without the analysis and walk-through; import still reads it
 * (validatePlan.ts), and the published file is the current version's.
 */
export function actionPlanSchema(version: PlanSchemaVersion): JsonSchema {
  const analysed = version >= 2;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: schemaId(version),
    ...strictObject(
      {
        schemaVersion: { const: version },
        workshop: ref('workshop'),
        objectives: listOf('objective'),
        targets: listOf('target'),
        interventions: listOf('intervention'),
        actors: listOf('actor'),
        interactions: { title: 'Interaction matrix: every scored pair', ...listOf('interaction') },
        ...(analysed ? { analysis: ref('analysis') } : {}),
        validation: ref('validation'),
        provenance: ref('provenance'),
      },
      {
        title: 'Migration-SDG action plan',
        description:
          'The agreed mapping of SDG targets to interventions, with their synergies and trade-offs, exported from an SDG workshop board.',
      },
    ),
    definitions: {
      workshop: WORKSHOP,
      objective: OBJECTIVE,
      target: TARGET,
      intervention: INTERVENTION,
      actor: ACTOR,
      contribution: CONTRIBUTION,
      implementation: IMPLEMENTATION,
      interaction: INTERACTION,
      author: AUTHOR,
      position: POSITION,
      validation: validation(analysed),
      provenance: PROVENANCE,
      ...(analysed
        ? {
            analysis: ANALYSIS,
            targetInfluence: TARGET_INFLUENCE,
            scoreSums: SCORE_SUMS,
            analysisEnd: ANALYSIS_END,
            rankedInteraction: RANKED_INTERACTION,
            coherenceNote: COHERENCE_NOTE,
            walkThrough: WALK_THROUGH,
          }
        : {}),
    },
  };
}

/** The published schema: the current version. */
export const ACTION_PLAN_SCHEMA: JsonSchema = actionPlanSchema(PLAN_SCHEMA_VERSION);
