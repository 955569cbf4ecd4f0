// An SDG target in its goal's official colour: the code big, the official text small.
import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type { CardOf } from '../../../shared/model/kinds.ts';
import { getGoal, getTarget, textColourOn } from '../../../shared/sdg/catalogue.ts';
import { CARD_RADIUS, CARD_SHADOW, FONT_FAMILY } from '../theme.ts';
import { BodyText, Caption, StatusBadge } from './CardChrome.tsx';

const PAD = 14;
const UNKNOWN_FILL = '#94A3B8';

function MigrationPill({ x, y, label, ink, fill }: { x: number; y: number; label: string; ink: string; fill: string }) {
  const width = label.length * 6.1 + 14;
  return (
    <Group x={x - width} y={y} listening={false}>
      <Rect width={width} height={17} cornerRadius={8.5} fill={fill} />
      <Text
        width={width}
        height={17}
        text={label}
        align="center"
        verticalAlign="middle"
        fontSize={9}
        fontStyle="bold"
        letterSpacing={0.6}
        fontFamily={FONT_FAMILY}
        fill={ink}
      />
    </Group>
  );
}

export const TargetNode = memo(function TargetNode({ card }: { card: CardOf<'target'> }) {
  const { w, h } = card;
  const target = getTarget(card.fields.code);
  const goal = target ? getGoal(target.goal) : undefined;
  const fill = goal?.colour ?? UNKNOWN_FILL;
  const ink = textColourOn(fill);
  const soft = ink === '#FFFFFF' ? 'rgba(255, 255, 255, 0.85)' : 'rgba(0, 0, 0, 0.72)';
  const migration = target?.migrationExplicit
    ? 'MIGRATION'
    : card.fields.migrationCrossCutting
      ? 'MIGRATION · TAGGED'
      : null;
  const goalLine = goal ? `GOAL ${goal.number} · ${goal.short.toUpperCase()}` : 'UNKNOWN TARGET';
  return (
    <>
      <Rect width={w} height={h} fill={fill} cornerRadius={CARD_RADIUS} perfectDrawEnabled={false} {...CARD_SHADOW} />
      <Caption x={PAD} y={12} width={w - 2 * PAD} text={goalLine} fill={soft} bold size={9.5} spacing={0.5} />
      <Text
        x={PAD}
        y={28}
        text={card.fields.code || '?'}
        fill={ink}
        fontSize={30}
        fontStyle="bold"
        fontFamily={FONT_FAMILY}
        listening={false}
      />
      {migration && <MigrationPill x={w - PAD} y={37} label={migration} ink={fill} fill={ink} />}
      <BodyText
        x={PAD}
        y={66}
        width={w - 2 * PAD}
        height={h - 66 - 10}
        text={target?.text ?? `No SDG target has the code “${card.fields.code}”.`}
        fill={soft}
        size={11}
        lineHeight={1.25}
      />
      <StatusBadge status={card.status} w={w} />
    </>
  );
});
