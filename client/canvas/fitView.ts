import type { Card } from '../../shared/model/kinds.ts';
import { clampScale, type ScreenSize, type Viewport } from '../store/viewportSlice.ts';

const MARGIN_PX = 80;

/** The viewport that shows every card, at most at 100 %, centred. */
export function fitView(cards: Iterable<Card>, size: ScreenSize): Viewport | null {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const c of cards) {
    minX = Math.min(minX, c.x);
    minY = Math.min(minY, c.y);
    maxX = Math.max(maxX, c.x + c.w);
    maxY = Math.max(maxY, c.y + c.h);
  }
  if (!Number.isFinite(minX)) return null;
  const width = Math.max(1, maxX - minX);
  const height = Math.max(1, maxY - minY);
  const scale = clampScale(Math.min(1, (size.width - 2 * MARGIN_PX) / width, (size.height - 2 * MARGIN_PX) / height));
  return {
    scale,
    x: size.width / 2 - (minX + width / 2) * scale,
    y: size.height / 2 - (minY + height / 2) * scale,
  };
}

/** The viewport that shows a board box with a margin, at most at `maxScale`, centred. */
export function fitBox(
  box: { minX: number; minY: number; maxX: number; maxY: number },
  size: ScreenSize,
  maxScale = 1,
): Viewport {
  const width = Math.max(1, box.maxX - box.minX);
  const height = Math.max(1, box.maxY - box.minY);
  const margin = Math.min(MARGIN_PX, size.width / 6, size.height / 6);
  const scale = clampScale(Math.min(maxScale, (size.width - 2 * margin) / width, (size.height - 2 * margin) / height));
  return {
    scale,
    x: size.width / 2 - (box.minX + width / 2) * scale,
    y: size.height / 2 - (box.minY + height / 2) * scale,
  };
}
