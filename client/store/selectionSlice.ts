import type { StateCreator } from 'zustand';
import type { BoardStore } from './boardStore.ts';

export interface ItemRef {
  type: 'card' | 'link';
  id: string;
}

export interface SelectionSlice {
  selectedCards: readonly string[];
  selectedLinks: readonly string[];
  /** Selects one item alone, or adds/removes it when `additive` (shift-click). */
  select: (ref: ItemRef, additive: boolean) => void;
  selectCards: (ids: readonly string[]) => void;
  clearSelection: () => void;
  /** Drops selected ids that no longer exist (deleted here or by someone else). */
  pruneSelection: (cardExists: (id: string) => boolean, linkExists: (id: string) => boolean) => void;
}

const EMPTY: readonly string[] = [];

function toggle(list: readonly string[], id: string): readonly string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}

export const createSelectionSlice: StateCreator<BoardStore, [], [], SelectionSlice> = (set, get) => ({
  selectedCards: EMPTY,
  selectedLinks: EMPTY,
  select: (ref, additive) => {
    const { selectedCards, selectedLinks } = get();
    if (!additive) {
      set(
        ref.type === 'card'
          ? { selectedCards: [ref.id], selectedLinks: EMPTY }
          : { selectedCards: EMPTY, selectedLinks: [ref.id] },
      );
    } else if (ref.type === 'card') {
      set({ selectedCards: toggle(selectedCards, ref.id) });
    } else {
      set({ selectedLinks: toggle(selectedLinks, ref.id) });
    }
  },
  selectCards: (ids) => set({ selectedCards: [...ids], selectedLinks: EMPTY }),
  clearSelection: () => {
    const { selectedCards, selectedLinks } = get();
    if (selectedCards.length || selectedLinks.length) set({ selectedCards: EMPTY, selectedLinks: EMPTY });
  },
  pruneSelection: (cardExists, linkExists) => {
    const { selectedCards, selectedLinks } = get();
    const cards = selectedCards.filter(cardExists);
    const links = selectedLinks.filter(linkExists);
    if (cards.length !== selectedCards.length || links.length !== selectedLinks.length) {
      set({ selectedCards: cards, selectedLinks: links });
    }
  },
});
