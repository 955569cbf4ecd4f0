// The published JSON Schema of the action plan (docs/action-plan.schema.json is generated from
// this object). Fields of cards and links come from the model's specs via fieldSchema.ts; the
// frame around them mirrors planTypes.ts, and the round-trip tests check that the two agree.
import {
  ATTENDANCE_ROLES,
  CARD_FIELDS,
  CARD_STATUSES,
  LEGACY_WORKSHOP_LEVELS,
  LINK_FIELDS,
  VALIDATION_CHECKS,
  VALIDATION_DECISIONS,
  WORKSHOP_LEVELS,
} from '../model/index.ts';
import { SDG_TARGETS } from '../sdg/catalogue.ts';
import { DATE_PATTERN, type JsonSchema, strictObject, withFields } from './fieldSchema.ts';
import { PLAN_STANDINGS } from './planStanding.ts';
import {
  LEGACY_VALIDATION_STATUSES,
  PLAN_INCLUDES,
  PLAN_ITEM_KINDS,
  PLAN_SCHEMA_VERSION,
  PLAN_SYNERGY_LIMIT,
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

/** The stakeholder groups plans of schema 1 and 2 could give an actor (vocabulary.ts has today's). */
const LEGACY_ACTOR_GROUPS = [
  'government-national',
  'government-local',
  'civil-society',
  'migrant-or-diaspora-association',
  'private-sector',
  'academia',
  'international-organisation',
  'development-partner',
] as const;

/** The actor as schema 1 and 2 published it: the same, with the first list of groups. */
function legacyActor(): JsonSchema {
  const actor = JSON.parse(JSON.stringify(ACTOR)) as { properties: Record<string, Record<string, unknown>> };
  actor.properties.group = { ...actor.properties.group, enum: [...LEGACY_ACTOR_GROUPS] };
  return actor as JsonSchema;
}

const LEGACY_WORKSHOP = strictObject(
  {
    title: TEXT,
    level: { enum: [...LEGACY_WORKSHOP_LEVELS] },
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

const DATE_OR_EMPTY = { type: 'string', pattern: DATE_PATTERN } as const;
const TIME_OR_EMPTY = { anyOf: [DATE_TIME, { const: '' }] } as const;

const PERSON = strictObject(
  {
    id: { ...TEXT, description: 'Their person id: the id their items, comments and dots carry.' },
    name: TEXT,
    group: { ...TEXT, description: 'A stakeholder group id (the actor’s list), or another the person chose.' },
    groupDetail: { ...TEXT, description: 'Their own words when the group is "other".' },
    role: { enum: [...ATTENDANCE_ROLES] },
    firstJoined: { ...TIME_OR_EMPTY, description: '"" for an author the attendance record does not know.' },
    lastSeen: TIME_OR_EMPTY,
    minutesConnected: COUNT,
    contributions: strictObject(
      { cards: COUNT, links: COUNT, comments: COUNT, dots: COUNT },
      { description: 'What they did on the whole board: cards and links created, comments written, dots given.' },
    ),
  },
  {
    title: 'Person',
    description: 'One person who took part, from the server’s attendance record; import restores it.',
  },
);

const ADOPTION = strictObject(
  {
    body: { ...TEXT, minLength: 1, description: 'The body that adopted the plan.' },
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    reference: { ...TEXT, description: 'The act, decision or reference number.' },
    note: TEXT,
    recordedBy: { ...TEXT, description: 'The facilitator who recorded it.' },
    recordedAt: DATE_TIME,
  },
  { title: 'Adoption', description: 'The formal adoption of the plan; import restores it.' },
);

const WORKSHOP = strictObject(
  {
    title: TEXT,
    level: { enum: [...WORKSHOP_LEVELS] },
    territory: TEXT,
    startDate: { ...DATE_OR_EMPTY, description: 'The workshop’s first day.' },
    endDate: { ...DATE_OR_EMPTY, description: 'The workshop’s last day.' },
    periodStart: { ...DATE_OR_EMPTY, description: 'The start of the period the plan covers.' },
    periodEnd: { ...DATE_OR_EMPTY, description: 'The end of the period the plan covers.' },
    participants: {
      description: 'The people who took part (facilitators and participants) by stakeholder group.',
      type: 'array',
      items: strictObject({ group: TEXT, label: TEXT, count: COUNT, people: { type: 'array', items: ref('person') } }),
    },
    observers: { description: 'Viewers: they followed the workshop without editing.', ...listOf('person') },
    adoption: { anyOf: [ref('adoption'), { type: 'null' }] },
  },
  { title: 'Workshop' },
);

const LEGACY_WALK_THROUGH = strictObject(
  {
    decision: { enum: ['agreed', 'sent-back'] },
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

const CHECKS = { type: 'array', items: { enum: [...VALIDATION_CHECKS] }, uniqueItems: true } as const;

const WALK_THROUGH = strictObject(
  {
    decision: { enum: [...VALIDATION_DECISIONS] },
    by: { ...TEXT, description: 'The display name of the facilitator who decided.' },
    at: DATE_TIME,
    comment: { ...TEXT, description: 'Why; always given for an item sent back.' },
    checks: { ...CHECKS, description: 'The checklist items ticked.' },
    checksLeft: { ...CHECKS, description: 'The checklist items left unticked when the decision was made.' },
  },
  {
    title: 'Walk-through decision',
    description: 'What the validation walk-through decided on an intervention; import restores it.',
  },
);

/** What every version lists of each item in its validation section. */
const VALIDATION_ITEM = {
  kind: { enum: [...PLAN_ITEM_KINDS] },
  id: ID,
  title: TEXT,
  status: STATUS,
  updatedAt: DATE_TIME,
} as const;

/** Version 2 adds the walk-through's decision to the interventions it decided on. */
const legacyValidation = (walked: boolean) =>
  strictObject(
    {
      status: { enum: [...LEGACY_VALIDATION_STATUSES] },
      counts: strictObject({ proposed: COUNT, discussed: COUNT, agreed: COUNT }),
      items: {
        type: 'array',
        items: strictObject(
          { ...VALIDATION_ITEM, ...(walked ? { walkThrough: ref('walkThrough') } : {}) },
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

const DECISION = { enum: [...VALIDATION_DECISIONS, 'not-reviewed'] } as const;

const VALIDATION = strictObject(
  {
    status: {
      enum: [...PLAN_STANDINGS],
      description:
        'validated: every intervention of the board is decided, none is sent back, one at least is agreed; adopted: validated and formally adopted; draft otherwise.',
    },
    summary: {
      ...TEXT,
      description: '"Validated", "Adopted" or "Draft: N agreed, M sent back, K set aside, L not reviewed".',
    },
    decisions: strictObject(
      { agreed: COUNT, sentBack: COUNT, setAside: COUNT, notReviewed: COUNT },
      { description: 'The walk-through’s decisions on every intervention of the board.' },
    ),
    counts: strictObject(
      { proposed: COUNT, discussed: COUNT, agreed: COUNT },
      { description: 'The statuses of the plan’s items.' },
    ),
    items: {
      type: 'array',
      items: strictObject(
        {
          ...VALIDATION_ITEM,
          decision: { ...DECISION, description: 'An intervention’s decision.' },
          walkThrough: ref('walkThrough'),
        },
        { optional: ['decision', 'walkThrough'] },
      ),
    },
    outside: {
      description: 'The interventions of the board this plan does not hold, with their decisions.',
      type: 'array',
      items: strictObject(
        { id: ID, title: TEXT, status: STATUS, decision: DECISION, walkThrough: ref('walkThrough') },
        { optional: ['walkThrough'] },
      ),
    },
  },
  {
    title: 'Validation',
    description:
      'Where the plan stands, derived on export; import restores the walk-through’s decisions on the plan’s interventions.',
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
 * The schema of one plan version. Version 1 is version 2 without the analysis and walk-through; version 3 changed
 * the workshop and validation sections (planTypes.ts). Import still reads 1 and 2 (validatePlan.ts), and the
 * published file is the current version's.
 */
export function actionPlanSchema(version: PlanSchemaVersion): JsonSchema {
  const analysed = version >= 2;
  // Version 3 is the current one; 1 and 2 keep the sections and vocabularies they were published with.
  const current = version >= 3;
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
      workshop: current ? WORKSHOP : LEGACY_WORKSHOP,
      objective: OBJECTIVE,
      target: TARGET,
      intervention: INTERVENTION,
      actor: current ? ACTOR : legacyActor(),
      contribution: CONTRIBUTION,
      implementation: IMPLEMENTATION,
      interaction: INTERACTION,
      author: AUTHOR,
      position: POSITION,
      validation: current ? VALIDATION : legacyValidation(analysed),
      provenance: PROVENANCE,
      ...(analysed
        ? {
            analysis: ANALYSIS,
            targetInfluence: TARGET_INFLUENCE,
            scoreSums: SCORE_SUMS,
            analysisEnd: ANALYSIS_END,
            rankedInteraction: RANKED_INTERACTION,
            coherenceNote: COHERENCE_NOTE,
            walkThrough: current ? WALK_THROUGH : LEGACY_WALK_THROUGH,
          }
        : {}),
      ...(current ? { person: PERSON, adoption: ADOPTION } : {}),
    },
  };
}

/** The published schema: the current version. */
export const ACTION_PLAN_SCHEMA: JsonSchema = actionPlanSchema(PLAN_SCHEMA_VERSION);
