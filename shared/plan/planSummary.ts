// The plan's participants: the attendance the server recorded (planTypes PlanPerson), by
// stakeholder group, each person with what they contributed on the whole board; viewers apart, as
// observers. Authors the attendance does not know (work older than the record) are listed too,
// without times, so that nobody who shaped the board is missing from it.
import {
  type Attendance,
  type Card,
  type Link,
  minutesConnected,
  parseVoteKey,
  STAKEHOLDER_GROUPS,
  stakeholderGroupLabel,
  stakeholderGroupOf,
} from '../model/index.ts';
import type { PlanContributions, PlanParticipantGroup, PlanPerson } from './planTypes.ts';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What each person id did on the board. */
export function contributionsOf(cards: readonly Card[], links: readonly Link[]): Map<string, PlanContributions> {
  const out = new Map<string, PlanContributions>();
  const of = (id: string) => {
    let c = out.get(id);
    if (!c) {
      c = { cards: 0, links: 0, comments: 0, dots: 0 };
      out.set(id, c);
    }
    return c;
  };
  const each = (item: Card | Link, kind: 'cards' | 'links') => {
    if (item.author.id !== '') of(item.author.id)[kind]++;
    for (const comment of item.comments) if (comment.author.id !== '') of(comment.author.id).comments++;
    for (const [key, count] of Object.entries(item.votes)) {
      const voter = parseVoteKey(key)?.voterId ?? key;
      if (voter !== '*' && voter !== '') of(voter).dots += count;
    }
  };
  for (const card of cards) each(card, 'cards');
  for (const link of links) each(link, 'links');
  return out;
}

export interface People {
  participants: PlanParticipantGroup[];
  observers: PlanPerson[];
}

const NONE: PlanContributions = { cards: 0, links: 0, comments: 0, dots: 0 };

export function peopleOf(
  attendance: readonly Attendance[],
  cards: readonly Card[],
  links: readonly Link[],
  now: number,
  isoTime: (ms: number) => string,
): People {
  const contributions = contributionsOf(cards, links);
  const people: PlanPerson[] = attendance.map((a) => ({
    id: a.personId,
    name: a.name,
    group: a.group,
    groupDetail: a.groupDetail,
    role: a.role,
    firstJoined: a.firstJoined > 0 ? isoTime(a.firstJoined) : '',
    lastSeen: a.lastSeen > 0 ? isoTime(Math.max(a.lastSeen, a.connectedSince === null ? 0 : now)) : '',
    minutesConnected: minutesConnected(a, now),
    contributions: { ...(contributions.get(a.personId) ?? NONE) },
  }));
  // Authors the attendance record does not know.
  const known = new Set(attendance.map((a) => a.personId));
  const authors = new Map<string, { name: string; group: string }>();
  const note = (author: { id: string; name: string; group: string }) => {
    if (author.id !== '' && !known.has(author.id) && !authors.has(author.id)) authors.set(author.id, author);
  };
  for (const item of [...cards, ...links]) {
    note(item.author);
    for (const comment of item.comments) note(comment.author);
  }
  for (const [id, author] of authors) {
    people.push({
      id,
      name: author.name,
      group: author.group,
      groupDetail: '',
      role: 'participant',
      firstJoined: '',
      lastSeen: '',
      minutesConnected: 0,
      contributions: { ...(contributions.get(id) ?? NONE) },
    });
  }
  const byName = (a: PlanPerson, b: PlanPerson) => compare(a.name, b.name) || compare(a.id, b.id);
  const groups = new Map<string, PlanPerson[]>();
  for (const person of people) {
    if (person.role === 'viewer') continue;
    const group = stakeholderGroupOf(person.group) || 'other';
    const list = groups.get(group);
    if (list) list.push(person);
    else groups.set(group, [person]);
  }
  const rank = (group: string) => (STAKEHOLDER_GROUPS as readonly string[]).indexOf(group);
  const participants = [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([group, list]) => ({
      group,
      label: stakeholderGroupLabel(group),
      count: list.length,
      people: list.sort(byName),
    }));
  const observers = people.filter((p) => p.role === 'viewer').sort(byName);
  return { participants, observers };
}
