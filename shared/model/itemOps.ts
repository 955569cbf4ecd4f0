// Comments and votes, on any card or link.
import type * as Y from 'yjs';
import { appendComment, checkMentions, type NewComment, setCommentResolved, setVote } from './itemCommon.ts';
import { cardsMap, linksMap, type YItem } from './layout.ts';

export interface ItemRef {
  type: 'card' | 'link';
  id: string;
}

function itemOf(doc: Y.Doc, ref: ItemRef): YItem {
  const item = (ref.type === 'card' ? cardsMap(doc) : linksMap(doc)).get(ref.id);
  if (!item) throw new Error(`no ${ref.type} ${ref.id}`);
  return item;
}

export function addComment(doc: Y.Doc, ref: ItemRef, input: NewComment, origin?: unknown, now = Date.now()): string {
  if (input.text.trim() === '') throw new Error('a comment cannot be empty');
  const problem = checkMentions(input.mentions);
  if (problem) throw new Error(problem);
  let id = '';
  doc.transact(() => {
    id = appendComment(itemOf(doc, ref), input, now);
  }, origin);
  return id;
}

export function resolveComment(doc: Y.Doc, ref: ItemRef, commentId: string, resolved: boolean, origin?: unknown): void {
  doc.transact(() => {
    if (!setCommentResolved(itemOf(doc, ref), commentId, resolved)) throw new Error(`no comment ${commentId}`);
  }, origin);
}

/** Sets how many votes `voterId` puts on an item (0 removes them). */
export function castVotes(doc: Y.Doc, ref: ItemRef, voterId: string, count: number, origin?: unknown): void {
  if (!Number.isInteger(count) || count < 0) throw new Error('votes must be a whole number ≥ 0');
  doc.transact(() => setVote(itemOf(doc, ref), voterId, count), origin);
}
