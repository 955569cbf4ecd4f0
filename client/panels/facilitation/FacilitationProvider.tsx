// Runs the facilitation features of one connected board: the private board (participants), view
// syncing (summons, spotlight, walk-through, following), and new notes going private while
// private mode is on (attached to the route every way of adding cards takes: tools/newCards.ts). Panels below it read all of it through FacilitationCtx.
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Author } from '../../../shared/model/index.ts';
import type { Role } from '../../app/api.ts';
import { primeAudioOnFirstPress } from '../../facilitation/beep.ts';
import { type FacilitationContext, FacilitationCtx } from '../../facilitation/context.ts';
import { exposeFacilitation } from '../../facilitation/debug.ts';
import { connectPrivateBoard, type PrivateBoard } from '../../facilitation/privateBoard.ts';
import { facilitationCache } from '../../facilitation/useFacilitation.ts';
import { startViewSync } from '../../facilitation/viewSync.ts';
import type { NewCardsRoute } from '../../tools/newCards.ts';

interface Props {
  workshopId: string;
  token: string;
  doc: Y.Doc;
  awareness: Awareness;
  me: Author;
  role: Role;
  /** Where this person's new cards go: the private board is attached here during private mode. */
  newCards: NewCardsRoute;
  children: ReactNode;
}

export function FacilitationProvider({ workshopId, token, doc, awareness, me, role, newCards, children }: Props) {
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
    // A participant's new notes, however they are added, go to their private board while it is on.
    if (!privateBoard || role !== 'participant') return;
    const cache = facilitationCache(doc);
    return newCards.attach(() => (cache.current.privateMode ? privateBoard.doc : null));
  }, [doc, privateBoard, role, newCards]);

  const value = useMemo<FacilitationContext>(
    () => ({ workshopId, token, doc, awareness, me, role, privateBoard }),
    [workshopId, token, doc, awareness, me, role, privateBoard],
  );
  return <FacilitationCtx.Provider value={value}>{children}</FacilitationCtx.Provider>;
}
