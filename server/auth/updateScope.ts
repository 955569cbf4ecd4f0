// What an incoming update will do to a document, found before it is applied, and sound: the
// analysis follows Yjs's own integration rules, so that the effect the permission rules judge is
// exactly the effect applying the update has. An update is refused here when
// - it does not integrate at once and whole (a gap, a cycle, a deletion of clocks the document
//   does not hold: Yjs would keep it pending and apply it later, unchecked; updateDependencies.ts);
// - a struct lands somewhere the model never writes: outside the document's known roots, deeper
//   than the model nests, or with content of a shape the model does not write (a map entry holds
//   one plain value or one type, never a multi-value or JSON entry; an array holds maps; a text
//   holds strings), so that the value a rule reads is the value a reader will see;
// - a struct partially overlaps what the document holds and its remainder would land elsewhere.
// Every struct that changes something, and every live struct a deletion reaches (also across
// garbage-collected ranges, which change nothing), becomes a Touch: the card or link (or other
// root entry) and the key path it changes.
import * as Y from 'yjs';
import type { RootEntry } from '../../shared/model/index.ts';
import { integrationOrderSteps, type Placed } from './updateDependencies.ts';
import {
  type ItemStruct,
  type ReadUpdate,
  readUpdate,
  runSteps,
  STRUCTS_PER_STEP,
  type StructId,
  TYPE_REF,
} from './updateReader.ts';

export interface Touch {
  /** The root map: 'cards' or 'links' for board items; 'meta', or a private board's roots. */
  root: string;
  /** The entry of the root map: a card or link id, a meta key. */
  id: string;
  /** Keys from the entry down to the change, e.g. ['status'] or ['fields', 'title']; '#' for a list or text position. */
  path: string[];
  /** For a new map entry: its value when it is a plain value (e.g. the new status). */
  value?: unknown;
  deleted: boolean;
}

/** An update's structs and deletions, read for the checks (updateReader.ts). */
export type DecodedUpdate = ReadUpdate;

export type UpdateFault = 'gap' | 'malformed' | 'shape' | 'unknown-root' | 'too-deep';

export type UpdateAnalysis =
  | {
      ok: true;
      touches: Touch[];
      /** Clients whose new structs the update carries: they write as the sender. */
      writers: number[];
    }
  | { ok: false; reason: UpdateFault; detail: string; waitsFor?: StructId };

/** Keys below a root entry: the model nests at most 5 (fields → list → item → field → text). */
export const MAX_PATH_KEYS = 8;

type TypeKind = 'map' | 'array' | 'text';

/** Where a type sits: its root name and the keys from the root down to it. */
interface Place {
  root: string;
  keys: string[];
}

/** The type a struct is inserted into: a type of the document, or one made by the update. */
interface Parent {
  ref: object;
  kind: TypeKind;
  place: Place;
}

/** What integrating a struct of the update does. */
type Resolution =
  | { kind: 'none' }
  | { kind: 'gc' }
  | { kind: 'item'; parent: Parent; parentSub: string | null; keys: string[]; root: string };

const NONE: Resolution = { kind: 'none' };

function kindOfType(type: unknown): TypeKind | null {
  // Exact classes: Y.XmlText extends Y.Text, and the model writes no XML types.
  const ctor = (type as { constructor?: unknown } | null)?.constructor;
  if (ctor === Y.Map) return 'map';
  if (ctor === Y.Array) return 'array';
  if (ctor === Y.Text) return 'text';
  return null;
}

function kindOfRef(typeRef: number | undefined): TypeKind | null {
  if (typeRef === TYPE_REF.map) return 'map';
  if (typeRef === TYPE_REF.array) return 'array';
  if (typeRef === TYPE_REF.text) return 'text';
  return null;
}

/** Whether a struct's content is a shape the model writes into a type of this kind, at this position. */
function shapeFault(kind: TypeKind, parentSub: string | null, s: ItemStruct): string | null {
  if (s.content === 'deleted') {
    return kind === 'map' && (parentSub === null || s.length !== 1) ? 'a malformed deleted map entry' : null;
  }
  switch (kind) {
    case 'map':
      if (parentSub === null) return 'a map entry without a key';
      if (s.content === 'any') return s.length === 1 ? null : 'a multi-value map entry';
      if (s.content === 'type') return kindOfRef(s.typeRef) ? null : 'a type the model does not use';
      return `${s.content} content in a map`;
    case 'array':
      if (parentSub !== null) return 'a keyed entry in a list';
      if (s.content === 'type') return kindOfRef(s.typeRef) === 'map' ? null : 'a list entry that is not a map';
      return `${s.content} content in a list`;
    case 'text':
      if (parentSub !== null) return 'a keyed entry in a text';
      return s.content === 'string' ? null : `${s.content} content in a text`;
  }
}

function rootEntryFault(entry: RootEntry | undefined, s: ItemStruct): string | null {
  if (s.content === 'deleted') return null;
  if (entry === 'map')
    return s.content === 'type' && kindOfRef(s.typeRef) === 'map' ? null : 'an entry that is not a map';
  return s.content === 'any' ? null : 'an entry that is not a plain value';
}

export interface AnalyseOptions {
  /** The document's roots (all maps) and what their entries are; a struct anywhere else is refused. */
  roots: ReadonlyMap<string, RootEntry>;
}

/** Reads an update for analysis; null when it is not a readable Yjs update. */
export function decodeUpdate(update: Uint8Array): DecodedUpdate | null {
  try {
    return readUpdate(update);
  } catch {
    return null;
  }
}

/**
 * What an update (read as `decoded`) would do to `doc`: its touches and the clients it
 * writes as, or why it is refused. Pure: the document is read, never changed (apart from Yjs
 * materialising a known root that was not yet in use).
 */
export function analyseUpdate(doc: Y.Doc, decoded: DecodedUpdate, options: AnalyseOptions): UpdateAnalysis {
  return runSteps(analyseUpdateSteps(doc, decoded, options));
}

/**
 * analyseUpdate, yielding every STRUCTS_PER_STEP structs, so that the caller can let the event
 * loop turn while a large update is judged. The document must not change until it returns.
 */
export function* analyseUpdateSteps(
  doc: Y.Doc,
  decoded: DecodedUpdate,
  options: AnalyseOptions,
): Generator<void, UpdateAnalysis> {
  const ordered = yield* integrationOrderSteps(doc, decoded.sections);
  if (!ordered.ok) return ordered;
  let budget = STRUCTS_PER_STEP;

  const store = doc.store;
  const docState = (client: number) => Y.getState(store, client);
  const rootNames = new Map<object, string>();
  for (const [name, type] of doc.share) if (options.roots.has(name)) rootNames.set(type, name);
  const typePlaces = new Map<object, Place | null>();
  const resolved = new Map<Placed, Resolution>();

  /** Where a type of the document sits; null when it is not under a known root. */
  const placeOfDocType = (type: Y.AbstractType<unknown>): Place | null => {
    const cached = typePlaces.get(type);
    if (cached !== undefined) return cached;
    const keys: string[] = [];
    let current: Y.AbstractType<unknown> = type;
    while (current._item) {
      keys.push(current._item.parentSub ?? '#');
      current = current._item.parent as Y.AbstractType<unknown>;
      if (keys.length > MAX_PATH_KEYS + 1) break;
    }
    const root = current._item ? undefined : rootNames.get(current);
    const place = root === undefined ? null : { root, keys: keys.reverse() };
    typePlaces.set(type, place);
    return place;
  };
  const docParent = (type: Y.AbstractType<unknown>): Parent | null => {
    const kind = kindOfType(type);
    const place = placeOfDocType(type);
    return kind && place ? { ref: type, kind, place } : null;
  };
  const findFresh = (id: StructId): Placed | null => {
    const list = ordered.byClient.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid] as Placed;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  };
  /** The struct at `id` once the structs before it in the order are integrated. */
  type Found = { doc: Y.Item | Y.GC } | { fresh: Resolution; struct: Placed };
  const lookup = (id: StructId): Found | null => {
    if (id.clock < docState(id.client))
      return { doc: Y.getItem(store, Y.createID(id.client, id.clock)) as Y.Item | Y.GC };
    const struct = findFresh(id);
    if (!struct) return null;
    const res = resolved.get(struct);
    return res ? { fresh: res, struct } : null;
  };
  /** True when what sits at `found` is a GC struct once integrated (its neighbours become GC too). */
  const isGc = (found: Found): boolean =>
    'doc' in found ? found.doc instanceof Y.GC : found.fresh.kind === 'gc' || found.fresh.kind === 'none';

  type Fault = { fault: UpdateFault; detail: string };
  const fault = (reason: UpdateFault, detail: string): Fault => ({ fault: reason, detail });

  /** Follows Item.getMissing and Item.integrate: where a struct of the update lands. */
  const resolve = (s: ItemStruct): Resolution | Fault => {
    let parent: Parent | null;
    let parentSub: string | null;
    const given = s.parent;
    if (s.origin || s.rightOrigin) {
      const left = s.origin ? lookup(s.origin) : null;
      const right = s.rightOrigin ? lookup(s.rightOrigin) : null;
      if ((s.origin && !left) || (s.rightOrigin && !right)) return fault('gap', 'a neighbour is missing');
      if ((left && isGc(left)) || (right && isGc(right))) return NONE;
      const from = (left ?? right) as Found;
      if ('doc' in from) {
        const item = from.doc as Y.Item;
        parent = docParent(item.parent as Y.AbstractType<unknown>);
        parentSub = item.parentSub;
        if (!parent) return fault('unknown-root', `${s.id.client}:${s.id.clock} lands outside the board`);
      } else {
        const res = from.fresh as Extract<Resolution, { kind: 'item' }>;
        parent = res.parent;
        parentSub = res.parentSub;
      }
    } else if (typeof given === 'string') {
      if (!options.roots.has(given)) return fault('unknown-root', `unknown root "${given.slice(0, 40)}"`);
      const root = doc.getMap(given);
      rootNames.set(root, given);
      parent = { ref: root, kind: 'map', place: { root: given, keys: [] } };
      parentSub = s.parentSub;
    } else if (given !== null) {
      const found = lookup(given);
      if (!found) return fault('gap', 'its parent is missing');
      if (isGc(found)) return NONE;
      if ('doc' in found) {
        const content = (found.doc as Y.Item).content;
        // Yjs takes `content.type`: undefined for any other content, and the struct is dropped.
        if (!(content instanceof Y.ContentType)) return NONE;
        parent = docParent(content.type as Y.AbstractType<unknown>);
        if (!parent) return fault('unknown-root', `${s.id.client}:${s.id.clock} lands outside the board`);
      } else {
        const res = found.fresh as Extract<Resolution, { kind: 'item' }>;
        const struct = found.struct as ItemStruct;
        if (struct.content !== 'type') return NONE;
        // Fresh types of other kinds were refused with the struct that made them.
        const kind = kindOfRef(struct.typeRef) as TypeKind;
        parent = { ref: struct, kind, place: { root: res.root, keys: res.keys } };
      }
      parentSub = s.parentSub;
    } else {
      return fault('malformed', `${s.id.client}:${s.id.clock} has no parent`);
    }
    const held = docState(s.id.client);
    if (s.id.clock < held) {
      // Only the part the document lacks is integrated, right after the part it holds, which
      // must therefore sit where the struct says it does.
      const left = Y.getItem(store, Y.createID(s.id.client, held - 1));
      if (!(left instanceof Y.Item) || left.parent !== parent.ref || left.parentSub !== parentSub) {
        return fault('malformed', `${s.id.client}:${s.id.clock} overlaps the document elsewhere`);
      }
    }
    const shape =
      shapeFault(parent.kind, parentSub, s) ??
      (parent.place.keys.length === 0 ? rootEntryFault(options.roots.get(parent.place.root), s) : null);
    if (shape) return fault('shape', `${s.id.client}:${s.id.clock}: ${shape}`);
    const keys = [...parent.place.keys, parentSub ?? '#'];
    if (keys.length > MAX_PATH_KEYS + 1) return fault('too-deep', `${s.id.client}:${s.id.clock} nests too deep`);
    return { kind: 'item', parent, parentSub, keys, root: parent.place.root };
  };

  const touches: Touch[] = [];
  const writers = new Set<number>();
  const touchOf = (root: string, keys: readonly string[], deleted: boolean, value?: unknown): Touch => ({
    root,
    id: keys[0] as string,
    path: keys.slice(1),
    value,
    deleted,
  });

  for (const s of ordered.order) {
    if (--budget === 0) {
      budget = STRUCTS_PER_STEP;
      yield;
    }
    const held = docState(s.id.client);
    if (s.id.clock + s.length <= held) continue; // the document holds it already: no effect
    writers.add(s.id.client);
    if (s.kind !== 'item') {
      resolved.set(s, { kind: 'gc' });
      continue;
    }
    const res = resolve(s);
    if ('fault' in res) return { ok: false, reason: res.fault, detail: res.detail };
    resolved.set(s, res);
    if (res.kind !== 'item') continue;
    if (s.content === 'deleted') touches.push(touchOf(res.root, res.keys, true));
    else touches.push(touchOf(res.root, res.keys, false, s.content === 'any' ? s.values?.[0] : undefined));
  }

  // Deletions: every clock must be held by the document or brought by this update.
  for (const [client, ranges] of decoded.ds) {
    const held = docState(client);
    const after = ordered.stateAfter.get(client) ?? held;
    // Yjs stores an empty range past its state as pending, and fails on writing it back.
    if (ranges.some((r) => r.len <= 0)) return { ok: false, reason: 'malformed', detail: 'an empty deletion' };
    const sorted = [...ranges].sort((a, b) => a.clock - b.clock);
    let reached = 0;
    for (const range of sorted) {
      const end = range.clock + range.len;
      if (end > after) {
        return {
          ok: false,
          reason: 'gap',
          detail: `a deletion of ${client}:${range.clock}-${end - 1} the server does not have`,
          waitsFor: { client, clock: end - 1 },
        };
      }
      // Ranges are merged as they are walked: overlapping ranges are walked once.
      const start = Math.max(range.clock, reached);
      if (start >= end) continue;
      reached = end;
      const docEnd = Math.min(end, held);
      if (start < docEnd) {
        const structs = store.clients.get(client) as Array<Y.Item | Y.GC>;
        for (let i = Y.findIndexSS(structs, start); i < structs.length; i++) {
          if (--budget === 0) {
            budget = STRUCTS_PER_STEP;
            yield;
          }
          const struct = structs[i] as Y.Item | Y.GC;
          if (struct.id.clock >= docEnd) break;
          // Garbage-collected and deleted structs change nothing; the walk goes on past them.
          if (!(struct instanceof Y.Item) || struct.deleted) continue;
          const parent = docParent(struct.parent as Y.AbstractType<unknown>);
          if (!parent) {
            return {
              ok: false,
              reason: 'unknown-root',
              detail: `a deletion of ${client}:${struct.id.clock} outside the board`,
            };
          }
          touches.push(touchOf(parent.place.root, [...parent.place.keys, struct.parentSub ?? '#'], true));
        }
      }
      for (let clock = Math.max(start, held); clock < end; ) {
        if (--budget === 0) {
          budget = STRUCTS_PER_STEP;
          yield;
        }
        const struct = findFresh({ client, clock }) as Placed;
        const res = resolved.get(struct);
        if (res?.kind === 'item') touches.push(touchOf(res.root, res.keys, true));
        clock = struct.id.clock + struct.length;
      }
    }
  }
  return { ok: true, touches, writers: [...writers] };
}
