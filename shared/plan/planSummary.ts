// The plan's derived sections: who took part (by stakeholder group) and where validation
// stands. Both are read from the plan's items, so import can ignore them and re-derive them.
import {
  type Author,
  type CardStatus,
  humanise,
  STAKEHOLDER_GROUP_LABELS,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
} from '../model/index.ts';
import type { PlanParticipantGroup, PlanRecord, PlanValidation, PlanValidationItem } from './planTypes.ts';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The authors of the given items, once each, grouped by stakeholder group. The board keeps no
 * attendance list, so the people who made the plan's items stand for its participants.
 */
export function participantsOf(records: readonly PlanRecord[]): PlanParticipantGroup[] {
  const people = new Map<string, Author>();
  for (const { author } of records) if (author.id !== '' && !people.has(author.id)) people.set(author.id, author);
  const groups = new Map<string, string[]>();
  for (const person of people.values()) {
    const names = groups.get(person.group);
    if (names) names.push(person.name);
    else groups.set(person.group, [person.name]);
  }
  // The product's stakeholder groups in their usual order, then any other group by name.
  const rank = (group: string) => {
    const i = (STAKEHOLDER_GROUPS as readonly string[]).indexOf(group);
    return i === -1 ? STAKEHOLDER_GROUPS.length : i;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || compare(a, b))
    .map(([group, names]) => ({
      group,
      label: STAKEHOLDER_GROUP_LABELS[group as StakeholderGroup] ?? humanise(group),
      count: names.length,
      names: names.sort(compare),
    }));
}

/** Validated when every item is agreed; an empty plan has nothing validated yet. */
export function validationOf(items: PlanValidationItem[]): PlanValidation {
  const counts: Record<CardStatus, number> = { proposed: 0, discussed: 0, agreed: 0 };
  for (const item of items) counts[item.status]++;
  const status =
    items.length > 0 && counts.agreed === items.length
      ? 'validated'
      : counts.agreed > 0
        ? 'partly-validated'
        : 'not-validated';
  return { status, counts, items };
}
