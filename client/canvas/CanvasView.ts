// The canvas renderer: four Konva layers, each one custom shape drawing straight onto the 2D
// context from the scene index. The scene layer (cards and links, never listening) repaints on
// data, view and selection changes; the drag layer alone repaints while cards are dragged or
// resized; the overlay holds selection, handles, marquee and link previews; the presence layer
// holds other people's cursors. Only what meets the view is drawn, at a level of detail fit for
// the zoom, and nothing here goes through React.
import type Konva from 'konva';
import type { Card, Link } from '../../shared/model/kinds.ts';
import { useBoardStore } from '../store/boardStore.ts';
import type { ScreenSize, Viewport } from '../store/viewportSlice.ts';
import type { Point, Rect } from './geometry.ts';
import { type Gesture, IDLE, liveRect, movingCards } from './gesture.ts';
import { canLink, distanceToSegment, linkEnds } from './handles.ts';
import { drawOverlay } from './overlay.ts';
import type { PresenceView } from './presenceView.ts';
import { drawCardDetail, layoutBudget } from './scene/drawCards.ts';
import { drawLinkDetail, drawLinksOverview } from './scene/drawLinks.ts';
import { drawCardsOverview, drawFrameOverview } from './scene/drawOverview.ts';
import { type Box, SceneIndex } from './scene/sceneIndex.ts';
import type { BoardItems } from './useBoardItems.ts';

/** Below this zoom, with many cards in view, cards are flat boxes and links thin lines, batched by colour. */
export const OVERVIEW_BELOW_SCALE = 0.3;
/** Up to this many cards in view are drawn in detail down to OVERVIEW_ALWAYS_SCALE. */
const DETAIL_MAX_CARDS = 300;
const OVERVIEW_ALWAYS_SCALE = 0.1;
/** Time a frame may spend laying out text of cards newly in view; the rest follows next frame. */
const LAYOUT_BUDGET_MS = 6;
const LINK_HIT_PX = 7;
/** A frame is picked by its title or near its border; inside, it is empty board (marquee, notes). */
const FRAME_EDGE_PX = 10;

export type LayerName = 'scene' | 'drag' | 'overlay' | 'presence';

export interface DrawStats {
  sceneDraws: number;
  lastSceneMs: number;
  lastSceneCards: number;
  lastSceneLinks: number;
  /** ms after navigation when the scene was first drawn complete with the synced board. */
  firstCompletePaintMs: number | null;
}

export class CanvasView {
  readonly index = new SceneIndex();
  gesture: Gesture = IDLE;
  hover: string | null = null;
  /** The pointer's board position while it is over the canvas (the link tool's preview follows it). */
  pointer: Point | null = null;
  selectedCards: ReadonlySet<string> = new Set();
  selectedLinks: ReadonlySet<string> = new Set();
  presence: PresenceView | null = null;
  canEdit = true;
  /** True once the board has been synced, for the first complete paint mark. */
  synced = false;
  readonly stats: DrawStats = {
    sceneDraws: 0,
    lastSceneMs: 0,
    lastSceneCards: 0,
    lastSceneLinks: 0,
    firstCompletePaintMs: null,
  };
  private stage: Konva.Stage | null = null;
  private readonly layers = new Map<LayerName, Konva.Layer>();
  /** The stage's page position, kept up to date by the canvas (reading it per event forces a layout). */
  private origin = { left: 0, top: 0 };
  private dragDrawn = false;
  private boundsCache: { version: number; box: Box | null } = { version: -1, box: null };

  /** Re-reads where the canvas sits on the page (after a resize or scroll). */
  measureOrigin(): void {
    const box = this.stage?.container().getBoundingClientRect();
    if (box) this.origin = { left: box.left, top: box.top };
  }

  /** Page position of the canvas's top-left corner. */
  get pageOrigin(): { left: number; top: number } {
    return this.origin;
  }

  /** Bounds of every card, cached until the board changes. */
  boardBounds(): Box | null {
    if (this.boundsCache.version !== this.index.version) {
      this.boundsCache = { version: this.index.version, box: this.index.bounds() };
    }
    return this.boundsCache.box;
  }

  get viewport(): Viewport {
    return useBoardStore.getState().viewport;
  }

  get size(): ScreenSize {
    return useBoardStore.getState().stageSize;
  }

  attachStage(stage: Konva.Stage | null): void {
    if (stage === this.stage) return;
    this.stage = stage;
    if (stage) this.applyViewport(this.viewport);
  }

  attachLayer(name: LayerName, layer: Konva.Layer | null): void {
    if (layer) this.layers.set(name, layer);
    else this.layers.delete(name);
  }

  redraw(...names: LayerName[]): void {
    for (const name of names) this.layers.get(name)?.batchDraw();
  }

  setItems(items: BoardItems): void {
    this.index.update(items);
    this.redraw('scene', 'overlay', ...(this.gesture.kind === 'idle' ? [] : (['drag'] as const)));
  }

  setGesture(gesture: Gesture): void {
    const before = movingCards(this.gesture);
    this.gesture = gesture;
    const after = movingCards(gesture);
    // The scene leaves out what the drag layer draws: repaint it only when that set changes.
    if (before !== after && (before?.size ?? 0) + (after?.size ?? 0) > 0) this.redraw('scene');
    this.redraw('drag', 'overlay');
  }

  setSelection(cards: readonly string[], links: readonly string[]): void {
    this.selectedCards = new Set(cards);
    this.selectedLinks = new Set(links);
    this.redraw('scene', 'overlay');
  }

  setHover(id: string | null): void {
    if (id === this.hover) return;
    this.hover = id;
    this.redraw('overlay');
  }

  /**
   * Moves and scales the stage. The scene and overlay repaint; the drag and presence layers only
   * when they hold something (an empty layer moved is still empty).
   */
  applyViewport(v: Viewport): void {
    const stage = this.stage;
    if (!stage) return;
    stage.position({ x: v.x, y: v.y });
    stage.scale({ x: v.scale, y: v.scale });
    this.redraw('scene', 'overlay');
    if (this.dragDrawn || movingCards(this.gesture)) this.redraw('drag');
    if (this.presence?.hasCursors()) this.redraw('presence');
  }

  /** The visible board area, grown by `marginPx` screen pixels. */
  visibleBox(marginPx = 0): Box {
    const { x, y, scale } = this.viewport;
    const { width, height } = this.size;
    return {
      minX: (-x - marginPx) / scale,
      minY: (-y - marginPx) / scale,
      maxX: (width - x + marginPx) / scale,
      maxY: (height - y + marginPx) / scale,
    };
  }

  /** Board point under a page (client) point. */
  toBoard(clientX: number, clientY: number): Point {
    const { x, y, scale } = this.viewport;
    return { x: (clientX - this.origin.left - x) / scale, y: (clientY - this.origin.top - y) / scale };
  }

  toClient(p: Point): Point {
    const { x, y, scale } = this.viewport;
    return { x: this.origin.left + x + p.x * scale, y: this.origin.top + y + p.y * scale };
  }

  rectOf(card: Card): Rect {
    return liveRect(this.gesture, card);
  }

  /** The topmost card under a board point (frames only by their title or border). */
  cardAt(p: Point, options: { except?: ReadonlySet<string>; linkable?: boolean } = {}): Card | null {
    const scale = this.viewport.scale;
    const cards = this.index.cardsIn({ minX: p.x, minY: p.y, maxX: p.x, maxY: p.y });
    for (let i = cards.length - 1; i >= 0; i--) {
      const card = cards[i] as Card;
      if (options.except?.has(card.id)) continue;
      if (options.linkable && !canLink(card)) continue;
      const r = this.rectOf(card);
      const inside = p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
      if (card.kind === 'frame') {
        const edge = FRAME_EDGE_PX / scale;
        const onTitle = p.y >= r.y - 26 / Math.min(1, scale) && p.y < r.y && p.x >= r.x && p.x <= r.x + r.w;
        const onEdge =
          inside && (p.x - r.x < edge || r.x + r.w - p.x < edge || p.y - r.y < edge || r.y + r.h - p.y < edge);
        if (onTitle || onEdge) return card;
        continue;
      }
      if (inside) return card;
    }
    return null;
  }

  /** The link whose arrow passes within a few screen pixels of a board point. */
  linkAt(p: Point): Link | null {
    const tolerance = LINK_HIT_PX / this.viewport.scale;
    let best: Link | null = null;
    let bestDistance = tolerance;
    for (const link of this.index.linksIn({
      minX: p.x - tolerance,
      minY: p.y - tolerance,
      maxX: p.x + tolerance,
      maxY: p.y + tolerance,
    })) {
      const ends = this.linkEndsOf(link);
      if (!ends) continue;
      const d = distanceToSegment(p, ends.from, ends.to);
      if (d <= bestDistance) {
        best = link;
        bestDistance = d;
      }
    }
    return best;
  }

  linkEndsOf(link: Link): Record<'from' | 'to', Point> | null {
    const from = this.index.cards.get(link.from);
    const to = this.index.cards.get(link.to);
    if (!from || !to) return null;
    return linkEnds(this.rectOf(from), this.rectOf(to), this.index.linkOffset(link.id));
  }

  // ---- drawing ---------------------------------------------------------------------------

  drawScene(ctx: CanvasRenderingContext2D): void {
    const t0 = performance.now();
    const scale = this.viewport.scale;
    const area = this.visibleBox(8);
    const moving = movingCards(this.gesture);
    const editing = useBoardStore.getState().editingCard;
    ctx.textBaseline = 'top';
    const overview =
      scale < OVERVIEW_ALWAYS_SCALE || (scale < OVERVIEW_BELOW_SCALE && this.index.countIn(area, DETAIL_MAX_CARDS));
    const cards = this.index.cardsIn(area, !overview);
    const links = this.index.linksIn(area);
    const staticLinks = moving ? links.filter((l) => !moving.has(l.from) && !moving.has(l.to)) : links;
    const frames: Card[] = [];
    const others: Card[] = [];
    for (const card of cards) {
      if (moving?.has(card.id)) continue;
      (card.kind === 'frame' ? frames : others).push(card);
    }
    if (overview) {
      for (const frame of frames) if (frame.kind === 'frame') drawFrameOverview(ctx, frame, scale);
      drawLinksOverview(ctx, staticLinks, (l) => this.ends(l), scale);
      drawCardsOverview(ctx, others, scale);
      for (const id of this.selectedLinks) {
        const link = this.index.links.get(id);
        const e = link && !moving?.has(link.from) && !moving?.has(link.to) ? this.ends(link) : null;
        if (link && e) drawLinkDetail(ctx, link, e[0], e[1], e[2], scale, true);
      }
    } else {
      layoutBudget.until = t0 + LAYOUT_BUDGET_MS;
      layoutBudget.deferred = 0;
      for (const frame of frames) drawCardDetail(ctx, frame, frame.x, frame.y, scale, editing === frame.id);
      for (const link of staticLinks) {
        const e = this.ends(link);
        if (e) drawLinkDetail(ctx, link, e[0], e[1], e[2], scale, this.selectedLinks.has(link.id));
      }
      for (const card of others) drawCardDetail(ctx, card, card.x, card.y, scale, editing === card.id);
      layoutBudget.until = Number.POSITIVE_INFINITY;
      // Cards drawn without their text this frame get it on the next.
      if (layoutBudget.deferred > 0) requestAnimationFrame(() => this.redraw('scene'));
    }
    const stats = this.stats;
    stats.sceneDraws++;
    stats.lastSceneMs = performance.now() - t0;
    stats.lastSceneCards = cards.length;
    stats.lastSceneLinks = links.length;
    if (stats.firstCompletePaintMs === null && this.synced && this.index.cards.size > 0) {
      stats.firstCompletePaintMs = performance.now();
      performance.mark('board:first-complete-paint');
    }
  }

  private ends(link: Link): readonly [Rect, Rect, number] | null {
    const from = this.index.cards.get(link.from);
    const to = this.index.cards.get(link.to);
    if (!from || !to) return null;
    return [this.rectOf(from), this.rectOf(to), this.index.linkOffset(link.id)];
  }

  /** What a drag or resize moves, at its live position, with the links bound to it. */
  drawDrag(ctx: CanvasRenderingContext2D): void {
    const moving = movingCards(this.gesture);
    this.dragDrawn = moving !== null;
    if (!moving) return;
    const scale = this.viewport.scale;
    ctx.textBaseline = 'top';
    const linkIds = new Set<string>();
    for (const id of moving) for (const l of this.index.linksOf(id)) linkIds.add(l);
    const overview = scale < OVERVIEW_ALWAYS_SCALE || (scale < OVERVIEW_BELOW_SCALE && moving.size > DETAIL_MAX_CARDS);
    const links = [...linkIds].map((id) => this.index.links.get(id)).filter((l): l is Link => l !== undefined);
    if (overview) drawLinksOverview(ctx, links, (l) => this.ends(l), scale);
    else {
      for (const link of links) {
        const e = this.ends(link);
        if (e) drawLinkDetail(ctx, link, e[0], e[1], e[2], scale, this.selectedLinks.has(link.id));
      }
    }
    const cards = [...moving]
      .map((id) => this.index.cards.get(id))
      .filter((c): c is Card => c !== undefined)
      .sort((a, b) => this.index.rankOf(a.id) - this.index.rankOf(b.id));
    if (overview && this.gesture.kind === 'drag') {
      const { dx, dy } = this.gesture;
      ctx.save();
      ctx.translate(dx, dy);
      for (const c of cards) if (c.kind === 'frame') drawFrameOverview(ctx, c, scale);
      drawCardsOverview(ctx, cards, scale);
      ctx.restore();
      return;
    }
    for (const card of cards) {
      const r = this.rectOf(card);
      const drawn = r.w === card.w && r.h === card.h ? card : ({ ...card, w: r.w, h: r.h } as Card);
      drawCardDetail(ctx, drawn, r.x, r.y, scale, false);
    }
  }

  drawOverlay(ctx: CanvasRenderingContext2D): void {
    drawOverlay(ctx, this);
  }

  drawPresence(ctx: CanvasRenderingContext2D): void {
    this.presence?.drawCursors(ctx, this.viewport.scale);
  }
}
