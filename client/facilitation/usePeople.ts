// Everyone known on this board (online now, everyone the server recorded, everyone who took
// part), kept current.
import { useEffect, useMemo, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { type Attendance, observeAttendance, readAttendance } from '../../shared/model/index.ts';
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
    ...(p.user.groupDetail ? { groupDetail: p.user.groupDetail } : {}),
    colour: p.user.colour,
  }));
}

export function useOnline(awareness: Awareness): OnlinePerson[] {
  const [online, setOnline] = useState(() => readOnline(awareness));
  useEffect(() => {
    let last = '';
    const onChange = () => {
      const next = readOnline(awareness);
      const sig = next.map((p) => `${p.clientId}:${p.id}:${p.name}:${p.group}:${p.groupDetail ?? ''}`).join('|');
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

/** The attendance the server records in the board, re-read whenever it writes it. */
export function useAttendance(doc: Y.Doc): Attendance[] {
  const [records, setRecords] = useState(() => readAttendance(doc));
  useEffect(() => {
    setRecords(readAttendance(doc));
    return observeAttendance(doc, () => setRecords(readAttendance(doc)));
  }, [doc]);
  return records;
}

const NO_ATTENDANCE: readonly Attendance[] = [];

export function usePeople(
  awareness: Awareness,
  items: BoardItems,
  me: { id: string; name: string; group: string; groupDetail?: string },
  attendance: readonly Attendance[] = NO_ATTENDANCE,
): Person[] {
  const online = useOnline(awareness);
  return useMemo(() => {
    const self: OnlinePerson = {
      clientId: awareness.clientID,
      id: me.id,
      name: me.name,
      group: me.group,
      ...(me.groupDetail ? { groupDetail: me.groupDetail } : {}),
      colour: colourForId(me.id),
    };
    return knownPeople(items.cards.values(), items.links.values(), [self, ...online], colourForId, attendance);
  }, [awareness, items, online, me.id, me.name, me.group, me.groupDetail, attendance]);
}
