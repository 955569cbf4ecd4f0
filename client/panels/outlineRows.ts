// The outline's rows: every card and link grouped by kind, flattened for a virtualised tree. An
// intervention sent back or set aside in the walk-through carries that decision and its comment.
import { type Card, cardTitle, formatScore, type Link } from '../../shared/model/index.ts';
import { getTarget } from '../../shared/sdg/catalogue.ts';
import type { BoardItems } from '../canvas/useBoardItems.ts';
import { CARD_KIND_LABELS } from '../tools/kindLabels.ts';

export type GroupKey =
  | 'target'
  | 'objective'
  | 'intervention'
  | 'actor'
  | 'note'
  | 'frame'
  | 'contributes'
  | 'interaction'
  | 'implements';

export const GROUP_ORDER: readonly GroupKey[] = [
  'target',
  'objective',
  'intervention',
  'actor',
  'note',
  'frame',
  'contributes',
  'interaction',
  'implements',
];

const GROUP_LABELS: Record<GroupKey, string> = {
  target: 'SDG targets',
  objective: 'Objectives',
  intervention: 'Interventions',
  actor: 'Actors',
  note: 'Notes',
  frame: 'Frames',
  contributes: 'Links: contributes',
  interaction: 'Links: interactions',
  implements: 'Links: implements',
};

/** A walk-through decision that holds an intervention out of the plan, as the outline shows it. */
export interface OutlineDecision {
  decision: 'sent-back' | 'set-aside';
  /** "Sent back: the budget is missing". */
  text: string;
  /** With who decided: "Sent back by Ada: the budget is missing". */
  sentence: string;
}

export interface OutlineItem {
  type: 'card' | 'link';
  id: string;
  label: string;
  sortKey: string;
  decision?: OutlineDecision;
}

export type OutlineRow =
  | { kind: 'group'; key: GroupKey; label: string; count: number; expanded: boolean; posInSet: number; setSize: number }
  | { kind: 'item'; group: GroupKey; item: OutlineItem; posInSet: number; setSize: number };

const labels = new WeakMap<Card | Link, string>();

export function cardLabel(card: Card): string {
  let label = labels.get(card);
  if (label === undefined) {
    if (card.kind === 'target') {
      const target = getTarget(card.fields.code);
      label = `${card.fields.code}${target ? ` · ${target.text}` : ''}`;
    } else {
      label = cardTitle(card).trim() || `Untitled ${CARD_KIND_LABELS[card.kind].toLowerCase()}`;
    }
    labels.set(card, label);
  }
  return label;
}

function shortTitle(card: Card | undefined): string {
  if (!card) return '?';
  const title = card.kind === 'target' ? card.fields.code : cardTitle(card).trim();
  const text = title || CARD_KIND_LABELS[card.kind];
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

export function linkLabel(link: Link, cards: ReadonlyMap<string, Card>): string {
  const label = `${shortTitle(cards.get(link.from))} → ${shortTitle(cards.get(link.to))}`;
  return link.kind === 'interaction' ? `${label} (${formatScore(link.fields.score)})` : label;
}

/** Target codes sort as numbers (10.2 before 10.10), letters after digits. */
function codeKey(code: string): string {
  return code
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? part.padStart(4, '0') : `~${part}`))
    .join('.');
}

export type OutlineGroups = ReadonlyMap<GroupKey, readonly OutlineItem[]>;

export function groupItems(
  items: BoardItems,
  decisions: ReadonlyMap<string, OutlineDecision> = new Map(),
): OutlineGroups {
  const groups = new Map<GroupKey, OutlineItem[]>(GROUP_ORDER.map((k) => [k, []]));
  for (const card of items.cards.values()) {
    const label = cardLabel(card);
    const sortKey = card.kind === 'target' ? codeKey(card.fields.code) : label.toLowerCase();
    const decision = decisions.get(card.id);
    groups.get(card.kind)?.push({ type: 'card', id: card.id, label, sortKey, ...(decision ? { decision } : {}) });
  }
  for (const link of items.links.values()) {
    const label = linkLabel(link, items.cards);
    groups.get(link.kind)?.push({ type: 'link', id: link.id, label, sortKey: label.toLowerCase() });
  }
  for (const list of groups.values()) {
    list.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : 1));
  }
  return groups;
}

export function flattenRows(groups: OutlineGroups, collapsed: ReadonlySet<GroupKey>): OutlineRow[] {
  const rows: OutlineRow[] = [];
  const present = GROUP_ORDER.filter((k) => (groups.get(k)?.length ?? 0) > 0);
  present.forEach((key, g) => {
    const list = groups.get(key) ?? [];
    const expanded = !collapsed.has(key);
    rows.push({
      kind: 'group',
      key,
      label: GROUP_LABELS[key],
      count: list.length,
      expanded,
      posInSet: g + 1,
      setSize: present.length,
    });
    if (!expanded) return;
    list.forEach((item, i) => {
      rows.push({ kind: 'item', group: key, item, posInSet: i + 1, setSize: list.length });
    });
  });
  return rows;
}

/** Where each row starts, in pixels, and the total height after the last (an item with a decision takes two lines). */
export function rowOffsets(rows: readonly OutlineRow[], rowPx: number, tallRowPx: number): number[] {
  const tops = new Array<number>(rows.length + 1);
  let y = 0;
  rows.forEach((row, i) => {
    tops[i] = y;
    y += row.kind === 'item' && row.item.decision ? tallRowPx : rowPx;
  });
  tops[rows.length] = y;
  return tops;
}

/** The row at a vertical offset (the last one starting at or above it). */
export function rowAt(tops: readonly number[], y: number): number {
  let lo = 0;
  let hi = tops.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((tops[mid] as number) <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
