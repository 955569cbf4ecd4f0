// The canvas on this page, for the parts around it (shortcuts, outline, palette drops, the
// test/debug handle): where things are on screen, and moving the view.

export interface ScreenBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CanvasProbe {
  /** A card's box in page (client) pixels, as currently drawn, or null if not drawn. */
  cardClientBox(id: string): ScreenBox | null;
  /** A link's two drawn ends in page pixels, or null. */
  linkClientEnds(id: string): { from: { x: number; y: number }; to: { x: number; y: number } } | null;
  /** A board point in page (client) pixels. */
  toClient(x: number, y: number): { x: number; y: number } | null;
  /** The board point under a page point, or null when it is not over the canvas. */
  boardPointAt(clientX: number, clientY: number): { x: number; y: number } | null;
  /** The board point under the pointer, if the pointer is over the canvas. */
  pointer(): { x: number; y: number } | null;
  zoomToFit(): void;
  /** False when nothing is selected. */
  zoomToSelection(): boolean;
  centreOn(ref: { type: 'card' | 'link'; id: string }): void;
  /** Cards and links meeting the view now, for tests and the benchmark. */
  visibleCount(): { cards: number; links: number };
  drawStats(): {
    sceneDraws: number;
    lastSceneMs: number;
    lastSceneCards: number;
    lastSceneLinks: number;
    firstCompletePaintMs: number | null;
  };
}

let current: CanvasProbe | null = null;

export function setCanvasProbe(probe: CanvasProbe | null): void {
  current = probe;
}

export function canvasProbe(): CanvasProbe | null {
  return current;
}
