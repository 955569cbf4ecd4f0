// The white card with a coloured edge that interventions, objectives and actors share.
import { Rect } from 'react-konva';
import type { CardStatus } from '../../../shared/model/vocabulary.ts';
import { CARD_RADIUS, CARD_SHADOW, COLOURS } from '../theme.ts';
import { BodyText, Caption, StatusBadge } from './CardChrome.tsx';

const PAD = 18;
const ACCENT_PX = 5;

interface Props {
  w: number;
  h: number;
  accent: string;
  kicker: string;
  title: string;
  placeholder: string;
  footer: string;
  status: CardStatus;
  editing: boolean;
}

export function PlainCard({ w, h, accent, kicker, title, placeholder, footer, status, editing }: Props) {
  const empty = title.trim() === '';
  return (
    <>
      <Rect
        width={w}
        height={h}
        fill={COLOURS.card}
        stroke={COLOURS.line}
        strokeWidth={1}
        cornerRadius={CARD_RADIUS}
        perfectDrawEnabled={false}
        {...CARD_SHADOW}
      />
      <Rect
        width={ACCENT_PX}
        height={h}
        fill={accent}
        cornerRadius={[CARD_RADIUS, 0, 0, CARD_RADIUS]}
        listening={false}
      />
      <Caption x={PAD} y={14} width={w - 2 * PAD} text={kicker} fill={accent} bold size={10} spacing={1} />
      {!editing && (
        <BodyText
          x={PAD}
          y={33}
          width={w - 2 * PAD}
          height={h - 33 - 30}
          text={empty ? placeholder : title}
          fill={empty ? COLOURS.inkMuted : COLOURS.ink}
          italic={empty}
          bold={!empty}
          size={16}
          lineHeight={1.25}
        />
      )}
      <Caption x={PAD} y={h - 22} width={w - 2 * PAD} text={footer} fill={COLOURS.inkMuted} />
      <StatusBadge status={status} w={w} />
    </>
  );
}
