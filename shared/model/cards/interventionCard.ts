import type { FieldSpecs } from '../fields.ts';
import {
  ACTOR_ROLE_LABELS,
  ACTOR_ROLES,
  FUNDING_SOURCE_LABELS,
  FUNDING_SOURCES,
  INTERVENTION_TYPE_LABELS,
  INTERVENTION_TYPES,
  SECTOR_LABELS,
  SECTORS,
  SUPPORTING_ACTIVITY_KINDS,
  SUPPORTING_ACTIVITY_LABELS,
} from '../vocabulary.ts';

/** An intervention with every field of the mainstreaming method's action-plan template. */
export const INTERVENTION_FIELDS = {
  title: { type: 'text', label: 'Title' },
  description: { type: 'text', label: 'Description', multiline: true },
  type: { type: 'enum', label: 'Type', values: INTERVENTION_TYPES, labels: INTERVENTION_TYPE_LABELS },
  sector: { type: 'enum', label: 'Sector', values: SECTORS, labels: SECTOR_LABELS },
  rationale: { type: 'text', label: 'Rationale', multiline: true },
  actors: {
    type: 'list',
    label: 'Implementing actors',
    itemLabel: 'actor',
    item: {
      name: { type: 'string', label: 'Actor' },
      role: { type: 'enum', label: 'Role', values: ACTOR_ROLES, labels: ACTOR_ROLE_LABELS },
      tasks: { type: 'string', label: 'Tasks' },
    },
  },
  startDate: { type: 'date', label: 'Start' },
  endDate: { type: 'date', label: 'End' },
  milestones: {
    type: 'list',
    label: 'Interim milestones',
    itemLabel: 'milestone',
    item: {
      date: { type: 'date', label: 'Date' },
      description: { type: 'string', label: 'Milestone' },
    },
  },
  expectedOutcomes: { type: 'text', label: 'Expected outcomes', multiline: true },
  expectedOutputs: { type: 'text', label: 'Expected outputs', multiline: true },
  supportingActivities: {
    type: 'list',
    label: 'Supporting activities',
    itemLabel: 'activity',
    item: {
      kind: { type: 'enum', label: 'Kind', values: SUPPORTING_ACTIVITY_KINDS, labels: SUPPORTING_ACTIVITY_LABELS },
      description: { type: 'string', label: 'Activity' },
    },
  },
  resourcesRequired: { type: 'text', label: 'Resources required', multiline: true },
  funding: {
    type: 'list',
    label: 'Funding',
    itemLabel: 'funding line',
    item: {
      amount: { type: 'number', label: 'Amount', min: 0 },
      currency: { type: 'string', label: 'Currency' },
      source: { type: 'enum', label: 'Source', values: FUNDING_SOURCES, labels: FUNDING_SOURCE_LABELS },
      arrangement: { type: 'string', label: 'Arrangement' },
    },
  },
  indicators: {
    type: 'list',
    label: 'Monitoring and evaluation',
    itemLabel: 'indicator',
    item: {
      indicator: { type: 'string', label: 'Indicator' },
      meansOfVerification: { type: 'string', label: 'Means of verification' },
      reporter: { type: 'string', label: 'Who reports' },
    },
  },
} as const satisfies FieldSpecs;

export const INTERVENTION_SIZE = { w: 240, h: 140 } as const;
