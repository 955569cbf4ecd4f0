import type { CardKind, LinkKind } from '../../shared/model/kinds.ts';

/** A card kind as a person says it, with its article: "an intervention". */
export const CARD_KIND_NOUNS: Record<CardKind, string> = {
  target: 'an SDG target',
  objective: 'an objective',
  intervention: 'an intervention',
  actor: 'an actor',
  note: 'a note',
  frame: 'a frame',
};

export const CARD_KIND_LABELS: Record<CardKind, string> = {
  target: 'SDG target',
  objective: 'Objective',
  intervention: 'Intervention',
  actor: 'Actor',
  note: 'Note',
  frame: 'Frame',
};

export const LINK_KIND_LABELS: Record<LinkKind, string> = {
  contributes: 'Contributes',
  interaction: 'Interaction',
  implements: 'Implements',
};
