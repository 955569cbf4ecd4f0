// Copy, paste and duplicate: a selection as plain JSON (what goes on the system clipboard, so it
// can be pasted into another board), and pasting it back as new items with fresh ids.
import type * as Y from 'yjs';
import { addCard, getCard, type NewCard } from './cards.ts';
import { checkValues, type FieldSpecs } from './fields.ts';
import { isId } from './ids.ts';
import {
  type Author,
  CARD_FIELDS,
  type CardKind,
  isCardKind,
  isLinkKind,
  LINK_ENDS,
  LINK_FIELDS,
  type LinkKind,
} from './kinds.ts';
import { linksMap } from './layout.ts';
import { addLink, getLink, type NewLink } from './links.ts';
import { CARD_STATUSES, type CardStatus } from './vocabulary.ts';

export const CLIPBOARD_TYPE = 'sdg-board/items';
export const CLIPBOARD_VERSION = 1;
/** More than any workshop copies at once; a larger paste is refused rather than freezing the page. */
export const MAX_CLIPBOARD_ITEMS = 20_000;

export interface ClipboardCard {
  id: string;
  kind: CardKind;
  x: number;
  y: number;
  w: number;
  h: number;
  status: CardStatus;
  fields: Record<string, unknown>;
}

export interface ClipboardLink {
  id: string;
  kind: LinkKind;
  from: string;
  to: string;
  status: CardStatus;
  fields: Record<string, unknown>;
}

export interface ClipboardPayload {
  type: typeof CLIPBOARD_TYPE;
  version: typeof CLIPBOARD_VERSION;
  cards: ClipboardCard[];
  links: ClipboardLink[];
}

/**
 * The given cards, the given links whose two cards are copied too, and every link between two
 * copied cards, as plain data. Ids that do not exist are skipped.
 */
export function copyItems(doc: Y.Doc, cardIds: readonly string[], linkIds: readonly string[] = []): ClipboardPayload {
  const cards: ClipboardCard[] = [];
  const copied = new Set<string>();
  for (const id of cardIds) {
    const card = getCard(doc, id);
    if (!card || copied.has(id)) continue;
    copied.add(id);
    const { kind, x, y, w, h, status, fields } = card;
    cards.push({ id, kind, x, y, w, h, status, fields: { ...fields } });
  }
  const links: ClipboardLink[] = [];
  const seen = new Set<string>();
  const addIfBound = (id: string) => {
    const link = getLink(doc, id);
    if (!link || seen.has(id) || !copied.has(link.from) || !copied.has(link.to)) return;
    seen.add(id);
    links.push({ id, kind: link.kind, from: link.from, to: link.to, status: link.status, fields: { ...link.fields } });
  };
  for (const id of linkIds) addIfBound(id);
  if (copied.size > 0) {
    // Links between copied cards come along, so a pasted group keeps its arrows.
    for (const id of linksMap(doc).keys()) addIfBound(id);
  }
  return { type: CLIPBOARD_TYPE, version: CLIPBOARD_VERSION, cards, links };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStatus(value: unknown): value is CardStatus {
  return (CARD_STATUSES as readonly unknown[]).includes(value);
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Reads untrusted clipboard data (parsed JSON, or the JSON text itself): the payload, or the
 * reason it is refused. Every card and link is checked field by field, as the typed operations
 * would, before anything is written.
 */
export function readClipboard(input: unknown): { ok: true; payload: ClipboardPayload } | { ok: false; reason: string } {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return { ok: false, reason: 'not board items' };
    }
  }
  if (!isRecord(value) || value.type !== CLIPBOARD_TYPE) return { ok: false, reason: 'not board items' };
  if (value.version !== CLIPBOARD_VERSION) return { ok: false, reason: `unsupported version ${String(value.version)}` };
  const { cards, links } = value;
  if (!Array.isArray(cards) || !Array.isArray(links)) return { ok: false, reason: 'cards and links must be lists' };
  if (cards.length + links.length > MAX_CLIPBOARD_ITEMS) return { ok: false, reason: 'too many items' };
  const outCards: ClipboardCard[] = [];
  const kinds = new Map<string, CardKind>();
  for (const [i, c] of cards.entries()) {
    const at = `cards[${i}]`;
    if (!isRecord(c)) return { ok: false, reason: `${at}: expected an object` };
    if (typeof c.id !== 'string' || !isId(c.id)) return { ok: false, reason: `${at}.id: expected an id` };
    if (!isCardKind(c.kind)) return { ok: false, reason: `${at}.kind: unknown card kind` };
    if (!finite(c.x) || !finite(c.y) || !finite(c.w) || !finite(c.h) || c.w <= 0 || c.h <= 0) {
      return { ok: false, reason: `${at}: position and size must be finite numbers` };
    }
    if (!isStatus(c.status)) return { ok: false, reason: `${at}.status: unknown status` };
    const problem = checkValues(CARD_FIELDS[c.kind] as FieldSpecs, c.fields, `${at}.fields`, false);
    if (problem) return { ok: false, reason: problem };
    kinds.set(c.id, c.kind);
    outCards.push({
      id: c.id,
      kind: c.kind,
      x: c.x,
      y: c.y,
      w: c.w,
      h: c.h,
      status: c.status,
      fields: c.fields as Record<string, unknown>,
    });
  }
  const outLinks: ClipboardLink[] = [];
  for (const [i, l] of links.entries()) {
    const at = `links[${i}]`;
    if (!isRecord(l)) return { ok: false, reason: `${at}: expected an object` };
    if (typeof l.id !== 'string' || !isId(l.id)) return { ok: false, reason: `${at}.id: expected an id` };
    if (!isLinkKind(l.kind)) return { ok: false, reason: `${at}.kind: unknown link kind` };
    if (typeof l.from !== 'string' || typeof l.to !== 'string') return { ok: false, reason: `${at}: from and to` };
    if (!isStatus(l.status)) return { ok: false, reason: `${at}.status: unknown status` };
    const problem = checkValues(LINK_FIELDS[l.kind] as FieldSpecs, l.fields, `${at}.fields`, false);
    if (problem) return { ok: false, reason: problem };
    const fromKind = kinds.get(l.from);
    const toKind = kinds.get(l.to);
    const ends = LINK_ENDS[l.kind];
    // A link whose cards were not copied, or that joins kinds it may not, is left out.
    if (!fromKind || !toKind || l.from === l.to) continue;
    if (!(ends.from as readonly string[]).includes(fromKind) || !(ends.to as readonly string[]).includes(toKind)) {
      continue;
    }
    outLinks.push({
      id: l.id,
      kind: l.kind,
      from: l.from,
      to: l.to,
      status: l.status,
      fields: l.fields as Record<string, unknown>,
    });
  }
  return { ok: true, payload: { type: CLIPBOARD_TYPE, version: CLIPBOARD_VERSION, cards: outCards, links: outLinks } };
}

export interface PasteOptions {
  author: Author;
  /** Added to every pasted card's position. */
  dx?: number;
  dy?: number;
}

export interface Pasted {
  cards: string[];
  links: string[];
}

/**
 * Writes a checked payload as new cards and links with fresh ids, in one transaction (one undo
 * step), by `author`; links are re-bound to the new cards.
 */
export function pasteItems(
  doc: Y.Doc,
  payload: ClipboardPayload,
  options: PasteOptions,
  origin?: unknown,
  now = Date.now(),
): Pasted {
  const dx = options.dx ?? 0;
  const dy = options.dy ?? 0;
  const newIds = new Map<string, string>();
  const out: Pasted = { cards: [], links: [] };
  doc.transact(() => {
    for (const c of payload.cards) {
      const input: NewCard = {
        kind: c.kind,
        x: Math.round(c.x + dx),
        y: Math.round(c.y + dy),
        w: c.w,
        h: c.h,
        status: c.status,
        author: options.author,
        fields: c.fields as NewCard['fields'],
      };
      const id = addCard(doc, input, origin, now);
      newIds.set(c.id, id);
      out.cards.push(id);
    }
    for (const l of payload.links) {
      const from = newIds.get(l.from);
      const to = newIds.get(l.to);
      if (!from || !to) continue;
      const input: NewLink = {
        kind: l.kind,
        from,
        to,
        status: l.status,
        author: options.author,
        fields: l.fields as NewLink['fields'],
      };
      out.links.push(addLink(doc, input, origin, now));
    }
  }, origin);
  return out;
}

/** Copies and pastes in one go, `dx`/`dy` away: the new items' ids. */
export function duplicateItems(
  doc: Y.Doc,
  cardIds: readonly string[],
  linkIds: readonly string[],
  options: PasteOptions,
  origin?: unknown,
): Pasted {
  return pasteItems(doc, copyItems(doc, cardIds, linkIds), options, origin);
}
