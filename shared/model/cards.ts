// Typed operations on cards. Every write runs in one transaction with the caller's origin, so
// an undo manager tracking that origin undoes it as one step.
import * as Y from 'yjs';
import { checkValue, checkValues, defaultValues, type FieldSpecs } from './fields.ts';
import { newId } from './ids.ts';
import {
  checkNewItem,
  checkStatus,
  initItem,
  readAuthor,
  readComments,
  readNumber,
  readStatus,
  readVotes,
} from './itemCommon.ts';
import {
  type Author,
  CARD_FIELDS,
  CARD_SIZES,
  type Card,
  type CardFields,
  type CardKind,
  isCardKind,
} from './kinds.ts';
import { cardsMap, K, linksMap, readRecord, recordToY, writeField, type YItem } from './layout.ts';
import type { CardStatus } from './vocabulary.ts';

export interface NewCard<KK extends CardKind = CardKind> {
  kind: KK;
  x: number;
  y: number;
  w?: number;
  h?: number;
  status?: CardStatus;
  author: Author;
  fields?: Partial<CardFields<KK>>;
  /** Only for imports that must keep ids; a fresh id otherwise. */
  id?: string;
}

export interface CardPatch {
  status?: CardStatus;
  fields?: Record<string, unknown>;
}

function finite(n: number, what: string): number {
  if (!Number.isFinite(n)) throw new Error(`${what} must be a finite number`);
  return n;
}

export function addCard<KK extends CardKind>(
  doc: Y.Doc,
  input: NewCard<KK>,
  origin?: unknown,
  now = Date.now(),
): string {
  if (!isCardKind(input.kind)) throw new Error(`unknown card kind: ${String(input.kind)}`);
  const specs: FieldSpecs = CARD_FIELDS[input.kind];
  const problem = checkValues(specs, input.fields ?? {}, 'fields', false);
  if (problem) throw new Error(problem);
  // Everything is checked before the transaction: Yjs cannot roll back a half-written card.
  checkNewItem(input.status, input.author);
  const size = CARD_SIZES[input.kind];
  const x = finite(input.x, 'x');
  const y = finite(input.y, 'y');
  const w = finite(input.w ?? size.w, 'w');
  const h = finite(input.h ?? size.h, 'h');
  const id = input.id ?? newId();
  const values = { ...defaultValues(specs), ...(input.fields ?? {}) } as Record<string, unknown>;
  doc.transact(() => {
    const item: YItem = new Y.Map();
    cardsMap(doc).set(id, item);
    initItem(item, id, input.kind, input.author, input.status ?? 'proposed', now);
    item.set(K.x, x);
    item.set(K.y, y);
    item.set(K.w, w);
    item.set(K.h, h);
    item.set(K.fields, recordToY(specs, values));
  }, origin);
  return id;
}

export function readCardItem(item: YItem): Card | undefined {
  const kind = item.get(K.kind);
  if (!isCardKind(kind)) return undefined;
  const fields = item.get(K.fields);
  return {
    id: String(item.get(K.id)),
    kind,
    x: readNumber(item, K.x),
    y: readNumber(item, K.y),
    w: readNumber(item, K.w, CARD_SIZES[kind].w),
    h: readNumber(item, K.h, CARD_SIZES[kind].h),
    status: readStatus(item),
    author: readAuthor(item),
    createdAt: readNumber(item, K.createdAt),
    updatedAt: readNumber(item, K.updatedAt),
    comments: readComments(item),
    votes: readVotes(item),
    fields: (fields instanceof Y.Map
      ? readRecord(CARD_FIELDS[kind], fields)
      : defaultValues(CARD_FIELDS[kind])) as never,
  } as Card;
}

export function getCard(doc: Y.Doc, id: string): Card | undefined {
  const item = cardsMap(doc).get(id);
  return item instanceof Y.Map ? readCardItem(item) : undefined;
}

export function listCards(doc: Y.Doc): Card[] {
  const out: Card[] = [];
  for (const item of cardsMap(doc).values()) {
    const card = item instanceof Y.Map ? readCardItem(item) : undefined;
    if (card) out.push(card);
  }
  return out;
}

export function hasCard(doc: Y.Doc, id: string): boolean {
  return cardsMap(doc).has(id);
}

export interface CardMove {
  id: string;
  x: number;
  y: number;
}

/** Moves many cards in one transaction (a multi-selection drag is one undo step). */
export function moveCards(doc: Y.Doc, moves: readonly CardMove[], origin?: unknown, now = Date.now()): void {
  for (const move of moves) {
    finite(move.x, 'x');
    finite(move.y, 'y');
  }
  doc.transact(() => {
    const cards = cardsMap(doc);
    for (const move of moves) {
      const item = cards.get(move.id);
      if (!(item instanceof Y.Map)) continue;
      item.set(K.x, move.x);
      item.set(K.y, move.y);
      item.set(K.updatedAt, now);
    }
  }, origin);
}

export function moveCard(doc: Y.Doc, id: string, x: number, y: number, origin?: unknown): void {
  moveCards(doc, [{ id, x, y }], origin);
}

export function resizeCard(doc: Y.Doc, id: string, w: number, h: number, origin?: unknown, now = Date.now()): void {
  const item = cardsMap(doc).get(id);
  if (!(item instanceof Y.Map)) throw new Error(`no card ${id}`);
  const width = Math.max(40, finite(w, 'w'));
  const height = Math.max(30, finite(h, 'h'));
  doc.transact(() => {
    item.set(K.w, width);
    item.set(K.h, height);
    item.set(K.updatedAt, now);
  }, origin);
}

/** Applies a partial change of status and fields; an invalid value throws and nothing changes. */
export function updateCard(doc: Y.Doc, id: string, patch: CardPatch, origin?: unknown, now = Date.now()): void {
  const item = cardsMap(doc).get(id);
  if (!(item instanceof Y.Map)) throw new Error(`no card ${id}`);
  const kind = item.get(K.kind);
  if (!isCardKind(kind)) throw new Error(`card ${id} has an unknown kind`);
  updateItem(doc, item, CARD_FIELDS[kind], patch, origin, now);
}

export function updateItem(
  doc: Y.Doc,
  item: YItem,
  specs: FieldSpecs,
  patch: CardPatch,
  origin: unknown,
  now: number,
): void {
  if (patch.fields) {
    const problem = checkValues(specs, patch.fields, 'fields', false);
    if (problem) throw new Error(problem);
  }
  if (patch.status !== undefined) checkStatus(patch.status);
  doc.transact(() => {
    if (patch.status !== undefined) item.set(K.status, patch.status);
    if (patch.fields) {
      let fields = item.get(K.fields);
      if (!(fields instanceof Y.Map)) {
        fields = new Y.Map();
        item.set(K.fields, fields);
      }
      for (const [name, value] of Object.entries(patch.fields)) {
        writeField(fields as Y.Map<unknown>, name, specs[name] as never, value);
      }
    }
    item.set(K.updatedAt, now);
  }, origin);
}

/** Deletes cards and every link bound to them, in one transaction. */
export function deleteCards(doc: Y.Doc, ids: readonly string[], origin?: unknown): void {
  const gone = new Set(ids);
  doc.transact(() => {
    const cards = cardsMap(doc);
    for (const id of ids) cards.delete(id);
    const links = linksMap(doc);
    for (const [linkId, link] of links.entries()) {
      if (!(link instanceof Y.Map)) continue;
      if (gone.has(link.get(K.from) as string) || gone.has(link.get(K.to) as string)) links.delete(linkId);
    }
  }, origin);
}

export function deleteCard(doc: Y.Doc, id: string, origin?: unknown): void {
  deleteCards(doc, [id], origin);
}

/**
 * The live Y.Text behind a text field, for an editor to bind to directly (concurrent typing
 * merges character by character). Undefined when the card or field is not text.
 */
export function cardText(doc: Y.Doc, id: string, field: string): Y.Text | undefined {
  const item = cardsMap(doc).get(id);
  if (!(item instanceof Y.Map)) return undefined;
  const kind = item.get(K.kind);
  if (!isCardKind(kind)) return undefined;
  const spec = (CARD_FIELDS[kind] as FieldSpecs)[field];
  if (spec?.type !== 'text') return undefined;
  const fields = item.get(K.fields);
  const text = fields instanceof Y.Map ? fields.get(field) : undefined;
  return text instanceof Y.Text ? text : undefined;
}

/** Checks one value for one field of a card kind: null when valid, else the reason. */
export function checkCardField(kind: CardKind, field: string, value: unknown): string | null {
  const spec = (CARD_FIELDS[kind] as FieldSpecs)[field];
  if (!spec) return `${field}: unknown field`;
  return checkValue(spec, value, field);
}
