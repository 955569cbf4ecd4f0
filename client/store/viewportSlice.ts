import type { StateCreator } from 'zustand';
import type { BoardStore } from './boardStore.ts';

// Low enough for zoom to fit to show a national board of thousands of cards at once.
export const MIN_SCALE = 0.02;
export const MAX_SCALE = 4;

/** The board-to-screen transform: screen = board × scale + (x, y). */
export interface Viewport {
  x: number;
  y: number;
  scale: number;
}

export interface ScreenSize {
  width: number;
  height: number;
}

export interface ViewportSlice {
  viewport: Viewport;
  stageSize: ScreenSize;
  setViewport: (viewport: Viewport) => void;
  setStageSize: (size: ScreenSize) => void;
  /** Zooms by `factor` keeping the board point under `screenPoint` where it is. */
  zoomAt: (screenPoint: { x: number; y: number }, factor: number) => void;
  zoomAroundCentre: (factor: number) => void;
  resetZoom: () => void;
}

export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

export function zoomViewport(viewport: Viewport, screenPoint: { x: number; y: number }, factor: number): Viewport {
  const scale = clampScale(viewport.scale * factor);
  const boardX = (screenPoint.x - viewport.x) / viewport.scale;
  const boardY = (screenPoint.y - viewport.y) / viewport.scale;
  return { scale, x: screenPoint.x - boardX * scale, y: screenPoint.y - boardY * scale };
}

/** The board point at the centre of the visible area. */
export function viewCentre(viewport: Viewport, size: ScreenSize): { x: number; y: number } {
  return { x: (size.width / 2 - viewport.x) / viewport.scale, y: (size.height / 2 - viewport.y) / viewport.scale };
}

export const createViewportSlice: StateCreator<BoardStore, [], [], ViewportSlice> = (set, get) => ({
  viewport: { x: 0, y: 0, scale: 1 },
  stageSize: { width: 800, height: 600 },
  setViewport: (viewport) => set({ viewport }),
  setStageSize: (stageSize) => set({ stageSize }),
  zoomAt: (screenPoint, factor) => set({ viewport: zoomViewport(get().viewport, screenPoint, factor) }),
  zoomAroundCentre: (factor) => {
    const { stageSize, viewport } = get();
    set({ viewport: zoomViewport(viewport, { x: stageSize.width / 2, y: stageSize.height / 2 }, factor) });
  },
  resetZoom: () => {
    const { stageSize, viewport } = get();
    const centre = viewCentre(viewport, stageSize);
    set({ viewport: { scale: 1, x: stageSize.width / 2 - centre.x, y: stageSize.height / 2 - centre.y } });
  },
});
