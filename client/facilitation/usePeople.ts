// Everyone known on this board (online now and everyone who took part), kept current.
import { useEffect, useMemo, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { BoardItems } from '../canvas/useBoardItems.ts';
import { colourForId } from '../store/identity.ts';
import { listPeers } from '../sync/presence.ts';
import { knownPeople, type OnlinePerson, type Person } from './people.ts';

function readOnline(awareness: Awareness): OnlinePerson[] {
  return listPeers(awareness).map((p) => ({
    clientId: p.clientId,
    id: p.user.id ?? `client-${p.clientId}`,
    name: p.user.name,
    group: p.user.group,
    colour: p.user.colour,
  }));
}

export function useOnline(awareness: Awareness): OnlinePerson[] {
  const [online, setOnline] = useState(() => readOnline(awareness));
  useEffect(() => {
    let last = '';
    const onChange = () => {
      const next = readOnline(awareness);
      const sig = next.map((p) => `${p.clientId}:${p.id}:${p.name}:${p.group}`).join('|');
      // Cursor and view moves change awareness too; only arrivals, departures and renames count.
      if (sig === last) return;
      last = sig;
      setOnline(next);
    };
    onChange();
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness]);
  return online;
}

export function usePeople(
  awareness: Awareness,
  items: BoardItems,
  me: { id: string; name: string; group: string },
): Person[] {
  const online = useOnline(awareness);
  return useMemo(() => {
    const self: OnlinePerson = {
      clientId: awareness.clientID,
      id: me.id,
      name: me.name,
      group: me.group,
      colour: colourForId(me.id),
    };
    return knownPeople(items.cards.values(), items.links.values(), [self, ...online], colourForId);
  }, [awareness, items, online, me.id, me.name, me.group]);
}
