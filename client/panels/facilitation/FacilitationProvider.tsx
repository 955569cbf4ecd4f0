// Runs the facilitation features of one connected board: the private board (participants), view
// syncing (summons, spotlight, walk-through, following), and new notes going private while
// private mode is on. Panels below it read all of it through FacilitationCtx.
import { type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Author } from '../../../shared/model/index.ts';
import type { Role } from '../../app/api.ts';
import { primeAudioOnFirstPress } from '../../facilitation/beep.ts';
import { type FacilitationContext, FacilitationCtx } from '../../facilitation/context.ts';
import { exposeFacilitation } from '../../facilitation/debug.ts';
import { connectPrivateBoard, type PrivateBoard } from '../../facilitation/privateBoard.ts';
import { createPrivateNote, routeNewNotesToPrivate } from '../../facilitation/privateNotes.ts';
import { facilitationCache, useFacilitation } from '../../facilitation/useFacilitation.ts';
import { startViewSync } from '../../facilitation/viewSync.ts';

interface Props {
  workshopId: string;
  token: string;
  doc: Y.Doc;
  awareness: Awareness;
  me: Author;
  role: Role;
  children: ReactNode;
}

export function FacilitationProvider({ workshopId, token, doc, awareness, me, role, children }: Props) {
  const [privateBoard, setPrivateBoard] = useState<PrivateBoard | null>(null);
  // Participants and facilitators keep private notes and their dots there; a viewer has no
  // private board (the server refuses it).
  useEffect(() => {
    if (role === 'viewer') return;
    const board = connectPrivateBoard(workshopId, token);
    setPrivateBoard(board);
    return () => {
      board.destroy();
      setPrivateBoard(null);
    };
  }, [workshopId, token, role]);

  useEffect(() => startViewSync(doc, awareness, me.id), [doc, awareness, me.id]);
  useEffect(() => primeAudioOnFirstPress(), []);
  useEffect(() => exposeFacilitation(doc, privateBoard), [doc, privateBoard]);

  useEffect(() => {
    // The facilitator runs the session: their notes stay on the shared board in private mode.
    if (!privateBoard || role !== 'participant') return;
    const cache = facilitationCache(doc);
    return routeNewNotesToPrivate(
      doc,
      document.documentElement,
      () => cache.current.privateMode,
      (at) => {
        createPrivateNote(privateBoard.doc, doc, me, at);
      },
    );
  }, [doc, privateBoard, me, role]);

  const value = useMemo<FacilitationContext>(
    () => ({ workshopId, token, doc, awareness, me, role, privateBoard }),
    [workshopId, token, doc, awareness, me, role, privateBoard],
  );
  return <FacilitationCtx.Provider value={value}>{children}</FacilitationCtx.Provider>;
}

/**
 * While private mode is on, what the palette's Note button does instead of adding a shared note
 * (null when notes are shared as usual).
 */
export function usePrivateNoteAction(): (() => void) | null {
  const ctx = useContext(FacilitationCtx);
  const privateMode = useFacilitationPrivateMode(ctx?.doc ?? null);
  if (!ctx?.privateBoard || ctx.role !== 'participant' || !privateMode) return null;
  const { privateBoard, doc, me } = ctx;
  return () => {
    createPrivateNote(privateBoard.doc, doc, me);
  };
}

let emptyDoc: Y.Doc | null = null;

function useFacilitationPrivateMode(doc: Y.Doc | null): boolean {
  // Hooks run unconditionally: without a board, an empty document stands in (private mode off).
  emptyDoc ??= new Y.Doc();
  return useFacilitation(doc ?? emptyDoc).privateMode;
}
