// Two-finger pinch on touch screens: zoom around the fingers' midpoint and pan with it.
import type Konva from 'konva';
import { type RefObject, useMemo, useRef } from 'react';
import { useBoardStore } from '../store/boardStore.ts';
import { clampScale } from '../store/viewportSlice.ts';

interface Pinch {
  distance: number;
  centre: { x: number; y: number };
}

export function usePinchZoom(stageRef: RefObject<Konva.Stage | null>) {
  const last = useRef<Pinch | null>(null);
  return useMemo(
    () => ({
      onTouchMove(e: Konva.KonvaEventObject<TouchEvent>) {
        const stage = stageRef.current;
        const [t1, t2] = [e.evt.touches[0], e.evt.touches[1]];
        if (!stage || !t1 || !t2) return;
        e.evt.preventDefault();
        if (stage.isDragging()) stage.stopDrag();
        const box = stage.container().getBoundingClientRect();
        const p1 = { x: t1.clientX - box.left, y: t1.clientY - box.top };
        const p2 = { x: t2.clientX - box.left, y: t2.clientY - box.top };
        const now: Pinch = {
          distance: Math.hypot(p2.x - p1.x, p2.y - p1.y),
          centre: { x: (p1.x + p2.x) / 2, y: (p1.y + p2.y) / 2 },
        };
        const prev = last.current;
        last.current = now;
        if (!prev || prev.distance === 0) return;
        const { viewport: v, setViewport } = useBoardStore.getState();
        const scale = clampScale(v.scale * (now.distance / prev.distance));
        const boardX = (prev.centre.x - v.x) / v.scale;
        const boardY = (prev.centre.y - v.y) / v.scale;
        setViewport({ scale, x: now.centre.x - boardX * scale, y: now.centre.y - boardY * scale });
      },
      onTouchEnd() {
        last.current = null;
      },
    }),
    [stageRef],
  );
}
