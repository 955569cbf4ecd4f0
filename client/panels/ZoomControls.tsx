import { useBoardStore } from '../store/boardStore.ts';
import { FitIcon, MinusIcon, PlusIcon } from './icons.tsx';

const STEP = 1.2;

export function ZoomControls({ onFit }: { onFit: () => void }) {
  const scale = useBoardStore((s) => s.viewport.scale);
  const zoom = useBoardStore((s) => s.zoomAroundCentre);
  const reset = useBoardStore((s) => s.resetZoom);
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
      <button type="button" className="icon-button" onClick={onFit} aria-label="Show all cards" title="Show all cards">
        <FitIcon />
      </button>
    </fieldset>
  );
}
