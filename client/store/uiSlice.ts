import type { StateCreator } from 'zustand';
import type { BoardStore } from './boardStore.ts';

export type NoticeTone = 'info' | 'error';

export interface Notice {
  id: number;
  text: string;
  tone: NoticeTone;
}

export interface UiSlice {
  /** A short message for the person (why a link was refused, an invalid code…). */
  notice: Notice | null;
  /** The card whose text is being edited in the overlay. */
  editingCard: string | null;
  shareOpen: boolean;
  /** The SDG palette beside the board. */
  paletteOpen: boolean;
  notify: (text: string, tone?: NoticeTone) => void;
  dismissNotice: (id: number) => void;
  setEditingCard: (cardId: string | null) => void;
  setShareOpen: (open: boolean) => void;
  setPaletteOpen: (open: boolean) => void;
}

let nextNoticeId = 1;

export const createUiSlice: StateCreator<BoardStore, [], [], UiSlice> = (set, get) => ({
  notice: null,
  editingCard: null,
  shareOpen: false,
  paletteOpen: false,
  notify: (text, tone = 'info') => set({ notice: { id: nextNoticeId++, text, tone } }),
  dismissNotice: (id) => {
    if (get().notice?.id === id) set({ notice: null });
  },
  setEditingCard: (editingCard) => set({ editingCard }),
  setShareOpen: (shareOpen) => set({ shareOpen }),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
});
