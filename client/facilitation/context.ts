// What the facilitation panels act through: the board, presence, this person and their role, and
// their private board (participants only).
import { createContext, useContext } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Author } from '../../shared/model/index.ts';
import type { Role } from '../app/api.ts';
import type { PrivateBoard } from './privateBoard.ts';

export interface FacilitationContext {
  workshopId: string;
  token: string;
  doc: Y.Doc;
  awareness: Awareness;
  me: Author;
  role: Role;
  privateBoard: PrivateBoard | null;
}

export const FacilitationCtx = createContext<FacilitationContext | null>(null);

export function useFacilitationContext(): FacilitationContext {
  const ctx = useContext(FacilitationCtx);
  if (!ctx) throw new Error('facilitation panels need a FacilitationCtx provider');
  return ctx;
}
