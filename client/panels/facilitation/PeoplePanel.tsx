// Who is here and who took part (the attendance the server records: name, group, role, first
// joined, last seen, minutes connected), what each stakeholder group contributed, so that the
// facilitator sees whose voice is missing, and who only watched. Anyone online can be followed.
import { Fragment, type ReactNode, useEffect, useMemo, useState } from 'react';
import {
  type AttendanceRole,
  minutesConnected,
  STAKEHOLDER_GROUP_LABELS,
  stakeholderGroupLabel,
} from '../../../shared/model/index.ts';
import type { BoardItems } from '../../canvas/useBoardItems.ts';
import { useFacilitationContext } from '../../facilitation/context.ts';
import {
  type Contribution,
  contributions,
  formatDuration,
  formatFull,
  formatWhen,
  type GroupKey,
  isObserver,
  type Person,
  participationByGroup,
} from '../../facilitation/people.ts';
import { useAttendance, usePeople } from '../../facilitation/usePeople.ts';
import { useBoardStore } from '../../store/boardStore.ts';

/** How a person's group reads: its label, their own words for "Other", or that none was given. */
export function groupLabel(group: string, detail = ''): string {
  return group || detail ? stakeholderGroupLabel(group, detail) : 'Group not given';
}

const ROLE_WORDS: Record<AttendanceRole, string> = {
  facilitator: 'Facilitator',
  participant: 'Participant',
  viewer: 'Observer',
};

/** Longer lists of people who are away, or only watching, start folded: the group table stays in reach. */
const OPEN_UP_TO = 8;

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/** "2 cards, 1 link, 3 dots", leaving out what is zero. */
function countsText(c: Contribution | undefined): string {
  if (!c) return '';
  return [
    c.cards ? plural(c.cards, 'card') : '',
    c.links ? plural(c.links, 'link') : '',
    c.comments ? plural(c.comments, 'comment') : '',
    c.votes ? plural(c.votes, 'dot') : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function groupKeyLabel(group: GroupKey): string {
  return group === 'unknown' ? 'Group not given' : STAKEHOLDER_GROUP_LABELS[group];
}

/** The current time, again every `everyMs` (minutes connected go on while the panel is open). */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** "Here now", "joined 09:02", "48 min", or "Last seen 11:40", "joined 09:02", "1 h 5 min". */
function timeParts(p: Person, now: number): string[] {
  const record = p.attendance;
  const parts = [p.online ? 'Here now' : record ? `Last seen ${formatWhen(record.lastSeen, now)}` : ''];
  if (record) {
    parts.push(`joined ${formatWhen(record.firstJoined, now)}`, formatDuration(minutesConnected(record, now)));
  }
  return parts.filter(Boolean);
}

/** Parts of a line with " · " between them; the line breaks after a dot, not inside a part. */
function Parts({ parts, wrapFirst = false }: { parts: readonly string[]; wrapFirst?: boolean }) {
  const last = parts.length - 1;
  return parts.map((part, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one line, always in this order
    <Fragment key={i}>
      <span className={wrapFirst && i === 0 ? undefined : 'person-part'}>
        {part}
        {i < last && ' ·'}
      </span>
      {i < last && ' '}
    </Fragment>
  ));
}

function PersonRow({
  person,
  testId,
  isMe,
  contribution,
  now,
  action,
}: {
  person: Person;
  testId: string;
  isMe: boolean;
  contribution: Contribution | undefined;
  now: number;
  action?: ReactNode;
}) {
  const record = person.attendance;
  const times = [...timeParts(person, now), countsText(contribution)].filter(Boolean);
  const about = [groupLabel(person.group, person.groupDetail), person.role ? ROLE_WORDS[person.role] : ''].filter(
    Boolean,
  );
  return (
    <li
      className={`person-row${person.online ? '' : ' person-away'}`}
      data-testid={testId}
      data-person={person.id}
      title={
        record ? `First joined ${formatFull(record.firstJoined)}; last seen ${formatFull(record.lastSeen)}` : undefined
      }
    >
      <span className="person-dot" style={{ background: person.colour }} aria-hidden="true" />
      <span className="person-name">
        <span>
          {person.name || 'Name not given'}
          {isMe && <span className="person-me"> (you)</span>}
        </span>
        <span className="person-group" data-testid="person-group">
          <Parts parts={about} wrapFirst />
        </span>
        {times.length > 0 && (
          <span className="person-time" data-testid="person-time">
            <Parts parts={times} />
          </span>
        )}
      </span>
      {action}
    </li>
  );
}

export function PeoplePanel({ items }: { items: BoardItems }) {
  const { awareness, me, doc } = useFacilitationContext();
  const groupDetail = useBoardStore((s) => s.identity.groupDetail);
  const self = useMemo(() => ({ ...me, groupDetail: me.group === 'other' ? groupDetail : '' }), [me, groupDetail]);
  const attendance = useAttendance(doc);
  const people = usePeople(awareness, items, self, attendance);
  const now = useNow(30_000);
  const following = useBoardStore((s) => s.following);
  const setFollowing = useBoardStore((s) => s.setFollowing);
  const byPerson = useMemo(() => contributions(items.cards.values(), items.links.values()), [items]);
  const groups = useMemo(() => participationByGroup(people, byPerson), [people, byPerson]);
  const max = Math.max(1, ...groups.map((g) => g.cards + g.links + g.votes));
  const taking = people.filter((p) => !isObserver(p));
  const online = taking.filter((p) => p.online);
  const away = taking.filter((p) => !p.online);
  const observers = people.filter(isObserver).sort((a, b) => Number(b.online) - Number(a.online));

  const follow = (p: Person) => {
    const clientId = p.clientIds.find((id) => id !== awareness.clientID) ?? null;
    if (p.id === me.id || clientId === null) return undefined;
    return (
      <button
        type="button"
        className={`button button-compact ${following === clientId ? 'button-success' : 'button-secondary'}`}
        data-testid={`follow-${p.name}`}
        aria-pressed={following === clientId}
        onClick={() => setFollowing(following === clientId ? null : clientId)}
      >
        {following === clientId ? 'Following' : 'Follow'}
      </button>
    );
  };
  const row = (p: Person, testId: string) => (
    <PersonRow
      key={p.id}
      person={p}
      testId={testId}
      isMe={p.id === me.id}
      contribution={byPerson.get(p.id)}
      now={now}
      action={p.online ? follow(p) : undefined}
    />
  );

  return (
    <div className="people-panel" data-testid="people-panel">
      <h3 className="dock-subheading">Here now ({online.length})</h3>
      <ul className="people-rows">{online.map((p) => row(p, 'person-online'))}</ul>
      {away.length > 0 && (
        <details className="people-section" open={away.length <= OPEN_UP_TO} data-testid="people-away">
          <summary className="dock-subheading">Took part, not here now ({away.length})</summary>
          <ul className="people-rows">{away.map((p) => row(p, 'person-away'))}</ul>
        </details>
      )}
      {observers.length > 0 && (
        <details className="people-section" open={observers.length <= OPEN_UP_TO} data-testid="people-observers">
          <summary className="dock-subheading">Observers, with a view-only link ({observers.length})</summary>
          <ul className="people-rows">{observers.map((p) => row(p, 'person-observer'))}</ul>
        </details>
      )}
      <h3 className="dock-subheading">Participation by stakeholder group</h3>
      <table className="participation" data-testid="participation">
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" title="People who took part (observers not counted)">
              People
            </th>
            <th scope="col">Cards</th>
            <th scope="col">Links</th>
            <th scope="col">Dots</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            const total = g.cards + g.links + g.votes;
            const state = total > 0 ? 'heard' : g.people > 0 ? 'silent' : 'absent';
            return (
              <tr key={g.group} className={`participation-${state}`} data-group={g.group} data-state={state}>
                <th scope="row">
                  {groupKeyLabel(g.group)}
                  {g.details.length > 0 && (
                    <span className="participation-details" data-testid="participation-details">
                      {g.details.join(', ')}
                    </span>
                  )}
                  {total > 0 && (
                    <span
                      className="participation-bar"
                      style={{ width: `${(total / max) * 100}%` }}
                      aria-hidden="true"
                    />
                  )}
                  {state === 'silent' && <span className="participation-note">here, no contribution yet</span>}
                </th>
                <td>
                  {g.people}
                  {g.online > 0 && <span className="participation-online">{g.online} here</span>}
                </td>
                <td>{g.cards}</td>
                <td>{g.links}</td>
                <td>{g.votes}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
