import type { Point } from './geometry.ts';

/** The pointer's board position, broadcast to whatever draws under it (link preview). */
export class PointerBus {
  private readonly listeners = new Set<(p: Point) => void>();
  last: Point | null = null;

  emit(point: Point): void {
    this.last = point;
    for (const listener of this.listeners) listener(point);
  }

  listen(listener: (p: Point) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
