import type { StateCreator } from 'zustand';
import type { StakeholderGroup } from '../../shared/model/vocabulary.ts';
import type { BoardStore } from './boardStore.ts';
import { type Identity, loadIdentity, saveIdentity } from './identity.ts';

export interface IdentitySlice {
  identity: Identity;
  setIdentity: (name: string, group: StakeholderGroup) => void;
}

export const createIdentitySlice: StateCreator<BoardStore, [], [], IdentitySlice> = (set, get) => ({
  identity: loadIdentity(),
  setIdentity: (name, group) => {
    const identity = { ...get().identity, name: name.trim(), group };
    saveIdentity(identity);
    set({ identity });
  },
});
