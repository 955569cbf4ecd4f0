// The pointer gesture under way on the canvas: what the input side is doing, read by the
// renderers to draw its preview (dragged cards, marquee, link being drawn, resize).
import type { Point, Rect } from './geometry.ts';

export type Corner = 'nw' | 'ne' | 'sw' | 'se';
export type Side = 'n' | 'e' | 's' | 'w';

export type Gesture =
  | { kind: 'idle' }
  /** Pressed on a card; becomes a drag once the pointer travels a few pixels. */
  | { kind: 'press'; cardId: string; origin: Point; toggleOnClick: boolean; refused?: boolean }
  | { kind: 'drag'; ids: readonly string[]; set: ReadonlySet<string>; origin: Point; dx: number; dy: number }
  | { kind: 'marquee'; origin: Point; at: Point; additive: boolean; base: readonly string[] }
  | { kind: 'pan'; last: { x: number; y: number } }
  | { kind: 'resize'; cardId: string; set: ReadonlySet<string>; corner: Corner; start: Rect; rect: Rect; origin: Point }
  /** A new link dragged out of a card's edge handle, or started with the link tool. */
  | { kind: 'link'; from: string; at: Point; over: string | null }
  /** One end of a selected link dragged to another card. */
  | { kind: 'retarget'; linkId: string; end: 'from' | 'to'; at: Point; over: string | null };

export const IDLE: Gesture = { kind: 'idle' };

/** Where a card is drawn now: moved by a drag, resized by a resize, or where the model has it. */
export function liveRect(gesture: Gesture, card: { id: string } & Rect): Rect {
  if (gesture.kind === 'drag' && gesture.set.has(card.id)) {
    return { x: card.x + gesture.dx, y: card.y + gesture.dy, w: card.w, h: card.h };
  }
  if (gesture.kind === 'resize' && gesture.cardId === card.id) return gesture.rect;
  return card;
}

/** Cards the gesture draws on the drag layer instead of the scene. */
export function movingCards(gesture: Gesture): ReadonlySet<string> | null {
  if (gesture.kind === 'drag') return gesture.set;
  if (gesture.kind === 'resize') return gesture.set;
  return null;
}

const MIN_W = 40;
const MIN_H = 30;

/** The rect a corner drag gives, keeping the opposite corner fixed. */
export function resizedRect(start: Rect, corner: Corner, dx: number, dy: number): Rect {
  let { x, y, w, h } = start;
  if (corner === 'nw' || corner === 'sw') {
    const nw = Math.max(MIN_W, w - dx);
    x += w - nw;
    w = nw;
  } else {
    w = Math.max(MIN_W, w + dx);
  }
  if (corner === 'nw' || corner === 'ne') {
    const nh = Math.max(MIN_H, h - dy);
    y += h - nh;
    h = nh;
  } else {
    h = Math.max(MIN_H, h + dy);
  }
  return { x: Math.round(x), y: Math.round(y), w: Math.round(w), h: Math.round(h) };
}
