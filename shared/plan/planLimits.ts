// What an import takes at most, checked on the file's bytes before anything parses them. A plan
// is only ever refused here for being far larger than a workshop makes: each limit is several
// times what the largest realistic plan holds (bench/actionPlan.bench.ts: 1,000 interventions
// with every field filled, 4,189 items, 5.1 MB as exported, 6 levels deep, no string over 600
// bytes, no object with more than about 30 properties). The check is one pass over the bytes
// (no parse, no allocation per value), because JSON.parse is not cheap on hostile shapes: 8 MB of
// `{},` takes 1.6 s and 8 MB of `[` 2.6 s; and schema validation of 20,000 empty interventions
// took 45 s, every one of them reported.

/** The most an import takes; export is never limited (a board may be larger than it imports). */
export const PLAN_LIMITS = {
  /** Bytes of the file: 1.6 times the largest realistic plan (5.1 MB with its indentation). */
  bytes: 8 * 1024 * 1024,
  /** Nesting of objects and arrays (a plan is 6 deep). */
  depth: 16,
  /** Bytes of one string as written, escapes included (the board's editor takes 2,000 characters). */
  stringBytes: 100_000,
  /**
   * Objects and lists in the whole file: what parsing costs most (8 MB of `{}` is 2.8 million of
   * them and 1.6 s to parse); a realistic 8 MB plan has under 150,000.
   */
  containers: 500_000,
  /** Properties of one object (the widest in a plan has about 30). */
  objectKeys: 200,
  /** Entries of a list not named below: an item's funding, indicators, milestones, targets, … */
  listEntries: 1_000,
  /** Cards and links of each kind. */
  objectives: 1_000,
  targets: 2_000,
  interventions: 5_000,
  actors: 2_000,
  interactions: 10_000,
  /**
   * Every card and link together (contributions and implementations inside items included), as
   * many as a paste takes; also the length of the lists derived from them (validation, analysis).
   */
  items: 20_000,
} as const;

export type PlanLimitName = keyof typeof PLAN_LIMITS;

/** The first limit a file goes over: which, where (a JSON Pointer), and a sentence naming it. */
export interface PlanLimitProblem {
  limit: PlanLimitName;
  path: string;
  message: string;
}

const count = (n: number) => n.toLocaleString('en');

/** Lists of items (cards, or links held by an item), by pattern: `*` is any index. */
const ITEM_LISTS: ReadonlyMap<string, PlanLimitName> = new Map<string, PlanLimitName>([
  ['/objectives', 'objectives'],
  ['/targets', 'targets'],
  ['/interventions', 'interventions'],
  ['/actors', 'actors'],
  ['/interactions', 'interactions'],
  ['/objectives/*/targets', 'listEntries'],
  ['/interventions/*/targets', 'listEntries'],
  ['/interventions/*/implementedBy', 'listEntries'],
]);

/** Lists derived from the items, at most one entry per item each. */
const DERIVED_LISTS = ['/validation/', '/analysis/'];

interface ListRule {
  limit: PlanLimitName;
  /** Its entries are cards or links, counted towards `items`. */
  items: boolean;
}

function listRule(pattern: string): ListRule {
  const named = ITEM_LISTS.get(pattern);
  if (named) return { limit: named, items: true };
  if (DERIVED_LISTS.some((prefix) => pattern.startsWith(prefix))) return { limit: 'items', items: false };
  return { limit: 'listEntries', items: false };
}

/** Where a key's bytes are: a view, not a copy (most keys lie whole in one chunk). */
interface KeyBytes {
  source: Uint8Array;
  start: number;
  end: number;
}

interface Frame {
  array: boolean;
  /** Its path with `*` for indices, for finding its rule. */
  pattern: string;
  /** Its key or index in its parent, for naming it in a problem. */
  segment: string;
  rule: ListRule | null;
  /** Entries of an array, properties of an object, so far. */
  entries: number;
  /** Between `[` or `,` and the next value (array); before a key (object). */
  expecting: boolean;
  /** An object's last key, as written: decoded only when a value under it needs its name. */
  key: KeyBytes;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
/** Keys longer than this name no rule; only their first bytes are kept, to name them. */
const KEY_BYTES_KEPT = 256;
const NO_BYTES = new Uint8Array(0);
const utf8 = new TextDecoder();

const pointerSegment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function decodeKey(key: KeyBytes): string {
  const raw = utf8.decode(key.source.subarray(key.start, key.end));
  if (!raw.includes('\\')) return raw;
  // An escaped key ("\u0069nterventions") is the same key to JSON.parse, so it is to the limits.
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/**
 * Checks a plan file's bytes against PLAN_LIMITS as they arrive (a request body chunk by chunk),
 * stopping at the first limit passed. It follows only the structure (strings, brackets, commas):
 * malformed JSON passes through to the parser, which says what is wrong with it. It keeps views
 * of the last keys it read, so the bytes fed to it must not change afterwards.
 */
export class PlanLimitScanner {
  private readonly stack: Frame[] = [];
  private bytes = 0;
  private items = 0;
  private containers = 0;
  private inString = false;
  /** The string's next byte is escaped (a backslash ended the previous chunk). */
  private escaped = false;
  private stringBytes = 0;
  /** The key being read, or null when the string being read is a value. */
  private key: KeyBytes | null = null;
  private problem: PlanLimitProblem | null = null;

  /** Scans the next bytes; the first problem found (then and for every later call), or null. */
  feed(chunk: Uint8Array): PlanLimitProblem | null {
    if (this.problem) return this.problem;
    this.bytes += chunk.length;
    if (this.bytes > PLAN_LIMITS.bytes) {
      return this.refuse('bytes', '', `is larger than ${count(PLAN_LIMITS.bytes)} bytes`);
    }
    let i = 0;
    while (i < chunk.length) {
      if (this.inString) {
        i = this.readString(chunk, i);
        if (this.problem) return this.problem;
        continue;
      }
      const b = chunk[i++] as number;
      if (isSpace(b)) continue;
      const top = this.stack[this.stack.length - 1];
      if (top?.array && top.expecting && b !== CLOSE_ARRAY && this.startEntry(top)) return this.problem;
      if (b === QUOTE) {
        this.inString = true;
        this.stringBytes = 0;
        this.key = null;
        if (top && !top.array && top.expecting) {
          this.key = top.key;
          this.key.source = NO_BYTES;
          this.key.start = this.key.end = 0;
          if (this.startEntry(top)) return this.problem;
        }
      } else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
        if (this.open(b === OPEN_ARRAY, top)) return this.problem;
      } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
        this.stack.pop();
      } else if (b === COMMA && top) {
        top.expecting = true;
      }
    }
    return null;
  }

  /** The first problem found in the whole file, or null. */
  end(): PlanLimitProblem | null {
    return this.problem;
  }

  /** Reads a string's bytes from `start`: the index after its closing quote, or the chunk's end. */
  private readString(chunk: Uint8Array, start: number): number {
    let escaped = this.escaped;
    let close = -1;
    for (let j = start; j < chunk.length; j++) {
      const c = chunk[j];
      if (escaped) escaped = false;
      else if (c === BACKSLASH) escaped = true;
      else if (c === QUOTE) {
        close = j;
        break;
      }
    }
    this.escaped = escaped;
    const end = close === -1 ? chunk.length : close;
    this.stringBytes += end - start;
    if (this.key) keepKeyBytes(this.key, chunk, start, end);
    if (this.stringBytes > PLAN_LIMITS.stringBytes) {
      this.refuseString();
      return chunk.length;
    }
    if (close === -1) return chunk.length;
    this.inString = false;
    this.key = null;
    return close + 1;
  }

  /** An array's next value, or an object's next key, begins: true when that passes a limit. */
  private startEntry(frame: Frame): boolean {
    frame.expecting = false;
    frame.entries++;
    if (!frame.array) {
      if (frame.entries <= PLAN_LIMITS.objectKeys) return false;
      this.refuse('objectKeys', this.pointer(), `has more than ${count(PLAN_LIMITS.objectKeys)} properties`);
      return true;
    }
    const rule = frame.rule as ListRule;
    if (frame.entries > PLAN_LIMITS[rule.limit]) {
      this.refuse(rule.limit, this.pointer(), `has more than ${count(PLAN_LIMITS[rule.limit])} entries`);
      return true;
    }
    if (rule.items && ++this.items > PLAN_LIMITS.items) {
      this.refuse('items', this.pointer(), `takes the plan over ${count(PLAN_LIMITS.items)} cards and links`);
      return true;
    }
    return false;
  }

  private open(array: boolean, parent: Frame | undefined): boolean {
    if (++this.containers > PLAN_LIMITS.containers) {
      this.refuse(
        'containers',
        this.pointer(),
        `takes the file over ${count(PLAN_LIMITS.containers)} objects and lists`,
      );
      return true;
    }
    const segment = !parent ? '' : parent.array ? String(parent.entries - 1) : decodeKey(parent.key);
    const pattern = !parent ? '' : `${parent.pattern}/${parent.array ? '*' : segment}`;
    const rule = array ? listRule(pattern) : null;
    const key = { source: NO_BYTES, start: 0, end: 0 };
    this.stack.push({ array, pattern, segment, rule, entries: 0, expecting: true, key });
    if (this.stack.length <= PLAN_LIMITS.depth) return false;
    this.refuse('depth', this.pointer(), `is nested more than ${PLAN_LIMITS.depth} levels deep`);
    return true;
  }

  private refuseString(): PlanLimitProblem {
    const top = this.stack[this.stack.length - 1];
    const longer = `longer than ${count(PLAN_LIMITS.stringBytes)} bytes`;
    if (!top) return this.refuse('stringBytes', '', `is a string ${longer}`);
    if (this.key) return this.refuse('stringBytes', this.pointer(), `has a property name ${longer}`);
    const at = top.array ? String(top.entries - 1) : pointerSegment(decodeKey(top.key));
    return this.refuse('stringBytes', `${this.pointer()}/${at}`, `is a string ${longer}`);
  }

  /** Where the scan is, as a JSON Pointer. */
  private pointer(): string {
    return this.stack
      .slice(1)
      .map((frame) => `/${pointerSegment(frame.segment)}`)
      .join('');
  }

  private refuse(limit: PlanLimitName, path: string, what: string): PlanLimitProblem {
    this.problem = { limit, path, message: `${what}; an import takes ${describeLimit(limit)}` };
    return this.problem;
  }
}

function keepKeyBytes(key: KeyBytes, chunk: Uint8Array, start: number, end: number): void {
  if (key.source === NO_BYTES) {
    key.source = chunk;
    key.start = start;
    key.end = end;
    return;
  }
  // A key split across chunks is joined; its first KEY_BYTES_KEPT bytes are enough to name it.
  const had = key.end - key.start;
  const kept = Math.max(0, Math.min(end - start, KEY_BYTES_KEPT - had));
  const joined = new Uint8Array(had + kept);
  joined.set(key.source.subarray(key.start, key.end));
  joined.set(chunk.subarray(start, start + kept), had);
  key.source = joined;
  key.start = 0;
  key.end = joined.length;
}

/** The first limit a whole file goes over, or null. */
export function checkPlanLimits(bytes: Uint8Array): PlanLimitProblem | null {
  const scanner = new PlanLimitScanner();
  return scanner.feed(bytes) ?? scanner.end();
}

/** The limit a problem names, as a reader says it: "at most 5,000 interventions". */
export function describeLimit(limit: PlanLimitName): string {
  const n = count(PLAN_LIMITS[limit]);
  switch (limit) {
    case 'bytes':
      return `at most ${n} bytes`;
    case 'depth':
      return `at most ${n} levels of nesting`;
    case 'containers':
      return `at most ${n} objects and lists`;
    case 'stringBytes':
      return `strings of at most ${n} bytes`;
    case 'objectKeys':
      return `at most ${n} properties in an object`;
    case 'listEntries':
      return `at most ${n} entries in a list`;
    case 'items':
      return `at most ${n} cards and links`;
    default:
      return `at most ${n} ${limit}`;
  }
}
