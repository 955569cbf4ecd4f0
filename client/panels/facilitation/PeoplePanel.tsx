// Who is here and who has taken part, and what each stakeholder group contributed, so that the
// facilitator sees whose voice is missing. Anyone online can be followed.
import { useMemo } from 'react';
import { STAKEHOLDER_GROUP_LABELS, type StakeholderGroup } from '../../../shared/model/index.ts';
import type { BoardItems } from '../../canvas/useBoardItems.ts';
import { useFacilitationContext } from '../../facilitation/context.ts';
import { contributions, type GroupKey, participationByGroup } from '../../facilitation/people.ts';
import { usePeople } from '../../facilitation/usePeople.ts';
import { useBoardStore } from '../../store/boardStore.ts';

export function groupLabel(group: string): string {
  return STAKEHOLDER_GROUP_LABELS[group as StakeholderGroup] ?? (group ? group : 'Group not given');
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
                {p.name}
                {isMe && <span className="person-me"> (you)</span>}
                <span className="person-group">{groupLabel(p.group)}</span>
              </span>
              <span className="person-counts" title="Cards, links and dots">
                {c ? `${c.cards}·${c.links}·${c.votes}` : '—'}
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
                    {p.name}
                    <span className="person-group">{groupLabel(p.group)}</span>
                  </span>
                  <span className="person-counts" title="Cards, links and dots">
                    {c ? `${c.cards}·${c.links}·${c.votes}` : '—'}
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
            return (
              <tr key={g.group} className={total === 0 ? 'participation-missing' : undefined} data-group={g.group}>
                <th scope="row">
                  {groupKeyLabel(g.group)}
                  <span className="participation-bar" style={{ width: `${(total / max) * 100}%` }} aria-hidden="true" />
                  {total === 0 && <span className="participation-note">no contribution yet</span>}
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
