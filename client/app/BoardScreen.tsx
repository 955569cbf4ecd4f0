// A connected board: top bar, tool palette, canvas, and the panels over it.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { readMeta } from '../../shared/model/index.ts';
import { BoardCanvas } from '../canvas/BoardCanvas.tsx';
import { useBoardItems } from '../canvas/useBoardItems.ts';
import { RefusalBanner } from '../panels/ConnectionIndicator.tsx';
import { HelpOverlay } from '../panels/HelpOverlay.tsx';
import { Inspector } from '../panels/inspector/Inspector.tsx';
import { NoticeBar } from '../panels/NoticeBar.tsx';
import { OutlinePanel } from '../panels/OutlinePanel.tsx';
import { PlanActions } from '../panels/plan/PlanActions.tsx';
import { SdgPalette } from '../panels/SdgPalette.tsx';
import { SharePanel } from '../panels/SharePanel.tsx';
import { Toolbar } from '../panels/Toolbar.tsx';
import { TopBar } from '../panels/TopBar.tsx';
import { resetBoardUi, useBoardStore } from '../store/boardStore.ts';
import { authorOf, colourForId } from '../store/identity.ts';
import { type BoardConnection, connectBoard } from '../sync/connect.ts';
import { announce } from '../sync/presence.ts';
import type { ToolContext } from '../tools/context.ts';
import { useBoardShortcuts } from '../tools/shortcuts.ts';
import { clearSharePanelRequest, sharePanelRequested } from './access.ts';
import type { WorkshopSession } from './api.ts';
import { exposeBoard } from './debugHandle.ts';

export function BoardScreen({ session, token }: { session: WorkshopSession; token: string }) {
  const [connection, setConnection] = useState<BoardConnection | null>(null);
  useEffect(() => {
    resetBoardUi();
    const conn = connectBoard(session.id, token);
    const unexpose = exposeBoard(conn.doc, conn.provider);
    setConnection(conn);
    if (session.links && sharePanelRequested(session.id)) useBoardStore.getState().setShareOpen(true);
    return () => {
      unexpose();
      conn.destroy();
      setConnection(null);
    };
  }, [session.id, session.links, token]);
  if (!connection) return null;
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
  const canEdit = session.role !== 'viewer';
  const ctx = useMemo<ToolContext>(() => ({ doc, author: authorOf(identity), canEdit }), [doc, identity, canEdit]);
  const items = useBoardItems(doc);
  useBoardShortcuts(ctx, items.cards);

  useEffect(() => {
    announce(provider.awareness, { name: identity.name, colour: colourForId(identity.id), group: identity.group });
  }, [provider, identity]);

  const title = session.title || readMeta(doc).title;
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
    <div className="board-screen">
      <TopBar
        title={title}
        role={session.role}
        awareness={provider.awareness}
        tracker={connection.status}
        canShare={Boolean(session.links)}
        actions={<PlanActions session={session} token={token} title={title} items={items} />}
      />
      <div className="board-body">
        <Toolbar ctx={ctx} items={items} />
        <OutlinePanel items={items} />
        <main className="board-main">
          <BoardCanvas ctx={ctx} awareness={provider.awareness} items={items} status={connection.status} />
          <RefusalBanner tracker={connection.status} />
          {paletteOpen && (
            <SdgPalette ctx={ctx} items={items} onClose={() => useBoardStore.getState().setPaletteOpen(false)} />
          )}
          {shareOpen && session.links && <SharePanel links={session.links} onClose={closeShare} />}
          {items.cards.size === 0 && <EmptyHint canEdit={canEdit} />}
          <NoticeBar />
          <HelpOverlay />
        </main>
        <Inspector ctx={ctx} items={items} />
      </div>
    </div>
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
