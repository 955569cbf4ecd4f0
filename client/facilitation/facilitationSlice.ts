// Local UI state of the facilitation features: which facilitation panel is open, whose view this
// person follows, the share links as last rotated, and whether the workshop details are open.
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
  /** The workshop details dialog: closed, or open at its top or at the adoption. */
  workshopDetails: 'details' | 'adoption' | null;
  setFacilitationPanel: (panel: FacilitationPanel | null) => void;
  setFollowing: (clientId: number | null) => void;
  setRotatedLinks: (links: ShareLinks | null) => void;
  setWorkshopDetails: (open: 'details' | 'adoption' | null) => void;
}

export const createFacilitationSlice: StateCreator<BoardStore, [], [], FacilitationSlice> = (set) => ({
  facilitationPanel: null,
  following: null,
  rotatedLinks: null,
  workshopDetails: null,
  setFacilitationPanel: (facilitationPanel) => set({ facilitationPanel }),
  setFollowing: (following) => set({ following }),
  setRotatedLinks: (rotatedLinks) => set({ rotatedLinks }),
  setWorkshopDetails: (workshopDetails) => set({ workshopDetails }),
});

/** What resetBoardUi clears when another board opens in the same page. */
export const FACILITATION_UI_RESET = {
  facilitationPanel: null,
  following: null,
  rotatedLinks: null,
  workshopDetails: null,
} as const;
