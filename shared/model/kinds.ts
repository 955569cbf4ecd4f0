// The registry of card and link kinds: their fields, default sizes and allowed link ends.
import { ACTOR_FIELDS, ACTOR_SIZE } from './cards/actorCard.ts';
import { FRAME_FIELDS, FRAME_SIZE } from './cards/frameCard.ts';
import { INTERVENTION_FIELDS, INTERVENTION_SIZE } from './cards/interventionCard.ts';
import { NOTE_FIELDS, NOTE_SIZE } from './cards/noteCard.ts';
import { OBJECTIVE_FIELDS, OBJECTIVE_SIZE } from './cards/objectiveCard.ts';
import { TARGET_FIELDS, TARGET_SIZE } from './cards/targetCard.ts';
import type { FieldValues } from './fields.ts';
import { CONTRIBUTES_ENDS, CONTRIBUTES_FIELDS } from './links/contributesLink.ts';
import { IMPLEMENTS_ENDS, IMPLEMENTS_FIELDS } from './links/implementsLink.ts';
import { INTERACTION_ENDS, INTERACTION_FIELDS } from './links/interactionLink.ts';
import type { CardStatus } from './vocabulary.ts';

export const CARD_FIELDS = {
  target: TARGET_FIELDS,
  objective: OBJECTIVE_FIELDS,
  intervention: INTERVENTION_FIELDS,
  actor: ACTOR_FIELDS,
  note: NOTE_FIELDS,
  frame: FRAME_FIELDS,
} as const;

export const CARD_SIZES = {
  target: TARGET_SIZE,
  objective: OBJECTIVE_SIZE,
  intervention: INTERVENTION_SIZE,
  actor: ACTOR_SIZE,
  note: NOTE_SIZE,
  frame: FRAME_SIZE,
} as const;

export const LINK_FIELDS = {
  contributes: CONTRIBUTES_FIELDS,
  interaction: INTERACTION_FIELDS,
  implements: IMPLEMENTS_FIELDS,
} as const;

/** Which card kinds each link kind may join. */
export const LINK_ENDS = {
  contributes: CONTRIBUTES_ENDS,
  interaction: INTERACTION_ENDS,
  implements: IMPLEMENTS_ENDS,
} as const;

export type CardKind = keyof typeof CARD_FIELDS;
export type LinkKind = keyof typeof LINK_FIELDS;
export const CARD_KINDS = Object.keys(CARD_FIELDS) as CardKind[];
export const LINK_KINDS = Object.keys(LINK_FIELDS) as LinkKind[];

export function isCardKind(value: unknown): value is CardKind {
  return typeof value === 'string' && Object.hasOwn(CARD_FIELDS, value);
}
export function isLinkKind(value: unknown): value is LinkKind {
  return typeof value === 'string' && Object.hasOwn(LINK_FIELDS, value);
}

/** Who made a card or link: a stable per-browser id, the display name and stakeholder group. */
export interface Author {
  id: string;
  name: string;
  group: string;
}

export interface Comment {
  id: string;
  author: Author;
  text: string;
  createdAt: number;
  /** The comment this one answers, for threads; '' for a top-level comment. */
  replyTo: string;
  resolved: boolean;
  /** The author ids of the people the comment mentions (`@name`); [] on comments written before mentions. */
  mentions: string[];
}

interface ItemBase {
  id: string;
  status: CardStatus;
  author: Author;
  createdAt: number;
  updatedAt: number;
  comments: Comment[];
  /** Votes by voter id. */
  votes: Record<string, number>;
}

export type CardFields<K extends CardKind> = FieldValues<(typeof CARD_FIELDS)[K]>;
export type LinkFields<K extends LinkKind> = FieldValues<(typeof LINK_FIELDS)[K]>;

export type CardOf<K extends CardKind> = ItemBase & {
  kind: K;
  x: number;
  y: number;
  w: number;
  h: number;
  fields: CardFields<K>;
};
export type Card = { [K in CardKind]: CardOf<K> }[CardKind];

export type LinkOf<K extends LinkKind> = ItemBase & {
  kind: K;
  from: string;
  to: string;
  fields: LinkFields<K>;
};
export type Link = { [K in LinkKind]: LinkOf<K> }[LinkKind];

/** A one-line human title for any card: what lists, links and exports call it. */
export function cardTitle(card: Card): string {
  switch (card.kind) {
    case 'target':
      return card.fields.code;
    case 'objective':
    case 'intervention':
    case 'frame':
      return card.fields.title;
    case 'actor':
      return card.fields.name;
    case 'note':
      return card.fields.text.split('\n')[0] ?? '';
  }
}
