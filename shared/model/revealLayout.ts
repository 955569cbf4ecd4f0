// Where revealed private notes go on the shared board: one grid per author (per stakeholder group
// when the reveal is anonymous, so the layout does not say which notes one person wrote), the
// grids side by side in shelves, all in the free area to the right of every card already on the
// board. Notes never overlap each other or an existing card. Pure: boxes in, positions out.

/** A card's rectangle on the board. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A note to lay out: its size and the group it is shown with. */
export interface RevealedNote {
  id: string;
  w: number;
  h: number;
  group: string;
}

/** Between two notes of a grid. */
export const REVEAL_NOTE_GAP = 24;
/** Between two groups' grids. */
export const REVEAL_GROUP_GAP = 96;
/** Between the board's existing cards and the revealed notes. */
export const REVEAL_MARGIN = 120;
/** At most this many notes side by side in one group's grid. */
export const REVEAL_MAX_COLUMNS = 4;
/** Groups are placed left to right until a shelf is this wide, then on a new shelf below. */
export const REVEAL_SHELF_WIDTH = 2400;

/** The group a revealed note is shown with: its author, or, anonymously, the author's stakeholder group. */
export function revealGroupOf(author: { id: string; group: string }, anonymous: boolean): string {
  return anonymous ? `group:${author.group || 'other'}` : `author:${author.id}`;
}

/**
 * Positions (top-left corners) for `notes`, clear of `existing`: each group a grid of at most
 * REVEAL_MAX_COLUMNS columns (cells as large as the group's largest note), groups in the order
 * they first appear. With nothing on the board the notes start at the origin.
 */
export function layoutRevealedNotes(
  notes: readonly RevealedNote[],
  existing: readonly Box[],
): Map<string, { x: number; y: number }> {
  const groups = new Map<string, RevealedNote[]>();
  for (const note of notes) {
    const list = groups.get(note.group);
    if (list) list.push(note);
    else groups.set(note.group, [note]);
  }
  let originX = 0;
  let originY = 0;
  if (existing.length > 0) {
    originX = Math.max(...existing.map((b) => b.x + b.w)) + REVEAL_MARGIN;
    originY = Math.min(...existing.map((b) => b.y));
  }
  originX = Math.ceil(originX);
  originY = Math.floor(originY);
  const out = new Map<string, { x: number; y: number }>();
  let x = originX;
  let y = originY;
  let shelfHeight = 0;
  for (const members of groups.values()) {
    const columns = Math.min(REVEAL_MAX_COLUMNS, Math.ceil(Math.sqrt(members.length)));
    const rows = Math.ceil(members.length / columns);
    const cellW = Math.ceil(Math.max(...members.map((n) => n.w))) + REVEAL_NOTE_GAP;
    const cellH = Math.ceil(Math.max(...members.map((n) => n.h))) + REVEAL_NOTE_GAP;
    const width = columns * cellW - REVEAL_NOTE_GAP;
    const height = rows * cellH - REVEAL_NOTE_GAP;
    if (x > originX && x + width > originX + REVEAL_SHELF_WIDTH) {
      x = originX;
      y += shelfHeight + REVEAL_GROUP_GAP;
      shelfHeight = 0;
    }
    members.forEach((note, i) => {
      out.set(note.id, { x: x + (i % columns) * cellW, y: y + Math.floor(i / columns) * cellH });
    });
    x += width + REVEAL_GROUP_GAP;
    shelfHeight = Math.max(shelfHeight, height);
  }
  return out;
}

/** Whether two boxes overlap (touching edges do not). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
