// Local UI state of the facilitation features: which facilitation panel is open, whose view this
// person follows, and the share links as last rotated.
import type { StateCreator } from 'zustand';
import type { ShareLinks } from '../app/api.ts';
import type { BoardStore } from '../store/boardStore.ts';

export type FacilitationPanel = 'people' | 'vote' | 'walk' | 'comments';

export interface FacilitationSlice {
  facilitationPanel: FacilitationPanel | null;
  /** The awareness client id of the person whose view this person follows. */
  following: number | null;
  /** The links after a rotation in this page (the session's links are older). */
  rotatedLinks: ShareLinks | null;
  setFacilitationPanel: (panel: FacilitationPanel | null) => void;
  setFollowing: (clientId: number | null) => void;
  setRotatedLinks: (links: ShareLinks | null) => void;
}

export const createFacilitationSlice: StateCreator<BoardStore, [], [], FacilitationSlice> = (set) => ({
  facilitationPanel: null,
  following: null,
  rotatedLinks: null,
  setFacilitationPanel: (facilitationPanel) => set({ facilitationPanel }),
  setFollowing: (following) => set({ following }),
  setRotatedLinks: (rotatedLinks) => set({ rotatedLinks }),
});

/** What resetBoardUi clears when another board opens in the same page. */
export const FACILITATION_UI_RESET = { facilitationPanel: null, following: null, rotatedLinks: null } as const;
