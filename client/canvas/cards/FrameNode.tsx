import { memo } from 'react';
import { Rect } from 'react-konva';
import type { CardOf } from '../../../shared/model/kinds.ts';
import { COLOURS } from '../theme.ts';
import { Caption } from './CardChrome.tsx';

/** A titled area behind other cards; its title sits above its top edge. */
export const FrameNode = memo(function FrameNode({ card, editing }: { card: CardOf<'frame'>; editing: boolean }) {
  return (
    <>
      <Rect
        width={card.w}
        height={card.h}
        fill={COLOURS.frameFill}
        stroke={COLOURS.frameStroke}
        strokeWidth={1.5}
        dash={[10, 6]}
        cornerRadius={12}
        perfectDrawEnabled={false}
      />
      {!editing && (
        <Caption
          x={4}
          y={-22}
          width={card.w - 8}
          text={card.fields.title || 'Untitled frame'}
          fill={COLOURS.inkSoft}
          bold
          size={14}
        />
      )}
    </>
  );
});
