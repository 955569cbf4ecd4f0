// Updates that arrive before what they build on. An honest client does this every time it
// reconnects while its person keeps typing: the provider sends each new edit at once, while the
// edits made offline follow only in its answer to the server's sync step 1. Yjs would keep such
// an update pending inside the document, and apply it later, unchecked; instead the connection
// holds it here, outside the document (not stored, not served to anyone), and it passes the
// whole gate again after each update of that connection is applied. What is still held when the
// connection closes is dropped: the client still has it and sends it on its next connection.
import type { DecodedUpdate } from '../auth/updateScope.ts';

/** Generous for the edits of a reconnection; small enough that no one can park memory here. */
export const MAX_HELD_BYTES = 512 * 1024;
export const MAX_HELD_UPDATES = 64;

export interface HeldUpdate {
  update: Uint8Array;
  decoded: DecodedUpdate;
}

export class HeldUpdates {
  private list: HeldUpdate[] = [];
  private bytes = 0;

  /** Holds an update; false when that would pass the limits (the update is then refused). */
  hold(update: Uint8Array, decoded: DecodedUpdate): boolean {
    if (this.list.length >= MAX_HELD_UPDATES || this.bytes + update.length > MAX_HELD_BYTES) return false;
    this.list.push({ update, decoded });
    this.bytes += update.length;
    return true;
  }

  /** Everything held, in arrival order; the holder is emptied. */
  take(): HeldUpdate[] {
    const taken = this.list;
    this.list = [];
    this.bytes = 0;
    return taken;
  }

  get size(): number {
    return this.list.length;
  }
}
