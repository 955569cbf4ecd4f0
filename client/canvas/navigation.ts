// Moving the view: zoom to fit the board or the selection, centre an item (outline, minimap).
import { useBoardStore } from '../store/boardStore.ts';
import { fitBox } from './fitView.ts';
import type { SceneIndex } from './scene/sceneIndex.ts';
import { type Box, cardBox } from './scene/sceneIndex.ts';

/** Shows every card. */
export function zoomToFit(index: SceneIndex, bounds = index.bounds()): void {
  const box = bounds;
  const { stageSize, setViewport } = useBoardStore.getState();
  if (box) setViewport(fitBox(box, stageSize, 1));
}

function boxOf(index: SceneIndex, cardIds: readonly string[], linkIds: readonly string[]): Box | null {
  let box: Box | null = null;
  const grow = (b: Box) => {
    box = box
      ? {
          minX: Math.min(box.minX, b.minX),
          minY: Math.min(box.minY, b.minY),
          maxX: Math.max(box.maxX, b.maxX),
          maxY: Math.max(box.maxY, b.maxY),
        }
      : b;
  };
  for (const id of cardIds) {
    const card = index.cards.get(id);
    if (card) grow(cardBox(card));
  }
  for (const id of linkIds) {
    const link = index.links.get(id);
    for (const end of link ? [link.from, link.to] : []) {
      const card = index.cards.get(end);
      if (card) grow(cardBox(card));
    }
  }
  return box;
}

/** Shows the selected cards and links as large as fits (at most 100 %). */
export function zoomToSelection(index: SceneIndex): boolean {
  const { selectedCards, selectedLinks, stageSize, setViewport } = useBoardStore.getState();
  const box = boxOf(index, selectedCards, selectedLinks);
  if (!box) return false;
  setViewport(fitBox(box, stageSize, 1));
  return true;
}

/** Centres an item in the view without changing the zoom (unless it would not fit). */
export function centreOn(index: SceneIndex, ref: { type: 'card' | 'link'; id: string }): void {
  const box = ref.type === 'card' ? boxOf(index, [ref.id], []) : boxOf(index, [], [ref.id]);
  if (!box) return;
  const { viewport, stageSize, setViewport } = useBoardStore.getState();
  const fitted = fitBox(box, stageSize, 1);
  const scale = Math.min(viewport.scale < 0.5 ? 1 : viewport.scale, fitted.scale);
  setViewport({
    scale,
    x: stageSize.width / 2 - ((box.minX + box.maxX) / 2) * scale,
    y: stageSize.height / 2 - ((box.minY + box.maxY) / 2) * scale,
  });
}
