import type { StateCreator } from 'zustand';
import type { BoardStore } from './boardStore.ts';

/** Which canvas companions are shown: the outline list, the minimap, the shortcut help. */
export interface CanvasSlice {
  outlineOpen: boolean;
  minimapOpen: boolean;
  helpOpen: boolean;
  setOutlineOpen: (open: boolean) => void;
  setMinimapOpen: (open: boolean) => void;
  setHelpOpen: (open: boolean) => void;
}

export const createCanvasSlice: StateCreator<BoardStore, [], [], CanvasSlice> = (set) => ({
  outlineOpen: true,
  minimapOpen: true,
  helpOpen: false,
  setOutlineOpen: (outlineOpen) => set({ outlineOpen }),
  setMinimapOpen: (minimapOpen) => set({ minimapOpen }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
});
