// Who is here and who has taken part: pure functions of the board's items, the attendance the
// server records and the people online, so that the people panel, mentions and vote names agree
// on who is who.
import {
  type Attendance,
  type AttendanceRole,
  type Author,
  type Card,
  type Link,
  parseVoteKey,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
  stakeholderGroupOf,
} from '../../shared/model/index.ts';

export interface Person {
  id: string;
  name: string;
  group: string;
  /** Their own words when the group is "Other" ('' otherwise or when unknown). */
  groupDetail: string;
  /** The role the server recorded for them; null for someone it has no record of (an imported author, say). */
  role: AttendanceRole | null;
  /** The server's record of their time here, when it has one. */
  attendance: Attendance | null;
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
  groupDetail?: string;
  colour: string;
}

const emptyContribution = (): Contribution => ({ cards: 0, links: 0, comments: 0, votes: 0 });

/** The voter id of a vote key (`<vote>:<voter>`, or a bare voter id on older boards). */
export function voterOf(key: string): string {
  return parseVoteKey(key)?.voterId ?? key;
}

/**
 * Everyone known: those online now, everyone the server recorded as taking part, every author of
 * a card, link or comment, and every voter. A name and group come from the person's presence if
 * they are here, else from the attendance, else from what they wrote.
 */
export function knownPeople(
  cards: Iterable<Card>,
  links: Iterable<Link>,
  online: readonly OnlinePerson[],
  colourFor: (id: string) => string,
  attendance: readonly Attendance[] = [],
): Person[] {
  const people = new Map<string, Person>();
  const absent = (id: string, name: string, group: string, groupDetail = ''): Person => ({
    id,
    name,
    group,
    groupDetail,
    role: null,
    attendance: null,
    online: false,
    clientIds: [],
    colour: colourFor(id),
  });
  for (const record of attendance) {
    people.set(record.personId, {
      ...absent(record.personId, record.name, record.group, record.groupDetail),
      role: record.role,
      attendance: record,
    });
  }
  const meet = (a: Author) => {
    if (!a.id || people.has(a.id)) return;
    people.set(a.id, absent(a.id, a.name, a.group));
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
      // What a person calls themselves now wins over what the record and older items say.
      known.name = p.name;
      known.group = p.group;
      known.groupDetail = p.groupDetail ?? '';
      known.colour = p.colour;
    } else {
      people.set(p.id, {
        ...absent(p.id, p.name, p.group, p.groupDetail),
        online: true,
        clientIds: [p.clientId],
        colour: p.colour,
      });
    }
  }
  for (const voter of voters) {
    if (!people.has(voter)) people.set(voter, absent(voter, 'Someone', ''));
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

export type GroupRow = {
  group: GroupKey;
  people: number;
  online: number;
  /** For "Other": the groups people named in their own words, each once. */
  details: string[];
} & Contribution;

/** Whether the person only watched: the server recorded them with a viewer's link. */
export const isObserver = (p: Person) => p.role === 'viewer';

/**
 * Contributions summed by stakeholder group, every group listed (a group at zero is a missing
 * voice). Observers (viewers) are not counted: they could not have spoken on the board.
 */
export function participationByGroup(
  people: readonly Person[],
  byPerson: ReadonlyMap<string, Contribution>,
): GroupRow[] {
  const rows = new Map<GroupKey, GroupRow>();
  for (const group of [...STAKEHOLDER_GROUPS, 'unknown' as const]) {
    rows.set(group, { group, people: 0, online: 0, details: [], ...emptyContribution() });
  }
  const taking = people.filter((p) => !isObserver(p));
  const groupOf = new Map(taking.map((p) => [p.id, p.group]));
  for (const p of taking) {
    const row = rows.get(toGroupKey(p.group)) as GroupRow;
    row.people++;
    if (p.online) row.online++;
    const detail = p.groupDetail.trim();
    if (row.group === 'other' && detail && !row.details.includes(detail)) row.details.push(detail);
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

/** A group as stored (a current one, one that merged into another, or any other word) to its row. */
function toGroupKey(group: string): GroupKey {
  return stakeholderGroupOf(group) || 'unknown';
}

/** "< 1 min", "48 min", "2 h 5 min". */
export function formatDuration(minutes: number): string {
  if (minutes < 1) return '< 1 min';
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return `${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ''}`;
}

const clockFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A time of day, with the date when it is not today. */
export function formatWhen(ms: number, now: number): string {
  const a = new Date(ms);
  const b = new Date(now);
  const sameDay = a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
  return (sameDay ? clockFormat : dayFormat).format(a);
}

/** A date and time in full (for a tooltip). */
export function formatFull(ms: number): string {
  return fullFormat.format(new Date(ms));
}
