// Copy, cut, paste and duplicate of the selection. The clipboard holds the items as JSON text
// (shared/model/clipboard.ts), so they paste into another board, in this browser or another.
import { type ClipboardPayload, copyItems, readClipboard } from '../../shared/model/index.ts';
import { canvasProbe } from '../canvas/canvasProbe.ts';
import { useBoardStore } from '../store/boardStore.ts';
import { viewCentre } from '../store/viewportSlice.ts';
import type { ToolContext } from './context.ts';
import { placeNewCards } from './newCards.ts';

const DUPLICATE_OFFSET_PX = 24;

/** The selection as clipboard text, or null when nothing is selected. */
export function selectionAsText(ctx: ToolContext): string | null {
  const { selectedCards, selectedLinks } = useBoardStore.getState();
  if (selectedCards.length === 0 && selectedLinks.length === 0) return null;
  const payload = copyItems(ctx.doc, selectedCards, selectedLinks);
  return payload.cards.length > 0 ? JSON.stringify(payload) : null;
}

/**
 * Where pasted items go: where they were when that place is in view (shifted a little, so a
 * paste on the same board does not hide the originals), else centred on the pointer or the view.
 */
function pasteOffset(payload: ClipboardPayload): { dx: number; dy: number } {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const c of payload.cards) {
    minX = Math.min(minX, c.x);
    minY = Math.min(minY, c.y);
    maxX = Math.max(maxX, c.x + c.w);
    maxY = Math.max(maxY, c.y + c.h);
  }
  const { viewport, stageSize } = useBoardStore.getState();
  const view = {
    minX: -viewport.x / viewport.scale,
    minY: -viewport.y / viewport.scale,
    maxX: (stageSize.width - viewport.x) / viewport.scale,
    maxY: (stageSize.height - viewport.y) / viewport.scale,
  };
  if (minX >= view.minX && minY >= view.minY && maxX <= view.maxX && maxY <= view.maxY) {
    return { dx: DUPLICATE_OFFSET_PX, dy: DUPLICATE_OFFSET_PX };
  }
  const at = canvasProbe()?.pointer() ?? viewCentre(viewport, stageSize);
  return { dx: Math.round(at.x - (minX + maxX) / 2), dy: Math.round(at.y - (minY + maxY) / 2) };
}

/** Pastes clipboard text; says why when it holds no board items. Returns whether it pasted. */
export function pasteText(ctx: ToolContext, text: string): boolean {
  const store = useBoardStore.getState();
  if (!ctx.canEdit) return false;
  const read = readClipboard(text);
  if (!read.ok) {
    if (read.reason !== 'not board items') store.notify(`Cannot paste: ${read.reason}.`, 'error');
    return false;
  }
  if (read.payload.cards.length === 0) return false;
  // Through the one route for new cards: private notes during private brainstorming.
  const pasted = placeNewCards(ctx, read.payload, pasteOffset(read.payload));
  if (!pasted.private) store.selectCards(pasted.cards);
  return true;
}

export function duplicateSelection(ctx: ToolContext): void {
  const store = useBoardStore.getState();
  if (!ctx.canEdit || store.selectedCards.length === 0) return;
  const copied = copyItems(ctx.doc, store.selectedCards, store.selectedLinks);
  const pasted = placeNewCards(ctx, copied, { dx: DUPLICATE_OFFSET_PX, dy: DUPLICATE_OFFSET_PX });
  if (!pasted.private) store.selectCards(pasted.cards);
}
