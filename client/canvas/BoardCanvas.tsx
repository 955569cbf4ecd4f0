// The board: a Konva stage with three layers (links, cards, cursors), pan and zoom, and the
// pointer gestures of the select and link tools. Cards and links come from the per-id cache.
import Konva from 'konva';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { Layer, Stage } from 'react-konva';
import type { Awareness } from 'y-protocols/awareness';
import type { Card } from '../../shared/model/kinds.ts';
import { ZoomControls } from '../panels/ZoomControls.tsx';
import { useBoardStore } from '../store/boardStore.ts';
import { createCursorSender } from '../sync/presence.ts';
import type { ToolContext } from '../tools/context.ts';
import { createNote } from '../tools/createCards.ts';
import { editableField } from '../tools/editText.ts';
import { clickCardWithLinkTool } from '../tools/linkTool.ts';
import { cardsToDrag, commitMoves } from '../tools/selectTool.ts';
import type { CanvasActions } from './actions.ts';
import { CardNode } from './CardNode.tsx';
import { CardTextEditor } from './CardTextEditor.tsx';
import { setCanvasProbe } from './canvasProbe.ts';
import { fitView } from './fitView.ts';
import { LinkArrow } from './LinkArrow.tsx';
import { LinkPreview } from './LinkPreview.tsx';
import { LiveLinks } from './liveLinks.ts';
import { PointerBus } from './pointerBus.ts';
import { RemoteCursors } from './RemoteCursors.tsx';
import type { BoardItems } from './useBoardItems.ts';
import { usePinchZoom } from './usePinchZoom.ts';
import { wheelToViewport } from './wheel.ts';

// Pinch gestures arrive while the stage is being dragged.
Konva.hitOnDragEnabled = true;

const GRID_PX = 24;

interface Props {
  ctx: ToolContext;
  awareness: Awareness;
  items: BoardItems;
}

interface DragState {
  ids: readonly string[];
  starts: Map<string, { x: number; y: number }>;
}

function showCursor(el: HTMLElement | null, cursor: string): void {
  if (el) el.style.cursor = cursor;
}

/** The pointer over empty board for the current tool. */
function toolCursor(): string {
  return useBoardStore.getState().tool === 'link' ? 'crosshair' : 'default';
}

/** Frames first (they sit behind), then by creation, so every client stacks cards alike. */
function stackingOrder(cards: ReadonlyMap<string, Card>): Card[] {
  return [...cards.values()].sort((a, b) => {
    const fa = a.kind === 'frame' ? 0 : 1;
    const fb = b.kind === 'frame' ? 0 : 1;
    return fa - fb || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

export function BoardCanvas({ ctx, awareness, items }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const viewport = useBoardStore((s) => s.viewport);
  const stageSize = useBoardStore((s) => s.stageSize);
  const tool = useBoardStore((s) => s.tool);
  const linkFrom = useBoardStore((s) => s.linkFrom);
  const selectedCards = useBoardStore((s) => s.selectedCards);
  const selectedLinks = useBoardStore((s) => s.selectedLinks);
  const editingCard = useBoardStore((s) => s.editingCard);

  const live = useMemo(() => new LiveLinks(), []);
  const pointer = useMemo(() => new PointerBus(), []);
  const nodes = useRef(new Map<string, Konva.Group>());
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const drag = useRef<DragState | null>(null);
  const pendingToggle = useRef<string | null>(null);
  const cursorSender = useMemo(() => createCursorSender(awareness), [awareness]);
  useEffect(() => () => cursorSender.dispose(), [cursorSender]);

  const setCursor = (cursor: string) => showCursor(containerRef.current, cursor);

  // The stage fills its container; measured before the first paint, then on every resize.
  useLayoutEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const measure = () => useBoardStore.getState().setStageSize({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // The first time the board has cards (from the offline cache or the server), show them all.
  const fitted = useRef(false);
  useEffect(() => {
    if (fitted.current || items.cards.size === 0) return;
    fitted.current = true;
    const view = fitView(items.cards.values(), useBoardStore.getState().stageSize);
    if (view) useBoardStore.getState().setViewport(view);
  }, [items.cards]);

  // Selected or edited cards deleted by someone else are dropped from the selection.
  useEffect(() => {
    const store = useBoardStore.getState();
    store.pruneSelection(
      (id) => items.cards.has(id),
      (id) => items.links.has(id),
    );
    if (store.editingCard && !items.cards.has(store.editingCard)) store.setEditingCard(null);
    if (store.linkFrom && !items.cards.has(store.linkFrom)) store.setLinkFrom(null);
  }, [items]);

  useEffect(() => {
    setCanvasProbe({
      cardClientBox(id) {
        const node = nodes.current.get(id);
        const stage = stageRef.current;
        const card = itemsRef.current.cards.get(id);
        if (!node || !stage || !card) return null;
        const box = stage.container().getBoundingClientRect();
        const s = stage.scaleX();
        return {
          x: box.left + stage.x() + node.x() * s,
          y: box.top + stage.y() + node.y() * s,
          width: card.w * s,
          height: card.h * s,
        };
      },
      toClient(x, y) {
        const stage = stageRef.current;
        if (!stage) return null;
        const box = stage.container().getBoundingClientRect();
        return { x: box.left + stage.x() + x * stage.scaleX(), y: box.top + stage.y() + y * stage.scaleY() };
      },
    });
    return () => setCanvasProbe(null);
  }, []);

  const actions = useMemo<CanvasActions>(() => {
    const setCursor = (cursor: string) => showCursor(containerRef.current, cursor);
    const rectOfNode = (id: string) => {
      const node = nodes.current.get(id);
      const card = itemsRef.current.cards.get(id);
      return node && card ? { x: node.x(), y: node.y(), w: card.w, h: card.h } : null;
    };
    return {
      registerCard(id, node) {
        if (node) nodes.current.set(id, node);
        else nodes.current.delete(id);
      },
      cardPointerDown(id, e) {
        e.cancelBubble = true;
        if (e.evt.button > 0) return;
        pendingToggle.current = null;
        const store = useBoardStore.getState();
        if (store.tool !== 'select') return;
        if (!store.selectedCards.includes(id)) store.select({ type: 'card', id }, e.evt.shiftKey);
        else if (e.evt.shiftKey) pendingToggle.current = id;
      },
      cardClick(id, e) {
        if (e.evt.button > 0) return;
        const store = useBoardStore.getState();
        if (store.tool === 'link') {
          clickCardWithLinkTool(ctxRef.current, id);
        } else if (pendingToggle.current === id) {
          store.select({ type: 'card', id }, true);
        }
        pendingToggle.current = null;
      },
      cardDoubleClick(id) {
        const store = useBoardStore.getState();
        const card = itemsRef.current.cards.get(id);
        if (!card || !ctxRef.current.canEdit || store.tool !== 'select') return;
        if (editableField(card)) {
          store.selectCards([id]);
          store.setEditingCard(id);
        } else if (card.kind === 'target') {
          store.notify('The text of an SDG target is the official wording and cannot be edited.');
        }
      },
      cardHover(_id, inside) {
        if (drag.current) return;
        const store = useBoardStore.getState();
        if (!inside) setCursor(toolCursor());
        else if (store.tool === 'link') setCursor(ctxRef.current.canEdit ? 'pointer' : 'not-allowed');
        else setCursor(ctxRef.current.canEdit ? 'grab' : 'default');
      },
      cardDragStart(id, e) {
        pendingToggle.current = null;
        const ids = cardsToDrag(id, e.evt.shiftKey);
        const starts = new Map<string, { x: number; y: number }>();
        for (const dragged of ids) {
          const node = nodes.current.get(dragged);
          if (!node) continue;
          starts.set(dragged, { x: node.x(), y: node.y() });
          if (dragged !== id) node.moveToTop();
        }
        nodes.current.get(id)?.moveToTop();
        drag.current = { ids, starts };
        setCursor('grabbing');
      },
      cardDragMove(id) {
        const state = drag.current;
        const lead = nodes.current.get(id);
        const leadStart = state?.starts.get(id);
        if (!state || !lead || !leadStart) return;
        const dx = lead.x() - leadStart.x;
        const dy = lead.y() - leadStart.y;
        for (const [other, start] of state.starts) {
          if (other !== id) nodes.current.get(other)?.position({ x: start.x + dx, y: start.y + dy });
          const rect = rectOfNode(other);
          if (rect) live.moved(other, rect);
        }
      },
      cardDragEnd() {
        const state = drag.current;
        drag.current = null;
        setCursor('grab');
        if (!state) return;
        const moves = [];
        for (const id of state.starts.keys()) {
          const node = nodes.current.get(id);
          if (node) moves.push({ id, x: node.x(), y: node.y() });
        }
        commitMoves(ctxRef.current, moves);
      },
      linkPointerDown(id, e) {
        e.cancelBubble = true;
        if (e.evt.button > 0) return;
        const store = useBoardStore.getState();
        if (store.tool === 'select') store.select({ type: 'link', id }, e.evt.shiftKey);
      },
      linkHover(_id, inside) {
        if (drag.current) return;
        setCursor(inside && useBoardStore.getState().tool === 'select' ? 'pointer' : toolCursor());
      },
    };
  }, [live]);

  const pinch = usePinchZoom(stageRef);

  const onStagePointerDown = (e: Konva.KonvaEventObject<PointerEvent>) => {
    const stage = stageRef.current;
    if (e.target !== stage) return;
    const store = useBoardStore.getState();
    if (!e.evt.shiftKey) store.clearSelection();
    store.setLinkFrom(null);
    // Leaving a text field (the card editor commits on blur) and taking keyboard shortcuts.
    if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body)
      document.activeElement.blur();
  };

  const onStagePointerMove = () => {
    const pos = stageRef.current?.getRelativePointerPosition();
    if (!pos) return;
    cursorSender.move(pos);
    pointer.emit(pos);
  };

  const onStageDoubleClick = (e: Konva.KonvaEventObject<PointerEvent>) => {
    const stage = stageRef.current;
    if (e.target !== stage || !ctx.canEdit || useBoardStore.getState().tool !== 'select') return;
    const pos = stage.getRelativePointerPosition();
    if (pos) createNote(ctx, pos);
  };

  const onStageDrag = (e: Konva.KonvaEventObject<DragEvent>) => {
    const stage = stageRef.current;
    if (!stage || e.target !== stage) return;
    const { viewport: v, setViewport } = useBoardStore.getState();
    setViewport({ x: stage.x(), y: stage.y(), scale: v.scale });
  };

  const onWheel = (e: Konva.KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    const stage = stageRef.current;
    const at = stage?.getPointerPosition();
    if (!at) return;
    const { viewport: v, setViewport } = useBoardStore.getState();
    setViewport(wheelToViewport(v, e.evt, at));
  };

  const fit = () => {
    const view = fitView(itemsRef.current.cards.values(), useBoardStore.getState().stageSize);
    if (view) useBoardStore.getState().setViewport(view);
  };

  const ordered = useMemo(() => stackingOrder(items.cards), [items.cards]);
  const reverse = useMemo(() => new Set([...items.links.values()].map((l) => `${l.from}>${l.to}`)), [items.links]);
  const selectedCardSet = useMemo(() => new Set(selectedCards), [selectedCards]);
  const selectedLinkSet = useMemo(() => new Set(selectedLinks), [selectedLinks]);
  const draggable = ctx.canEdit && tool === 'select';
  const linkSourceCard = linkFrom ? items.cards.get(linkFrom) : undefined;
  const editing = editingCard ? items.cards.get(editingCard) : undefined;
  const editingField = editing ? editableField(editing) : null;

  let gridPx = GRID_PX * viewport.scale;
  while (gridPx < 10) gridPx *= 4;

  return (
    <div
      ref={containerRef}
      className={`board-canvas tool-${tool}`}
      style={{ backgroundSize: `${gridPx}px ${gridPx}px`, backgroundPosition: `${viewport.x}px ${viewport.y}px` }}
      role="application"
      aria-label="Workshop board. Drag empty space to pan, scroll to pan, Ctrl or Cmd and scroll to zoom."
    >
      <Stage
        ref={stageRef}
        width={stageSize.width}
        height={stageSize.height}
        x={viewport.x}
        y={viewport.y}
        scaleX={viewport.scale}
        scaleY={viewport.scale}
        draggable
        onPointerDown={onStagePointerDown}
        onPointerMove={onStagePointerMove}
        onPointerLeave={() => cursorSender.leave()}
        onPointerDblClick={onStageDoubleClick}
        onDragStart={(e) => {
          if (e.target === stageRef.current) setCursor('grabbing');
        }}
        onDragMove={onStageDrag}
        onDragEnd={(e) => {
          onStageDrag(e);
          if (e.target === stageRef.current) setCursor(toolCursor());
        }}
        onWheel={onWheel}
        onTouchMove={pinch.onTouchMove}
        onTouchEnd={pinch.onTouchEnd}
      >
        <Layer>
          {[...items.links.values()].map((link) => {
            const from = items.cards.get(link.from);
            const to = items.cards.get(link.to);
            if (!from || !to) return null;
            return (
              <LinkArrow
                key={link.id}
                link={link}
                from={from}
                to={to}
                offset={reverse.has(`${link.to}>${link.from}`) ? 9 : 0}
                selected={selectedLinkSet.has(link.id)}
                actions={actions}
                live={live}
              />
            );
          })}
        </Layer>
        <Layer>
          {ordered.map((card) => (
            <CardNode
              key={card.id}
              card={card}
              selected={selectedCardSet.has(card.id)}
              linkSource={linkFrom === card.id}
              draggable={draggable}
              editing={editingCard === card.id}
              actions={actions}
            />
          ))}
        </Layer>
        <Layer listening={false}>
          {linkSourceCard && tool === 'link' && (
            <LinkPreview from={linkSourceCard} pointer={pointer} scale={viewport.scale} />
          )}
          <RemoteCursors awareness={awareness} scale={viewport.scale} />
        </Layer>
      </Stage>
      {editing && editingField && (
        <CardTextEditor
          key={editing.id}
          ctx={ctx}
          card={editing}
          field={editingField}
          viewport={viewport}
          onDone={() => useBoardStore.getState().setEditingCard(null)}
        />
      )}
      <ZoomControls onFit={fit} />
    </div>
  );
}
