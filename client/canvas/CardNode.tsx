// One card on the canvas: position, dragging, selection outline, and the kind's own drawing.

import type Konva from 'konva';
import { memo, useCallback } from 'react';
import { Group, Rect } from 'react-konva';
import type { Card } from '../../shared/model/kinds.ts';
import type { CanvasActions } from './actions.ts';
import { ActorNode } from './cards/ActorNode.tsx';
import { FrameNode } from './cards/FrameNode.tsx';
import { InterventionNode } from './cards/InterventionNode.tsx';
import { NoteNode } from './cards/NoteNode.tsx';
import { ObjectiveNode } from './cards/ObjectiveNode.tsx';
import { TargetNode } from './cards/TargetNode.tsx';
import { CARD_RADIUS, COLOURS } from './theme.ts';

interface Props {
  card: Card;
  selected: boolean;
  linkSource: boolean;
  draggable: boolean;
  editing: boolean;
  actions: CanvasActions;
}

function KindNode({ card, editing }: { card: Card; editing: boolean }) {
  switch (card.kind) {
    case 'note':
      return <NoteNode card={card} editing={editing} />;
    case 'target':
      return <TargetNode card={card} />;
    case 'intervention':
      return <InterventionNode card={card} editing={editing} />;
    case 'objective':
      return <ObjectiveNode card={card} editing={editing} />;
    case 'actor':
      return <ActorNode card={card} editing={editing} />;
    case 'frame':
      return <FrameNode card={card} editing={editing} />;
  }
}

export const CardNode = memo(function CardNode({ card, selected, linkSource, draggable, editing, actions }: Props) {
  const { id, w, h } = card;
  const register = useCallback((node: Konva.Group | null) => actions.registerCard(id, node), [actions, id]);
  return (
    <Group
      ref={register}
      name="card"
      x={card.x}
      y={card.y}
      draggable={draggable}
      onPointerDown={(e) => actions.cardPointerDown(id, e)}
      onPointerClick={(e) => actions.cardClick(id, e)}
      onPointerDblClick={(e) => actions.cardDoubleClick(id, e)}
      onMouseEnter={() => actions.cardHover(id, true)}
      onMouseLeave={() => actions.cardHover(id, false)}
      onDragStart={(e) => actions.cardDragStart(id, e)}
      onDragMove={(e) => actions.cardDragMove(id, e)}
      onDragEnd={(e) => actions.cardDragEnd(id, e)}
    >
      {(selected || linkSource) && (
        <Rect
          x={-5}
          y={-5}
          width={w + 10}
          height={h + 10}
          cornerRadius={CARD_RADIUS + 4}
          stroke={COLOURS.selection}
          strokeWidth={2}
          dash={linkSource ? [6, 4] : undefined}
          fill={selected ? COLOURS.selectionHalo : undefined}
          listening={false}
        />
      )}
      <KindNode card={card} editing={editing} />
    </Group>
  );
});
