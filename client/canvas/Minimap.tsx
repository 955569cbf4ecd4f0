// The whole board in miniature, with the part in view outlined: click or drag on it to move the
// view there. The cards are drawn to a cached bitmap at most a few times a second; moving the
// view only redraws the outline.
import { useEffect, useRef } from 'react';
import { useBoardStore } from '../store/boardStore.ts';
import type { CanvasView } from './CanvasView.ts';
import { overviewFill } from './scene/drawOverview.ts';
import type { Box } from './scene/sceneIndex.ts';
import { COLOURS } from './theme.ts';

const WIDTH_PX = 200;
const HEIGHT_PX = 140;
const PAD_PX = 6;
const REDRAW_MS = 250;

interface Frame {
  box: Box;
  scale: number;
  ox: number;
  oy: number;
}

/** The board box the minimap shows: every card, and the view, whichever is larger. */
function frameFor(view: CanvasView): Frame {
  const visible = view.visibleBox();
  const cards = view.boardBounds() ?? visible;
  const box = {
    minX: Math.min(cards.minX, visible.minX),
    minY: Math.min(cards.minY, visible.minY),
    maxX: Math.max(cards.maxX, visible.maxX),
    maxY: Math.max(cards.maxY, visible.maxY),
  };
  const w = Math.max(1, box.maxX - box.minX);
  const h = Math.max(1, box.maxY - box.minY);
  const scale = Math.min((WIDTH_PX - 2 * PAD_PX) / w, (HEIGHT_PX - 2 * PAD_PX) / h);
  return { box, scale, ox: (WIDTH_PX - w * scale) / 2, oy: (HEIGHT_PX - h * scale) / 2 };
}

export function Minimap({ view }: { view: CanvasView }) {
  const ref = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const base = document.createElement('canvas');
    base.width = WIDTH_PX;
    base.height = HEIGHT_PX;
    const baseCtx = base.getContext('2d');
    let frame = frameFor(view);
    let drawnVersion = -1;
    let drawnFrameKey = '';
    let lastBase = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let raf = 0;

    const drawBase = () => {
      if (!baseCtx) return;
      lastBase = performance.now();
      drawnVersion = view.index.version;
      drawnFrameKey = JSON.stringify(frame.box);
      baseCtx.clearRect(0, 0, WIDTH_PX, HEIGHT_PX);
      const { box, scale, ox, oy } = frame;
      const byFill = new Map<string, Path2D>();
      for (const card of view.index.cards.values()) {
        const fill =
          card.kind === 'frame'
            ? COLOURS.frameStroke
            : overviewFill(card) === '#FFFFFF'
              ? '#94A3B8'
              : overviewFill(card);
        const path = byFill.get(fill) ?? new Path2D();
        byFill.set(fill, path);
        const x = ox + (card.x - box.minX) * scale;
        const y = oy + (card.y - box.minY) * scale;
        if (card.kind === 'frame') continue;
        path.rect(x, y, Math.max(1, card.w * scale), Math.max(1, card.h * scale));
      }
      for (const [fill, path] of byFill) {
        baseCtx.fillStyle = fill;
        baseCtx.fill(path);
      }
      baseCtx.strokeStyle = COLOURS.frameStroke;
      for (const card of view.index.cards.values()) {
        if (card.kind !== 'frame') continue;
        baseCtx.strokeRect(
          ox + (card.x - box.minX) * scale,
          oy + (card.y - box.minY) * scale,
          card.w * scale,
          card.h * scale,
        );
      }
    };

    const paint = () => {
      raf = 0;
      const next = frameFor(view);
      const key = JSON.stringify(next.box);
      frame = next;
      const stale = drawnVersion !== view.index.version || drawnFrameKey !== key;
      if (stale) {
        // A busy board changes often: the miniature catches up a few times a second at most.
        const wait = lastBase + REDRAW_MS - performance.now();
        if (wait <= 0 || drawnVersion === -1) drawBase();
        else if (timer === undefined) {
          timer = setTimeout(() => {
            timer = undefined;
            schedule();
          }, wait);
        }
      }
      ctx.clearRect(0, 0, WIDTH_PX, HEIGHT_PX);
      ctx.drawImage(base, 0, 0);
      const v = view.visibleBox();
      const { box, scale, ox, oy } = frame;
      ctx.strokeStyle = COLOURS.selection;
      ctx.lineWidth = 1.5;
      ctx.fillStyle = 'rgba(37, 99, 235, 0.08)';
      const rx = ox + (v.minX - box.minX) * scale;
      const ry = oy + (v.minY - box.minY) * scale;
      ctx.fillRect(rx, ry, (v.maxX - v.minX) * scale, (v.maxY - v.minY) * scale);
      ctx.strokeRect(rx, ry, (v.maxX - v.minX) * scale, (v.maxY - v.minY) * scale);
    };
    const schedule = () => {
      if (!raf) raf = requestAnimationFrame(paint);
    };
    schedule();
    const unsubscribe = useBoardStore.subscribe((s, prev) => {
      if (s.viewport !== prev.viewport || s.stageSize !== prev.stageSize) schedule();
    });
    const poll = setInterval(() => {
      if (drawnVersion !== view.index.version) schedule();
    }, REDRAW_MS);

    // Pressing or dragging on the minimap centres the view on that point.
    let dragging = false;
    const centreAt = (e: PointerEvent) => {
      const r = canvas.getBoundingClientRect();
      const { box, scale, ox, oy } = frame;
      const bx = box.minX + (e.clientX - r.left - ox) / scale;
      const by = box.minY + (e.clientY - r.top - oy) / scale;
      const { viewport, stageSize, setViewport } = useBoardStore.getState();
      setViewport({
        ...viewport,
        x: stageSize.width / 2 - bx * viewport.scale,
        y: stageSize.height / 2 - by * viewport.scale,
      });
    };
    const down = (e: PointerEvent) => {
      dragging = true;
      canvas.setPointerCapture(e.pointerId);
      centreAt(e);
    };
    const move = (e: PointerEvent) => {
      if (dragging) centreAt(e);
    };
    const up = () => {
      dragging = false;
    };
    canvas.addEventListener('pointerdown', down);
    canvas.addEventListener('pointermove', move);
    canvas.addEventListener('pointerup', up);
    return () => {
      unsubscribe();
      clearInterval(poll);
      if (timer !== undefined) clearTimeout(timer);
      if (raf) cancelAnimationFrame(raf);
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerup', up);
    };
  }, [view]);

  return (
    <div className="minimap" data-testid="minimap">
      <canvas
        ref={ref}
        width={WIDTH_PX}
        height={HEIGHT_PX}
        aria-label="Minimap of the whole board: click or drag to move the view"
        role="img"
      />
    </div>
  );
}
