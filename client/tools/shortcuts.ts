// Keyboard shortcuts of the board. Keys typed into a field belong to the field.
import { useEffect, useRef } from 'react';
import type { Card } from '../../shared/model/kinds.ts';
import { TARGET_INPUT_ID } from '../panels/TargetPicker.tsx';
import { useBoardStore } from '../store/boardStore.ts';
import { viewCentre } from '../store/viewportSlice.ts';
import type { ToolContext } from './context.ts';
import { createIntervention, createNote } from './createCards.ts';
import { deleteSelection } from './selectTool.ts';

const ZOOM_STEP = 1.2;

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useBoardShortcuts(ctx: ToolContext, cards: ReadonlyMap<string, Card>): void {
  const latest = useRef({ ctx, cards });
  latest.current = { ctx, cards };
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || typingInto(e.target)) return;
      const { ctx, cards } = latest.current;
      const store = useBoardStore.getState();
      const mod = e.ctrlKey || e.metaKey;
      const centre = () => viewCentre(store.viewport, store.stageSize);
      if (mod) {
        if (e.key === '=' || e.key === '+') store.zoomAroundCentre(ZOOM_STEP);
        else if (e.key === '-') store.zoomAroundCentre(1 / ZOOM_STEP);
        else if (e.key === '0') store.resetZoom();
        else if (e.key.toLowerCase() === 'a') store.selectCards([...cards.keys()]);
        else return;
        e.preventDefault();
        return;
      }
      if (e.altKey) return;
      switch (e.key) {
        case 'Delete':
        case 'Backspace':
          deleteSelection(ctx);
          break;
        case 'Escape':
          if (store.linkFrom) store.setLinkFrom(null);
          else if (store.tool !== 'select') store.setTool('select');
          else store.clearSelection();
          break;
        case 'v':
        case 'V':
          store.setTool('select');
          break;
        case 'l':
        case 'L':
          if (ctx.canEdit) store.setTool('link');
          break;
        case 'n':
        case 'N':
          createNote(ctx, centre());
          break;
        case 'i':
        case 'I':
          createIntervention(ctx, centre());
          break;
        case 't':
        case 'T':
          document.getElementById(TARGET_INPUT_ID)?.focus();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
