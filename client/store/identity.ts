// Who is using this browser: a random secret, from which the person's public id derives
// (shared/model/person.ts), and the name and stakeholder group the person gave (with their own
// words when the group is "Other"), remembered in localStorage so that every workshop opened here
// knows them. The secret authenticates this
// person's sockets and opens their private board; it never leaves the browser otherwise.
import { newId } from '../../shared/model/ids.ts';
import type { Author } from '../../shared/model/kinds.ts';
import { isPersonSecret, personIdOf } from '../../shared/model/person.ts';
import {
  LEGACY_STAKEHOLDER_GROUPS,
  MAX_GROUP_DETAIL,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
} from '../../shared/model/vocabulary.ts';
import type { Hello } from '../../shared/protocol/hello.ts';

const STORAGE_KEY = 'sdg-board:identity';
// Named for what it first opened (the private board); kept, so existing browsers keep theirs.
const SECRET_KEY = 'sdg-board:private-secret';
/** For a browser without storage: one secret for the life of the page. */
let pageSecret: string | null = null;

/** This browser's person secret, made on first use. */
export function personSecret(storage: Storage = localStorage): string {
  try {
    const stored = storage.getItem(SECRET_KEY);
    if (isPersonSecret(stored)) return stored;
    const made = `${newId()}${newId()}`;
    storage.setItem(SECRET_KEY, made);
    return made;
  } catch {
    // No storage: a secret for this page only (its private notes are kept by the server until the reveal).
    pageSecret ??= `${newId()}${newId()}`;
    return pageSecret;
  }
}

export interface Identity {
  id: string;
  name: string;
  group: StakeholderGroup | '';
  /** The person's own words for their group when it is "Other"; '' otherwise. */
  groupDetail: string;
}

/** Distinct, saturated colours that stay readable with white text on a cursor label. */
const PEOPLE_COLOURS = [
  '#2563EB',
  '#DC2626',
  '#059669',
  '#7C3AED',
  '#D97706',
  '#DB2777',
  '#0891B2',
  '#4D7C0F',
  '#9333EA',
  '#C2410C',
  '#0F766E',
  '#BE123C',
] as const;

export function colourForId(id: string): string {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return PEOPLE_COLOURS[(hash >>> 0) % PEOPLE_COLOURS.length] as string;
}

/** A stored group: a current one, one that merged into another read as the merged one, else none. */
function groupOf(value: unknown): StakeholderGroup | '' {
  if (typeof value !== 'string') return '';
  if ((STAKEHOLDER_GROUPS as readonly string[]).includes(value)) return value as StakeholderGroup;
  return Object.hasOwn(LEGACY_STAKEHOLDER_GROUPS, value) ? (LEGACY_STAKEHOLDER_GROUPS[value] as StakeholderGroup) : '';
}

/** The own words kept with a group: only for "Other", trimmed to the limit. */
export function groupDetailFor(group: StakeholderGroup | '', detail: unknown): string {
  return group === 'other' && typeof detail === 'string' ? detail.trim().slice(0, MAX_GROUP_DETAIL) : '';
}

export function loadIdentity(storage: Storage = localStorage): Identity {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}');
    if (typeof parsed === 'object' && parsed !== null) stored = parsed as Record<string, unknown>;
  } catch {
    // A corrupt entry is replaced below.
  }
  const group = groupOf(stored.group);
  const identity: Identity = {
    id: personIdOf(personSecret(storage)),
    name: typeof stored.name === 'string' ? stored.name : '',
    group,
    groupDetail: groupDetailFor(group, stored.groupDetail),
  };
  if (identity.id !== stored.id || identity.group !== (stored.group ?? '')) saveIdentity(identity, storage);
  return identity;
}

export function saveIdentity(identity: Identity, storage: Storage = localStorage): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(identity));
  } catch {
    // Private mode or a full quota: the identity lasts for this page only.
  }
}

export function isComplete(identity: Identity): boolean {
  return (
    identity.name.trim() !== '' &&
    identity.group !== '' &&
    (identity.group !== 'other' || identity.groupDetail.trim() !== '')
  );
}

/** What the person entered, for the server's attendance (in the sync socket's hello). */
export function helloProfileOf(identity: Identity): Pick<Hello, 'name' | 'group' | 'groupDetail'> {
  return {
    name: identity.name.trim(),
    group: identity.group,
    ...(identity.group === 'other' ? { groupDetail: identity.groupDetail } : {}),
  };
}

export function authorOf(identity: Identity): Author {
  return { id: identity.id, name: identity.name.trim(), group: identity.group };
}
