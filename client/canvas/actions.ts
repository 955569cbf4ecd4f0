import type Konva from 'konva';

type KonvaPointerEvent = Konva.KonvaEventObject<PointerEvent>;
type KonvaDragEvent = Konva.KonvaEventObject<DragEvent>;

/**
 * What the canvas does when a card or link is pointed at. One stable object per canvas, so the
 * memoised nodes never re-render because a handler changed.
 */
export interface CanvasActions {
  registerCard(id: string, node: Konva.Group | null): void;
  cardPointerDown(id: string, e: KonvaPointerEvent): void;
  cardClick(id: string, e: KonvaPointerEvent): void;
  cardDoubleClick(id: string, e: KonvaPointerEvent): void;
  cardHover(id: string, inside: boolean): void;
  cardDragStart(id: string, e: KonvaDragEvent): void;
  cardDragMove(id: string, e: KonvaDragEvent): void;
  cardDragEnd(id: string, e: KonvaDragEvent): void;
  linkPointerDown(id: string, e: KonvaPointerEvent): void;
  linkHover(id: string, inside: boolean): void;
}
