// The comparison page: tldraw with the benchmark board made through its editor API (5,000 notes
// and 5,000 arrows bound at both ends), exposing to the harness what it measures on our board.
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { createRoot } from 'react-dom/client';
import { createShapeId, type Editor, type TLShapeId, Tldraw, toRichText } from 'tldraw';
import 'tldraw/tldraw.css';
import { benchBoard } from '../layout.ts';

declare global {
  interface Window {
    __tldrawBench?: {
      editor: Editor;
      noteIds: TLShapeId[];
      /** ms after navigation when the editor API had made every shape and binding. */
      createdMs: number;
      /** ms after navigation when the board was first drawn complete. */
      firstCompletePaintMs: number;
    };
  }
}

// Fonts, icons and translations bundled with the page: the benchmark machine has no network.
const assetUrls = getAssetUrlsByImport();

const COLOURS = ['yellow', 'orange', 'green', 'light-blue', 'violet', 'light-red'] as const;

function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

async function populate(editor: Editor) {
  const { cards, links } = benchBoard();
  const noteIds = cards.map((_, i) => createShapeId(`card-${i}`));
  editor.run(
    () => {
      editor.createShapes(
        cards.map((card, i) => ({
          id: noteIds[i],
          type: 'note',
          x: card.x,
          y: card.y,
          props: { richText: toRichText(card.text), color: COLOURS[i % COLOURS.length], size: 's' },
        })),
      );
      const arrows = links.map((link, i) => {
        const from = cards[link.from];
        const to = cards[link.to];
        return {
          id: createShapeId(`link-${i}`),
          type: 'arrow' as const,
          x: 0,
          y: 0,
          props: {
            start: { x: (from?.x ?? 0) + 100, y: (from?.y ?? 0) + 100 },
            end: { x: (to?.x ?? 0) + 100, y: (to?.y ?? 0) + 100 },
            richText: toRichText(link.score !== undefined ? `${link.score > 0 ? '+' : ''}${link.score}` : ''),
          },
        };
      });
      editor.createShapes(arrows);
      editor.createBindings(
        links.flatMap((link, i) => [
          {
            type: 'arrow' as const,
            fromId: arrows[i]?.id as TLShapeId,
            toId: noteIds[link.from] as TLShapeId,
            props: {
              terminal: 'start' as const,
              normalizedAnchor: { x: 0.5, y: 0.5 },
              isExact: false,
              isPrecise: false,
            },
          },
          {
            type: 'arrow' as const,
            fromId: arrows[i]?.id as TLShapeId,
            toId: noteIds[link.to] as TLShapeId,
            props: { terminal: 'end' as const, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false },
          },
        ]),
      );
    },
    { history: 'ignore' },
  );
  const createdMs = performance.now();
  editor.selectNone();
  editor.zoomToFit();
  await afterPaint();
  const firstCompletePaintMs = performance.now();
  performance.mark('tldraw:first-complete-paint');
  window.__tldrawBench = { editor, noteIds, createdMs, firstCompletePaintMs };
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <div style={{ position: 'fixed', inset: 0 }}>
    <Tldraw
      assetUrls={assetUrls}
      // Its default cap (4,000 shapes a page) is below the benchmark's 10,000.
      options={{ maxShapesPerPage: 20_000 }}
      onMount={(editor) => void populate(editor).catch((e) => console.error('populate failed', e))}
    />
  </div>,
);
