// Every room shares one event loop. A room's queue chains its messages as promises, so a room
// with many queued messages would handle them all in one go (microtasks never yield to I/O),
// while other workshops' messages, HTTP requests and pings wait. Each queued task takes a turn
// here first: once the work of one loop iteration passes SLICE_MS, the task waits for the next
// iteration, so sockets are read and other rooms get their share in between.
export const SLICE_MS = 8;

let sliceOpen = false;
let sliceStart = 0;

const closeSlice = () => {
  sliceOpen = false;
};

/** Resolves at once within the current slice of the loop, or after the loop has turned. */
export function takeTurn(): Promise<void> | undefined {
  const now = performance.now();
  if (!sliceOpen) {
    sliceOpen = true;
    sliceStart = now;
    // Runs when the loop reaches its check phase: the next slice starts in the next iteration.
    setImmediate(closeSlice);
    return undefined;
  }
  if (now - sliceStart < SLICE_MS) return undefined;
  return new Promise((resolve) => setImmediate(resolve));
}
