// The board reduced to what the analysis counts: target codes (cards merged by code, in catalogue
// order) and interventions, each with a dense index so later passes work on arrays, not string keys.
import type { Card, Link } from '../model/kinds.ts';
import type { CardStatus, InterventionType } from '../model/vocabulary.ts';
import { getTarget, SDG_TARGETS } from '../sdg/catalogue.ts';

/** A plain snapshot of a board, e.g. `{ cards: listCards(doc), links: listLinks(doc) }`. */
export interface BoardSnapshot {
  readonly cards: readonly Card[];
  readonly links: readonly Link[];
}

/** One SDG target on the board: every target card carrying its code, merged. */
export interface TargetNode {
  code: string;
  goal: number;
  /** The target cards with this code, in order of creation. */
  cardIds: string[];
}

export interface InterventionNode {
  id: string;
  title: string;
  type: InterventionType;
  status: CardStatus;
}

/** A target card whose code is not in the catalogue (blank or mistyped): left out of the analysis. */
export interface UnknownTargetCard {
  id: string;
  code: string;
}

export interface BoardIndex {
  /** Targets on the board, in official catalogue order. */
  targets: TargetNode[];
  /** Interventions in order of creation (then id), a stable order that survives renames. */
  interventions: InterventionNode[];
  /** Target card id → index in `targets`. */
  targetOfCard: ReadonlyMap<string, number>;
  /** Intervention card id → index in `interventions`. */
  interventionOfCard: ReadonlyMap<string, number>;
  cardsById: ReadonlyMap<string, Card>;
  unknownTargetCards: UnknownTargetCard[];
}

const catalogueRank: ReadonlyMap<string, number> = new Map(SDG_TARGETS.map((t, i) => [t.code, i]));

function byCreation(a: Card, b: Card): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function indexBoard(board: BoardSnapshot): BoardIndex {
  const cardsById = new Map<string, Card>();
  for (const card of board.cards) cardsById.set(card.id, card);
  const cards = [...cardsById.values()].sort(byCreation);

  const cardsByCode = new Map<string, string[]>();
  const unknownTargetCards: UnknownTargetCard[] = [];
  const interventions: InterventionNode[] = [];
  const interventionOfCard = new Map<string, number>();
  for (const card of cards) {
    if (card.kind === 'target') {
      // Lenient like the inspector: ' 10.C ' is 10.c.
      const code = getTarget(card.fields.code)?.code;
      if (code === undefined) {
        unknownTargetCards.push({ id: card.id, code: card.fields.code });
        continue;
      }
      const ids = cardsByCode.get(code);
      if (ids) ids.push(card.id);
      else cardsByCode.set(code, [card.id]);
    } else if (card.kind === 'intervention') {
      interventionOfCard.set(card.id, interventions.length);
      interventions.push({ id: card.id, title: card.fields.title, type: card.fields.type, status: card.status });
    }
  }

  const codes = [...cardsByCode.keys()].sort((a, b) => (catalogueRank.get(a) ?? 0) - (catalogueRank.get(b) ?? 0));
  const targets: TargetNode[] = [];
  const targetOfCard = new Map<string, number>();
  for (const code of codes) {
    const cardIds = cardsByCode.get(code) ?? [];
    for (const id of cardIds) targetOfCard.set(id, targets.length);
    targets.push({ code, goal: getTarget(code)?.goal ?? 0, cardIds });
  }
  return { targets, interventions, targetOfCard, interventionOfCard, cardsById, unknownTargetCards };
}
