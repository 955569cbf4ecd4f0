// Everyone else's pointer, with name and colour. React renders a cursor when someone arrives,
// leaves or renames; every move only repositions a Konva node through its ref.
import type Konva from 'konva';
import { useEffect, useRef, useState } from 'react';
import { Group, Label, Path, Tag, Text } from 'react-konva';
import type { Awareness } from 'y-protocols/awareness';
import { listPeers, type Peer, readPeer } from '../sync/presence.ts';
import { FONT_FAMILY } from './theme.ts';

const POINTER_PATH = 'M0 0 L0 17 L4.6 12.8 L7.6 19.6 L10.6 18.3 L7.7 11.6 L13.6 11.4 Z';

type PeerLooks = ReadonlyMap<number, Peer>;

function sameLook(a: Peer | undefined, b: Peer | undefined): boolean {
  return a?.user.name === b?.user.name && a?.user.colour === b?.user.colour;
}

export function RemoteCursors({ awareness, scale }: { awareness: Awareness; scale: number }) {
  const [peers, setPeers] = useState<PeerLooks>(() => new Map(listPeers(awareness).map((p) => [p.clientId, p])));
  const nodes = useRef(new Map<number, Konva.Group>());
  const peersRef = useRef(peers);
  peersRef.current = peers;

  useEffect(() => {
    const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      let looksChanged = removed.some((id) => peersRef.current.has(id));
      for (const id of [...added, ...updated]) {
        const peer = readPeer(awareness, id);
        if (!sameLook(peer, peersRef.current.get(id))) looksChanged = true;
        const node = nodes.current.get(id);
        if (node && peer) {
          node.visible(peer.cursor !== null);
          if (peer.cursor) node.position(peer.cursor);
        }
      }
      if (looksChanged) setPeers(new Map(listPeers(awareness).map((p) => [p.clientId, p])));
      else nodes.current.values().next().value?.getLayer()?.batchDraw();
    };
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness]);

  const inverse = 1 / scale;
  return (
    <>
      {[...peers.values()].map((peer) => (
        <Group
          key={peer.clientId}
          ref={(node) => {
            if (node) nodes.current.set(peer.clientId, node);
            else nodes.current.delete(peer.clientId);
          }}
          x={peer.cursor?.x ?? 0}
          y={peer.cursor?.y ?? 0}
          visible={peer.cursor !== null}
          scaleX={inverse}
          scaleY={inverse}
          listening={false}
        >
          <Path
            data={POINTER_PATH}
            fill={peer.user.colour}
            stroke="#FFFFFF"
            strokeWidth={1.5}
            shadowColor="#000"
            shadowOpacity={0.25}
            shadowBlur={3}
            shadowOffsetY={1}
          />
          <Label x={12} y={20}>
            <Tag fill={peer.user.colour} cornerRadius={6} />
            <Text
              text={peer.user.name}
              fontFamily={FONT_FAMILY}
              fontSize={12}
              fontStyle="bold"
              fill="#FFFFFF"
              padding={5}
            />
          </Label>
        </Group>
      ))}
    </>
  );
}
