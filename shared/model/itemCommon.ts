// What cards and links share: status, author, times, comments and votes.
import * as Y from 'yjs';
import { newId } from './ids.ts';
import type { Author, Comment } from './kinds.ts';
import { K, type YItem } from './layout.ts';
import { CARD_STATUSES, type CardStatus } from './vocabulary.ts';

export function isAuthor(value: unknown): value is Author {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Record<string, unknown>;
  return typeof a.id === 'string' && typeof a.name === 'string' && typeof a.group === 'string';
}

export const UNKNOWN_AUTHOR: Author = { id: '', name: 'unknown', group: '' };

export function readStatus(item: YItem): CardStatus {
  const status = item.get(K.status);
  return (CARD_STATUSES as readonly unknown[]).includes(status) ? (status as CardStatus) : 'proposed';
}

export function readAuthor(item: YItem): Author {
  const author = item.get(K.author);
  return isAuthor(author) ? author : UNKNOWN_AUTHOR;
}

export function readNumber(item: YItem, key: string, fallback = 0): number {
  const value = item.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function readString(item: YItem, key: string): string {
  const value = item.get(key);
  return typeof value === 'string' ? value : '';
}

export function readComments(item: YItem): Comment[] {
  const comments = item.get(K.comments);
  if (!(comments instanceof Y.Array)) return [];
  const out: Comment[] = [];
  for (const c of comments.toArray()) {
    if (!(c instanceof Y.Map)) continue;
    const author = c.get('author');
    out.push({
      id: String(c.get('id') ?? ''),
      author: isAuthor(author) ? author : UNKNOWN_AUTHOR,
      text: c.get('text') instanceof Y.Text ? (c.get('text') as Y.Text).toString() : '',
      createdAt: typeof c.get('createdAt') === 'number' ? (c.get('createdAt') as number) : 0,
      replyTo: typeof c.get('replyTo') === 'string' ? (c.get('replyTo') as string) : '',
      resolved: c.get('resolved') === true,
      mentions: readMentions(c.get('mentions')),
    });
  }
  return out;
}

function readMentions(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((id): id is string => typeof id === 'string') : [];
}

export function readVotes(item: YItem): Record<string, number> {
  const votes = item.get(K.votes);
  const out: Record<string, number> = {};
  if (!(votes instanceof Y.Map)) return out;
  for (const [voter, count] of votes.entries()) {
    if (typeof count === 'number' && count > 0) out[voter] = count;
  }
  return out;
}

export function checkStatus(status: unknown): void {
  if (!(CARD_STATUSES as readonly unknown[]).includes(status)) {
    throw new Error('status: expected proposed, discussed or agreed');
  }
}

/** Checks what a new card or link starts with, before anything is written. */
export function checkNewItem(status: unknown, author: unknown): void {
  if (status !== undefined) checkStatus(status);
  if (!isAuthor(author)) throw new Error('author: expected { id, name, group }');
}

/** Sets what every new item starts with. */
export function initItem(item: YItem, id: string, kind: string, author: Author, status: CardStatus, now: number): void {
  item.set(K.id, id);
  item.set(K.kind, kind);
  item.set(K.status, status);
  item.set(K.author, { id: author.id, name: author.name, group: author.group });
  item.set(K.createdAt, now);
  item.set(K.updatedAt, now);
  item.set(K.comments, new Y.Array());
  item.set(K.votes, new Y.Map());
}

export interface NewComment {
  author: Author;
  text: string;
  replyTo?: string;
  /** Author ids of the people mentioned. */
  mentions?: readonly string[];
}

export const MAX_MENTIONS = 50;

/** Why a comment's mentions cannot be stored, or null. */
export function checkMentions(mentions: unknown): string | null {
  if (mentions === undefined) return null;
  if (!Array.isArray(mentions)) return 'mentions: expected a list of author ids';
  if (mentions.length > MAX_MENTIONS) return `mentions: at most ${MAX_MENTIONS}`;
  if (!mentions.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 64))
    return 'mentions: each must be an author id (1 to 64 characters)';
  return null;
}

export function appendComment(item: YItem, input: NewComment, now: number): string {
  let comments = item.get(K.comments);
  if (!(comments instanceof Y.Array)) {
    comments = new Y.Array();
    item.set(K.comments, comments);
  }
  const id = newId();
  const map = new Y.Map<unknown>();
  map.set('id', id);
  map.set('author', { id: input.author.id, name: input.author.name, group: input.author.group });
  map.set('text', new Y.Text(input.text));
  map.set('createdAt', now);
  map.set('replyTo', input.replyTo ?? '');
  map.set('resolved', false);
  map.set('mentions', [...new Set(input.mentions ?? [])]);
  (comments as Y.Array<Y.Map<unknown>>).push([map]);
  return id;
}

export function setCommentResolved(item: YItem, commentId: string, resolved: boolean): boolean {
  const comments = item.get(K.comments);
  if (!(comments instanceof Y.Array)) return false;
  for (const c of comments.toArray()) {
    if (c instanceof Y.Map && c.get('id') === commentId) {
      c.set('resolved', resolved);
      return true;
    }
  }
  return false;
}

export function setVote(item: YItem, voterId: string, count: number): void {
  let votes = item.get(K.votes);
  if (!(votes instanceof Y.Map)) {
    votes = new Y.Map();
    item.set(K.votes, votes);
  }
  const map = votes as Y.Map<number>;
  if (count > 0) map.set(voterId, count);
  else map.delete(voterId);
}
