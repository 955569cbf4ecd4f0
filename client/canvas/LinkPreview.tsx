// The dashed line from the card a link starts at to the pointer, while the link tool waits for
// the second card.
import type Konva from 'konva';
import { useEffect, useRef } from 'react';
import { Arrow } from 'react-konva';
import { centreOf, exitPoint, type Rect } from './geometry.ts';
import type { PointerBus } from './pointerBus.ts';
import { COLOURS } from './theme.ts';

export function LinkPreview({ from, pointer, scale }: { from: Rect; pointer: PointerBus; scale: number }) {
  const ref = useRef<Konva.Arrow>(null);
  useEffect(() => {
    const draw = (p: { x: number; y: number }) => {
      const start = exitPoint(from, centreOf(from), p, 6);
      ref.current?.points([start.x, start.y, p.x, p.y]);
      ref.current?.getLayer()?.batchDraw();
    };
    if (pointer.last) draw(pointer.last);
    return pointer.listen(draw);
  }, [from, pointer]);
  const c = centreOf(from);
  return (
    <Arrow
      ref={ref}
      points={[c.x, c.y, c.x, c.y]}
      stroke={COLOURS.linkSource}
      fill={COLOURS.linkSource}
      strokeWidth={2 / scale}
      dash={[8 / scale, 6 / scale]}
      pointerLength={10 / scale}
      pointerWidth={9 / scale}
      listening={false}
    />
  );
}
