// `window.__sdgBoard`: the live document and provider, for browser tests and debugging, with
// read helpers that go through the model (tests never read raw Yjs keys).
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import {
  type Attendance,
  type Card,
  type Link,
  listCards,
  listLinks,
  readAttendance,
} from '../../shared/model/index.ts';
import { type CanvasProbe, canvasProbe, type ScreenBox } from '../canvas/canvasProbe.ts';
import { useBoardStore } from '../store/boardStore.ts';

export interface BoardDebugHandle {
  doc: Y.Doc;
  provider: WebsocketProvider;
  cards(): Card[];
  links(): Link[];
  /** Who took part, as the server recorded it. */
  attendance(): Attendance[];
  /** A card's box in page pixels as drawn now, or null. */
  cardClientBox(id: string): ScreenBox | null;
  /** A board point in page pixels. */
  toClient(x: number, y: number): { x: number; y: number } | null;
  /** What this person has selected. */
  selection(): { cards: string[]; links: string[] };
  /** The canvas's own probe (link ends, visible counts, draw statistics), or null. */
  canvas(): CanvasProbe | null;
}

declare global {
  interface Window {
    __sdgBoard?: BoardDebugHandle;
  }
}

export function exposeBoard(doc: Y.Doc, provider: WebsocketProvider): () => void {
  const handle: BoardDebugHandle = {
    doc,
    provider,
    cards: () => listCards(doc),
    links: () => listLinks(doc),
    attendance: () => readAttendance(doc),
    cardClientBox: (id) => canvasProbe()?.cardClientBox(id) ?? null,
    toClient: (x, y) => canvasProbe()?.toClient(x, y) ?? null,
    selection: () => {
      const { selectedCards, selectedLinks } = useBoardStore.getState();
      return { cards: [...selectedCards], links: [...selectedLinks] };
    },
    canvas: () => canvasProbe(),
  };
  window.__sdgBoard = handle;
  return () => {
    if (window.__sdgBoard === handle) delete window.__sdgBoard;
  };
}
