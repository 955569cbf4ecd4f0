// Selects a link alone and brings it to the middle of the canvas, as the outline does; with the
// matrix panel open over the left of the board, to the middle of the part still visible.
import { canvasProbe } from '../../canvas/canvasProbe.ts';
import { useBoardStore } from '../../store/boardStore.ts';

/** Narrower than this, the uncovered strip is not worth centring in: centre on the whole canvas. */
const MIN_VISIBLE_PX = 200;

export function selectAndCentreLink(id: string, panel?: HTMLElement | null): void {
  const store = useBoardStore.getState();
  store.select({ type: 'link', id }, false);
  canvasProbe()?.centreOn({ type: 'link', id });
  const host = panel?.parentElement;
  if (!panel || !host) return;
  const covered = panel.getBoundingClientRect().right - host.getBoundingClientRect().left;
  const { viewport, stageSize, setViewport } = useBoardStore.getState();
  if (covered > 0 && stageSize.width - covered >= MIN_VISIBLE_PX) {
    setViewport({ ...viewport, x: viewport.x + covered / 2 });
  }
}
