// Threaded comments on the selected card or link, with @mentions, resolving, and read marks kept
// in this browser; with nothing selected, the items whose comments are unread.
import { useEffect, useMemo, useRef, useState } from 'react';
import { addComment, type Comment, type ItemRef, resolveComment } from '../../../shared/model/index.ts';
import type { BoardItems } from '../../canvas/useBoardItems.ts';
import { useFacilitationContext } from '../../facilitation/context.ts';
import { findMentions, splitMentions } from '../../facilitation/mentions.ts';
import type { Person } from '../../facilitation/people.ts';
import { unreadItems, unreadOf, useReadMarks } from '../../facilitation/readMarks.ts';
import { useAttendance, usePeople } from '../../facilitation/usePeople.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import { LOCAL_ORIGIN } from '../../sync/origin.ts';
import { CloseIcon } from '../icons.tsx';
import { CommentComposer } from './CommentComposer.tsx';
import { itemLabel } from './VotePanel.tsx';

function when(at: number): string {
  return new Date(at).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** Each part with where it starts in the text (a stable key). */
function withOffsets<T extends { text: string }>(parts: T[]): Array<{ part: T; at: number }> {
  let at = 0;
  return parts.map((part) => {
    const start = at;
    at += part.text.length;
    return { part, at: start };
  });
}

function CommentText({ text, people, myId }: { text: string; people: readonly Person[]; myId: string }) {
  return (
    <p className="comment-text">
      {withOffsets(splitMentions(text, people)).map(({ part, at }) =>
        part.person ? (
          <span key={at} className={`mention${part.person.id === myId ? ' mention-me' : ''}`}>
            {part.text}
          </span>
        ) : (
          <span key={at}>{part.text}</span>
        ),
      )}
    </p>
  );
}

/** Comments in threads: each top-level comment followed by every reply under it. */
function threads(comments: readonly Comment[]): Array<{ root: Comment; replies: Comment[] }> {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rootOf = (c: Comment): Comment => {
    let current = c;
    for (let i = 0; i < 20 && current.replyTo && byId.has(current.replyTo); i++)
      current = byId.get(current.replyTo) as Comment;
    return current;
  };
  const out = new Map<string, { root: Comment; replies: Comment[] }>();
  for (const c of comments) {
    const root = rootOf(c);
    const thread = out.get(root.id) ?? { root, replies: [] };
    if (root !== c) thread.replies.push(c);
    out.set(root.id, thread);
  }
  return [...out.values()];
}

function Thread({ item, comments, items }: { item: ItemRef; comments: readonly Comment[]; items: BoardItems }) {
  const { doc, me, role, awareness, workshopId } = useFacilitationContext();
  // Everyone the server recorded can be mentioned, also those who have not written anything yet.
  const attendance = useAttendance(doc);
  const people = usePeople(awareness, items, me, attendance);
  const marks = useReadMarks(workshopId);
  const [replyTo, setReplyTo] = useState<Comment | null>(null);
  const composer = useRef<HTMLTextAreaElement>(null);
  // Reply moves the keys to the composer: they are the reply's, not the board's.
  const replyToComment = (c: Comment) => {
    setReplyTo(c);
    composer.current?.focus();
  };
  const canWrite = role !== 'viewer';
  const unread = useMemo(() => new Set(unreadOf(comments, me.id, marks).map((c) => c.id)), [comments, me.id, marks]);

  // What is shown here has been read; the badge stays until then.
  useEffect(() => {
    if (unread.size > 0) marks.markRead(unread);
  }, [unread, marks]);

  const send = (text: string) => {
    const mentions = findMentions(text, people);
    try {
      addComment(doc, item, { author: me, text, mentions, ...(replyTo ? { replyTo: replyTo.id } : {}) }, LOCAL_ORIGIN);
      setReplyTo(null);
    } catch (error) {
      useBoardStore.getState().notify(`The comment could not be added: ${(error as Error).message}.`, 'error');
    }
  };

  const one = (c: Comment, reply: boolean) => (
    <li
      key={c.id}
      className={`comment${reply ? ' comment-reply' : ''}${c.resolved ? ' comment-resolved' : ''}${c.mentions.includes(me.id) ? ' comment-mentions-me' : ''}${unread.has(c.id) ? ' comment-unread' : ''}`}
      data-testid="comment"
      data-id={c.id}
      data-mentions-me={c.mentions.includes(me.id) ? 'true' : 'false'}
    >
      <div className="comment-head">
        <span className="comment-author">{c.author.name}</span>
        <span className="comment-time">{when(c.createdAt)}</span>
        {c.resolved && <span className="comment-resolved-label">Resolved</span>}
      </div>
      <CommentText text={c.text} people={people} myId={me.id} />
      {canWrite && (
        <div className="comment-actions">
          <button type="button" className="link-button" onClick={() => replyToComment(c)} data-testid="comment-reply">
            Reply
          </button>
          {!reply && (
            <button
              type="button"
              className="link-button"
              data-testid="comment-resolve"
              onClick={() => resolveComment(doc, item, c.id, !c.resolved, LOCAL_ORIGIN)}
            >
              {c.resolved ? 'Reopen' : 'Resolve'}
            </button>
          )}
        </div>
      )}
    </li>
  );

  return (
    <div className="comment-thread">
      {comments.length === 0 ? (
        <p className="dock-empty">No comments yet.</p>
      ) : (
        <ul className="comments">
          {threads(comments).map((t) => [one(t.root, false), ...t.replies.map((r) => one(r, true))])}
        </ul>
      )}
      {canWrite && (
        <>
          {replyTo && (
            <p className="comment-replying">
              Replying to {replyTo.author.name}
              <button
                type="button"
                className="icon-button icon-button-small"
                aria-label="Cancel the reply"
                onClick={() => setReplyTo(null)}
              >
                <CloseIcon />
              </button>
            </p>
          )}
          <CommentComposer
            people={people.filter((p) => p.id !== me.id)}
            placeholder={replyTo ? 'Write a reply…' : 'Write a comment…'}
            onSubmit={send}
            inputRef={composer}
          />
        </>
      )}
    </div>
  );
}

export function CommentsPanel({ items }: { items: BoardItems }) {
  const { me, workshopId } = useFacilitationContext();
  const marks = useReadMarks(workshopId);
  const selected = useBoardStore((s) =>
    s.selectedCards.length + s.selectedLinks.length === 1
      ? s.selectedCards[0]
        ? `card:${s.selectedCards[0]}`
        : `link:${s.selectedLinks[0]}`
      : null,
  );
  if (selected) {
    const [type, id] = selected.split(':') as ['card' | 'link', string];
    const item = type === 'card' ? items.cards.get(id) : items.links.get(id);
    if (item) {
      return (
        <div className="comments-panel" data-testid="comments-panel">
          <h3 className="dock-subheading">{itemLabel({ type, id }, items)}</h3>
          {/* Keyed by the item: a reply started on one item's thread never carries over to another's. */}
          <Thread key={selected} item={{ type, id }} comments={item.comments} items={items} />
        </div>
      );
    }
  }
  const unread = unreadItems(items.cards.values(), items.links.values(), me.id, marks);
  return (
    <div className="comments-panel" data-testid="comments-panel">
      <p className="dock-empty">Select one card or link to read and write its comments.</p>
      {unread.length > 0 && (
        <>
          <h3 className="dock-subheading">Unread comments</h3>
          <ul className="unread-list">
            {unread.map((u) => (
              <li key={u.id}>
                <button
                  type="button"
                  className={`unread-row${u.mentionsMe ? ' unread-mention' : ''}`}
                  data-testid="unread-item"
                  onClick={() => useBoardStore.getState().select({ type: u.type, id: u.id }, false)}
                >
                  <span>{itemLabel(u, items)}</span>
                  <span className="unread-count">{u.unread}</span>
                  {u.mentionsMe && <span className="unread-you">mentions you</span>}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
