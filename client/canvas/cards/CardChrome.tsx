// Pieces every card kind draws: the status badge on its corner and its small caption lines.
import { Circle, Group, Path, Text } from 'react-konva';
import type { CardStatus } from '../../../shared/model/vocabulary.ts';
import { COLOURS, FONT_FAMILY } from '../theme.ts';

/** A badge on the top-right corner: a green tick once agreed, an amber dot while discussed. */
export function StatusBadge({ status, w }: { status: CardStatus; w: number }) {
  if (status === 'proposed') return null;
  const agreed = status === 'agreed';
  return (
    <Group x={w - 2} y={2} listening={false}>
      <Circle
        radius={agreed ? 10 : 7}
        fill={agreed ? COLOURS.agreed : COLOURS.discussed}
        stroke="#FFFFFF"
        strokeWidth={2}
      />
      {agreed && (
        <Path data="M-4.5 0.5 L-1.5 3.5 L4.5 -3" stroke="#FFFFFF" strokeWidth={2} lineCap="round" lineJoin="round" />
      )}
    </Group>
  );
}

interface CaptionProps {
  x: number;
  y: number;
  width: number;
  text: string;
  fill: string;
  bold?: boolean;
  size?: number;
  spacing?: number;
}

/** One line of small text, cut with an ellipsis. */
export function Caption({ x, y, width, text, fill, bold = false, size = 10.5, spacing = 0 }: CaptionProps) {
  return (
    <Text
      x={x}
      y={y}
      width={width}
      height={size * 1.3}
      text={text}
      fill={fill}
      fontSize={size}
      fontFamily={FONT_FAMILY}
      fontStyle={bold ? 'bold' : 'normal'}
      letterSpacing={spacing}
      wrap="none"
      ellipsis
      listening={false}
    />
  );
}

interface BodyTextProps {
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
  fill: string;
  size: number;
  bold?: boolean;
  italic?: boolean;
  lineHeight?: number;
}

/** Wrapped text cut with an ellipsis where the card ends. */
export function BodyText({
  x,
  y,
  width,
  height,
  text,
  fill,
  size,
  bold = false,
  italic = false,
  lineHeight = 1.3,
}: BodyTextProps) {
  return (
    <Text
      x={x}
      y={y}
      width={width}
      height={Math.max(size * lineHeight, height)}
      text={text}
      fill={fill}
      fontSize={size}
      fontFamily={FONT_FAMILY}
      fontStyle={`${italic ? 'italic ' : ''}${bold ? 'bold' : 'normal'}`}
      lineHeight={lineHeight}
      wrap="word"
      ellipsis
      listening={false}
    />
  );
}
