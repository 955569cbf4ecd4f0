// Lets the page's test/debug handle ask the canvas where things are on screen.

export interface ScreenBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CanvasProbe {
  /** A card's box in page (client) pixels, as currently drawn, or null if not drawn. */
  cardClientBox(id: string): ScreenBox | null;
  /** A board point in page (client) pixels. */
  toClient(x: number, y: number): { x: number; y: number } | null;
}

let current: CanvasProbe | null = null;

export function setCanvasProbe(probe: CanvasProbe | null): void {
  current = probe;
}

export function canvasProbe(): CanvasProbe | null {
  return current;
}
