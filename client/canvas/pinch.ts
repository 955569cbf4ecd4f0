// Two-finger pinch on touch screens: zooms around the fingers' midpoint and pans with it.
import { clampScale, type Viewport } from '../store/viewportSlice.ts';
import type { Point } from './geometry.ts';

export class PinchTracker {
  private readonly touches = new Map<number, Point>();
  private last: { distance: number; centre: Point } | null = null;

  /** A finger went down; true when it makes two (a pinch begins). */
  down(pointerId: number, at: Point): boolean {
    this.touches.set(pointerId, at);
    if (this.touches.size === 2) this.last = null;
    return this.touches.size === 2;
  }

  /** True while two or more fingers are down. */
  get active(): boolean {
    return this.touches.size > 1;
  }

  tracks(pointerId: number): boolean {
    return this.touches.has(pointerId);
  }

  /**
   * A finger moved: the new viewport when two fingers are down (`origin` is the canvas's page
   * position), else null.
   */
  move(pointerId: number, at: Point, viewport: Viewport, origin: { left: number; top: number }): Viewport | null {
    this.touches.set(pointerId, at);
    if (this.touches.size !== 2) return null;
    const [a, b] = [...this.touches.values()] as [Point, Point];
    const now = {
      distance: Math.hypot(b.x - a.x, b.y - a.y),
      centre: { x: (a.x + b.x) / 2 - origin.left, y: (a.y + b.y) / 2 - origin.top },
    };
    const prev = this.last;
    this.last = now;
    if (!prev || prev.distance === 0) return viewport;
    const scale = clampScale(viewport.scale * (now.distance / prev.distance));
    const boardX = (prev.centre.x - viewport.x) / viewport.scale;
    const boardY = (prev.centre.y - viewport.y) / viewport.scale;
    return { scale, x: now.centre.x - boardX * scale, y: now.centre.y - boardY * scale };
  }

  up(pointerId: number): void {
    this.touches.delete(pointerId);
    if (this.touches.size < 2) this.last = null;
  }
}
