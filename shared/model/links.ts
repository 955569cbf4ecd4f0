// Typed operations on links. A link is bound to its two cards by id, so it follows their moves
// and disappears with them.
import * as Y from 'yjs';
import { type CardPatch, updateItem } from './cards.ts';
import { checkValue, checkValues, defaultValues, type FieldSpecs } from './fields.ts';
import { newId } from './ids.ts';
import {
  checkNewItem,
  initItem,
  readAuthor,
  readComments,
  readNumber,
  readStatus,
  readString,
  readVotes,
} from './itemCommon.ts';
import {
  type Author,
  isCardKind,
  isLinkKind,
  LINK_ENDS,
  LINK_FIELDS,
  type Link,
  type LinkFields,
  type LinkKind,
} from './kinds.ts';
import { cardsMap, K, linksMap, readRecord, recordToY, type YItem } from './layout.ts';
import type { CardStatus } from './vocabulary.ts';

export interface NewLink<KK extends LinkKind = LinkKind> {
  kind: KK;
  from: string;
  to: string;
  status?: CardStatus;
  author: Author;
  fields?: Partial<LinkFields<KK>>;
  id?: string;
}

/** Why a link of `kind` cannot join these two cards, or null when it can. */
export function checkLinkEnds(doc: Y.Doc, kind: LinkKind, from: string, to: string): string | null {
  if (from === to) return 'a link cannot join a card to itself';
  const cards = cardsMap(doc);
  const fromKind = cards.get(from)?.get(K.kind);
  const toKind = cards.get(to)?.get(K.kind);
  if (!isCardKind(fromKind)) return `no card ${from}`;
  if (!isCardKind(toKind)) return `no card ${to}`;
  const ends = LINK_ENDS[kind];
  if (!(ends.from as readonly string[]).includes(fromKind) || !(ends.to as readonly string[]).includes(toKind)) {
    return `a ${kind} link goes from ${ends.from.join(' or ')} to ${ends.to.join(' or ')}, not from ${fromKind} to ${toKind}`;
  }
  return null;
}

/** The link kinds that may join a card of one kind to another, in order of preference. */
export function linkKindsBetween(doc: Y.Doc, from: string, to: string): LinkKind[] {
  return (Object.keys(LINK_ENDS) as LinkKind[]).filter((kind) => checkLinkEnds(doc, kind, from, to) === null);
}

export function addLink<KK extends LinkKind>(
  doc: Y.Doc,
  input: NewLink<KK>,
  origin?: unknown,
  now = Date.now(),
): string {
  if (!isLinkKind(input.kind)) throw new Error(`unknown link kind: ${String(input.kind)}`);
  const ends = checkLinkEnds(doc, input.kind, input.from, input.to);
  if (ends) throw new Error(ends);
  const specs: FieldSpecs = LINK_FIELDS[input.kind];
  const problem = checkValues(specs, input.fields ?? {}, 'fields', false);
  if (problem) throw new Error(problem);
  checkNewItem(input.status, input.author);
  const id = input.id ?? newId();
  const values = { ...defaultValues(specs), ...(input.fields ?? {}) } as Record<string, unknown>;
  doc.transact(() => {
    const item: YItem = new Y.Map();
    linksMap(doc).set(id, item);
    initItem(item, id, input.kind, input.author, input.status ?? 'proposed', now);
    item.set(K.from, input.from);
    item.set(K.to, input.to);
    item.set(K.fields, recordToY(specs, values));
  }, origin);
  return id;
}

export function readLinkItem(item: YItem): Link | undefined {
  const kind = item.get(K.kind);
  if (!isLinkKind(kind)) return undefined;
  const fields = item.get(K.fields);
  return {
    id: String(item.get(K.id)),
    kind,
    from: readString(item, K.from),
    to: readString(item, K.to),
    status: readStatus(item),
    author: readAuthor(item),
    createdAt: readNumber(item, K.createdAt),
    updatedAt: readNumber(item, K.updatedAt),
    comments: readComments(item),
    votes: readVotes(item),
    fields: (fields instanceof Y.Map
      ? readRecord(LINK_FIELDS[kind], fields)
      : defaultValues(LINK_FIELDS[kind])) as never,
  } as Link;
}

export function getLink(doc: Y.Doc, id: string): Link | undefined {
  const item = linksMap(doc).get(id);
  return item instanceof Y.Map ? readLinkItem(item) : undefined;
}

/** Every link whose two cards exist (a link left dangling by a concurrent delete is hidden). */
export function listLinks(doc: Y.Doc): Link[] {
  const cards = cardsMap(doc);
  const out: Link[] = [];
  for (const item of linksMap(doc).values()) {
    const link = item instanceof Y.Map ? readLinkItem(item) : undefined;
    if (link && cards.has(link.from) && cards.has(link.to)) out.push(link);
  }
  return out;
}

export function updateLink(doc: Y.Doc, id: string, patch: CardPatch, origin?: unknown, now = Date.now()): void {
  const item = linksMap(doc).get(id);
  if (!(item instanceof Y.Map)) throw new Error(`no link ${id}`);
  const kind = item.get(K.kind);
  if (!isLinkKind(kind)) throw new Error(`link ${id} has an unknown kind`);
  updateItem(doc, item, LINK_FIELDS[kind], patch, origin, now);
}

/** Re-binds one end of a link to another card. */
export function retargetLink(
  doc: Y.Doc,
  id: string,
  end: 'from' | 'to',
  cardId: string,
  origin?: unknown,
  now = Date.now(),
): void {
  const link = getLink(doc, id);
  if (!link) throw new Error(`no link ${id}`);
  const from = end === 'from' ? cardId : link.from;
  const to = end === 'to' ? cardId : link.to;
  const problem = checkLinkEnds(doc, link.kind, from, to);
  if (problem) throw new Error(problem);
  const item = linksMap(doc).get(id) as YItem;
  doc.transact(() => {
    item.set(end === 'from' ? K.from : K.to, cardId);
    item.set(K.updatedAt, now);
  }, origin);
}

export function deleteLinks(doc: Y.Doc, ids: readonly string[], origin?: unknown): void {
  doc.transact(() => {
    const links = linksMap(doc);
    for (const id of ids) links.delete(id);
  }, origin);
}

export function deleteLink(doc: Y.Doc, id: string, origin?: unknown): void {
  deleteLinks(doc, [id], origin);
}

/**
 * The live Y.Text behind a link's text field (an interaction's rationale, say), for an editor to
 * bind to directly, as `cardText` does for cards. Undefined when the link or field is not text.
 */
export function linkText(doc: Y.Doc, id: string, field: string): Y.Text | undefined {
  const item = linksMap(doc).get(id);
  if (!(item instanceof Y.Map)) return undefined;
  const kind = item.get(K.kind);
  if (!isLinkKind(kind)) return undefined;
  const spec = (LINK_FIELDS[kind] as FieldSpecs)[field];
  if (spec?.type !== 'text') return undefined;
  const fields = item.get(K.fields);
  const text = fields instanceof Y.Map ? fields.get(field) : undefined;
  return text instanceof Y.Text ? text : undefined;
}

/** Checks one value for one field of a link kind: null when valid, else the reason. */
export function checkLinkField(kind: LinkKind, field: string, value: unknown): string | null {
  const spec = (LINK_FIELDS[kind] as FieldSpecs)[field];
  if (!spec) return `${field}: unknown field`;
  return checkValue(spec, value, field);
}
