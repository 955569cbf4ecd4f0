import { canvasProbe } from '../canvas/canvasProbe.ts';
import { useBoardStore } from '../store/boardStore.ts';
import { FitIcon, MinusIcon, PlusIcon } from './icons.tsx';

const STEP = 1.2;

export function ZoomControls({ onFit }: { onFit: () => void }) {
  const scale = useBoardStore((s) => s.viewport.scale);
  const zoom = useBoardStore((s) => s.zoomAroundCentre);
  const reset = useBoardStore((s) => s.resetZoom);
  const hasSelection = useBoardStore((s) => s.selectedCards.length + s.selectedLinks.length > 0);
  const minimapOpen = useBoardStore((s) => s.minimapOpen);
  const setMinimapOpen = useBoardStore((s) => s.setMinimapOpen);
  const setHelpOpen = useBoardStore((s) => s.setHelpOpen);
  return (
    <fieldset className="zoom-controls">
      <legend className="visually-hidden">Zoom</legend>
      <button
        type="button"
        className="icon-button"
        onClick={() => zoom(1 / STEP)}
        aria-label="Zoom out"
        title="Zoom out (Ctrl −)"
      >
        <MinusIcon />
      </button>
      <button
        type="button"
        className="zoom-level"
        onClick={reset}
        aria-label={`Zoom ${Math.round(scale * 100)} %, reset to 100 %`}
        title="Reset to 100 % (Ctrl 0)"
      >
        {Math.round(scale * 100)}%
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={() => zoom(STEP)}
        aria-label="Zoom in"
        title="Zoom in (Ctrl +)"
      >
        <PlusIcon />
      </button>
      <span className="zoom-divider" aria-hidden="true" />
      <button
        type="button"
        className="icon-button"
        onClick={onFit}
        aria-label="Show all cards"
        title="Show all cards (Shift+1)"
        data-testid="zoom-to-fit"
      >
        <FitIcon />
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={() => canvasProbe()?.zoomToSelection()}
        disabled={!hasSelection}
        aria-label="Zoom to the selection"
        title="Zoom to the selection (Shift+2)"
      >
        <svg
          className="icon"
          viewBox="0 0 20 20"
          width="18"
          height="18"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.7"
          aria-hidden="true"
        >
          <rect x="5.5" y="5.5" width="9" height="9" rx="1.5" strokeDasharray="2.5 2" />
          <path d="M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4" />
        </svg>
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={() => setMinimapOpen(!minimapOpen)}
        aria-pressed={minimapOpen}
        aria-label="Minimap"
        title="Show or hide the minimap (M)"
      >
        <svg
          className="icon"
          viewBox="0 0 20 20"
          width="18"
          height="18"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.7"
          aria-hidden="true"
        >
          <rect x="2.5" y="4" width="15" height="12" rx="1.5" />
          <rect x="9" y="8.5" width="6" height="5" rx="0.8" />
        </svg>
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={() => setHelpOpen(true)}
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        data-testid="open-help"
      >
        ?
      </button>
    </fieldset>
  );
}
