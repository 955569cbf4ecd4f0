// Who else is on the board, as initials in their cursor colour.
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { stakeholderGroupLabel } from '../../shared/model/vocabulary.ts';
import { listPeers, type Peer } from '../sync/presence.ts';

const MAX_SHOWN = 5;

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [parts[0] ?? '?'];
  return letters.map((p) => (p ?? '?').charAt(0).toUpperCase()).join('');
}

const groupLabel = (peer: Peer) => stakeholderGroupLabel(peer.user.group, peer.user.groupDetail);

function signature(peers: Peer[]): string {
  return peers
    .map((p) => `${p.clientId}:${p.user.name}:${p.user.colour}:${p.user.group}:${p.user.groupDetail ?? ''}`)
    .join('|');
}

export function PeopleList({ awareness }: { awareness: Awareness }) {
  const [peers, setPeers] = useState(() => listPeers(awareness));
  useEffect(() => {
    let last = signature(listPeers(awareness));
    const onChange = () => {
      const next = listPeers(awareness);
      const sig = signature(next);
      // Cursor moves change awareness too; only arrivals, departures and renames re-render.
      if (sig !== last) {
        last = sig;
        setPeers(next);
      }
    };
    onChange();
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness]);

  if (peers.length === 0) return null;
  const shown = peers.slice(0, MAX_SHOWN);
  const more = peers.length - shown.length;
  const everyone = peers.map((p) => `${p.user.name} (${groupLabel(p)})`).join(', ');
  return (
    <ul className="people" aria-label={`Also here: ${everyone}`}>
      {shown.map((p) => (
        <li
          key={p.clientId}
          className="avatar"
          style={{ background: p.user.colour }}
          title={`${p.user.name} · ${groupLabel(p)}`}
        >
          {initials(p.user.name)}
        </li>
      ))}
      {more > 0 && (
        <li className="avatar avatar-more" title={everyone}>
          +{more}
        </li>
      )}
    </ul>
  );
}
