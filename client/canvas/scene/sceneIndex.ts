// What the canvas draws and hits, kept beside the snapshot cache: a uniform grid over card bounds
// and link segments, so that drawing and hit tests look only at what is near the view or the
// pointer, and a stacking rank (frames behind, then by creation) shared by every client.
import type { Card, Link } from '../../../shared/model/kinds.ts';
import { linkPoints, type Rect } from '../geometry.ts';
import type { BoardItems } from '../useBoardItems.ts';

const CELL_PX = 1024;

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** A frame's title sits above its top edge, and a shadow or badge slightly outside the box. */
const CARD_MARGIN_PX = 28;

export function cardBox(c: Rect, margin = 0): Box {
  return { minX: c.x - margin, minY: c.y - margin, maxX: c.x + c.w + margin, maxY: c.y + c.h + margin };
}

function overlaps(a: Box, b: Box): boolean {
  return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

class Grid {
  private readonly cells = new Map<string, Set<string>>();
  private readonly boxes = new Map<string, Box>();

  private *cellKeys(b: Box): Generator<string> {
    const x0 = Math.floor(b.minX / CELL_PX);
    const x1 = Math.floor(b.maxX / CELL_PX);
    const y0 = Math.floor(b.minY / CELL_PX);
    const y1 = Math.floor(b.maxY / CELL_PX);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) yield `${x},${y}`;
  }

  set(id: string, box: Box): void {
    this.delete(id);
    this.boxes.set(id, box);
    for (const key of this.cellKeys(box)) {
      let cell = this.cells.get(key);
      if (!cell) {
        cell = new Set();
        this.cells.set(key, cell);
      }
      cell.add(id);
    }
  }

  delete(id: string): void {
    const box = this.boxes.get(id);
    if (!box) return;
    this.boxes.delete(id);
    for (const key of this.cellKeys(box)) {
      const cell = this.cells.get(key);
      cell?.delete(id);
      if (cell?.size === 0) this.cells.delete(key);
    }
  }

  query(area: Box, out: Set<string>): Set<string> {
    const spanX = Math.floor(area.maxX / CELL_PX) - Math.floor(area.minX / CELL_PX) + 1;
    const spanY = Math.floor(area.maxY / CELL_PX) - Math.floor(area.minY / CELL_PX) + 1;
    if (spanX * spanY > this.cells.size) {
      // A view wider than the board: walking the occupied cells is cheaper than the empty ones.
      for (const [id, box] of this.boxes) if (overlaps(box, area)) out.add(id);
      return out;
    }
    for (const key of this.cellKeys(area)) {
      const cell = this.cells.get(key);
      if (!cell) continue;
      for (const id of cell) if (overlaps(this.boxes.get(id) as Box, area)) out.add(id);
    }
    return out;
  }

  countOver(area: Box, limit: number): boolean {
    if (this.boxes.size <= limit) return false;
    const seen = new Set<string>();
    const spanX = Math.floor(area.maxX / CELL_PX) - Math.floor(area.minX / CELL_PX) + 1;
    const spanY = Math.floor(area.maxY / CELL_PX) - Math.floor(area.minY / CELL_PX) + 1;
    const ids =
      spanX * spanY > this.cells.size
        ? [this.boxes.keys()]
        : [...this.cellKeys(area)].map((k) => this.cells.get(k)?.values() ?? []);
    for (const iterable of ids) {
      for (const id of iterable) {
        if (seen.has(id) || !overlaps(this.boxes.get(id) as Box, area)) continue;
        seen.add(id);
        if (seen.size > limit) return true;
      }
    }
    return false;
  }

  clear(): void {
    this.cells.clear();
    this.boxes.clear();
  }
}

export class SceneIndex {
  cards: ReadonlyMap<string, Card> = new Map();
  links: ReadonlyMap<string, Link> = new Map();
  /** Which links end at a card: they move with it. */
  private readonly linksByCard = new Map<string, Set<string>>();
  /** The sideways shift of each link that has a reverse twin (A→B beside B→A). */
  private readonly pairs = new Map<string, number>();
  private readonly cardGrid = new Grid();
  private readonly linkGrid = new Grid();
  private rank = new Map<string, number>();
  private rankDirty = true;
  /** Bumped on every change, for caches of things derived from the whole board (the minimap). */
  version = 0;

  /** Brings the index up to date with a new snapshot map, looking only at changed identities. */
  update(items: BoardItems): void {
    if (items.cards === this.cards && items.links === this.links) return;
    this.version++;
    const touchedCards = new Set<string>();
    if (items.cards !== this.cards) {
      for (const [id, card] of items.cards) {
        const old = this.cards.get(id);
        if (old === card) continue;
        touchedCards.add(id);
        this.cardGrid.set(id, cardBox(card, CARD_MARGIN_PX));
        if (!old || old.createdAt !== card.createdAt || old.kind !== card.kind) this.rankDirty = true;
      }
      for (const id of this.cards.keys()) {
        if (items.cards.has(id)) continue;
        touchedCards.add(id);
        this.cardGrid.delete(id);
        this.rankDirty = true;
      }
    }
    const previousLinks = this.links;
    this.cards = items.cards;
    this.links = items.links;
    const touchedLinks = new Set<string>();
    if (items.links !== previousLinks) {
      for (const [id, link] of items.links) {
        const old = previousLinks.get(id);
        if (old === link) continue;
        if (old) this.unbind(old);
        this.bind(link);
        touchedLinks.add(id);
      }
      for (const [id, old] of previousLinks) {
        if (items.links.has(id)) continue;
        this.unbind(old);
        this.linkGrid.delete(id);
        this.pairs.delete(id);
        touchedLinks.add(id);
      }
      // A reverse twin appearing or going shifts the other link of the pair.
      for (const id of [...touchedLinks]) {
        const link = items.links.get(id) ?? previousLinks.get(id);
        if (!link) continue;
        for (const other of this.linksByCard.get(link.to) ?? []) {
          const l = items.links.get(other);
          if (l && l.from === link.to && l.to === link.from) touchedLinks.add(other);
        }
      }
    }
    for (const cardId of touchedCards) {
      for (const linkId of this.linksByCard.get(cardId) ?? []) touchedLinks.add(linkId);
    }
    for (const id of touchedLinks) this.placeLink(id);
  }

  private bind(link: Link): void {
    for (const end of [link.from, link.to]) {
      let set = this.linksByCard.get(end);
      if (!set) {
        set = new Set();
        this.linksByCard.set(end, set);
      }
      set.add(link.id);
    }
  }

  private unbind(link: Link): void {
    for (const end of [link.from, link.to]) {
      const set = this.linksByCard.get(end);
      set?.delete(link.id);
      if (set?.size === 0) this.linksByCard.delete(end);
    }
  }

  private placeLink(id: string): void {
    const link = this.links.get(id);
    const from = link && this.cards.get(link.from);
    const to = link && this.cards.get(link.to);
    if (!link || !from || !to) {
      this.linkGrid.delete(id);
      return;
    }
    // Reverse twins are drawn apart; both must be re-placed when either appears or goes.
    const twin = [...(this.linksByCard.get(link.to) ?? [])].some((other) => {
      const l = this.links.get(other);
      return l !== undefined && l.from === link.to && l.to === link.from;
    });
    this.pairs.set(id, twin ? 9 : 0);
    const [x1, y1, x2, y2] = linkPoints(from, to, this.pairs.get(id));
    // Room for the label pill around the middle of the arrow.
    this.linkGrid.set(id, {
      minX: Math.min(x1, x2) - 60,
      minY: Math.min(y1, y2) - 20,
      maxX: Math.max(x1, x2) + 60,
      maxY: Math.max(y1, y2) + 20,
    });
  }

  linkOffset(id: string): number {
    return this.pairs.get(id) ?? 0;
  }

  linksOf(cardId: string): ReadonlySet<string> {
    return this.linksByCard.get(cardId) ?? EMPTY;
  }

  rankOf(id: string): number {
    if (this.rankDirty) this.computeRank();
    return this.rank.get(id) ?? 0;
  }

  private computeRank(): void {
    const ordered = [...this.cards.values()].sort(
      (a, b) =>
        (a.kind === 'frame' ? 0 : 1) - (b.kind === 'frame' ? 0 : 1) ||
        a.createdAt - b.createdAt ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    this.rank = new Map(ordered.map((c, i) => [c.id, i]));
    this.rankDirty = false;
  }

  /** Cards whose drawn area meets `area`, bottom first (in no particular order if not `ordered`). */
  cardsIn(area: Box, ordered = true): Card[] {
    const ids = this.cardGrid.query(area, new Set());
    const out: Card[] = [];
    for (const id of ids) {
      const card = this.cards.get(id);
      if (card) out.push(card);
    }
    if (!ordered) return out;
    if (this.rankDirty) this.computeRank();
    const rank = this.rank;
    return out.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  }

  /** Whether more than `limit` cards meet `area` (stops counting there). */
  countIn(area: Box, limit: number): boolean {
    return this.cardGrid.countOver(area, limit);
  }

  linksIn(area: Box): Link[] {
    const out: Link[] = [];
    for (const id of this.linkGrid.query(area, new Set())) {
      const link = this.links.get(id);
      if (link && this.cards.has(link.from) && this.cards.has(link.to)) out.push(link);
    }
    return out;
  }

  /** The ids of cards lying wholly inside `area` (marquee, frame contents). */
  cardsWithin(area: Box): string[] {
    const out: string[] = [];
    for (const card of this.cardsIn(area)) {
      if (card.x >= area.minX && card.y >= area.minY && card.x + card.w <= area.maxX && card.y + card.h <= area.maxY) {
        out.push(card.id);
      }
    }
    return out;
  }

  /** Bounds of all cards, or null on an empty board. */
  bounds(): Box | null {
    let box: Box | null = null;
    for (const c of this.cards.values()) {
      if (!box) box = cardBox(c);
      else {
        box.minX = Math.min(box.minX, c.x);
        box.minY = Math.min(box.minY, c.y);
        box.maxX = Math.max(box.maxX, c.x + c.w);
        box.maxY = Math.max(box.maxY, c.y + c.h);
      }
    }
    return box;
  }

  clear(): void {
    this.cards = new Map();
    this.links = new Map();
    this.linksByCard.clear();
    this.pairs.clear();
    this.cardGrid.clear();
    this.linkGrid.clear();
    this.rank.clear();
    this.rankDirty = true;
  }
}

const EMPTY: ReadonlySet<string> = new Set();
