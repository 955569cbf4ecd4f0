import { memo } from 'react';
import { Rect } from 'react-konva';
import type { CardOf } from '../../../shared/model/kinds.ts';
import { CARD_SHADOW, COLOURS } from '../theme.ts';
import { BodyText, Caption, StatusBadge } from './CardChrome.tsx';

const PAD = 14;

export const NoteNode = memo(function NoteNode({ card, editing }: { card: CardOf<'note'>; editing: boolean }) {
  const { w, h } = card;
  const empty = card.fields.text.trim() === '';
  return (
    <>
      <Rect
        width={w}
        height={h}
        fill={card.fields.colour}
        cornerRadius={3}
        perfectDrawEnabled={false}
        {...CARD_SHADOW}
      />
      {!editing && (
        <BodyText
          x={PAD}
          y={PAD}
          width={w - 2 * PAD}
          height={h - PAD - 30}
          text={empty ? 'Empty note' : card.fields.text}
          fill={empty ? 'rgba(15, 23, 42, 0.4)' : COLOURS.ink}
          italic={empty}
          size={15}
        />
      )}
      <Caption x={PAD} y={h - 22} width={w - 2 * PAD} text={card.author.name} fill="rgba(15, 23, 42, 0.55)" />
      <StatusBadge status={card.status} w={w} />
    </>
  );
});
