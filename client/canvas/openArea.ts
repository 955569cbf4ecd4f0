// Where a new card goes: the part of the board one can see, less the panels floating over it
// (outline, minimap, zoom bar, inspector, dock, palette); near the pointer if it is over that
// part, else near the selection, else its centre. The view moves when the card would not show.
import { useBoardStore } from '../store/boardStore.ts';
import { canvasProbe } from './canvasProbe.ts';

/** Panels that may float over the board; only those overlapping it count. */
const FLOATING_PANELS_SELECTOR = [
  '.zoom-controls',
  '.minimap',
  '.fac-dock',
  '.outline-panel',
  '.outline-rail',
  '.sidebar',
  '.inspector-panel',
  '.palette',
  '.share-panel',
  '[role="dialog"]',
].join(', ');
const EDGE_MARGIN_PX = 16;

/** A rectangle in the board container's pixels (0,0 at its top-left corner). */
export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function boardElement(): HTMLElement | null {
  // No page (the model's tests in Node): nothing floats over anything.
  if (typeof document === 'undefined') return null;
  return document.querySelector<HTMLElement>('.board-canvas');
}

/**
 * The visible board less the floating panels over it. Each panel takes its strip off the side
 * that costs the least room (a side panel its side, the zoom bar the bottom).
 */
export function openArea(): ScreenRect {
  const { stageSize } = useBoardStore.getState();
  const area: ScreenRect = { left: 0, top: 0, right: stageSize.width, bottom: stageSize.height };
  const board = boardElement();
  if (!board) return area;
  const origin = board.getBoundingClientRect();
  for (const el of document.querySelectorAll<HTMLElement>(FLOATING_PANELS_SELECTOR)) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const box = {
      left: r.left - origin.left,
      top: r.top - origin.top,
      right: r.right - origin.left,
      bottom: r.bottom - origin.top,
    };
    if (box.right <= area.left || box.left >= area.right || box.bottom <= area.top || box.top >= area.bottom) continue;
    const cuts: [keyof ScreenRect, number, number][] = [
      ['left', box.right, (box.right - area.left) * (area.bottom - area.top)],
      ['right', box.left, (area.right - box.left) * (area.bottom - area.top)],
      ['top', box.bottom, (box.bottom - area.top) * (area.right - area.left)],
      ['bottom', box.top, (area.bottom - box.top) * (area.right - area.left)],
    ];
    cuts.sort((a, b) => a[2] - b[2]);
    const [side, edge] = cuts[0] as [keyof ScreenRect, number, number];
    area[side] = edge;
  }
  // A board almost hidden by panels: its whole visible part rather than nothing.
  if (area.right - area.left < 120 || area.bottom - area.top < 120)
    return { left: 0, top: 0, right: stageSize.width, bottom: stageSize.height };
  return area;
}

function toScreen(p: { x: number; y: number }): { x: number; y: number } {
  const { viewport } = useBoardStore.getState();
  return { x: p.x * viewport.scale + viewport.x, y: p.y * viewport.scale + viewport.y };
}

function toBoard(p: { x: number; y: number }): { x: number; y: number } {
  const { viewport } = useBoardStore.getState();
  return { x: (p.x - viewport.x) / viewport.scale, y: (p.y - viewport.y) / viewport.scale };
}

function inside(p: { x: number; y: number }, r: ScreenRect): boolean {
  return p.x >= r.left && p.x <= r.right && p.y >= r.top && p.y <= r.bottom;
}

/** The board point a new card is centred near. */
export function newCardCentre(): { x: number; y: number } {
  const area = openArea();
  const pointer = canvasProbe()?.pointer() ?? null;
  if (pointer && inside(toScreen(pointer), area)) return pointer;
  const store = useBoardStore.getState();
  const selected = store.selectedCards
    .map((id) => canvasProbe()?.cardClientBox(id))
    .filter((b): b is NonNullable<typeof b> => !!b);
  const board = boardElement()?.getBoundingClientRect();
  if (selected.length > 0 && board) {
    const x = selected.reduce((sum, b) => sum + b.x + b.width / 2, 0) / selected.length - board.left;
    const y = selected.reduce((sum, b) => sum + b.y + b.height / 2, 0) / selected.length - board.top;
    if (inside({ x, y }, area)) return toBoard({ x, y });
  }
  return toBoard({ x: (area.left + area.right) / 2, y: (area.top + area.bottom) / 2 });
}

/**
 * Pans the view (never zooms) so a board box lies inside the open area with a margin; a box
 * larger than the area gets its top-left corner shown.
 */
export function bringIntoOpenArea(box: { x: number; y: number; w: number; h: number }): void {
  const area = openArea();
  const store = useBoardStore.getState();
  const { viewport } = store;
  const a = toScreen(box);
  const w = box.w * viewport.scale;
  const h = box.h * viewport.scale;
  const shift = (start: number, size: number, lo: number, hi: number) => {
    if (start >= lo + EDGE_MARGIN_PX && start + size <= hi - EDGE_MARGIN_PX) return 0;
    if (size > hi - lo - 2 * EDGE_MARGIN_PX) return lo + EDGE_MARGIN_PX - start;
    return (lo + hi) / 2 - (start + size / 2);
  };
  const dx = shift(a.x, w, area.left, area.right);
  const dy = shift(a.y, h, area.top, area.bottom);
  if (dx !== 0 || dy !== 0) store.setViewport({ ...viewport, x: viewport.x + dx, y: viewport.y + dy });
}
