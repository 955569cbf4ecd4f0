// The area and scale of the board image: every card with a margin, at 100 % unless that would
// make an image too large to encode.
import type { Card } from '../../../shared/model/index.ts';

const MARGIN_PX = 48;
/** A frame's title sits above its box. */
const TITLE_ROOM_PX = 32;
/** Keeps the image within what every browser can encode (and memory can hold). */
const MAX_SIDE_PX = 8192;
const MAX_PIXELS = 48_000_000;

export interface BoardBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The board area holding every card, with a margin; null when the board is empty. */
export function boardBounds(cards: Iterable<Card>): BoardBounds | null {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const c of cards) {
    minX = Math.min(minX, c.x);
    minY = Math.min(minY, c.y - (c.kind === 'frame' ? TITLE_ROOM_PX : 0));
    maxX = Math.max(maxX, c.x + c.w);
    maxY = Math.max(maxY, c.y + c.h);
  }
  if (!Number.isFinite(minX)) return null;
  return {
    x: minX - MARGIN_PX,
    y: minY - MARGIN_PX,
    width: maxX - minX + 2 * MARGIN_PX,
    height: maxY - minY + 2 * MARGIN_PX,
  };
}

/** The scale at which the board is drawn: 100 %, or less when that would make too big an image. */
export function imageScale(bounds: BoardBounds, pixelRatio = 2): number {
  const bySide = MAX_SIDE_PX / (Math.max(bounds.width, bounds.height) * pixelRatio);
  const byArea = Math.sqrt(MAX_PIXELS / (bounds.width * bounds.height * pixelRatio * pixelRatio));
  return Math.min(1, bySide, byArea);
}
