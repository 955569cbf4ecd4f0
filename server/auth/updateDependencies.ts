// Whether an update integrates at once, and in which order: Yjs keeps a struct whose
// dependencies (the structs it is inserted next to or into, and the earlier structs of its own
// client) the document does not hold as "pending", and applies it later, when another update
// fills the gap. A rule checked on arrival would then not be the rule applied. So the server
// accepts only updates that integrate entirely, now: it replays Yjs's dependency order on the
// clocks alone, in O(n log n) for n structs, before anything is applied.
import * as Y from 'yjs';
import {
  type GcStruct,
  type ItemStruct,
  runSteps,
  type Section,
  STRUCTS_PER_STEP,
  type StructId,
} from './updateReader.ts';

/** A struct that carries content or collected clocks (a declared gap is refused before). */
export type Placed = ItemStruct | GcStruct;

export type OrderResult =
  | { ok: true; order: Placed[]; byClient: Map<number, Placed[]>; stateAfter: Map<number, number> }
  | {
      ok: false;
      reason: 'gap' | 'malformed';
      detail: string;
      /** For a gap: the update may integrate once the document's state for `client` passes `clock`. */
      waitsFor?: StructId;
    };

/** What a struct needs the document to hold before it can be integrated. */
function dependenciesOf(s: Placed): StructId[] {
  if (s.kind !== 'item') return [];
  const deps: StructId[] = [];
  if (s.origin) deps.push(s.origin);
  if (s.rightOrigin) deps.push(s.rightOrigin);
  if (s.parent !== null && typeof s.parent !== 'string') deps.push(s.parent);
  return deps;
}

interface Waiter {
  clock: number;
  client: number;
}

/** A binary min-heap of clients waiting for another client's state to pass a clock. */
class Waiters {
  private readonly items: Waiter[] = [];
  push(item: Waiter): void {
    const a = this.items;
    let i = a.length;
    a.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((a[parent] as Waiter).clock <= item.clock) break;
      a[i] = a[parent] as Waiter;
      i = parent;
    }
    a[i] = item;
  }
  /** Removes and returns the clients waiting for a clock below `state`. */
  takeBelow(state: number): number[] {
    const out: number[] = [];
    while (this.items.length > 0 && (this.items[0] as Waiter).clock < state) out.push(this.pop().client);
    return out;
  }
  private pop(): Waiter {
    const a = this.items;
    const top = a[0] as Waiter;
    const last = a.pop() as Waiter;
    if (a.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = -1;
      let clock = last.clock;
      if (l < a.length && (a[l] as Waiter).clock < clock) {
        m = l;
        clock = (a[l] as Waiter).clock;
      }
      if (r < a.length && (a[r] as Waiter).clock < clock) m = r;
      if (m === -1) break;
      a[i] = a[m] as Waiter;
      i = m;
    }
    a[i] = last;
    return top;
  }
}

/**
 * Finds an order in which every struct of the update integrates into `doc` (Yjs's own order
 * differs, its outcome does not). Refuses skips (declared gaps), empty structs, a client in two
 * sections (Yjs would keep only the last), a struct whose same-client dependency is not before
 * it, and any struct whose dependencies are neither in the document nor integrated before it: a
 * gap, or a cycle.
 */
export function integrationOrder(doc: Y.Doc, sections: readonly Section[]): OrderResult {
  return runSteps(integrationOrderSteps(doc, sections));
}

/** integrationOrder, yielding every STRUCTS_PER_STEP structs (see readUpdateSteps). */
export function* integrationOrderSteps(doc: Y.Doc, sections: readonly Section[]): Generator<void, OrderResult> {
  let budget = STRUCTS_PER_STEP;
  const byClient = new Map<number, Placed[]>();
  for (const section of sections) {
    if (byClient.has(section.client)) {
      return { ok: false, reason: 'malformed', detail: `client ${section.client} appears twice` };
    }
    const list: Placed[] = [];
    for (const s of section.structs) {
      if (s.kind === 'skip') {
        const waitsFor = { client: s.id.client, clock: s.id.clock + s.length - 1 };
        return { ok: false, reason: 'gap', detail: `a gap at ${s.id.client}:${s.id.clock}`, waitsFor };
      }
      // Yjs integrates an empty struct at the client's state as an item of length 0.
      if (s.length <= 0)
        return { ok: false, reason: 'malformed', detail: `an empty struct at ${s.id.client}:${s.id.clock}` };
      list.push(s);
    }
    byClient.set(section.client, list);
  }

  const state = new Map<number, number>();
  const stateOf = (client: number) => state.get(client) ?? Y.getState(doc.store, client);
  const next = new Map<number, number>();
  const waiting = new Map<number, Waiters>();
  const order: Placed[] = [];
  const ready = [...byClient.keys()];

  while (ready.length > 0) {
    const client = ready.pop() as number;
    const list = byClient.get(client) as Placed[];
    let i = next.get(client) ?? 0;
    const before = stateOf(client);
    for (; i < list.length; i++) {
      if (--budget === 0) {
        budget = STRUCTS_PER_STEP;
        yield;
      }
      const s = list[i] as Placed;
      const have = stateOf(client);
      if (s.id.clock > have) {
        return {
          ok: false,
          reason: 'gap',
          detail: `${client}:${s.id.clock} follows a gap (the server has ${have})`,
          waitsFor: { client, clock: s.id.clock - 1 },
        };
      }
      let blockedOn: StructId | null = null;
      for (const dep of dependenciesOf(s)) {
        if (dep.client === client) {
          // Yjs looks these up without waiting for them: one not before the struct is no update.
          if (dep.clock >= s.id.clock) {
            return { ok: false, reason: 'malformed', detail: `${client}:${s.id.clock} depends on its own future` };
          }
        } else if (dep.clock >= stateOf(dep.client)) {
          blockedOn = dep;
          break;
        }
      }
      if (blockedOn) {
        let heap = waiting.get(blockedOn.client);
        if (!heap) {
          heap = new Waiters();
          waiting.set(blockedOn.client, heap);
        }
        heap.push({ clock: blockedOn.clock, client });
        break;
      }
      order.push(s);
      state.set(client, Math.max(have, s.id.clock + s.length));
    }
    next.set(client, i);
    const after = stateOf(client);
    if (after > before) {
      const heap = waiting.get(client);
      if (heap) for (const woken of heap.takeBelow(after)) ready.push(woken);
    }
  }

  for (const [client, list] of byClient) {
    const i = next.get(client) ?? 0;
    if (i < list.length) {
      const s = list[i] as Placed;
      // What it waits for: its first dependency that nothing here provides (or, in a cycle, any).
      const waitsFor = dependenciesOf(s).find((dep) => dep.client !== client && dep.clock >= stateOf(dep.client));
      return {
        ok: false,
        reason: 'gap',
        detail: `${client}:${s.id.clock} depends on changes the server does not have`,
        waitsFor: waitsFor ?? { client, clock: s.id.clock },
      };
    }
  }
  const stateAfter = new Map<number, number>();
  for (const client of byClient.keys()) stateAfter.set(client, stateOf(client));
  return { ok: true, order, byClient, stateAfter };
}
