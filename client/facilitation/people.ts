// Who is here and who has taken part: pure functions of the board's items and the people online,
// so that the people panel, mentions and vote names agree on who is who.
import {
  type Author,
  type Card,
  type Link,
  parseVoteKey,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
} from '../../shared/model/index.ts';

export interface Person {
  id: string;
  name: string;
  group: string;
  online: boolean;
  /** Awareness client ids of this person's open tabs (for following). */
  clientIds: number[];
  colour: string;
}

export interface Contribution {
  cards: number;
  links: number;
  comments: number;
  votes: number;
}

export interface OnlinePerson {
  clientId: number;
  id: string;
  name: string;
  group: string;
  colour: string;
}

const emptyContribution = (): Contribution => ({ cards: 0, links: 0, comments: 0, votes: 0 });

/** The voter id of a vote key (`<vote>:<voter>`, or a bare voter id on older boards). */
export function voterOf(key: string): string {
  return parseVoteKey(key)?.voterId ?? key;
}

/** Everyone known: those online now and every author of a card, link or comment, and every voter. */
export function knownPeople(
  cards: Iterable<Card>,
  links: Iterable<Link>,
  online: readonly OnlinePerson[],
  colourFor: (id: string) => string,
): Person[] {
  const people = new Map<string, Person>();
  const meet = (a: Author) => {
    if (!a.id || people.has(a.id)) return;
    people.set(a.id, { id: a.id, name: a.name, group: a.group, online: false, clientIds: [], colour: colourFor(a.id) });
  };
  const voters = new Set<string>();
  for (const item of [...cards, ...links]) {
    meet(item.author);
    for (const c of item.comments) meet(c.author);
    for (const key of Object.keys(item.votes)) voters.add(voterOf(key));
  }
  for (const p of online) {
    const known = people.get(p.id);
    if (known) {
      known.online = true;
      known.clientIds.push(p.clientId);
      // What a person calls themselves now wins over what older items say.
      known.name = p.name;
      known.group = p.group;
      known.colour = p.colour;
    } else {
      people.set(p.id, { ...p, online: true, clientIds: [p.clientId] });
    }
  }
  for (const voter of voters) {
    if (!people.has(voter)) {
      people.set(voter, {
        id: voter,
        name: 'Someone',
        group: '',
        online: false,
        clientIds: [],
        colour: colourFor(voter),
      });
    }
  }
  return [...people.values()].sort((a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name));
}

/** What each person contributed, by author id. */
export function contributions(cards: Iterable<Card>, links: Iterable<Link>): Map<string, Contribution> {
  const out = new Map<string, Contribution>();
  const of = (id: string) => {
    let c = out.get(id);
    if (!c) {
      c = emptyContribution();
      out.set(id, c);
    }
    return c;
  };
  for (const card of cards) {
    if (card.kind !== 'frame') of(card.author.id).cards++;
    for (const c of card.comments) of(c.author.id).comments++;
    for (const [key, n] of Object.entries(card.votes)) of(voterOf(key)).votes += n;
  }
  for (const link of links) {
    of(link.author.id).links++;
    for (const c of link.comments) of(c.author.id).comments++;
    for (const [key, n] of Object.entries(link.votes)) of(voterOf(key)).votes += n;
  }
  return out;
}

export type GroupKey = StakeholderGroup | 'unknown';

/** Contributions summed by stakeholder group, every group listed (a group at zero is a missing voice). */
export function participationByGroup(
  people: readonly Person[],
  byPerson: ReadonlyMap<string, Contribution>,
): Array<{ group: GroupKey; people: number; online: number } & Contribution> {
  const rows = new Map<GroupKey, { group: GroupKey; people: number; online: number } & Contribution>();
  for (const group of [...STAKEHOLDER_GROUPS, 'unknown' as const]) {
    rows.set(group, { group, people: 0, online: 0, ...emptyContribution() });
  }
  const groupOf = new Map(people.map((p) => [p.id, p.group]));
  for (const p of people) {
    const row = rows.get(toGroupKey(p.group)) as Contribution & { people: number; online: number };
    row.people++;
    if (p.online) row.online++;
  }
  for (const [id, c] of byPerson) {
    const row = rows.get(toGroupKey(groupOf.get(id) ?? '')) as Contribution;
    row.cards += c.cards;
    row.links += c.links;
    row.comments += c.comments;
    row.votes += c.votes;
  }
  const unknown = rows.get('unknown');
  if (unknown && unknown.people + unknown.cards + unknown.links + unknown.votes + unknown.comments === 0) {
    rows.delete('unknown');
  }
  return [...rows.values()];
}

function toGroupKey(group: string): GroupKey {
  return (STAKEHOLDER_GROUPS as readonly string[]).includes(group) ? (group as StakeholderGroup) : 'unknown';
}
