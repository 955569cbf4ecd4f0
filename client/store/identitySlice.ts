import type { StateCreator } from 'zustand';
import type { StakeholderGroup } from '../../shared/model/vocabulary.ts';
import type { BoardStore } from './boardStore.ts';
import { groupDetailFor, type Identity, loadIdentity, saveIdentity } from './identity.ts';

export interface IdentitySlice {
  identity: Identity;
  /** `groupDetail`: the person's own words when the group is "Other" (ignored otherwise). */
  setIdentity: (name: string, group: StakeholderGroup, groupDetail?: string) => void;
}

export const createIdentitySlice: StateCreator<BoardStore, [], [], IdentitySlice> = (set, get) => ({
  identity: loadIdentity(),
  setIdentity: (name, group, groupDetail = '') => {
    const identity = { ...get().identity, name: name.trim(), group, groupDetail: groupDetailFor(group, groupDetail) };
    saveIdentity(identity);
    set({ identity });
  },
});
