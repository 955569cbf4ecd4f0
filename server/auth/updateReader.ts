// Reads a Yjs update (v1) the way Yjs's own decoder does, field for field, but into plain
// records: no Y types are made and no long text is decoded, so that judging an update costs a
// few microseconds per struct whatever it carries (Y.decodeUpdate builds a Y.Map for every
// nested map and decodes every string: a 36 KB update of nested maps took 40–180 ms, a 4 MB
// text 35–130 ms). Only an update the gate accepts is then decoded by Yjs, to be applied.
// Anything Yjs's decoder would reject (an unknown content or type, a truncated field) throws.
import * as decoding from 'lib0/decoding';

export interface StructId {
  client: number;
  clock: number;
}

/** What an item holds, as far as the rules need to know. */
export type ContentKind = 'deleted' | 'json' | 'binary' | 'string' | 'embed' | 'format' | 'type' | 'any' | 'doc';

/** Yjs's type references: 0 array, 1 map, 2 text, 3–6 XML types. */
export const TYPE_REF = { array: 0, map: 1, text: 2 } as const;

export interface ItemStruct {
  kind: 'item';
  id: StructId;
  length: number;
  origin: StructId | null;
  rightOrigin: StructId | null;
  /** A root by name, the item whose type it goes into, or null (taken from a neighbour). */
  parent: string | StructId | null;
  parentSub: string | null;
  content: ContentKind;
  /** For a type: its reference (TYPE_REF). */
  typeRef?: number;
  /** For plain values: the values (a map entry the model writes has exactly one). */
  values?: unknown[];
}

/** Clocks of collected content. */
export interface GcStruct {
  kind: 'gc';
  id: StructId;
  length: number;
}

/** A declared gap. */
export interface SkipStruct {
  kind: 'skip';
  id: StructId;
  length: number;
}

export type Struct = ItemStruct | GcStruct | SkipStruct;

export interface Section {
  client: number;
  structs: Struct[];
}

export interface ReadUpdate {
  /** In the order written; a client may appear in more than one (Yjs keeps only the last). */
  sections: Section[];
  /** Deleted ranges by client, as written. */
  ds: Map<number, Array<{ clock: number; len: number }>>;
}

const BIT6 = 32;
const BIT7 = 64;
const BIT8 = 128;
const BITS5 = 31;

const readId = (d: decoding.Decoder): StructId => ({
  client: decoding.readVarUint(d),
  clock: decoding.readVarUint(d),
});

/** Strict, as lib0's: invalid UTF-8 fails the update, as it fails Yjs's decoder. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A string as lib0 writes it; short ASCII (keys, root names) without a TextDecoder call. */
function readString(d: decoding.Decoder): string {
  const bytes = decoding.readVarUint8Array(d);
  if (bytes.length <= 64) {
    let ascii = true;
    for (let i = 0; i < bytes.length; i++) {
      if ((bytes[i] as number) > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  }
  return utf8.decode(bytes);
}

/** The UTF-16 length of a UTF-8 string, without decoding it (a 4-byte sequence is a surrogate pair). */
function utf16Length(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if ((b & 0xc0) !== 0x80) n += b >= 0xf0 ? 2 : 1;
  }
  return n;
}

function readContent(d: decoding.Decoder, ref: number): Pick<ItemStruct, 'content' | 'length' | 'typeRef' | 'values'> {
  switch (ref) {
    case 1:
      return { content: 'deleted', length: decoding.readVarUint(d) };
    case 2: {
      const length = decoding.readVarUint(d);
      for (let i = 0; i < length; i++) decoding.readVarUint8Array(d);
      return { content: 'json', length };
    }
    case 3:
      decoding.readVarUint8Array(d);
      return { content: 'binary', length: 1 };
    case 4: {
      const bytes = decoding.readVarUint8Array(d);
      // Yjs decodes it strictly: invalid UTF-8 fails the whole update before anything applies.
      return { content: 'string', length: utf16Length(bytes) };
    }
    case 5:
      readString(d);
      return { content: 'embed', length: 1 };
    case 6:
      readString(d);
      readString(d);
      return { content: 'format', length: 1 };
    case 7: {
      const typeRef = decoding.readVarUint(d);
      if (typeRef > 6) throw new Error(`unknown type ${typeRef}`);
      // XML elements and hooks carry a name.
      if (typeRef === 3 || typeRef === 5) readString(d);
      return { content: 'type', length: 1, typeRef };
    }
    case 8: {
      const length = decoding.readVarUint(d);
      const values: unknown[] = [];
      for (let i = 0; i < length; i++) values.push(decoding.readAny(d));
      return { content: 'any', length, values };
    }
    case 9:
      readString(d);
      decoding.readAny(d);
      return { content: 'doc', length: 1 };
    default:
      throw new Error(`unknown content ${ref}`);
  }
}

/** Structs read between two chances for the caller to let the event loop turn. */
export const STRUCTS_PER_STEP = 2048;

/**
 * Reads an update, yielding after every STRUCTS_PER_STEP structs (and deletions), so that a
 * caller can let the event loop turn while a large update is read; returns the update read.
 * Throws when Yjs could not read it either.
 */
export function* readUpdateSteps(update: Uint8Array): Generator<void, ReadUpdate> {
  const d = decoding.createDecoder(update);
  const sections: Section[] = [];
  let budget = STRUCTS_PER_STEP;
  const sectionCount = decoding.readVarUint(d);
  for (let s = 0; s < sectionCount; s++) {
    const count = decoding.readVarUint(d);
    const client = decoding.readVarUint(d);
    let clock = decoding.readVarUint(d);
    // Never more structs than bytes left: a forged count cannot make this allocate.
    if (count > update.length) throw new Error('more structs than bytes');
    const structs: Struct[] = [];
    for (let i = 0; i < count; i++) {
      if (--budget === 0) {
        budget = STRUCTS_PER_STEP;
        yield;
      }
      const info = decoding.readUint8(d);
      const ref = info & BITS5;
      let struct: Struct;
      if (ref === 0 || ref === 10) {
        const length = decoding.readVarUint(d);
        struct =
          ref === 0 ? { kind: 'gc', id: { client, clock }, length } : { kind: 'skip', id: { client, clock }, length };
      } else {
        const cantCopyParentInfo = (info & (BIT7 | BIT8)) === 0;
        const origin = info & BIT8 ? readId(d) : null;
        const rightOrigin = info & BIT7 ? readId(d) : null;
        let parent: string | StructId | null = null;
        if (cantCopyParentInfo) parent = decoding.readVarUint(d) === 1 ? readString(d) : readId(d);
        const parentSub = cantCopyParentInfo && info & BIT6 ? readString(d) : null;
        const content = readContent(d, ref);
        struct = {
          kind: 'item',
          id: { client, clock },
          origin,
          rightOrigin,
          parent,
          parentSub,
          content: content.content,
          length: content.length,
          typeRef: content.typeRef,
          values: content.values,
        };
      }
      structs.push(struct);
      clock += struct.length;
    }
    sections.push({ client, structs });
  }
  const ds = new Map<number, Array<{ clock: number; len: number }>>();
  const dsClients = decoding.readVarUint(d);
  for (let c = 0; c < dsClients; c++) {
    const client = decoding.readVarUint(d);
    const count = decoding.readVarUint(d);
    if (count > update.length) throw new Error('more deletions than bytes');
    const ranges = ds.get(client) ?? [];
    for (let i = 0; i < count; i++) {
      if (--budget === 0) {
        budget = STRUCTS_PER_STEP;
        yield;
      }
      ranges.push({ clock: decoding.readVarUint(d), len: decoding.readVarUint(d) });
    }
    ds.set(client, ranges);
  }
  return { sections, ds };
}

/** Runs a stepped computation to its end at once. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs a stepped computation, awaiting `pause` between steps (where the event loop may turn). */
export async function runStepsWithPauses<T>(
  steps: Generator<void, T>,
  pause: () => Promise<void> | undefined,
): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await pause();
  }
}

/** Reads an update at once; throws when Yjs could not read it either. */
export function readUpdate(update: Uint8Array): ReadUpdate {
  return runSteps(readUpdateSteps(update));
}
