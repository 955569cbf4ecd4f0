// Whether the matrix view is open: local to this person, kept apart from the shared board store.
import { create } from 'zustand';

export type MatrixTab = 'matrix' | 'ranking' | 'tradeoffs';

interface MatrixUi {
  open: boolean;
  tab: MatrixTab;
  setOpen: (open: boolean) => void;
  setTab: (tab: MatrixTab) => void;
}

export const useMatrixStore = create<MatrixUi>()((set) => ({
  open: false,
  tab: 'matrix',
  setOpen: (open) => set({ open }),
  setTab: (tab) => set({ tab }),
}));
