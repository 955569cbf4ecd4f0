// The board: a Konva stage whose four layers are drawn by CanvasView straight from the scene
// index, with pointer input handled by CanvasController. React renders this component when the
// stage is resized or a panel around it changes, never for a pan, a zoom or an edit on the board.
import type Konva from 'konva';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { Layer, Shape, Stage } from 'react-konva';
import type { Awareness } from 'y-protocols/awareness';
import { ZoomControls } from '../panels/ZoomControls.tsx';
import { useBoardStore } from '../store/boardStore.ts';
import type { Viewport } from '../store/viewportSlice.ts';
import type { ConnectionStatusTracker } from '../sync/connectionStatus.ts';
import { createCursorSender, createSelectionPublisher } from '../sync/presence.ts';
import { undoManagerFor } from '../sync/undo.ts';
import type { ToolContext } from '../tools/context.ts';
import { editableField } from '../tools/editText.ts';
import { CanvasController } from './CanvasController.ts';
import { CanvasView, type LayerName } from './CanvasView.ts';
import { CardTextEditor } from './CardTextEditor.tsx';
import { setCanvasProbe } from './canvasProbe.ts';
import { acceptCardDrops } from './cardDrop.ts';
import { Minimap } from './Minimap.tsx';
import { centreOn, zoomToFit, zoomToSelection } from './navigation.ts';
import { PresenceView } from './presenceView.ts';
import { type BoardItems, boardCache } from './useBoardItems.ts';
import '../styles/canvas.css';

const GRID_PX = 24;

interface Props {
  ctx: ToolContext;
  awareness: Awareness;
  items: BoardItems;
  /** Tells the canvas when the board is synced (for its first-complete-paint mark). */
  status?: ConnectionStatusTracker;
}

/**
 * The dotted grid is a layer of its own, moved by a transform: a pan only shifts it (no
 * repaint), and its dot pattern is redrawn only when the zoom changes the spacing.
 */
function gridStyle(el: HTMLElement, v: Viewport, previous: Viewport | undefined): void {
  let gridPx = GRID_PX * v.scale;
  while (gridPx < 10) gridPx *= 4;
  if (!previous || previous.scale !== v.scale) el.style.backgroundSize = `${gridPx}px ${gridPx}px`;
  const ox = ((v.x % gridPx) + gridPx) % gridPx;
  const oy = ((v.y % gridPx) + gridPx) % gridPx;
  el.style.transform = `translate(${ox - gridPx}px, ${oy - gridPx}px)`;
}

export function BoardCanvas({ ctx, awareness, items, status }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const view = useMemo(() => new CanvasView(), []);
  view.canEdit = ctx.canEdit;
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;
  const stageSize = useBoardStore((s) => s.stageSize);
  const tool = useBoardStore((s) => s.tool);
  const minimapOpen = useBoardStore((s) => s.minimapOpen);

  // Undo tracks this person's edits from the moment the board opens.
  useEffect(() => {
    undoManagerFor(ctx.doc);
  }, [ctx.doc]);

  // The stage fills its container; measured before the first paint, then on every resize.
  useLayoutEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const measure = () => {
      useBoardStore.getState().setStageSize({ width: el.clientWidth, height: el.clientHeight });
      view.measureOrigin();
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    // The canvas's page position moves with the panels beside it and with page scroll.
    observer.observe(document.body);
    window.addEventListener('scroll', measure, true);
    return () => {
      observer.disconnect();
      window.removeEventListener('scroll', measure, true);
    };
  }, [view]);

  // Board data: straight from the snapshot cache into the scene index, outside React.
  useEffect(() => {
    const cache = boardCache(ctx.doc);
    view.setItems(cache.items);
    return cache.subscribe((next) => view.setItems(next));
  }, [ctx.doc, view]);

  useEffect(() => {
    if (!status) {
      view.synced = true;
      return;
    }
    const check = () => {
      if (status.get().kind === 'synced' && !view.synced) {
        view.synced = true;
        performance.mark('board:synced');
        view.redraw('scene');
      }
    };
    check();
    return status.subscribe(check);
  }, [status, view]);

  // View, selection and tool state from the store, applied imperatively.
  useEffect(() => {
    const grid = gridRef.current;
    const selection = createSelectionPublisher(awareness);
    const apply = (s: ReturnType<typeof useBoardStore.getState>, prev?: ReturnType<typeof useBoardStore.getState>) => {
      if (s.viewport !== prev?.viewport) {
        view.applyViewport(s.viewport);
        if (grid) gridStyle(grid, s.viewport, prev?.viewport);
      }
      if (s.selectedCards !== prev?.selectedCards || s.selectedLinks !== prev?.selectedLinks) {
        view.setSelection(s.selectedCards, s.selectedLinks);
        selection.publish([...s.selectedCards, ...s.selectedLinks]);
      }
      if (s.editingCard !== prev?.editingCard) view.redraw('scene');
      if (s.tool !== prev?.tool || s.linkFrom !== prev?.linkFrom) view.redraw('overlay');
    };
    apply(useBoardStore.getState());
    const unsubscribe = useBoardStore.subscribe(apply);
    return () => {
      unsubscribe();
      selection.dispose();
    };
  }, [awareness, view]);

  useEffect(() => {
    const presence = new PresenceView(
      awareness,
      () => view.redraw('presence'),
      () => view.redraw('overlay'),
    );
    view.presence = presence;
    return () => {
      presence.destroy();
      view.presence = null;
    };
  }, [awareness, view]);

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const cursor = createCursorSender(awareness);
    let pointer: { x: number; y: number } | null = null;
    const controller = new CanvasController(el, view, {
      ctx: () => ctxRef.current,
      pointer: (p) => {
        pointer = p;
        if (p) cursor.move(p);
        else cursor.leave();
      },
    });
    const stopDrops = acceptCardDrops(el, () => ctxRef.current);
    setCanvasProbe({
      cardClientBox(id) {
        const card = view.index.cards.get(id);
        if (!card) return null;
        const r = view.rectOf(card);
        const s = view.viewport.scale;
        const at = view.toClient(r);
        return { x: at.x, y: at.y, width: r.w * s, height: r.h * s };
      },
      linkClientEnds(id) {
        const link = view.index.links.get(id);
        const ends = link ? view.linkEndsOf(link) : null;
        return ends ? { from: view.toClient(ends.from), to: view.toClient(ends.to) } : null;
      },
      toClient: (x, y) => view.toClient({ x, y }),
      boardPointAt(clientX, clientY) {
        const box = el.getBoundingClientRect();
        const inside = clientX >= box.left && clientX <= box.right && clientY >= box.top && clientY <= box.bottom;
        return inside ? view.toBoard(clientX, clientY) : null;
      },
      pointer: () => pointer,
      zoomToFit: () => zoomToFit(view.index),
      zoomToSelection: () => zoomToSelection(view.index),
      centreOn: (ref) => centreOn(view.index, ref),
      visibleCount() {
        const area = view.visibleBox();
        return { cards: view.index.cardsIn(area).length, links: view.index.linksIn(area).length };
      },
      drawStats: () => ({ ...view.stats }),
    });
    return () => {
      controller.destroy();
      stopDrops();
      cursor.dispose();
      setCanvasProbe(null);
    };
  }, [awareness, view]);

  // The first time the board has cards (from the offline cache or the server), show them all.
  const fitted = useRef(false);
  useEffect(() => {
    if (fitted.current || items.cards.size === 0) return;
    fitted.current = true;
    zoomToFit(view.index);
  }, [items.cards, view]);

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

  // Stable refs: a new callback each render would detach and re-attach the stage and layers.
  const refs = useMemo(() => {
    const layer = (name: LayerName) => (node: Konva.Layer | null) => view.attachLayer(name, node);
    return {
      stage: (stage: Konva.Stage | null) => view.attachStage(stage),
      scene: layer('scene'),
      drag: layer('drag'),
      overlay: layer('overlay'),
      presence: layer('presence'),
    };
  }, [view]);
  return (
    <div
      ref={containerRef}
      className={`board-canvas tool-${tool}`}
      role="application"
      aria-label="Workshop board. Scroll or space-drag to pan, Ctrl or Cmd and scroll to zoom, ? for keyboard shortcuts. The outline lists every card and link."
    >
      <div ref={gridRef} className="board-grid" aria-hidden="true" />
      <Stage ref={refs.stage} width={stageSize.width} height={stageSize.height} listening={false}>
        <Layer ref={refs.scene} listening={false}>
          <Shape sceneFunc={(c) => view.drawScene(c._context)} listening={false} perfectDrawEnabled={false} />
        </Layer>
        <Layer ref={refs.drag} listening={false}>
          <Shape sceneFunc={(c) => view.drawDrag(c._context)} listening={false} perfectDrawEnabled={false} />
        </Layer>
        <Layer ref={refs.overlay} name="overlay" listening={false}>
          <Shape sceneFunc={(c) => view.drawOverlay(c._context)} listening={false} perfectDrawEnabled={false} />
        </Layer>
        <Layer ref={refs.presence} name="presence" listening={false}>
          <Shape sceneFunc={(c) => view.drawPresence(c._context)} listening={false} perfectDrawEnabled={false} />
        </Layer>
      </Stage>
      <EditingOverlay ctx={ctx} items={items} />
      <ZoomControls onFit={() => zoomToFit(view.index)} />
      {minimapOpen && <Minimap view={view} />}
    </div>
  );
}

/** The in-place text editor over the card being edited, following the view. */
function EditingOverlay({ ctx, items }: { ctx: ToolContext; items: BoardItems }) {
  const editingCard = useBoardStore((s) => s.editingCard);
  const viewport = useBoardStore((s) => (s.editingCard ? s.viewport : null));
  const editing = editingCard ? items.cards.get(editingCard) : undefined;
  const field = editing ? editableField(editing) : null;
  if (!editing || !field || !viewport) return null;
  return (
    <CardTextEditor
      key={editing.id}
      ctx={ctx}
      card={editing}
      field={field}
      viewport={viewport}
      onDone={() => useBoardStore.getState().setEditingCard(null)}
    />
  );
}
