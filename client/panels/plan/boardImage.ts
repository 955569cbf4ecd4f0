// The board as a PNG, made in the browser from the Konva stage: every card fitted, on white, at
// twice the resolution. The canvas draws only what its view shows, so for the capture the view
// is moved to take in the whole board (and the selection and others' cursors left out); it is all
// one synchronous task, so the person never sees the view move.
import Konva from 'konva';
import type { Card } from '../../../shared/model/index.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import { boardBounds, imageScale } from './imageBounds.ts';

export const IMAGE_PIXEL_RATIO = 2;
/** Layers that belong to this browser's interaction, not to the board: left out of the image. */
const LOCAL_LAYERS = new Set(['overlay', 'presence']);

function boardStage(): Konva.Stage | null {
  return Konva.stages.find((s) => s.container().isConnected && s.container().closest('.board-canvas')) ?? null;
}

/** Draws the board onto a new canvas; null when there is nothing to draw or no canvas. */
export function drawBoardImage(cards: Iterable<Card>): HTMLCanvasElement | null {
  const stage = boardStage();
  const bounds = boardBounds(cards);
  if (!stage || !bounds) return null;
  const scale = imageScale(bounds, IMAGE_PIXEL_RATIO);
  const width = Math.ceil(bounds.width * scale);
  const height = Math.ceil(bounds.height * scale);
  const view = { x: -bounds.x * scale, y: -bounds.y * scale, scale };

  const saved = useBoardStore.getState();
  const savedView = { viewport: saved.viewport, stageSize: saved.stageSize };
  const savedSelection = { selectedCards: saved.selectedCards, selectedLinks: saved.selectedLinks };
  const position = stage.position();
  const stageScale = stage.scale() ?? { x: 1, y: 1 };
  const hidden = stage.getLayers().filter((layer) => LOCAL_LAYERS.has(layer.name()) && layer.visible());
  let drawn: HTMLCanvasElement;
  try {
    useBoardStore.setState({ viewport: view, stageSize: { width, height }, selectedCards: [], selectedLinks: [] });
    stage.position({ x: view.x, y: view.y });
    stage.scale({ x: scale, y: scale });
    for (const layer of hidden) layer.visible(false);
    drawn = stage.toCanvas({ x: 0, y: 0, width, height, pixelRatio: IMAGE_PIXEL_RATIO });
  } finally {
    for (const layer of hidden) layer.visible(true);
    stage.position(position);
    stage.scale(stageScale);
    useBoardStore.setState({ ...savedView, ...savedSelection });
  }
  const out = document.createElement('canvas');
  out.width = drawn.width;
  out.height = drawn.height;
  const ctx = out.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(drawn, 0, 0);
  return out;
}

/** The board as a PNG file's bytes. */
export async function boardImageBlob(cards: Iterable<Card>): Promise<Blob | null> {
  const canvas = drawBoardImage(cards);
  if (!canvas) return null;
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob), 'image/png'));
}
