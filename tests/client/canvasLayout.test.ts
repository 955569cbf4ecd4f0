import { describe, expect, it } from 'vitest';
import { exitPoint, linkPoints } from '../../client/canvas/geometry.ts';
import { fittingLabel } from '../../client/canvas/linkLabel.ts';
import { wheelToViewport } from '../../client/canvas/wheel.ts';
import { zoomViewport } from '../../client/store/viewportSlice.ts';
import { freeSpot } from '../../client/tools/placement.ts';
import type { Card } from '../../shared/model/kinds.ts';

const at = (x: number, y: number, w = 200, h = 100) =>
  ({ id: `${x},${y}`, kind: 'note', x, y, w, h }) as unknown as Card;

describe('link arrows', () => {
  it('run from edge to edge, kept a gap away from both cards', () => {
    const points = linkPoints({ x: 0, y: 0, w: 100, h: 50 }, { x: 300, y: 0, w: 100, h: 50 }, 0, 6);
    expect(points).toEqual([106, 25, 294, 25]);
  });

  it('shift sideways by the offset so that A→B and B→A stay apart', () => {
    const a = { x: 0, y: 0, w: 100, h: 50 };
    const b = { x: 300, y: 0, w: 100, h: 50 };
    const there = linkPoints(a, b, 9);
    const back = linkPoints(b, a, 9);
    expect(there[1]).toBe(34);
    expect(back[1]).toBe(16);
  });

  it('leave a card where the ray towards the other card crosses its border', () => {
    expect(exitPoint({ x: 0, y: 0, w: 100, h: 100 }, { x: 50, y: 50 }, { x: 50, y: 400 }, 0)).toEqual({
      x: 50,
      y: 100,
    });
  });

  it('show the full label when it fits, the short one when only that fits, else none', () => {
    const look = { label: '+2 Reinforcing', shortLabel: '+2' };
    expect(fittingLabel([0, 0, 300, 0], look)).toBe('+2 Reinforcing');
    expect(fittingLabel([0, 0, 60, 0], look)).toBe('+2');
    expect(fittingLabel([0, 0, 20, 0], look)).toBe('');
    expect(fittingLabel([0, 0, 0, 60], look)).toBe('+2 Reinforcing');
  });
});

describe('placing a new card', () => {
  it('takes the centre of the view when it is free', () => {
    expect(freeSpot([], { x: 100, y: 100 }, 200, 100)).toEqual({ x: 0, y: 50 });
  });

  it('moves off the cards already there instead of hiding them', () => {
    const cards = [at(0, 50)];
    const spot = freeSpot(cards, { x: 100, y: 100 }, 200, 100);
    const overlaps = spot.x < 200 && spot.x + 200 > 0 && spot.y < 150 && spot.y + 100 > 50;
    expect(overlaps).toBe(false);
    expect(Math.hypot(spot.x, spot.y - 50)).toBeLessThan(400);
  });
});

describe('zooming and panning', () => {
  it('keeps the board point under the pointer in place when zooming', () => {
    const before = { x: 40, y: -20, scale: 1 };
    const pointer = { x: 300, y: 200 };
    const after = zoomViewport(before, pointer, 2);
    const boardBefore = { x: (pointer.x - before.x) / before.scale, y: (pointer.y - before.y) / before.scale };
    const boardAfter = { x: (pointer.x - after.x) / after.scale, y: (pointer.y - after.y) / after.scale };
    expect(after.scale).toBe(2);
    expect(boardAfter).toEqual(boardBefore);
  });

  it('pans on a plain scroll and zooms on Ctrl or Cmd with the wheel', () => {
    const view = { x: 0, y: 0, scale: 1 };
    const wheel = { deltaX: 0, deltaY: 50, deltaMode: 0, ctrlKey: false, metaKey: false, shiftKey: false };
    expect(wheelToViewport(view, wheel, { x: 0, y: 0 })).toEqual({ x: 0, y: -50, scale: 1 });
    expect(wheelToViewport(view, { ...wheel, ctrlKey: true }, { x: 0, y: 0 }).scale).toBeLessThan(1);
    expect(wheelToViewport(view, { ...wheel, deltaY: -50, metaKey: true }, { x: 0, y: 0 }).scale).toBeGreaterThan(1);
  });
});
