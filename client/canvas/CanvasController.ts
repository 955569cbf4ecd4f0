// Pointer input on the canvas, as one small state machine over `Gesture`: press a card (click,
// shift-click, drag the selection with frames carrying their cards), drag empty board for a
// marquee, space-drag or middle-drag to pan, drag a corner to resize, drag a card's knob to draw
// a link, drag a selected link's end to re-target it; wheel and pinch to pan and zoom. Hits are
// geometric, from the scene index: the layers never listen.
import type { Card } from '../../shared/model/index.ts';
import { useBoardStore } from '../store/boardStore.ts';
import type { ToolContext } from '../tools/context.ts';
import { createNote } from '../tools/createCards.ts';
import { editableField } from '../tools/editText.ts';
import { keyBelongsElsewhere } from '../tools/keyTarget.ts';
import { clickCardWithLinkTool, linkCards, retargetEnd } from '../tools/linkTool.ts';
import { cardsToDrag, commitMoves, commitResize } from '../tools/selectTool.ts';
import type { CanvasView } from './CanvasView.ts';
import type { Point } from './geometry.ts';
import { type Gesture, IDLE, resizedRect } from './gesture.ts';
import { cornerAt, endAt, knobAt } from './handles.ts';
import { PinchTracker } from './pinch.ts';
import { wheelToViewport } from './wheel.ts';

const DRAG_THRESHOLD_PX = 4;
const CORNER_CURSORS = { nw: 'nwse-resize', se: 'nwse-resize', ne: 'nesw-resize', sw: 'nesw-resize' } as const;

export interface ControllerHooks {
  ctx(): ToolContext;
  /** The local pointer, in board coordinates (null when it leaves), for presence. */
  pointer(p: Point | null): void;
}

export class CanvasController {
  private spaceHeld = false;
  private readonly pinch = new PinchTracker();
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly el: HTMLElement,
    private readonly view: CanvasView,
    private readonly hooks: ControllerHooks,
  ) {
    const on = <K extends keyof HTMLElementEventMap>(
      type: K,
      fn: (e: HTMLElementEventMap[K]) => void,
      options?: AddEventListenerOptions,
    ) => {
      el.addEventListener(type, fn as EventListener, options);
      this.cleanups.push(() => el.removeEventListener(type, fn as EventListener, options));
    };
    on('pointerdown', (e) => this.down(e));
    on('pointermove', (e) => this.move(e));
    on('pointerup', (e) => this.up(e));
    on('pointercancel', (e) => this.cancel(e));
    on('pointerleave', () => {
      this.hooks.pointer(null);
      this.view.setHover(null);
    });
    on('dblclick', (e) => this.doubleClick(e));
    on('wheel', (e) => this.wheel(e), { passive: false });
    on('contextmenu', (e) => e.preventDefault());
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ' ' || keyBelongsElsewhere(e.target)) return;
      const held = e.type === 'keydown';
      if (held === this.spaceHeld) return;
      this.spaceHeld = held;
      e.preventDefault();
      this.setCursor(held ? 'grab' : this.toolCursor());
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKey);
    this.cleanups.push(() => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKey);
    });
  }

  destroy(): void {
    for (const cleanup of this.cleanups) cleanup();
  }

  private get gesture(): Gesture {
    return this.view.gesture;
  }

  private set(g: Gesture): void {
    this.view.setGesture(g);
  }

  private setCursor(cursor: string): void {
    this.el.style.cursor = cursor;
  }

  private toolCursor(): string {
    return useBoardStore.getState().tool === 'link' ? 'crosshair' : 'default';
  }

  private point(e: PointerEvent | MouseEvent): Point {
    return this.view.toBoard(e.clientX, e.clientY);
  }

  /** Only presses on the drawing itself: the zoom buttons, minimap and editor over it have their own. */
  private onCanvas(e: Event): boolean {
    // A click after a captured press is aimed at the capturing element, the container itself.
    return e.target === this.el || (e.target instanceof Element && e.target.closest('.konvajs-content') !== null);
  }

  private down(e: PointerEvent): void {
    if (!this.onCanvas(e)) return;
    if (e.pointerType === 'touch' && this.pinch.down(e.pointerId, { x: e.clientX, y: e.clientY })) {
      // A second finger turns whatever started into a pinch.
      this.set(IDLE);
      return;
    }
    if (this.pinch.active) return;
    // Leaving a text field (the card editor commits on blur) and taking keyboard shortcuts.
    if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
      document.activeElement.blur();
    }
    this.el.setPointerCapture?.(e.pointerId);
    if (e.button === 1 || (e.button === 0 && this.spaceHeld)) {
      e.preventDefault();
      this.set({ kind: 'pan', last: { x: e.clientX, y: e.clientY } });
      this.setCursor('grabbing');
      return;
    }
    if (e.button !== 0) return;
    const p = this.point(e);
    const store = useBoardStore.getState();
    const { canEdit } = this.hooks.ctx();
    const scale = this.view.viewport.scale;

    if (store.tool === 'link') {
      const card = this.view.cardAt(p, { linkable: true });
      if (!card) {
        store.setLinkFrom(null);
        this.set({ kind: 'pan', last: { x: e.clientX, y: e.clientY } });
        return;
      }
      if (canEdit) this.set({ kind: 'press', cardId: card.id, origin: p, toggleOnClick: false });
      return;
    }

    if (canEdit && store.selectedCards.length === 1 && store.selectedLinks.length === 0) {
      const card = this.view.index.cards.get(store.selectedCards[0] as string);
      if (card) {
        const r = this.view.rectOf(card);
        const corner = cornerAt(r, p, scale);
        if (corner) {
          this.set({ kind: 'resize', cardId: card.id, set: new Set([card.id]), corner, start: r, rect: r, origin: p });
          return;
        }
        if (knobAt(r, p, scale) && this.isLinkable(card)) {
          this.set({ kind: 'link', from: card.id, at: p, over: null });
          return;
        }
      }
    }
    if (canEdit && store.selectedLinks.length === 1 && store.selectedCards.length === 0) {
      const link = this.view.index.links.get(store.selectedLinks[0] as string);
      const ends = link ? this.view.linkEndsOf(link) : null;
      const end = ends ? endAt(ends, p, scale) : null;
      if (link && end) {
        this.set({ kind: 'retarget', linkId: link.id, end, at: p, over: null });
        return;
      }
    }

    const card = this.view.cardAt(p);
    if (card) {
      let toggleOnClick = false;
      if (!store.selectedCards.includes(card.id)) store.select({ type: 'card', id: card.id }, e.shiftKey);
      else if (e.shiftKey) toggleOnClick = true;
      this.set({ kind: 'press', cardId: card.id, origin: p, toggleOnClick });
      return;
    }
    const link = this.view.linkAt(p);
    if (link) {
      store.select({ type: 'link', id: link.id }, e.shiftKey);
      return;
    }
    store.setLinkFrom(null);
    if (!e.shiftKey) store.clearSelection();
    this.set({ kind: 'marquee', origin: p, at: p, additive: e.shiftKey, base: e.shiftKey ? store.selectedCards : [] });
  }

  private isLinkable(card: Card): boolean {
    return card.kind !== 'note' && card.kind !== 'frame';
  }

  private move(e: PointerEvent): void {
    if (e.pointerType === 'touch' && this.pinch.tracks(e.pointerId)) {
      const next = this.pinch.move(
        e.pointerId,
        { x: e.clientX, y: e.clientY },
        this.view.viewport,
        this.view.pageOrigin,
      );
      if (next) {
        useBoardStore.getState().setViewport(next);
        return;
      }
    }
    const p = this.point(e);
    this.hooks.pointer(p);
    this.view.pointer = p;
    if (useBoardStore.getState().linkFrom) this.view.redraw('overlay');
    const g = this.gesture;
    const scale = this.view.viewport.scale;
    switch (g.kind) {
      case 'idle':
        this.hoverAt(p);
        return;
      case 'press': {
        const travelled = Math.hypot(p.x - g.origin.x, p.y - g.origin.y) * scale;
        if (travelled < DRAG_THRESHOLD_PX) return;
        const { canEdit, readOnly } = this.hooks.ctx();
        if (!canEdit) {
          // A drag that cannot move anything says why, once, rather than doing nothing.
          if (!g.refused && readOnly) useBoardStore.getState().notify(readOnly, 'error');
          this.set({ ...g, refused: true });
          return;
        }
        if (useBoardStore.getState().tool === 'link') {
          this.set({ kind: 'link', from: g.cardId, at: p, over: null });
          return;
        }
        const ids = this.withFrameContents(cardsToDrag(g.cardId, false));
        this.set({ kind: 'drag', ids, set: new Set(ids), origin: g.origin, dx: 0, dy: 0 });
        this.setCursor('grabbing');
        this.move(e);
        return;
      }
      case 'drag':
        this.set({ ...g, dx: p.x - g.origin.x, dy: p.y - g.origin.y });
        return;
      case 'marquee': {
        const next = { ...g, at: p };
        this.set(next);
        const inside = this.view.index.cardsWithin({
          minX: Math.min(g.origin.x, p.x),
          minY: Math.min(g.origin.y, p.y),
          maxX: Math.max(g.origin.x, p.x),
          maxY: Math.max(g.origin.y, p.y),
        });
        const ids = g.additive ? [...new Set([...g.base, ...inside])] : inside;
        const store = useBoardStore.getState();
        if (ids.length !== store.selectedCards.length || ids.some((id, i) => store.selectedCards[i] !== id)) {
          store.selectCards(ids);
        }
        return;
      }
      case 'pan': {
        const v = this.view.viewport;
        useBoardStore.getState().setViewport({ ...v, x: v.x + e.clientX - g.last.x, y: v.y + e.clientY - g.last.y });
        this.set({ kind: 'pan', last: { x: e.clientX, y: e.clientY } });
        return;
      }
      case 'resize':
        this.set({ ...g, rect: resizedRect(g.start, g.corner, p.x - g.origin.x, p.y - g.origin.y) });
        return;
      case 'link': {
        const over = this.view.cardAt(p, { linkable: true, except: new Set([g.from]) });
        this.set({ ...g, at: p, over: over?.id ?? null });
        return;
      }
      case 'retarget': {
        const link = this.view.index.links.get(g.linkId);
        const fixed = link ? (g.end === 'to' ? link.from : link.to) : '';
        const over = this.view.cardAt(p, { linkable: true, except: new Set([fixed]) });
        this.set({ ...g, at: p, over: over?.id ?? null });
        return;
      }
    }
  }

  /** The dragged cards plus every card lying inside a dragged frame: frames carry their cards. */
  private withFrameContents(ids: readonly string[]): string[] {
    const out = new Set(ids);
    const queue = [...ids];
    while (queue.length > 0) {
      const card = this.view.index.cards.get(queue.pop() as string);
      if (card?.kind !== 'frame') continue;
      for (const inside of this.view.index.cardsWithin({
        minX: card.x,
        minY: card.y,
        maxX: card.x + card.w,
        maxY: card.y + card.h,
      })) {
        if (out.has(inside)) continue;
        out.add(inside);
        queue.push(inside);
      }
    }
    return [...out];
  }

  private hoverAt(p: Point): void {
    if (this.spaceHeld) return;
    const store = useBoardStore.getState();
    const { canEdit } = this.hooks.ctx();
    const scale = this.view.viewport.scale;
    if (store.tool === 'select' && canEdit && store.selectedCards.length === 1 && store.selectedLinks.length === 0) {
      const card = this.view.index.cards.get(store.selectedCards[0] as string);
      if (card) {
        const r = this.view.rectOf(card);
        const corner = cornerAt(r, p, scale);
        if (corner) {
          this.setCursor(CORNER_CURSORS[corner]);
          return;
        }
        if (this.isLinkable(card) && knobAt(r, p, scale)) {
          this.setCursor('crosshair');
          return;
        }
      }
    }
    if (store.tool === 'select' && canEdit && store.selectedLinks.length === 1 && store.selectedCards.length === 0) {
      const link = this.view.index.links.get(store.selectedLinks[0] as string);
      const ends = link ? this.view.linkEndsOf(link) : null;
      if (ends && endAt(ends, p, scale)) {
        this.setCursor('move');
        return;
      }
    }
    const card = this.view.cardAt(p, store.tool === 'link' ? { linkable: true } : {});
    this.view.setHover(card?.id ?? null);
    if (card)
      this.setCursor(store.tool === 'link' ? (canEdit ? 'pointer' : 'not-allowed') : canEdit ? 'grab' : 'default');
    else if (store.tool === 'select' && this.view.linkAt(p)) this.setCursor('pointer');
    else this.setCursor(this.toolCursor());
  }

  private up(e: PointerEvent): void {
    this.pinch.up(e.pointerId);
    const g = this.gesture;
    const ctx = this.hooks.ctx();
    const store = useBoardStore.getState();
    switch (g.kind) {
      case 'press':
        if (store.tool === 'link') clickCardWithLinkTool(ctx, g.cardId);
        else if (g.toggleOnClick) store.select({ type: 'card', id: g.cardId }, true);
        break;
      case 'drag': {
        const moves = [];
        for (const id of g.ids) {
          const card = this.view.index.cards.get(id);
          if (card) moves.push({ id, x: card.x + g.dx, y: card.y + g.dy });
        }
        // Written before the gesture ends, so the scene never shows the old positions.
        commitMoves(ctx, moves);
        break;
      }
      case 'resize':
        commitResize(ctx, g.cardId, g.rect);
        break;
      case 'link':
        if (g.over) linkCards(ctx, g.from, g.over);
        break;
      case 'retarget':
        if (g.over) retargetEnd(ctx, g.linkId, g.end, g.over);
        break;
      default:
        break;
    }
    this.set(IDLE);
    this.hoverAt(this.point(e));
  }

  private cancel(e: PointerEvent): void {
    this.pinch.up(e.pointerId);
    this.set(IDLE);
  }

  private doubleClick(e: MouseEvent): void {
    if (!this.onCanvas(e)) return;
    const ctx = this.hooks.ctx();
    const store = useBoardStore.getState();
    if (!ctx.canEdit || store.tool !== 'select') return;
    const p = this.point(e);
    const card = this.view.cardAt(p);
    if (!card) {
      createNote(ctx, p);
      return;
    }
    if (editableField(card)) {
      store.selectCards([card.id]);
      store.setEditingCard(card.id);
    } else if (card.kind === 'target') {
      store.notify('The text of an SDG target is the official wording and cannot be edited.');
    }
  }

  private wheel(e: WheelEvent): void {
    if (!this.onCanvas(e)) return;
    e.preventDefault();
    const box = this.view.pageOrigin;
    const { viewport, setViewport } = useBoardStore.getState();
    setViewport(wheelToViewport(viewport, e, { x: e.clientX - box.left, y: e.clientY - box.top }));
  }
}
