// Wheel and trackpad: scrolling pans; with Ctrl/Cmd (and trackpad pinch, which browsers report
// as Ctrl+wheel) it zooms around the pointer.
import { type Viewport, zoomViewport } from '../store/viewportSlice.ts';

const LINE_PX = 16;
const MAX_ZOOM_STEP = 24;

interface WheelLike {
  deltaX: number;
  deltaY: number;
  deltaMode: number;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export function wheelToViewport(viewport: Viewport, e: WheelLike, at: { x: number; y: number }): Viewport {
  const unit = e.deltaMode === 1 ? LINE_PX : e.deltaMode === 2 ? 400 : 1;
  let dx = e.deltaX * unit;
  let dy = e.deltaY * unit;
  if (e.ctrlKey || e.metaKey) {
    const step = Math.max(-MAX_ZOOM_STEP, Math.min(MAX_ZOOM_STEP, dy));
    return zoomViewport(viewport, at, Math.exp(-step * 0.01));
  }
  if (e.shiftKey && dx === 0) {
    dx = dy;
    dy = 0;
  }
  return { ...viewport, x: viewport.x - dx, y: viewport.y - dy };
}
