// While a card is dragged, its Konva node moves without touching the model (one write at drag
// end). Arrows bound to it listen here, so they follow the node frame by frame.
import type { Rect } from './geometry.ts';

export type CardMovedListener = (cardId: string, rect: Rect) => void;

export class LiveLinks {
  private readonly byCard = new Map<string, Set<CardMovedListener>>();

  listen(cardIds: readonly string[], listener: CardMovedListener): () => void {
    for (const id of cardIds) {
      let set = this.byCard.get(id);
      if (!set) {
        set = new Set();
        this.byCard.set(id, set);
      }
      set.add(listener);
    }
    return () => {
      for (const id of cardIds) {
        const set = this.byCard.get(id);
        set?.delete(listener);
        if (set?.size === 0) this.byCard.delete(id);
      }
    };
  }

  moved(cardId: string, rect: Rect): void {
    const set = this.byCard.get(cardId);
    if (!set) return;
    for (const listener of set) listener(cardId, rect);
  }
}
