// Moving views together: the facilitator's "bring everyone here", the spotlight and the
// walk-through move every other view (animated), and anyone may follow another person's view
// until they pan or zoom themselves. Each browser publishes its own view in awareness, throttled.
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { type Card, getCard, getLink, type ItemRef, type Viewport } from '../../shared/model/index.ts';
import { useBoardStore } from '../store/boardStore.ts';
import type { ScreenSize, Viewport as StageViewport } from '../store/viewportSlice.ts';
import { facilitationCache } from './useFacilitation.ts';
import { isView, shareableView, stageViewport } from './views.ts';

export { shareableView } from './views.ts';

export const VIEW_ANIMATION_MS = 450;
export const VIEWPORT_PUBLISH_MS = 200;

/** The view that centres an item: its box fitted at most at 100 %, keeping a closer zoom. */
export function viewOfItem(doc: Y.Doc, ref: ItemRef, size: ScreenSize, current: number): Viewport | null {
  const cards: Card[] = [];
  if (ref.type === 'card') {
    const card = getCard(doc, ref.id);
    if (card) cards.push(card);
  } else {
    const link = getLink(doc, ref.id);
    for (const end of link ? [link.from, link.to] : []) {
      const card = getCard(doc, end);
      if (card) cards.push(card);
    }
  }
  if (cards.length === 0) return null;
  const minX = Math.min(...cards.map((c) => c.x));
  const minY = Math.min(...cards.map((c) => c.y));
  const maxX = Math.max(...cards.map((c) => c.x + c.w));
  const maxY = Math.max(...cards.map((c) => c.y + c.h));
  const fit = Math.min(
    1,
    (size.width - 160) / Math.max(1, maxX - minX),
    (size.height - 160) / Math.max(1, maxY - minY),
  );
  const zoom = Math.min(current < 0.5 ? 1 : current, Math.max(0.05, fit));
  return { x: (minX + maxX) / 2, y: (minY + maxY) / 2, zoom };
}

/** The facilitation panel's width over the right of the board, with its margin. */
const DOCK_PX = 356;

/** A view shifted so that its centre falls in the part of the board the open panel leaves free. */
function besideDock(view: Viewport, size: ScreenSize): Viewport {
  const open = useBoardStore.getState().facilitationPanel !== null;
  if (!open || size.width < DOCK_PX * 1.6) return view;
  return { ...view, x: view.x + DOCK_PX / 2 / view.zoom };
}

let animation = 0;
/** True while this module moves the view, so that following is not stopped by it. */
let moving = false;

function setViewportQuietly(v: StageViewport): void {
  moving = true;
  try {
    useBoardStore.getState().setViewport(v);
  } finally {
    moving = false;
  }
}

/** Glides the view to a shared view. */
export function animateTo(view: Viewport, ms = VIEW_ANIMATION_MS): void {
  cancelAnimationFrame(animation);
  const { viewport: from, stageSize } = useBoardStore.getState();
  const to = stageViewport(view, stageSize);
  const started = performance.now();
  const step = () => {
    const t = Math.min(1, (performance.now() - started) / ms);
    const e = 1 - (1 - t) ** 3;
    // Interpolating the scale geometrically keeps the zoom even.
    const scale = from.scale * (to.scale / from.scale) ** e;
    const centreFrom = {
      x: (stageSize.width / 2 - from.x) / from.scale,
      y: (stageSize.height / 2 - from.y) / from.scale,
    };
    const cx = centreFrom.x + (view.x - centreFrom.x) * e;
    const cy = centreFrom.y + (view.y - centreFrom.y) * e;
    setViewportQuietly({ scale, x: stageSize.width / 2 - cx * scale, y: stageSize.height / 2 - cy * scale });
    if (t < 1) animation = requestAnimationFrame(step);
  };
  animation = requestAnimationFrame(step);
}

/** The view another person publishes, or null. */
export function peerView(awareness: Awareness, clientId: number): Viewport | null {
  const state = awareness.getStates().get(clientId) as { viewport?: unknown } | undefined;
  return isView(state?.viewport) ? state.viewport : null;
}

/**
 * Starts the view syncing of one board: publishes this view, follows summons, spotlights and the
 * walk-through (each only when it is newer than the last one seen, and than the page), and keeps
 * following the chosen person. Returns the function that stops it.
 */
export function startViewSync(doc: Y.Doc, awareness: Awareness, myId: string, loadedAt = Date.now()): () => void {
  const cleanups: (() => void)[] = [];

  // Publish this view, throttled.
  let publishTimer: ReturnType<typeof setTimeout> | null = null;
  const publish = () => {
    publishTimer = null;
    const { viewport, stageSize } = useBoardStore.getState();
    awareness.setLocalStateField('viewport', shareableView(viewport, stageSize));
  };
  cleanups.push(
    useBoardStore.subscribe((s, prev) => {
      if (s.viewport !== prev.viewport || s.stageSize !== prev.stageSize)
        publishTimer ??= setTimeout(publish, VIEWPORT_PUBLISH_MS);
      // A pan or zoom of one's own stops following.
      if (s.viewport !== prev.viewport && !moving && s.following !== null) s.setFollowing(null);
    }),
  );
  publish();

  // Summons, spotlights and the walk-through.
  const cache = facilitationCache(doc);
  let lastSummon = loadedAt;
  let lastSpotlight = loadedAt;
  let walkItem = cache.current.walkItem;
  const onMeta = () => {
    const f = cache.current;
    const { stageSize, viewport } = useBoardStore.getState();
    if (f.summon && f.summon.at > lastSummon) {
      lastSummon = f.summon.at;
      if (f.summon.by !== myId && isView(f.summon.viewport)) {
        useBoardStore.getState().setFollowing(null);
        animateTo(f.summon.viewport);
      }
    }
    if (f.spotlight && f.spotlight.at > lastSpotlight) {
      lastSpotlight = f.spotlight.at;
      const view = viewOfItem(doc, f.spotlight.item, stageSize, viewport.scale);
      if (view) animateTo(besideDock(view, stageSize));
    }
    if (f.walkItem !== walkItem) {
      walkItem = f.walkItem;
      const view = walkItem ? viewOfItem(doc, { type: 'card', id: walkItem }, stageSize, viewport.scale) : null;
      if (view) animateTo(besideDock(view, stageSize));
    }
  };
  cleanups.push(cache.subscribe(onMeta));

  // Following someone: copy their view whenever it changes.
  const onAwareness = () => {
    const { following } = useBoardStore.getState();
    if (following === null) return;
    if (!awareness.getStates().has(following)) {
      useBoardStore.getState().setFollowing(null);
      useBoardStore.getState().notify('The person you were following has left.');
      return;
    }
    const view = peerView(awareness, following);
    if (view) setViewportQuietly(stageViewport(view, useBoardStore.getState().stageSize));
  };
  awareness.on('change', onAwareness);
  cleanups.push(() => awareness.off('change', onAwareness));
  cleanups.push(
    useBoardStore.subscribe((s, prev) => {
      if (s.following !== prev.following && s.following !== null) {
        const view = peerView(awareness, s.following);
        if (view) animateTo(view, 250);
      }
    }),
  );

  return () => {
    for (const cleanup of cleanups) cleanup();
    if (publishTimer) clearTimeout(publishTimer);
    cancelAnimationFrame(animation);
  };
}
