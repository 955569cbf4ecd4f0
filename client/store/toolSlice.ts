import type { StateCreator } from 'zustand';
import type { BoardStore } from './boardStore.ts';

export type Tool = 'select' | 'link';

export interface ToolSlice {
  tool: Tool;
  /** The card a link being drawn starts from (link tool only). */
  linkFrom: string | null;
  setTool: (tool: Tool) => void;
  setLinkFrom: (cardId: string | null) => void;
}

export const createToolSlice: StateCreator<BoardStore, [], [], ToolSlice> = (set) => ({
  tool: 'select',
  linkFrom: null,
  setTool: (tool) => set({ tool, linkFrom: null }),
  setLinkFrom: (linkFrom) => set({ linkFrom }),
});
