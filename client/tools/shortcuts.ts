// Keyboard shortcuts of the board (listed in shortcutList.ts for the help overlay). Keys typed
// into a field, editor, dialog or menu belong there (keyTarget.ts). Copy, cut and paste go through the browser's clipboard
// events, so they reach the system clipboard without asking for a permission.
import { useEffect, useRef } from 'react';
import { moveCards } from '../../shared/model/index.ts';
import type { Card } from '../../shared/model/kinds.ts';
import { canvasProbe } from '../canvas/canvasProbe.ts';
import { newCardCentre } from '../canvas/openArea.ts';
import { TARGET_INPUT_ID } from '../panels/TargetPicker.tsx';
import { useBoardStore } from '../store/boardStore.ts';
import { LOCAL_ORIGIN } from '../sync/origin.ts';
import { redo, undo } from '../sync/undo.ts';
import { duplicateSelection, pasteText, selectionAsText } from './clipboard.ts';
import type { ToolContext } from './context.ts';
import { createCard, createIntervention, createNote } from './createCards.ts';
import { editableField } from './editText.ts';
import { keyBelongsElsewhere, typingInto } from './keyTarget.ts';
import { deleteSelection } from './selectTool.ts';

const ZOOM_STEP = 1.2;
const NUDGE_PX = 1;
const NUDGE_FAR_PX = 10;

/** Moves the selected cards by (dx, dy): one model write, one undo step. */
export function nudgeSelection(ctx: ToolContext, cards: ReadonlyMap<string, Card>, dx: number, dy: number): void {
  if (!ctx.canEdit) return;
  const moves = [];
  for (const id of useBoardStore.getState().selectedCards) {
    const card = cards.get(id);
    if (card) moves.push({ id, x: card.x + dx, y: card.y + dy });
  }
  if (moves.length) moveCards(ctx.doc, moves, LOCAL_ORIGIN);
}

export function useBoardShortcuts(ctx: ToolContext, cards: ReadonlyMap<string, Card>): void {
  const latest = useRef({ ctx, cards });
  latest.current = { ctx, cards };
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || keyBelongsElsewhere(e.target)) return;
      const { ctx, cards } = latest.current;
      const store = useBoardStore.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if (mod) {
        if (key === 'z' && !e.shiftKey) undo(ctx.doc);
        else if ((key === 'z' && e.shiftKey) || key === 'y') redo(ctx.doc);
        else if (key === '=' || key === '+') store.zoomAroundCentre(ZOOM_STEP);
        else if (key === '-') store.zoomAroundCentre(1 / ZOOM_STEP);
        else if (key === '0') store.resetZoom();
        else if (key === 'a') store.selectCards([...cards.keys()]);
        else if (key === 'd') duplicateSelection(ctx);
        else return;
        e.preventDefault();
        return;
      }
      if (e.altKey) return;
      const step = e.shiftKey ? NUDGE_FAR_PX : NUDGE_PX;
      switch (e.key) {
        case 'Delete':
        case 'Backspace':
          deleteSelection(ctx);
          break;
        case 'Escape':
          if (store.helpOpen) store.setHelpOpen(false);
          else if (store.linkFrom) store.setLinkFrom(null);
          else if (store.tool !== 'select') store.setTool('select');
          else store.clearSelection();
          break;
        case 'ArrowLeft':
          nudgeSelection(ctx, cards, -step, 0);
          break;
        case 'ArrowRight':
          nudgeSelection(ctx, cards, step, 0);
          break;
        case 'ArrowUp':
          nudgeSelection(ctx, cards, 0, -step);
          break;
        case 'ArrowDown':
          nudgeSelection(ctx, cards, 0, step);
          break;
        case 'Enter': {
          const [id] = store.selectedCards;
          const card = id && store.selectedCards.length === 1 ? cards.get(id) : undefined;
          if (!card || !ctx.canEdit || !editableField(card)) return;
          store.setEditingCard(card.id);
          break;
        }
        case '?':
          store.setHelpOpen(!store.helpOpen);
          break;
        case '!':
          canvasProbe()?.zoomToFit();
          break;
        case '@':
          canvasProbe()?.zoomToSelection();
          break;
        default:
          if (!shortcutKey(e, ctx, newCardCentre)) return;
      }
      e.preventDefault();
    };
    const onCopy = (e: ClipboardEvent) => {
      if (typingInto(e.target) || hasTextSelection()) return;
      const text = selectionAsText(latest.current.ctx);
      if (!text || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
      if (e.type === 'cut') deleteSelection(latest.current.ctx);
    };
    const onPaste = (e: ClipboardEvent) => {
      if (typingInto(e.target)) return;
      const text = e.clipboardData?.getData('text/plain');
      if (text && pasteText(latest.current.ctx, text)) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, []);
}

function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString() !== '';
}

/** The single-letter shortcuts; false when the key is not one. */
function shortcutKey(e: KeyboardEvent, ctx: ToolContext, centre: () => { x: number; y: number }): boolean {
  const store = useBoardStore.getState();
  // Digits with Shift arrive as their shifted symbol on most layouts; `code` is the key itself.
  if (e.shiftKey && e.code === 'Digit1') {
    canvasProbe()?.zoomToFit();
    return true;
  }
  if (e.shiftKey && e.code === 'Digit2') {
    canvasProbe()?.zoomToSelection();
    return true;
  }
  switch (e.key.toLowerCase()) {
    case 'v':
      store.setTool('select');
      return true;
    case 'l':
      if (ctx.canEdit) store.setTool('link');
      return true;
    case 'n':
      createNote(ctx, centre());
      return true;
    case 'i':
      createIntervention(ctx, centre());
      return true;
    case 'o':
      if (e.shiftKey) store.setOutlineOpen(!store.outlineOpen);
      else createCard(ctx, 'objective', centre());
      return true;
    case 'a':
      createCard(ctx, 'actor', centre());
      return true;
    case 'f':
      createCard(ctx, 'frame', centre());
      return true;
    case 'm':
      store.setMinimapOpen(!store.minimapOpen);
      return true;
    case 't':
      document.getElementById(TARGET_INPUT_ID)?.focus();
      return true;
    default:
      return false;
  }
}
