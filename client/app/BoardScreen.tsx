// A connected board: top bar, tool palette, canvas, and the panels over it.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { type ItemLock, linkLockOf } from '../../shared/model/index.ts';
import { BoardCanvas } from '../canvas/BoardCanvas.tsx';
import { useBoardItems } from '../canvas/useBoardItems.ts';
import { useWorkshopMeta } from '../facilitation/useWorkshopMeta.ts';
import { RefusalBanner } from '../panels/ConnectionIndicator.tsx';
import { BoardOverlay } from '../panels/facilitation/BoardOverlay.tsx';
import { DockButtons, FacilitationDock } from '../panels/facilitation/FacilitationDock.tsx';
import { FacilitationProvider } from '../panels/facilitation/FacilitationProvider.tsx';
import { FacilitationSidebar } from '../panels/facilitation/FacilitationSidebar.tsx';
import { FollowBanner } from '../panels/facilitation/FollowBanner.tsx';
import { SessionStatus } from '../panels/facilitation/SessionStatus.tsx';
import { ShareDialog } from '../panels/facilitation/ShareDialog.tsx';
import { HelpOverlay } from '../panels/HelpOverlay.tsx';
import { Inspector } from '../panels/inspector/Inspector.tsx';
import { MatrixButton, MatrixPanel } from '../panels/matrix/MatrixView.tsx';
import { NoticeBar } from '../panels/NoticeBar.tsx';
import { OutlinePanel } from '../panels/OutlinePanel.tsx';
import { PlanActions } from '../panels/plan/PlanActions.tsx';
import { SdgPalette } from '../panels/SdgPalette.tsx';
import { Toolbar } from '../panels/Toolbar.tsx';
import { TopBar } from '../panels/TopBar.tsx';
import { WorkshopDetails } from '../panels/workshop/WorkshopDetails.tsx';
import { resetBoardUi, useBoardStore } from '../store/boardStore.ts';
import { authorOf, colourForId, helloProfileOf } from '../store/identity.ts';
import { boardStates } from '../sync/boardState.ts';
import { type BoardConnection, connectBoard } from '../sync/connect.ts';
import { announce } from '../sync/presence.ts';
import { useConnectionStatus } from '../sync/useConnectionStatus.ts';
import type { ToolContext } from '../tools/context.ts';
import { deleteRefusal, heldItems, itemsLocks } from '../tools/lockText.ts';
import { NewCardsRoute } from '../tools/newCards.ts';
import { useBoardShortcuts } from '../tools/shortcuts.ts';
import { clearSharePanelRequest, sharePanelRequested } from './access.ts';
import type { WorkshopSession } from './api.ts';
import { exposeBoard } from './debugHandle.ts';
import { OpeningPage } from './MessagePage.tsx';

const NO_HELD: ReadonlyMap<string, ItemLock> = new Map();
const SELECTION_LOCKED = 'Locked: agreed in the walk-through. Only the facilitator can change or move it.';

export function BoardScreen({ session, token }: { session: WorkshopSession; token: string }) {
  const [connection, setConnection] = useState<BoardConnection | null>(null);
  useEffect(() => {
    resetBoardUi();
    let conn: BoardConnection | null = null;
    let unexpose = () => {};
    let cancelled = false;
    // A rebase (the server refused offline work) replaces the connection with one on a fresh
    // document: the board below is keyed by it, so it remounts on the new document.
    const show = (next: BoardConnection) => {
      if (cancelled) {
        next.destroy();
        return;
      }
      conn = next;
      unexpose();
      unexpose = exposeBoard(next.doc, next.provider);
      setConnection(next);
    };
    void boardStates.take(session.id, token).then((state) => {
      if (cancelled) return;
      show(
        connectBoard(session.id, token, state, () => helloProfileOf(useBoardStore.getState().identity), {
          role: session.role,
          onReplaced: show,
          onNotApplied: (text) => useBoardStore.getState().notify(text, 'error'),
        }),
      );
      if (session.links && sharePanelRequested(session.id)) useBoardStore.getState().setShareOpen(true);
    });
    return () => {
      cancelled = true;
      unexpose();
      conn?.destroy();
      setConnection(null);
    };
  }, [session.id, session.links, session.role, token]);
  if (!connection) return <OpeningPage />;
  return <ConnectedBoard key={connection.doc.guid} session={session} token={token} connection={connection} />;
}

interface ConnectedProps {
  session: WorkshopSession;
  token: string;
  connection: BoardConnection;
}

function ConnectedBoard({ session, token, connection }: ConnectedProps) {
  const { doc, provider } = connection;
  const identity = useBoardStore((s) => s.identity);
  const shareOpen = useBoardStore((s) => s.shareOpen);
  const paletteOpen = useBoardStore((s) => s.paletteOpen);
  // A connection the server closed for good (a replaced link, a refused edit) goes read-only at
  // once: nothing made now could reach anyone. Offline is different: edits wait to be sent.
  const status = useConnectionStatus(connection.status);
  const refusedWhy = status.kind === 'refused' ? status.message : null;
  const canEdit = session.role !== 'viewer' && refusedWhy === null;
  const readOnly =
    refusedWhy ??
    (session.role === 'viewer' ? 'You are following this board as a viewer: you cannot change it.' : undefined);
  const underLocks = session.role === 'participant';
  const me = useMemo(() => authorOf(identity), [identity]);
  // Every way of adding cards asks this where they go (a private board in private brainstorming).
  const newCards = useMemo(() => new NewCardsRoute(), []);
  const ctx = useMemo<ToolContext>(
    () => ({ doc, author: me, canEdit, underLocks, newCards, ...(readOnly ? { readOnly } : {}) }),
    [doc, me, canEdit, underLocks, newCards, readOnly],
  );
  const items = useBoardItems(doc);
  // Agreed items, and the links of agreed cards, are locked for everyone but the facilitator (the
  // server enforces it too): with one selected, the canvas, inspector and shortcuts do not offer
  // to change it. A card an agreed item is linked to may be changed, not deleted.
  // Selectors with plain results: the board re-renders only when the lock flips, not on every selection.
  const locks = useMemo(() => itemsLocks(items), [items]);
  const held = useMemo(() => (underLocks ? heldItems(items) : NO_HELD), [items, underLocks]);
  const selectionLocked = useBoardStore(
    (s) =>
      underLocks &&
      (s.selectedCards.some((id) => items.cards.get(id)?.status === 'agreed') ||
        s.selectedLinks.some((id) => linkLockOf(locks, id) !== null)),
  );
  const deleteRefused = useBoardStore((s) =>
    underLocks && !selectionLocked ? deleteRefusal(items, held, s.selectedCards, s.selectedLinks) : null,
  );
  const editCtx = useMemo<ToolContext>(
    () =>
      selectionLocked
        ? { ...ctx, canEdit: false, readOnly: ctx.readOnly ?? SELECTION_LOCKED }
        : deleteRefused
          ? { ...ctx, deleteRefused }
          : ctx,
    [ctx, selectionLocked, deleteRefused],
  );
  useBoardShortcuts(editCtx, items.cards);

  useEffect(() => {
    announce(provider.awareness, {
      name: identity.name,
      colour: colourForId(identity.id),
      group: identity.group,
      ...(identity.group === 'other' ? { groupDetail: identity.groupDetail } : {}),
      id: identity.id,
    });
  }, [provider, identity]);

  // The board's own title, which a facilitator can change in the details; the link's until it has one.
  const title = useWorkshopMeta(doc).meta.title || session.title;
  useEffect(() => {
    document.title = `${title || 'Workshop'} · SDG workshop board`;
    return () => {
      document.title = 'SDG workshop board';
    };
  }, [title]);

  const closeShare = useCallback(() => {
    clearSharePanelRequest(session.id);
    useBoardStore.getState().setShareOpen(false);
  }, [session.id]);

  return (
    <FacilitationProvider
      workshopId={session.id}
      token={token}
      doc={doc}
      awareness={provider.awareness}
      me={me}
      role={session.role}
      newCards={newCards}
    >
      <div className="board-screen">
        <TopBar
          title={title}
          role={session.role}
          awareness={provider.awareness}
          tracker={connection.status}
          canShare={Boolean(session.links)}
          status={<SessionStatus />}
          details={<WorkshopDetails items={items} />}
          actions={
            <>
              <DockButtons items={items} />
              <MatrixButton />
              <PlanActions session={session} token={token} title={title} items={items} />
            </>
          }
        />
        <div className="board-body">
          <Toolbar
            ctx={ctx}
            items={items}
            extra={<FacilitationSidebar />}
            selectionLocked={selectionLocked}
            deleteRefused={deleteRefused}
          />
          <OutlinePanel items={items} />
          <main className="board-main">
            <BoardCanvas ctx={editCtx} awareness={provider.awareness} items={items} status={connection.status} />
            <BoardOverlay items={items} />
            <FollowBanner awareness={provider.awareness} />
            <RefusalBanner tracker={connection.status} />
            {paletteOpen && (
              <SdgPalette ctx={ctx} items={items} onClose={() => useBoardStore.getState().setPaletteOpen(false)} />
            )}
            {shareOpen && session.links && (
              <ShareDialog workshopId={session.id} token={token} links={session.links} onClose={closeShare} />
            )}
            <FacilitationDock items={items} />
            {items.cards.size === 0 && <EmptyHint canEdit={canEdit} />}
            <MatrixPanel ctx={ctx} title={title} />
            <NoticeBar />
            <HelpOverlay />
          </main>
          <Inspector ctx={editCtx} items={items} />
        </div>
      </div>
    </FacilitationProvider>
  );
}

function EmptyHint({ canEdit }: { canEdit: boolean }) {
  return (
    <div className="empty-hint" aria-hidden="true">
      {canEdit ? (
        <>
          <strong>The board is empty.</strong>
          <span>
            Add an SDG target by its code, an intervention or a note from the left, or double-click anywhere to write a
            note.
          </span>
        </>
      ) : (
        <>
          <strong>Nothing on the board yet.</strong>
          <span>Cards appear here as soon as participants add them.</span>
        </>
      )}
    </div>
  );
}
