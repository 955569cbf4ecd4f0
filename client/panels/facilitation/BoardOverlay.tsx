// What the facilitation features draw over the board, in board coordinates and moving with the
// view: this person's private notes, dots of the open vote, lock badges on agreed items (and, for
// participants, on the links of agreed cards, which are locked for them too), unread
// comment badges, and a ring around the spotlighted or walked-through item. The layer lets every
// pointer event through except on its own controls. Sent-back and set-aside interventions carry a
// tag saying so (DecisionTags).
import { useEffect, useRef } from 'react';
import { type Card, type ItemRef, type Link, linkLock, votesOf } from '../../../shared/model/index.ts';
import { LABEL_H } from '../../canvas/linkLabel.ts';
import type { BoardItems } from '../../canvas/useBoardItems.ts';
import { dotsUsed, placeDots, useBallot } from '../../facilitation/ballot.ts';
import { useFacilitationContext } from '../../facilitation/context.ts';
import { usePrivateNotes } from '../../facilitation/privateNotes.ts';
import { unreadItems, useReadMarks } from '../../facilitation/readMarks.ts';
import { useFacilitation } from '../../facilitation/useFacilitation.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import { itemsLocks, lockText } from '../../tools/lockText.ts';
import { DecisionTags } from './DecisionTags.tsx';
import { CommentIcon, LockIcon } from './facilitationIcons.tsx';
import { PrivateNoteView } from './PrivateNoteView.tsx';

function boxOf(ref: ItemRef, items: BoardItems): { x: number; y: number; w: number; h: number } | null {
  if (ref.type === 'card') {
    const c = items.cards.get(ref.id);
    return c ? { x: c.x, y: c.y, w: c.w, h: c.h } : null;
  }
  const link = items.links.get(ref.id);
  const a = link ? items.cards.get(link.from) : undefined;
  const b = link ? items.cards.get(link.to) : undefined;
  if (!a || !b) return null;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

/** Where a badge sits on an item: a card's corner, or a link's middle. */
function anchorOf(item: Card | Link, items: BoardItems, corner: 'tl' | 'tr' | 'bl'): { x: number; y: number } | null {
  if ('x' in item) {
    return {
      x: corner === 'tr' ? item.x + item.w : item.x,
      y: corner === 'bl' ? item.y + item.h : item.y,
    };
  }
  const a = items.cards.get(item.from);
  const b = items.cards.get(item.to);
  if (!a || !b) return null;
  return { x: (a.x + a.w / 2 + b.x + b.w / 2) / 2, y: (a.y + a.h / 2 + b.y + b.h / 2) / 2 };
}

function itemOf(ref: { type: 'card' | 'link'; id: string }, items: BoardItems): Card | Link | undefined {
  return ref.type === 'card' ? items.cards.get(ref.id) : items.links.get(ref.id);
}

export function BoardOverlay({ items }: { items: BoardItems }) {
  const { doc, me, privateBoard, workshopId, role } = useFacilitationContext();
  const f = useFacilitation(doc);
  const world = useRef<HTMLDivElement>(null);
  const privateNotes = usePrivateNotes(privateBoard?.doc ?? null);
  const marks = useReadMarks(workshopId);

  useEffect(() => {
    const apply = (v: { x: number; y: number; scale: number }) => {
      const el = world.current;
      if (!el) return;
      el.style.transform = `translate(${v.x}px, ${v.y}px) scale(${v.scale})`;
      el.style.setProperty('--inv-scale', String(1 / v.scale));
    };
    apply(useBoardStore.getState().viewport);
    return useBoardStore.subscribe((s, prev) => {
      if (s.viewport !== prev.viewport) apply(s.viewport);
    });
  }, []);

  const vote = f.vote;
  const ballot = useBallot(privateBoard?.doc ?? null, vote);
  const voteCounts = new Map<string, { mine: number; total: number }>();
  if (vote) {
    for (const ref of vote.items) voteCounts.set(ref.id, { mine: ballot.get(ref.id) ?? 0, total: 0 });
    // The board holds the dots only once they are revealed.
    for (const v of vote.revealed ? votesOf(doc, vote) : []) {
      const entry = voteCounts.get(v.item.id);
      if (entry) entry.total += v.count;
    }
  }
  const left = vote ? vote.perPerson - dotsUsed(ballot) : 0;
  const canVote = vote?.open === true && role !== 'viewer' && privateBoard !== null;
  const unread = unreadItems(items.cards.values(), items.links.values(), me.id, marks);
  const agreed = [...items.cards.values()].filter((c) => c.status === 'agreed');
  const lockView = itemsLocks(items);
  const lockedLinks =
    role === 'participant'
      ? [...items.links.values()].flatMap((link) => {
          const lock = linkLock(lockView, link);
          const at = lock ? anchorOf(link, items, 'tl') : null;
          return lock && at ? [{ link, at, text: lockText(lock, items.cards).title }] : [];
        })
      : [];
  const focus: ItemRef | null =
    f.spotlight?.item ?? (f.phase === 'validate' && f.walkItem ? { type: 'card', id: f.walkItem } : null);
  const focusBox = focus ? boxOf(focus, items) : null;

  return (
    <div className="board-overlay" aria-hidden={privateNotes.length === 0 ? 'true' : undefined}>
      <div ref={world} className="board-overlay-world">
        {focusBox && (
          <div
            className="focus-ring"
            data-testid="focus-ring"
            style={{ left: focusBox.x - 8, top: focusBox.y - 8, width: focusBox.w + 16, height: focusBox.h + 16 }}
          />
        )}
        {agreed.map((card) => (
          <div
            key={`lock-${card.id}`}
            className="overlay-anchor"
            style={{ left: card.x + card.w, top: card.y + card.h }}
          >
            <span
              className="lock-badge"
              data-testid={`lock-badge-${card.id}`}
              title="Agreed: only the facilitator can change it"
            >
              <LockIcon />
            </span>
          </div>
        ))}
        {lockedLinks.map(({ link, at, text }) => (
          // Just below the link's label, which sits in its middle.
          <div key={`lock-${link.id}`} className="overlay-anchor" style={{ left: at.x, top: at.y + LABEL_H / 2 + 3 }}>
            <span className="lock-badge lock-badge-link" data-testid={`lock-badge-${link.id}`} title={text}>
              <LockIcon />
            </span>
          </div>
        ))}
        <DecisionTags items={items} validation={f.validation} />
        {vote?.items.map((ref) => {
          const item = itemOf(ref, items);
          const at = item ? anchorOf(item, items, 'tl') : null;
          const counts = voteCounts.get(ref.id);
          if (!item || !at || !counts) return null;
          const shown = vote.revealed ? counts.total : counts.mine;
          return (
            <div key={`vote-${ref.id}`} className="overlay-anchor" style={{ left: at.x, top: at.y }}>
              <div className="vote-badge" data-testid={`vote-badge-${ref.id}`} data-count={shown}>
                {canVote && (
                  <button
                    type="button"
                    className="vote-badge-button"
                    aria-label="Take back one of your dots"
                    disabled={counts.mine === 0}
                    onClick={() => privateBoard && placeDots(privateBoard.doc, vote, ref, counts.mine - 1)}
                  >
                    −
                  </button>
                )}
                <span className="vote-badge-dots" title={vote.revealed ? 'Dots from everyone' : 'Your dots'}>
                  <span className="vote-dot" aria-hidden="true" />
                  {shown}
                </span>
                {canVote && (
                  <button
                    type="button"
                    className="vote-badge-button"
                    aria-label="Put one of your dots here"
                    disabled={left <= 0}
                    onClick={() => privateBoard && placeDots(privateBoard.doc, vote, ref, counts.mine + 1)}
                  >
                    +
                  </button>
                )}
              </div>
            </div>
          );
        })}
        {unread.map((u) => {
          const item = itemOf(u, items);
          const at = item ? anchorOf(item, items, 'tr') : null;
          if (!at) return null;
          return (
            <div key={`comments-${u.id}`} className="overlay-anchor" style={{ left: at.x, top: at.y }}>
              <button
                type="button"
                className={`comment-badge${u.mentionsMe ? ' comment-badge-mention' : ''}`}
                data-testid={`comment-badge-${u.id}`}
                title={`${u.unread} unread comment${u.unread === 1 ? '' : 's'}${u.mentionsMe ? ', mentioning you' : ''}`}
                onClick={() => {
                  const store = useBoardStore.getState();
                  store.select({ type: u.type, id: u.id }, false);
                  store.setFacilitationPanel('comments');
                }}
              >
                <CommentIcon />
                {u.unread}
              </button>
            </div>
          );
        })}
        {privateBoard &&
          privateNotes.map((note) => <PrivateNoteView key={note.id} note={note} doc={privateBoard.doc} />)}
      </div>
    </div>
  );
}
