// Builds plain board snapshots for the analysis tests, without Yjs. Each call starts a fresh board;
// times tick by one per card or link so "most recently updated" is explicit in each test.
import type { BoardSnapshot } from '../../../shared/analysis/index.ts';
import { defaultValues } from '../../../shared/model/fields.ts';
import type { InteractionScore } from '../../../shared/model/interactionScale.ts';
import {
  type Author,
  CARD_FIELDS,
  type Card,
  type CardKind,
  type CardOf,
  LINK_FIELDS,
  type Link,
  type LinkFields,
  type LinkKind,
  type LinkOf,
} from '../../../shared/model/kinds.ts';
import type { CardStatus, InterventionType } from '../../../shared/model/vocabulary.ts';

const AUTHOR: Author = { id: 'u1', name: 'Ana', group: 'government-national' };

export interface CardOptions {
  id?: string;
  status?: CardStatus;
}

export interface InteractionOptions {
  id?: string;
  updatedAt?: number;
  fields?: Partial<LinkFields<'interaction'>>;
}

export function boardBuilder() {
  const cards: Card[] = [];
  const links: Link[] = [];
  let clock = 0;
  let serial = 0;

  function card<K extends CardKind>(kind: K, fields: Partial<CardOf<K>['fields']>, options: CardOptions): string {
    clock++;
    const id = options.id ?? `${kind}-${++serial}`;
    const made: CardOf<K> = {
      id,
      kind,
      x: 0,
      y: 0,
      w: 100,
      h: 100,
      status: options.status ?? 'proposed',
      author: AUTHOR,
      createdAt: clock,
      updatedAt: clock,
      comments: [],
      votes: {},
      fields: { ...defaultValues(CARD_FIELDS[kind]), ...fields },
    };
    cards.push(made as Card);
    return id;
  }

  function link<K extends LinkKind>(
    kind: K,
    from: string,
    to: string,
    fields: Partial<LinkOf<K>['fields']>,
    options: { id?: string; updatedAt?: number } = {},
  ): string {
    clock++;
    const id = options.id ?? `${kind}-${++serial}`;
    const made: LinkOf<K> = {
      id,
      kind,
      from,
      to,
      status: 'proposed',
      author: AUTHOR,
      createdAt: clock,
      updatedAt: options.updatedAt ?? clock,
      comments: [],
      votes: {},
      fields: { ...defaultValues(LINK_FIELDS[kind]), ...fields },
    };
    links.push(made as Link);
    return id;
  }

  return {
    target: (code: string, options: CardOptions = {}) => card('target', { code }, options),
    objective: (title = 'Objective', options: CardOptions = {}) => card('objective', { title }, options),
    intervention: (title: string, type: InterventionType = 'migration-programming', options: CardOptions = {}) =>
      card('intervention', { title, type }, options),
    note: (text = 'Note', options: CardOptions = {}) => card('note', { text }, options),
    interaction: (from: string, to: string, score: InteractionScore, options: InteractionOptions = {}) =>
      link('interaction', from, to, { ...options.fields, score }, options),
    contributes: (from: string, to: string) => link('contributes', from, to, {}),
    snapshot: (): BoardSnapshot => ({ cards: [...cards], links: [...links] }),
  };
}
