import type { Card } from '../../shared/model/kinds.ts';

const GRID_PX = 24;
// Room between cards for an arrow and its label.
const MARGIN_PX = 64;
const MAX_RINGS = 40;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function clashes(a: Box, b: Box): boolean {
  return (
    a.x < b.x + b.w + MARGIN_PX &&
    b.x < a.x + a.w + MARGIN_PX &&
    a.y < b.y + b.h + MARGIN_PX &&
    b.y < a.y + a.h + MARGIN_PX
  );
}

/**
 * Where to put a new w×h card meant for `centre`: the nearest spot on a 24 px grid, ring by ring
 * outwards, where it overlaps no other card, so new cards never hide each other. If the area is
 * full, the centre itself.
 */
export function freeSpot(
  cards: Iterable<Card>,
  centre: { x: number; y: number },
  w: number,
  h: number,
): { x: number; y: number } {
  const x0 = Math.round(centre.x - w / 2);
  const y0 = Math.round(centre.y - h / 2);
  const near = [...cards].filter(
    (c) => Math.abs(c.x - x0) < MAX_RINGS * GRID_PX + c.w + w && Math.abs(c.y - y0) < MAX_RINGS * GRID_PX + c.h + h,
  );
  const free = (x: number, y: number) => !near.some((c) => clashes({ x, y, w, h }, c));
  if (free(x0, y0)) return { x: x0, y: y0 };
  for (let ring = 1; ring <= MAX_RINGS; ring++) {
    // The ring's cells, nearest to the centre first (right and down before left and up on ties).
    const cells: { dx: number; dy: number; d: number }[] = [];
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
        cells.push({ dx: i, dy: j, d: Math.hypot(i, j) - (i > 0 ? 0.01 : 0) - (j > 0 ? 0.005 : 0) });
      }
    }
    cells.sort((a, b) => a.d - b.d);
    for (const { dx, dy } of cells) {
      const x = x0 + dx * GRID_PX;
      const y = y0 + dy * GRID_PX;
      if (free(x, y)) return { x, y };
    }
  }
  return { x: x0, y: y0 };
}
