// Views shared between screens of different sizes: the board point at the centre of the view and
// the zoom, turned into and out of a stage viewport. Pure, for the view syncing and its tests.
import type { Viewport } from '../../shared/model/index.ts';
import { clampScale, type ScreenSize, type Viewport as StageViewport } from '../store/viewportSlice.ts';

/** The shareable view (centre point and zoom) of a stage viewport. */
export function shareableView(v: StageViewport, size: ScreenSize): Viewport {
  return {
    x: Math.round((size.width / 2 - v.x) / v.scale),
    y: Math.round((size.height / 2 - v.y) / v.scale),
    zoom: Number(v.scale.toFixed(4)),
  };
}

/** The stage viewport that shows a shared view on a screen of `size`. */
export function stageViewport(view: Viewport, size: ScreenSize): StageViewport {
  const scale = clampScale(view.zoom);
  return { scale, x: size.width / 2 - view.x * scale, y: size.height / 2 - view.y * scale };
}

export function isView(value: unknown): value is Viewport {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return [v.x, v.y, v.zoom].every((n) => typeof n === 'number' && Number.isFinite(n)) && (v.zoom as number) > 0;
}
