// Local UI state, in one zustand store made of slices. Shared state lives only in the Y.Doc.
import { create } from 'zustand';
import {
  createFacilitationSlice,
  FACILITATION_UI_RESET,
  type FacilitationSlice,
} from '../facilitation/facilitationSlice.ts';
import { type CanvasSlice, createCanvasSlice } from './canvasSlice.ts';
import { createIdentitySlice, type IdentitySlice } from './identitySlice.ts';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice.ts';
import { createToolSlice, type ToolSlice } from './toolSlice.ts';
import { createUiSlice, type UiSlice } from './uiSlice.ts';
import { createViewportSlice, type ViewportSlice } from './viewportSlice.ts';

export type BoardStore = ToolSlice &
  SelectionSlice &
  ViewportSlice &
  IdentitySlice &
  UiSlice &
  CanvasSlice &
  FacilitationSlice;

export const useBoardStore = create<BoardStore>()((...a) => ({
  ...createToolSlice(...a),
  ...createSelectionSlice(...a),
  ...createViewportSlice(...a),
  ...createIdentitySlice(...a),
  ...createUiSlice(...a),
  ...createCanvasSlice(...a),
  ...createFacilitationSlice(...a),
}));

/** Forgets one board's UI state when another board opens in the same page. */
export function resetBoardUi(): void {
  useBoardStore.setState({
    tool: 'select',
    linkFrom: null,
    selectedCards: [],
    selectedLinks: [],
    viewport: { x: 0, y: 0, scale: 1 },
    notice: null,
    editingCard: null,
    shareOpen: false,
    helpOpen: false,
    ...FACILITATION_UI_RESET,
  });
}
