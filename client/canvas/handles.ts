// The handles drawn around a selection and found again under the pointer: resize corners and
// link-drawing knobs on a single selected card, and the two ends of a selected link.
import type { Card, CardKind } from '../../shared/model/kinds.ts';
import { linkPoints, type Point, type Rect } from './geometry.ts';
import type { Corner, Side } from './gesture.ts';

/** Handle sizes in screen pixels: they stay the same size at every zoom. */
export const CORNER_PX = 9;
export const KNOB_PX = 7;
const KNOB_GAP_PX = 16;
export const END_PX = 7;
const HIT_SLOP_PX = 5;

/** Card kinds that links can start from or end at (notes and frames take none). */
const LINKABLE: ReadonlySet<CardKind> = new Set(['target', 'intervention', 'objective', 'actor']);

export function canLink(card: Card): boolean {
  return LINKABLE.has(card.kind);
}

export function cornerPoints(r: Rect): Record<Corner, Point> {
  return {
    nw: { x: r.x, y: r.y },
    ne: { x: r.x + r.w, y: r.y },
    sw: { x: r.x, y: r.y + r.h },
    se: { x: r.x + r.w, y: r.y + r.h },
  };
}

export function knobPoints(r: Rect, scale: number): Record<Side, Point> {
  const gap = KNOB_GAP_PX / scale;
  return {
    n: { x: r.x + r.w / 2, y: r.y - gap },
    e: { x: r.x + r.w + gap, y: r.y + r.h / 2 },
    s: { x: r.x + r.w / 2, y: r.y + r.h + gap },
    w: { x: r.x - gap, y: r.y + r.h / 2 },
  };
}

export function linkEnds(from: Rect, to: Rect, offset: number): Record<'from' | 'to', Point> {
  const [x1, y1, x2, y2] = linkPoints(from, to, offset);
  return { from: { x: x1, y: y1 }, to: { x: x2, y: y2 } };
}

function near(a: Point, b: Point, radiusPx: number, scale: number): boolean {
  return Math.hypot(a.x - b.x, a.y - b.y) <= (radiusPx + HIT_SLOP_PX) / scale;
}

export function cornerAt(r: Rect, p: Point, scale: number): Corner | null {
  for (const [corner, at] of Object.entries(cornerPoints(r)) as [Corner, Point][]) {
    if (near(at, p, CORNER_PX / 2, scale)) return corner;
  }
  return null;
}

export function knobAt(r: Rect, p: Point, scale: number): Side | null {
  for (const [side, at] of Object.entries(knobPoints(r, scale)) as [Side, Point][]) {
    if (near(at, p, KNOB_PX, scale)) return side;
  }
  return null;
}

export function endAt(ends: Record<'from' | 'to', Point>, p: Point, scale: number): 'from' | 'to' | null {
  if (near(ends.to, p, END_PX, scale)) return 'to';
  if (near(ends.from, p, END_PX, scale)) return 'from';
  return null;
}

/** Distance from `p` to the segment a→b. */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}
