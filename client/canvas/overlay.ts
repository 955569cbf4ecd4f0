// The overlay layer: hover and selection outlines, other people's selections in their colour,
// the handles of a single selection, the marquee, and the preview of a link being drawn.
import type { Card } from '../../shared/model/kinds.ts';
import { useBoardStore } from '../store/boardStore.ts';
import type { CanvasView } from './CanvasView.ts';
import { centreOf, exitPoint, type Point, type Rect } from './geometry.ts';
import { CORNER_PX, canLink, cornerPoints, END_PX, KNOB_PX, knobPoints } from './handles.ts';
import { CARD_RADIUS, COLOURS } from './theme.ts';

type Ctx = CanvasRenderingContext2D;

/** Past this many selected cards the halo fill is left out (the outline still shows). */
const HALO_LIMIT = 400;

function outline(ctx: Ctx, r: Rect, pad: number, scale: number): void {
  ctx.beginPath();
  ctx.roundRect(
    r.x - pad / scale,
    r.y - pad / scale,
    r.w + (2 * pad) / scale,
    r.h + (2 * pad) / scale,
    CARD_RADIUS + 4,
  );
}

function arrowTo(ctx: Ctx, from: Point, to: Point, scale: number, colour: string): void {
  const len = Math.hypot(to.x - from.x, to.y - from.y);
  if (len < 1) return;
  const ux = (to.x - from.x) / len;
  const uy = (to.y - from.y) / len;
  const head = 10 / scale;
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = 2 / scale;
  ctx.setLineDash([8 / scale, 6 / scale]);
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  ctx.lineTo(to.x - ux * head, to.y - uy * head);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.moveTo(to.x, to.y);
  ctx.lineTo(to.x - ux * head - uy * head * 0.45, to.y - uy * head + ux * head * 0.45);
  ctx.lineTo(to.x - ux * head + uy * head * 0.45, to.y - uy * head - ux * head * 0.45);
  ctx.closePath();
  ctx.fill();
}

function knob(ctx: Ctx, p: Point, radius: number, fill: string, stroke: string, scale: number): void {
  ctx.beginPath();
  ctx.arc(p.x, p.y, radius / scale, 0, Math.PI * 2);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.lineWidth = 1.5 / scale;
  ctx.strokeStyle = stroke;
  ctx.stroke();
}

export function drawOverlay(ctx: Ctx, view: CanvasView): void {
  const { scale } = view.viewport;
  const { index, gesture } = view;
  const store = useBoardStore.getState();
  const area = view.visibleBox(40);
  const inView = (r: Rect) => r.x <= area.maxX && r.x + r.w >= area.minX && r.y <= area.maxY && r.y + r.h >= area.minY;

  // Other people's selections, each in its person's colour, a little outside ours.
  const presence = view.presence;
  if (presence) {
    ctx.lineWidth = 2 / scale;
    for (const [id, colours] of presence.selectedBy) {
      const card = index.cards.get(id);
      if (card) {
        const r = view.rectOf(card);
        if (!inView(r)) continue;
        colours.forEach((colour, i) => {
          ctx.strokeStyle = colour;
          ctx.setLineDash([6 / scale, 4 / scale]);
          outline(ctx, r, 9 + 4 * i, scale);
          ctx.stroke();
        });
        continue;
      }
      const link = index.links.get(id);
      const ends = link ? view.linkEndsOf(link) : null;
      if (!ends) continue;
      ctx.setLineDash([6 / scale, 4 / scale]);
      ctx.strokeStyle = colours[0] as string;
      ctx.lineWidth = 6 / scale;
      ctx.beginPath();
      ctx.moveTo(ends.from.x, ends.from.y);
      ctx.lineTo(ends.to.x, ends.to.y);
      ctx.stroke();
      ctx.lineWidth = 2 / scale;
    }
    ctx.setLineDash([]);
  }

  // Hover: a thin outline on the card under the pointer.
  const hovered = view.hover ? index.cards.get(view.hover) : undefined;
  if (hovered && !view.selectedCards.has(hovered.id) && gesture.kind === 'idle') {
    ctx.strokeStyle = COLOURS.selection;
    ctx.lineWidth = 1.5 / scale;
    outline(ctx, view.rectOf(hovered), 3, scale);
    ctx.stroke();
  }

  // Our selection.
  const halo = view.selectedCards.size <= HALO_LIMIT;
  ctx.strokeStyle = COLOURS.selection;
  ctx.fillStyle = COLOURS.selectionHalo;
  ctx.lineWidth = 2 / scale;
  for (const id of view.selectedCards) {
    const card = index.cards.get(id);
    if (!card) continue;
    const r = view.rectOf(card);
    if (!inView(r)) continue;
    outline(ctx, r, 5, scale);
    if (halo && card.kind !== 'frame') ctx.fill();
    ctx.stroke();
  }

  // The card a link (link tool) starts from.
  const source = store.linkFrom ? index.cards.get(store.linkFrom) : undefined;
  if (source) {
    ctx.setLineDash([6 / scale, 4 / scale]);
    outline(ctx, view.rectOf(source), 5, scale);
    ctx.stroke();
    ctx.setLineDash([]);
    // The link tool waits for the second card: a dashed arrow follows the pointer to it.
    const over = view.hover && view.hover !== source.id ? index.cards.get(view.hover) : undefined;
    const towards = over ? centreOf(over) : view.pointer;
    if (towards && store.tool === 'link') {
      const start = exitPoint(source, centreOf(source), towards, 6);
      arrowTo(ctx, start, over ? exitPoint(over, centreOf(over), start, 6) : towards, scale, COLOURS.linkSource);
    }
  }

  const idle = gesture.kind === 'idle' || gesture.kind === 'resize';
  if (view.canEdit && store.tool === 'select' && idle) drawHandles(ctx, view, scale);

  if (gesture.kind === 'marquee') {
    const x = Math.min(gesture.origin.x, gesture.at.x);
    const y = Math.min(gesture.origin.y, gesture.at.y);
    ctx.fillStyle = 'rgba(37, 99, 235, 0.08)';
    ctx.strokeStyle = COLOURS.selection;
    ctx.lineWidth = 1 / scale;
    ctx.beginPath();
    ctx.rect(x, y, Math.abs(gesture.at.x - gesture.origin.x), Math.abs(gesture.at.y - gesture.origin.y));
    ctx.fill();
    ctx.stroke();
  }

  if (gesture.kind === 'link' || gesture.kind === 'retarget') {
    const over = gesture.over ? index.cards.get(gesture.over) : undefined;
    let start: Point;
    let end: Point;
    if (gesture.kind === 'link') {
      const from = index.cards.get(gesture.from);
      if (!from) return;
      const target = over ? centreOf(over) : gesture.at;
      start = exitPoint(from, centreOf(from), target, 6);
      end = over ? exitPoint(over, centreOf(over), start, 6) : gesture.at;
    } else {
      const link = index.links.get(gesture.linkId);
      const fixedId = link ? (gesture.end === 'to' ? link.from : link.to) : undefined;
      const fixed = fixedId ? index.cards.get(fixedId) : undefined;
      if (!fixed) return;
      const target = over ? centreOf(over) : gesture.at;
      const fixedPoint = exitPoint(fixed, centreOf(fixed), target, 6);
      const moving = over ? exitPoint(over, centreOf(over), fixedPoint, 6) : gesture.at;
      [start, end] = gesture.end === 'to' ? [fixedPoint, moving] : [moving, fixedPoint];
    }
    if (over) {
      ctx.strokeStyle = COLOURS.agreed;
      ctx.lineWidth = 2.5 / scale;
      outline(ctx, over, 5, scale);
      ctx.stroke();
    }
    arrowTo(ctx, start, end, scale, COLOURS.linkSource);
  }
}

function drawHandles(ctx: Ctx, view: CanvasView, scale: number): void {
  const { index } = view;
  if (view.selectedCards.size === 1 && view.selectedLinks.size === 0) {
    const [id] = view.selectedCards;
    const card = id ? index.cards.get(id) : undefined;
    if (!card) return;
    const r = view.rectOf(card);
    const size = CORNER_PX / scale;
    ctx.lineWidth = 1.5 / scale;
    ctx.strokeStyle = COLOURS.selection;
    ctx.fillStyle = '#FFFFFF';
    for (const p of Object.values(cornerPoints(r))) {
      ctx.beginPath();
      ctx.rect(p.x - size / 2, p.y - size / 2, size, size);
      ctx.fill();
      ctx.stroke();
    }
    if (canLink(card as Card)) {
      for (const p of Object.values(knobPoints(r, scale)))
        knob(ctx, p, KNOB_PX / 2 + 1, COLOURS.selection, '#FFFFFF', scale);
    }
  } else if (view.selectedLinks.size === 1 && view.selectedCards.size === 0) {
    const [id] = view.selectedLinks;
    const link = id ? index.links.get(id) : undefined;
    const ends = link ? view.linkEndsOf(link) : null;
    if (!ends) return;
    knob(ctx, ends.from, END_PX / 2 + 1, '#FFFFFF', COLOURS.selection, scale);
    knob(ctx, ends.to, END_PX / 2 + 1, '#FFFFFF', COLOURS.selection, scale);
  }
}
