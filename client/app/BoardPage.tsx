// Opening a workshop link: take the token, learn the role from the server, ask who you are if
// this browser does not know yet, then show the board.
import { useCallback, useEffect, useState } from 'react';
import { CLOSE, describeClose } from '../../shared/protocol/closeCodes.ts';
import { JoinForm } from '../panels/JoinForm.tsx';
import { useBoardStore } from '../store/boardStore.ts';
import { isComplete } from '../store/identity.ts';
import { cachedSession, cacheSession, takeToken } from './access.ts';
import { fetchSession, type WorkshopSession } from './api.ts';
import { BoardScreen } from './BoardScreen.tsx';
import { MessagePage, OpeningPage } from './MessagePage.tsx';
import { prefetchBoard, sessions } from './prefetch.ts';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; session: WorkshopSession }
  | { state: 'failed'; title: string; message: string; canRetry: boolean };

export function BoardPage({ workshopId }: { workshopId: string }) {
  const [token] = useState(() => {
    const taken = takeToken(workshopId);
    // Started by the entry already when the page opened on this board; after a navigation, now.
    if (taken) prefetchBoard(workshopId, taken);
    return taken;
  });
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const identityComplete = useBoardStore((s) => isComplete(s.identity));
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    void attempt;
    setLoad({ state: 'loading' });
    // The first check was started early (prefetch.ts); a retry asks again.
    const check = attempt === 0 ? sessions.take(workshopId, token) : fetchSession(workshopId, token);
    void check.then((result) => {
      if (cancelled) return;
      if (result.ok) {
        cacheSession(result.session);
        setLoad({ state: 'ready', session: result.session });
        return;
      }
      const cached = cachedSession(workshopId);
      if (result.reason === 'unreachable' && cached) {
        // Offline: open the board from the local cache; edits sync when the server is back.
        setLoad({ state: 'ready', session: cached });
      } else if (result.reason === 'unauthorized') {
        setLoad({
          state: 'failed',
          title: 'This link does not work',
          message: describeClose(CLOSE.unauthorized),
          canRetry: false,
        });
      } else if (result.reason === 'not-found') {
        setLoad({
          state: 'failed',
          title: 'Workshop not found',
          message: describeClose(CLOSE.notFound),
          canRetry: false,
        });
      } else {
        setLoad({ state: 'failed', title: 'Cannot open the workshop', message: result.message, canRetry: true });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [workshopId, token, attempt]);

  if (!token) {
    return (
      <MessagePage
        title="This link is incomplete"
        message="The link has no access key. Open the full link you were given, including the part after #."
      />
    );
  }
  if (load.state === 'loading') return <OpeningPage />;
  if (load.state === 'failed') {
    return (
      <MessagePage title={load.title} message={load.message}>
        {load.canRetry && (
          <button type="button" className="button button-primary" onClick={retry}>
            Try again
          </button>
        )}
      </MessagePage>
    );
  }
  if (!identityComplete) return <JoinForm title={load.session.title} role={load.session.role} />;
  return <BoardScreen session={load.session} token={token} />;
}
