// A link drawn as an arrow from card edge to card edge. It re-renders when its link or one of
// its cards changes, and follows a dragged card through LiveLinks without re-rendering.
import type Konva from 'konva';
import { memo, useEffect, useLayoutEffect, useRef } from 'react';
import { Arrow, Group, Label, Line, Tag, Text } from 'react-konva';
import { formatScore, scoreColour } from '../../shared/model/interactionScale.ts';
import type { Card, Link } from '../../shared/model/kinds.ts';
import { textColourOn } from '../../shared/sdg/catalogue.ts';
import type { CanvasActions } from './actions.ts';
import { linkPoints, type Rect } from './geometry.ts';
import { fittingLabel, LABEL_FONT_PX, LABEL_H, LABEL_PAD_PX } from './linkLabel.ts';
import type { LiveLinks } from './liveLinks.ts';
import { COLOURS, FONT_FAMILY } from './theme.ts';

interface Props {
  link: Link;
  from: Card;
  to: Card;
  /** Sideways shift, when the reverse link is drawn too. */
  offset: number;
  selected: boolean;
  actions: CanvasActions;
  live: LiveLinks;
}

interface LinkLook {
  stroke: string;
  dash: number[] | undefined;
  label: string;
  /** What the label shrinks to when the arrow is too short for it ('' hides it). */
  shortLabel: string;
  labelFill: string;
  labelInk: string;
  labelStroke: string | undefined;
}

function lookOf(link: Link): LinkLook {
  switch (link.kind) {
    case 'interaction': {
      const colour = scoreColour(link.fields.score);
      return {
        stroke: colour,
        dash: undefined,
        label: formatScore(link.fields.score),
        shortLabel: formatScore(link.fields.score).split(' ')[0] ?? '',
        labelFill: colour,
        labelInk: textColourOn(colour),
        labelStroke: undefined,
      };
    }
    case 'contributes':
      return {
        stroke: COLOURS.contributes,
        dash: [9, 6],
        label: 'contributes',
        shortLabel: '',
        labelFill: '#FFFFFF',
        labelInk: COLOURS.contributes,
        labelStroke: COLOURS.line,
      };
    case 'implements':
      return {
        stroke: COLOURS.implements,
        dash: [2, 5],
        label: `implements · ${link.fields.role}`,
        shortLabel: '',
        labelFill: '#FFFFFF',
        labelInk: COLOURS.implements,
        labelStroke: COLOURS.line,
      };
  }
}

const rectOf = (c: Card): Rect => ({ x: c.x, y: c.y, w: c.w, h: c.h });

export const LinkArrow = memo(function LinkArrow({ link, from, to, offset, selected, actions, live }: Props) {
  const arrowRef = useRef<Konva.Arrow>(null);
  const haloRef = useRef<Konva.Line>(null);
  const labelRef = useRef<Konva.Label>(null);
  const labelTextRef = useRef<Konva.Text>(null);
  const ends = useRef({ from: rectOf(from), to: rectOf(to) });
  ends.current = { from: rectOf(from), to: rectOf(to) };

  const points = linkPoints(ends.current.from, ends.current.to, offset);
  const look = lookOf(link);
  const lookRef = useRef(look);
  lookRef.current = look;
  const shown = fittingLabel(points, look);

  useLayoutEffect(() => {
    const label = labelRef.current;
    if (!label) return;
    label.offsetX(label.width() / 2);
    label.offsetY(label.height() / 2);
  });

  useEffect(() => {
    const fromId = from.id;
    const redraw = (cardId: string, rect: Rect) => {
      if (cardId === fromId) ends.current.from = rect;
      else ends.current.to = rect;
      const pts = linkPoints(ends.current.from, ends.current.to, offset);
      arrowRef.current?.points(pts);
      haloRef.current?.points(pts);
      const label = labelRef.current;
      const text = labelTextRef.current;
      if (!label || !text) return;
      const fitting = fittingLabel(pts, lookRef.current);
      if (text.text() !== fitting) {
        text.text(fitting);
        label.offsetX(label.width() / 2);
      }
      label.visible(fitting !== '');
      label.position({ x: (pts[0] + pts[2]) / 2, y: (pts[1] + pts[3]) / 2 });
    };
    return live.listen([from.id, to.id], redraw);
  }, [live, from.id, to.id, offset]);

  const down = (e: Konva.KonvaEventObject<PointerEvent>) => actions.linkPointerDown(link.id, e);
  return (
    <Group
      onPointerDown={down}
      onMouseEnter={() => actions.linkHover(link.id, true)}
      onMouseLeave={() => actions.linkHover(link.id, false)}
    >
      {selected && (
        <Line
          ref={haloRef}
          points={points}
          stroke={COLOURS.selectionHalo}
          strokeWidth={12}
          lineCap="round"
          listening={false}
        />
      )}
      <Arrow
        ref={arrowRef}
        points={points}
        stroke={look.stroke}
        fill={look.stroke}
        strokeWidth={selected ? 3 : 2}
        dash={look.dash}
        pointerLength={11}
        pointerWidth={10}
        lineCap="round"
        hitStrokeWidth={16}
        perfectDrawEnabled={false}
      />
      <Label ref={labelRef} x={(points[0] + points[2]) / 2} y={(points[1] + points[3]) / 2} visible={shown !== ''}>
        <Tag
          fill={look.labelFill}
          stroke={selected ? COLOURS.selection : look.labelStroke}
          strokeWidth={selected ? 2 : 1}
          cornerRadius={LABEL_H / 2}
        />
        <Text
          ref={labelTextRef}
          text={shown}
          fontSize={LABEL_FONT_PX}
          fontStyle="bold"
          fontFamily={FONT_FAMILY}
          fill={look.labelInk}
          padding={LABEL_PAD_PX}
        />
      </Label>
    </Group>
  );
});
