// Updates that arrive before what they build on. An honest client does this every time it
// reconnects while its person keeps typing: the provider sends each new edit at once, while the
// edits made offline follow only in its answer to the server's sync step 1. Yjs would keep such
// an update pending inside the document, and apply it later, unchecked; instead the connection
// holds it here, outside the document (not stored, not served to anyone), and it passes the
// whole gate again once what it waits for has arrived (so that held updates cost nothing while
// they wait). What is still held when the connection closes is dropped: the client still has it
// and sends it on its next connection.
import type { StructId } from '../auth/updateReader.ts';
import type { DecodedUpdate } from '../auth/updateScope.ts';

/** Generous for the edits of a reconnection; small enough that no one can park memory here. */
export const MAX_HELD_BYTES = 512 * 1024;
export const MAX_HELD_UPDATES = 64;

export interface HeldUpdate {
  update: Uint8Array;
  decoded: DecodedUpdate;
  /** It may integrate once the document's state for this client passes this clock. */
  waitsFor: StructId;
}

export class HeldUpdates {
  private list: HeldUpdate[] = [];
  private bytes = 0;

  /** Holds an update; false when that would pass the limits (the update is then refused). */
  hold(update: Uint8Array, decoded: DecodedUpdate, waitsFor: StructId): boolean {
    if (this.list.length >= MAX_HELD_UPDATES || this.bytes + update.length > MAX_HELD_BYTES) return false;
    this.list.push({ update, decoded, waitsFor });
    this.bytes += update.length;
    return true;
  }

  /** The held updates whose wait is over (`stateOf` is the document's state), in arrival order. */
  takeReady(stateOf: (client: number) => number): HeldUpdate[] {
    const ready: HeldUpdate[] = [];
    const waiting: HeldUpdate[] = [];
    for (const held of this.list) {
      (stateOf(held.waitsFor.client) > held.waitsFor.clock ? ready : waiting).push(held);
    }
    this.list = waiting;
    for (const held of ready) this.bytes -= held.update.length;
    return ready;
  }

  get size(): number {
    return this.list.length;
  }
}
