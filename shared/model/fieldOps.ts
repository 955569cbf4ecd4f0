// Fine-grained edits of one field of a card or link, for editors bound to single fields: a
// keystroke in a text field (one small Y.Text change), and adding, changing or removing one entry
// of a list field. `updateCard` replaces a list as a whole; these touch only the entry and keys
// they name, so two people editing different entries, or different keys of one entry, both keep
// their edits. Each runs in one transaction with the caller's origin and stamps `updatedAt`.
import * as Y from 'yjs';
import { cardText } from './cards.ts';
import { checkValues, defaultValues, type FieldSpec, type FieldSpecs } from './fields.ts';
import type { ItemRef } from './itemOps.ts';
import { CARD_FIELDS, isCardKind, isLinkKind, LINK_FIELDS } from './kinds.ts';
import { applyTextEdit, cardsMap, K, linksMap, recordToY, type TextEdit, writeField, type YItem } from './layout.ts';
import { linkText } from './links.ts';

type ListSpec = Extract<FieldSpec, { type: 'list' }>;

interface Resolved {
  item: YItem;
  specs: FieldSpecs;
}

function resolve(doc: Y.Doc, ref: ItemRef): Resolved {
  const item = (ref.type === 'card' ? cardsMap(doc) : linksMap(doc)).get(ref.id);
  if (!(item instanceof Y.Map)) throw new Error(`no ${ref.type} ${ref.id}`);
  const kind = item.get(K.kind);
  if (ref.type === 'card' && isCardKind(kind)) return { item, specs: CARD_FIELDS[kind] };
  if (ref.type === 'link' && isLinkKind(kind)) return { item, specs: LINK_FIELDS[kind] };
  throw new Error(`${ref.type} ${ref.id} has an unknown kind`);
}

function fieldsMap(item: YItem): Y.Map<unknown> {
  let fields = item.get(K.fields);
  if (!(fields instanceof Y.Map)) {
    fields = new Y.Map<unknown>();
    item.set(K.fields, fields);
  }
  return fields as Y.Map<unknown>;
}

/** The live Y.Text behind a text field of a card or link (see `cardText`, `linkText`). */
export function itemText(doc: Y.Doc, ref: ItemRef, field: string): Y.Text | undefined {
  return ref.type === 'card' ? cardText(doc, ref.id, field) : linkText(doc, ref.id, field);
}

/**
 * Applies one typed change to a text field: remove `edit.remove` characters at `edit.index`,
 * insert `edit.insert` there (`diffText` computes it from the field's old and new content).
 * An edit beyond the end of the text throws and writes nothing.
 */
export function spliceText(
  doc: Y.Doc,
  ref: ItemRef,
  field: string,
  edit: TextEdit,
  origin?: unknown,
  now = Date.now(),
): void {
  const { item, specs } = resolve(doc, ref);
  if (specs[field]?.type !== 'text') throw new Error(`${field}: not a text field`);
  if (edit.remove === 0 && edit.insert === '') return;
  const current = itemText(doc, ref, field);
  const length = current?.length ?? 0;
  if (!Number.isInteger(edit.index) || !Number.isInteger(edit.remove) || edit.index < 0 || edit.remove < 0) {
    throw new Error(`${field}: an edit needs a whole index and length`);
  }
  if (edit.index + edit.remove > length) throw new Error(`${field}: the edit goes beyond the end of the text`);
  doc.transact(() => {
    let text = current;
    if (!text) {
      text = new Y.Text();
      fieldsMap(item).set(field, text);
    }
    applyTextEdit(text, edit);
    item.set(K.updatedAt, now);
  }, origin);
}

function listSpec(specs: FieldSpecs, field: string): ListSpec {
  const spec = specs[field];
  if (spec?.type !== 'list') throw new Error(`${field}: not a list field`);
  return spec;
}

function listOf(item: YItem, field: string): Y.Array<unknown> | undefined {
  const fields = item.get(K.fields);
  const list = fields instanceof Y.Map ? fields.get(field) : undefined;
  return list instanceof Y.Array ? list : undefined;
}

/** How many entries a list field holds now (0 when the item or list is missing). */
export function listLength(doc: Y.Doc, ref: ItemRef, field: string): number {
  try {
    return listOf(resolve(doc, ref).item, field)?.length ?? 0;
  } catch {
    return 0;
  }
}

/**
 * Inserts one entry into a list field at `index` (clamped to the list, so an index made stale by
 * someone else's removal still lands at the end). Keys not given take their defaults; an invalid
 * value throws and writes nothing. Returns the index the entry was inserted at.
 */
export function insertListItem(
  doc: Y.Doc,
  ref: ItemRef,
  field: string,
  index: number,
  values: Record<string, unknown> = {},
  origin?: unknown,
  now = Date.now(),
): number {
  const { item, specs } = resolve(doc, ref);
  const spec = listSpec(specs, field);
  const entry = { ...defaultValues(spec.item), ...values };
  const problem = checkValues(spec.item, entry, `fields.${field}[${index}]`, true);
  if (problem) throw new Error(problem);
  const length = listOf(item, field)?.length ?? 0;
  const at = Math.max(0, Math.min(length, Number.isFinite(index) ? Math.floor(index) : length));
  doc.transact(() => {
    let list = listOf(item, field);
    if (!list) {
      list = new Y.Array<unknown>();
      fieldsMap(item).set(field, list);
    }
    list.insert(at, [recordToY(spec.item, entry)]);
    item.set(K.updatedAt, now);
  }, origin);
  return at;
}

/**
 * Changes some keys of one list entry, leaving its other keys alone (a concurrent edit of another
 * key of the same entry survives). A missing entry or an invalid value throws and writes nothing.
 */
export function updateListItem(
  doc: Y.Doc,
  ref: ItemRef,
  field: string,
  index: number,
  patch: Record<string, unknown>,
  origin?: unknown,
  now = Date.now(),
): void {
  const { item, specs } = resolve(doc, ref);
  const spec = listSpec(specs, field);
  const problem = checkValues(spec.item, patch, `fields.${field}[${index}]`, false);
  if (problem) throw new Error(problem);
  const entry = listOf(item, field)?.get(index);
  if (!(entry instanceof Y.Map)) throw new Error(`${field}: no entry ${index}`);
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      writeField(entry as Y.Map<unknown>, key, spec.item[key] as FieldSpec, value);
    }
    item.set(K.updatedAt, now);
  }, origin);
}

/** Removes one entry of a list field; a missing entry throws and writes nothing. */
export function removeListItem(
  doc: Y.Doc,
  ref: ItemRef,
  field: string,
  index: number,
  origin?: unknown,
  now = Date.now(),
): void {
  const { item, specs } = resolve(doc, ref);
  listSpec(specs, field);
  const list = listOf(item, field);
  if (!list || !Number.isInteger(index) || index < 0 || index >= list.length) {
    throw new Error(`${field}: no entry ${index}`);
  }
  doc.transact(() => {
    list.delete(index, 1);
    item.set(K.updatedAt, now);
  }, origin);
}
