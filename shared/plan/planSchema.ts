// The published JSON Schema of the action plan (docs/action-plan.schema.json is generated from
// this object). Fields of cards and links come from the model's specs via fieldSchema.ts; the
// frame around them mirrors planTypes.ts, and the round-trip tests check that the two agree.
import { CARD_FIELDS, CARD_STATUSES, LINK_FIELDS, WORKSHOP_LEVELS } from '../model/index.ts';
import { SDG_TARGETS } from '../sdg/catalogue.ts';
import { DATE_PATTERN, type JsonSchema, strictObject, withFields } from './fieldSchema.ts';
import { PLAN_INCLUDES, PLAN_ITEM_KINDS, PLAN_SCHEMA_VERSION, PLAN_VALIDATION_STATUSES } from './planTypes.ts';

export const ACTION_PLAN_SCHEMA_ID = `urn:sdg-workshop-board:action-plan:v${PLAN_SCHEMA_VERSION}`;

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

const VALIDATION = strictObject(
  {
    status: { enum: [...PLAN_VALIDATION_STATUSES] },
    counts: strictObject({ proposed: COUNT, discussed: COUNT, agreed: COUNT }),
    items: {
      type: 'array',
      items: strictObject({
        kind: { enum: [...PLAN_ITEM_KINDS] },
        id: ID,
        title: TEXT,
        status: STATUS,
        updatedAt: DATE_TIME,
      }),
    },
  },
  { title: 'Validation', description: 'A summary of the items’ statuses; derived, ignored on import.' },
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

export const ACTION_PLAN_SCHEMA: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: ACTION_PLAN_SCHEMA_ID,
  ...strictObject(
    {
      schemaVersion: { const: PLAN_SCHEMA_VERSION },
      workshop: ref('workshop'),
      objectives: listOf('objective'),
      targets: listOf('target'),
      interventions: listOf('intervention'),
      actors: listOf('actor'),
      interactions: { title: 'Interaction matrix: every scored pair', ...listOf('interaction') },
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
    validation: VALIDATION,
    provenance: PROVENANCE,
  },
};
