// Which comments this browser has read, per workshop, kept in localStorage: the unread badges on
// items and the count in the top bar come from it. Read marks are personal, never shared.
import { useSyncExternalStore } from 'react';
import type { Card, Comment, Link } from '../../shared/model/index.ts';

const MAX_MARKS = 5000;

export class ReadMarks {
  private read: Set<string>;
  private readonly listeners = new Set<() => void>();
  /** Changes identity on every change, for React. */
  version = 0;

  constructor(
    private readonly key: string,
    private readonly storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage,
  ) {
    this.read = new Set(this.load());
  }

  private load(): string[] {
    try {
      const parsed: unknown = JSON.parse(this.storage?.getItem(this.key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
    } catch {
      return [];
    }
  }

  has(commentId: string): boolean {
    return this.read.has(commentId);
  }

  markRead(commentIds: Iterable<string>): void {
    let changed = false;
    for (const id of commentIds) {
      if (this.read.has(id)) continue;
      this.read.add(id);
      changed = true;
    }
    if (!changed) return;
    // The oldest marks go first when there are too many (a Set keeps insertion order).
    const all = [...this.read].slice(-MAX_MARKS);
    this.read = new Set(all);
    try {
      this.storage?.setItem(this.key, JSON.stringify(all));
    } catch {
      // A full quota: the marks last for this page.
    }
    this.version++;
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const marks = new Map<string, ReadMarks>();

export function readMarksFor(workshopId: string): ReadMarks {
  let m = marks.get(workshopId);
  if (!m) {
    m = new ReadMarks(`sdg-board:read:${workshopId}`);
    marks.set(workshopId, m);
  }
  return m;
}

/** Re-renders when marks change; returns the marks. */
export function useReadMarks(workshopId: string): ReadMarks {
  const m = readMarksFor(workshopId);
  useSyncExternalStore(
    (listener) => m.subscribe(listener),
    () => m.version,
  );
  return m;
}

/** The comments of an item this person has not read (their own count as read). */
export function unreadOf(comments: readonly Comment[], myId: string, marks: Pick<ReadMarks, 'has'>): Comment[] {
  return comments.filter((c) => c.author.id !== myId && !marks.has(c.id));
}

export interface UnreadItem {
  type: 'card' | 'link';
  id: string;
  unread: number;
  mentionsMe: boolean;
}

/** Every item with unread comments. */
export function unreadItems(
  cards: Iterable<Card>,
  links: Iterable<Link>,
  myId: string,
  marks: Pick<ReadMarks, 'has'>,
): UnreadItem[] {
  const out: UnreadItem[] = [];
  const visit = (type: 'card' | 'link', item: Card | Link) => {
    if (item.comments.length === 0) return;
    const unread = unreadOf(item.comments, myId, marks);
    if (unread.length > 0) {
      out.push({ type, id: item.id, unread: unread.length, mentionsMe: unread.some((c) => c.mentions.includes(myId)) });
    }
  };
  for (const card of cards) visit('card', card);
  for (const link of links) visit('link', link);
  return out;
}
