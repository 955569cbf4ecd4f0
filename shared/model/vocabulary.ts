// The closed vocabularies of the domain (PRODUCT.md). Each is an `as const` tuple so that
// types, selects in the inspector and the plan's JSON Schema enums all come from one place.

export const CARD_STATUSES = ['proposed', 'discussed', 'agreed'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

export const INTERVENTION_TYPES = [
  'new-policy-or-legislation',
  'mainstreaming-into-policies',
  'mainstreaming-into-development-programming',
  'migration-programming',
  'rights-based-approach',
  'capacity-building-and-knowledge-sharing',
] as const;
export type InterventionType = (typeof INTERVENTION_TYPES)[number];

export const INTERVENTION_TYPE_LABELS: Record<InterventionType, string> = {
  'new-policy-or-legislation': 'New policy or legislation',
  'mainstreaming-into-policies': 'Mainstreaming migration into other policies, strategies or legislation',
  'mainstreaming-into-development-programming': 'Mainstreaming migration into development programming',
  'migration-programming': 'Migration programming',
  'rights-based-approach': 'Rights-based approach',
  'capacity-building-and-knowledge-sharing': 'Technical capacity-building and knowledge sharing',
};

export const SECTORS = [
  'education',
  'health',
  'governance',
  'urban-development',
  'environment-and-climate-change',
  'security',
  'rural-development',
  'employment',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABELS: Record<Sector, string> = {
  education: 'Education',
  health: 'Health',
  governance: 'Governance',
  'urban-development': 'Urban development',
  'environment-and-climate-change': 'Environment and climate change',
  security: 'Security',
  'rural-development': 'Rural development',
  employment: 'Employment',
  other: 'Other',
};

/**
 * The method's stakeholder groups. The ids of the first list (2025) are kept where a group stayed
 * the same, so that boards and plans written then read the same; 'development-partner' merged
 * into 'international-organisation' (LEGACY_STAKEHOLDER_GROUPS).
 */
export const STAKEHOLDER_GROUPS = [
  'government-national',
  'government-local',
  'parliament',
  'civil-society',
  'migrant-or-diaspora-association',
  'workers-organisation',
  'private-sector',
  'academia',
  'international-organisation',
  'media',
  'other',
] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

export const STAKEHOLDER_GROUP_LABELS: Record<StakeholderGroup, string> = {
  'government-national': 'National government',
  'government-local': 'Local or regional government',
  parliament: 'Parliament',
  'civil-society': 'Civil society',
  'migrant-or-diaspora-association': 'Migrant and diaspora associations',
  'workers-organisation': 'Workers’ organisations',
  'private-sector': 'Employers’ organisations and private sector',
  academia: 'Academia',
  'international-organisation': 'International and development organisations',
  media: 'Media',
  other: 'Other',
};

/** Groups of the first list that are no longer offered, and the group each now reads as. */
export const LEGACY_STAKEHOLDER_GROUPS: Readonly<Record<string, StakeholderGroup>> = {
  'development-partner': 'international-organisation',
};

/** The stakeholder group a stored value stands for: a current one, a legacy one mapped, or 'other'. */
export function stakeholderGroupOf(value: unknown): StakeholderGroup | '' {
  if (typeof value !== 'string' || value === '') return '';
  if ((STAKEHOLDER_GROUPS as readonly string[]).includes(value)) return value as StakeholderGroup;
  return Object.hasOwn(LEGACY_STAKEHOLDER_GROUPS, value)
    ? (LEGACY_STAKEHOLDER_GROUPS[value] as StakeholderGroup)
    : 'other';
}

/** The most a person's own words for "Other" may hold. */
export const MAX_GROUP_DETAIL = 80;

/** How a stakeholder group reads: its label, or the person's own words for "Other". */
export function stakeholderGroupLabel(group: string, detail = ''): string {
  const known = stakeholderGroupOf(group);
  if (known === 'other' || known === '') return detail.trim() || (known === 'other' ? 'Other' : '—');
  return STAKEHOLDER_GROUP_LABELS[known];
}

export const ACTOR_ROLES = ['lead', 'partner', 'funder', 'monitor'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const ACTOR_ROLE_LABELS: Record<ActorRole, string> = {
  lead: 'Lead',
  partner: 'Partner',
  funder: 'Funder',
  monitor: 'Monitor',
};

export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export const CONFIDENCE_LABELS: Record<Confidence, string> = { low: 'Low', medium: 'Medium', high: 'High' };

/** Where an incoherence sits: within one policy area, or between levels of government. '' = not tagged. */
export const INCOHERENCE_KINDS = ['', 'horizontal', 'vertical'] as const;
export type IncoherenceKind = (typeof INCOHERENCE_KINDS)[number];

export const INCOHERENCE_LABELS: Record<IncoherenceKind, string> = {
  '': 'Not an incoherence',
  horizontal: 'Horizontal: within a policy area',
  vertical: 'Vertical: between levels of government',
};

export const FUNDING_SOURCES = [
  'domestic-budget',
  'sdg-related-fund',
  'development-partner',
  'diaspora-or-remittance-based',
  'private',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const FUNDING_SOURCE_LABELS: Record<FundingSource, string> = {
  'domestic-budget': 'Domestic budget',
  'sdg-related-fund': 'SDG-related fund',
  'development-partner': 'Development partner',
  'diaspora-or-remittance-based': 'Diaspora or remittance-based',
  private: 'Private',
};

export const SUPPORTING_ACTIVITY_KINDS = ['training', 'capacity-building', 'advocacy'] as const;
export type SupportingActivityKind = (typeof SUPPORTING_ACTIVITY_KINDS)[number];

export const SUPPORTING_ACTIVITY_LABELS: Record<SupportingActivityKind, string> = {
  training: 'Training',
  'capacity-building': 'Capacity-building',
  advocacy: 'Advocacy',
};

export const WORKSHOP_LEVELS = ['local', 'provincial-or-regional', 'national'] as const;
export type WorkshopLevel = (typeof WORKSHOP_LEVELS)[number];

export const WORKSHOP_LEVEL_LABELS: Record<WorkshopLevel, string> = {
  local: 'Local',
  'provincial-or-regional': 'Provincial or regional',
  national: 'National',
};

/** The levels plans of schema 1 and 2 could state. */
export const LEGACY_WORKSHOP_LEVELS = ['local', 'national'] as const;

/** Turns a kebab-case vocabulary value into words for display when no label table exists. */
export function humanise(value: string): string {
  if (value === '') return '—';
  const words = value.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
