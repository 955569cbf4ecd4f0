// Where link arrows start and end: on the edges of the two cards, not their centres.

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function centreOf(r: Rect): Point {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

/**
 * The point where the ray from `inside` towards `towards` leaves `rect` grown by `gap` on every
 * side. `inside` must be inside the rect; it is returned as is when the two points coincide.
 */
export function exitPoint(rect: Rect, inside: Point, towards: Point, gap: number): Point {
  const dx = towards.x - inside.x;
  const dy = towards.y - inside.y;
  if (dx === 0 && dy === 0) return inside;
  const left = rect.x - gap;
  const right = rect.x + rect.w + gap;
  const top = rect.y - gap;
  const bottom = rect.y + rect.h + gap;
  const tx = dx > 0 ? (right - inside.x) / dx : dx < 0 ? (left - inside.x) / dx : Number.POSITIVE_INFINITY;
  const ty = dy > 0 ? (bottom - inside.y) / dy : dy < 0 ? (top - inside.y) / dy : Number.POSITIVE_INFINITY;
  const t = Math.max(0, Math.min(tx, ty));
  return { x: inside.x + dx * t, y: inside.y + dy * t };
}

/**
 * The arrow from card `a` to card `b` as [x1, y1, x2, y2]. `offset` shifts the line sideways (to
 * its right), so that A→B and B→A drawn together stay apart.
 */
export function linkPoints(a: Rect, b: Rect, offset = 0, gap = 6): [number, number, number, number] {
  const ca = centreOf(a);
  const cb = centreOf(b);
  const len = Math.hypot(cb.x - ca.x, cb.y - ca.y) || 1;
  const nx = (-(cb.y - ca.y) / len) * offset;
  const ny = ((cb.x - ca.x) / len) * offset;
  const sa = { x: ca.x + nx, y: ca.y + ny };
  const sb = { x: cb.x + nx, y: cb.y + ny };
  const start = exitPoint(a, sa, sb, gap);
  const end = exitPoint(b, sb, sa, gap);
  return [start.x, start.y, end.x, end.y];
}
