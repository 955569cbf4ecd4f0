// Who is here and who has taken part, and what each stakeholder group contributed, so that the
// facilitator sees whose voice is missing. Anyone online can be followed.
import { useMemo } from 'react';
import { STAKEHOLDER_GROUP_LABELS, type StakeholderGroup } from '../../../shared/model/index.ts';
import type { BoardItems } from '../../canvas/useBoardItems.ts';
import { useFacilitationContext } from '../../facilitation/context.ts';
import { type Contribution, contributions, type GroupKey, participationByGroup } from '../../facilitation/people.ts';
import { usePeople } from '../../facilitation/usePeople.ts';
import { useBoardStore } from '../../store/boardStore.ts';

export function groupLabel(group: string): string {
  return STAKEHOLDER_GROUP_LABELS[group as StakeholderGroup] ?? (group ? group : 'Group not given');
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/** " · 2 cards, 1 link, 3 dots", leaving out what is zero. */
function countsText(c: Contribution | undefined): string {
  if (!c) return '';
  const parts = [
    c.cards ? plural(c.cards, 'card') : '',
    c.links ? plural(c.links, 'link') : '',
    c.comments ? plural(c.comments, 'comment') : '',
    c.votes ? plural(c.votes, 'dot') : '',
  ].filter(Boolean);
  return parts.length > 0 ? ` · ${parts.join(', ')}` : '';
}

function groupKeyLabel(group: GroupKey): string {
  return group === 'unknown' ? 'Group not given' : STAKEHOLDER_GROUP_LABELS[group];
}

export function PeoplePanel({ items }: { items: BoardItems }) {
  const { awareness, me } = useFacilitationContext();
  const people = usePeople(awareness, items, me);
  const following = useBoardStore((s) => s.following);
  const setFollowing = useBoardStore((s) => s.setFollowing);
  const byPerson = useMemo(() => contributions(items.cards.values(), items.links.values()), [items]);
  const groups = useMemo(() => participationByGroup(people, byPerson), [people, byPerson]);
  const max = Math.max(1, ...groups.map((g) => g.cards + g.links + g.votes));
  const online = people.filter((p) => p.online);
  const away = people.filter((p) => !p.online);

  return (
    <div className="people-panel" data-testid="people-panel">
      <h3 className="dock-subheading">Here now ({online.length})</h3>
      <ul className="people-rows">
        {online.map((p) => {
          const c = byPerson.get(p.id);
          const isMe = p.id === me.id;
          const clientId = p.clientIds.find((id) => id !== awareness.clientID) ?? null;
          return (
            <li key={p.id} className="person-row" data-testid="person-online">
              <span className="person-dot" style={{ background: p.colour }} aria-hidden="true" />
              <span className="person-name">
                <span>
                  {p.name}
                  {isMe && <span className="person-me"> (you)</span>}
                </span>
                <span className="person-group">
                  {groupLabel(p.group)}
                  {countsText(c)}
                </span>
              </span>
              {!isMe && clientId !== null && (
                <button
                  type="button"
                  className={`button button-compact ${following === clientId ? 'button-success' : 'button-secondary'}`}
                  data-testid={`follow-${p.name}`}
                  aria-pressed={following === clientId}
                  onClick={() => setFollowing(following === clientId ? null : clientId)}
                >
                  {following === clientId ? 'Following' : 'Follow'}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {away.length > 0 && (
        <>
          <h3 className="dock-subheading">Took part, not here now ({away.length})</h3>
          <ul className="people-rows">
            {away.map((p) => {
              const c = byPerson.get(p.id);
              return (
                <li key={p.id} className="person-row person-away" data-testid="person-away">
                  <span className="person-dot" style={{ background: p.colour }} aria-hidden="true" />
                  <span className="person-name">
                    <span>{p.name}</span>
                    <span className="person-group">
                      {groupLabel(p.group)}
                      {countsText(c)}
                    </span>
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <h3 className="dock-subheading">Participation by stakeholder group</h3>
      <table className="participation" data-testid="participation">
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" title="People">
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
                  {g.online > 0 && <span className="participation-online"> ({g.online} here)</span>}
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
