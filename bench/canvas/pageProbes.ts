// What the harness runs inside the page, the same for both boards: scripted wheel input paced by
// requestAnimationFrame, and the frame intervals it sees. Plain functions passed to
// page.evaluate, so they may use nothing from outside their own body.

export interface FrameRun {
  /** requestAnimationFrame timestamps, ms. */
  stamps: number[];
  /** Lowest and highest zoom seen during the run, as the page reports it. */
  zoomMin: number;
  zoomMax: number;
}

export interface DriveOptions {
  mode: 'pan' | 'zoom';
  durationMs: number;
}

declare global {
  interface Window {
    /** The page's current zoom, set by the harness for the app under test. */
    __benchZoom?: () => number;
  }
}

/** Dispatches one wheel event per frame at the centre of the page for `durationMs`. */
export function driveWheel(options: DriveOptions): Promise<FrameRun> {
  const cx = Math.round(window.innerWidth * 0.6);
  const cy = Math.round(window.innerHeight * 0.55);
  const target = document.elementFromPoint(cx, cy) ?? document.body;
  const zoomOf = () => window.__benchZoom?.() ?? Number.NaN;
  return new Promise((resolve) => {
    const stamps: number[] = [];
    let zoomMin = zoomOf();
    let zoomMax = zoomMin;
    let start = -1;
    let n = 0;
    const frame = (t: number) => {
      if (start < 0) start = t;
      stamps.push(t);
      const elapsed = t - start;
      if (elapsed >= options.durationMs) {
        resolve({ stamps, zoomMin, zoomMax });
        return;
      }
      // Registered first, so this callback leads the next frame and the app's drawing follows it.
      requestAnimationFrame(frame);
      n++;
      let init: WheelEventInit;
      if (options.mode === 'pan') {
        const sign = Math.floor(elapsed / 1000) % 2 === 0 ? 1 : -1;
        init = { deltaX: 14 * sign, deltaY: 7 * sign };
      } else {
        const zoomIn = elapsed < options.durationMs / 2;
        init = { deltaY: zoomIn ? -4 : 4, ctrlKey: true };
      }
      target.dispatchEvent(
        new WheelEvent('wheel', { ...init, clientX: cx, clientY: cy, deltaMode: 0, bubbles: true, cancelable: true }),
      );
      if (n % 4 === 0) {
        const z = zoomOf();
        zoomMin = Math.min(zoomMin, z);
        zoomMax = Math.max(zoomMax, z);
      }
    };
    requestAnimationFrame(frame);
  });
}

/** Resolves with the page time two frames after `ready()` first holds (checked every frame). */
export function afterTwoFrames(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()))),
  );
}
