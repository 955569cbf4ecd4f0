// The Yjs layout of a board. This file and the operations beside it are the only code that
// knows these keys (docs/document-model.md describes them for other tools).
//
//   doc.getMap('meta')   workshop metadata and `schemaVersion`
//   doc.getMap('cards')  card id → Y.Map (one per card)
//   doc.getMap('links')  link id → Y.Map (one per link)
//   doc.getMap('attendance')  person id → plain record (written by the server only)
//   doc.getMap('validation')  intervention id → plain record: the walk-through's record of it
//
// An item's Y.Map holds plain values (id, kind, status, author, createdAt, updatedAt, and x, y, w, h
// for cards or from, to for links), `fields` (a Y.Map: text fields as Y.Text, lists as Y.Array of
// Y.Map, other values plain), `comments` (Y.Array of Y.Map) and `votes` (Y.Map voter id → count).
import * as Y from 'yjs';
import type { FieldSpec, FieldSpecs } from './fields.ts';

export const META_KEY = 'meta';
export const CARDS_KEY = 'cards';
export const LINKS_KEY = 'links';
export const ATTENDANCE_KEY = 'attendance';
export const VALIDATION_KEY = 'validation';

export const K = {
  id: 'id',
  kind: 'kind',
  status: 'status',
  author: 'author',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  x: 'x',
  y: 'y',
  w: 'w',
  h: 'h',
  from: 'from',
  to: 'to',
  fields: 'fields',
  comments: 'comments',
  votes: 'votes',
} as const;

export type YItem = Y.Map<unknown>;

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(META_KEY);
}
export function cardsMap(doc: Y.Doc): Y.Map<YItem> {
  return doc.getMap(CARDS_KEY);
}
export function attendanceMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ATTENDANCE_KEY);
}
/** The walk-through's records, one entry per intervention, so that records of different items merge. */
export function validationMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(VALIDATION_KEY);
}
export function linksMap(doc: Y.Doc): Y.Map<YItem> {
  return doc.getMap(LINKS_KEY);
}

/** Writes one field value into its Y form (a fresh Y.Text or Y.Array where the spec says so). */
export function toY(spec: FieldSpec, value: unknown): unknown {
  switch (spec.type) {
    case 'text':
      return new Y.Text(value as string);
    case 'list': {
      const array = new Y.Array<Y.Map<unknown>>();
      array.insert(
        0,
        (value as Record<string, unknown>[]).map((item) => recordToY(spec.item, item)),
      );
      return array;
    }
    default:
      return value;
  }
}

export function recordToY(specs: FieldSpecs, values: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [name, spec] of Object.entries(specs)) {
    if (name in values) map.set(name, toY(spec, values[name]));
  }
  return map;
}

/** Reads one field back to plain data; a value of the wrong shape reads as the given default. */
export function fromY(spec: FieldSpec, raw: unknown, fallback: unknown): unknown {
  switch (spec.type) {
    case 'text':
      return raw instanceof Y.Text ? raw.toString() : typeof raw === 'string' ? raw : fallback;
    case 'list':
      return raw instanceof Y.Array
        ? raw.toArray().map((item) => (item instanceof Y.Map ? readRecord(spec.item, item) : {}))
        : fallback;
    case 'number':
      return typeof raw === 'number' ? raw : fallback;
    case 'boolean':
      return typeof raw === 'boolean' ? raw : fallback;
    case 'enum':
      return spec.values.includes(raw as string | number) ? raw : fallback;
    default:
      return typeof raw === 'string' ? raw : fallback;
  }
}

export function readRecord(specs: FieldSpecs, map: Y.Map<unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    out[name] = fromY(spec, map.get(name), defaultFor(spec));
  }
  return out;
}

function defaultFor(spec: FieldSpec): unknown {
  switch (spec.type) {
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'enum':
      return spec.default ?? spec.values[0];
    case 'list':
      return [];
    default:
      return '';
  }
}

/** One contiguous change of a string: remove `remove` characters at `index`, then insert `insert` there. */
export interface TextEdit {
  index: number;
  remove: number;
  insert: string;
}

/**
 * The smallest single edit that turns `prev` into `next`: their common prefix and suffix are
 * kept. When `caret` (where the cursor sits in `next` after typing) is given, the kept suffix
 * stops at it, so typing "a" into "a|a" inserts at 1, where the person typed, rather than at 2.
 */
export function diffText(prev: string, next: string, caret?: number): TextEdit {
  const max = Math.min(prev.length, next.length);
  let start = 0;
  let end = 0;
  if (caret === undefined) {
    while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
    while (end < max - start && prev.charCodeAt(prev.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) {
      end++;
    }
  } else {
    const maxEnd = Math.min(max, Math.max(0, next.length - caret));
    while (end < maxEnd && prev.charCodeAt(prev.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
    while (start < max - end && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  }
  // Never cut a surrogate pair (an emoji, say): Yjs replaces half a pair with U+FFFD.
  if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(prev.charCodeAt(prev.length - end))) end--;
  return { index: start, remove: prev.length - start - end, insert: next.slice(start, next.length - end) };
}

/** Applies one edit to a Y.Text (the caller's transaction, if any, holds it). */
export function applyTextEdit(text: Y.Text, edit: TextEdit): void {
  if (edit.remove > 0) text.delete(edit.index, edit.remove);
  if (edit.insert.length > 0) text.insert(edit.index, edit.insert);
}

/**
 * Replaces a Y.Text's content with `next` by editing only the changed middle, so that a
 * concurrent edit elsewhere in the text survives the merge. `caret` is as for `diffText`.
 */
export function replaceText(text: Y.Text, next: string, caret?: number): void {
  const prev = text.toString();
  if (prev === next) return;
  applyTextEdit(text, diffText(prev, next, caret));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Writes a field in place: text is diffed, lists are replaced, plain values set. */
export function writeField(fields: Y.Map<unknown>, name: string, spec: FieldSpec, value: unknown): void {
  const current = fields.get(name);
  if (spec.type === 'text' && current instanceof Y.Text) {
    replaceText(current, value as string);
    return;
  }
  if (spec.type !== 'text' && spec.type !== 'list' && current === value) return;
  fields.set(name, toY(spec, value));
}
