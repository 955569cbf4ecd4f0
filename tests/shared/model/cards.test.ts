import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addLink,
  CARD_KINDS,
  type CardFields,
  type CardKind,
  cardText,
  cardTitle,
  checkCardField,
  deleteCard,
  deleteCards,
  getCard,
  getLink,
  hasCard,
  listCards,
  listLinks,
  moveCard,
  moveCards,
  resizeCard,
  updateCard,
} from '../../../shared/model/index.ts';
import { cardsMap, linksMap } from '../../../shared/model/layout.ts';
import { ANA, BEN, expectRefusedUnchanged, replica, sync } from './support.ts';

const NOW = 1_700_000_000_000;

/** What each kind starts with, written out by hand so that a changed default fails here. */
const EXPECTED_DEFAULTS: { [K in CardKind]: { size: { w: number; h: number }; fields: CardFields<K> } } = {
  target: { size: { w: 220, h: 130 }, fields: { code: '', migrationCrossCutting: false, crossCuttingNote: '' } },
  objective: { size: { w: 240, h: 120 }, fields: { title: '', description: '' } },
  intervention: {
    size: { w: 240, h: 140 },
    fields: {
      title: '',
      description: '',
      type: 'new-policy-or-legislation',
      sector: 'education',
      rationale: '',
      actors: [],
      startDate: '',
      endDate: '',
      milestones: [],
      expectedOutcomes: '',
      expectedOutputs: '',
      supportingActivities: [],
      resourcesRequired: '',
      funding: [],
      indicators: [],
    },
  },
  actor: { size: { w: 200, h: 100 }, fields: { name: '', group: 'government-national', description: '' } },
  note: { size: { w: 180, h: 140 }, fields: { text: '', colour: '#fff59d' } },
  frame: { size: { w: 800, h: 500 }, fields: { title: '' } },
};

const GIVEN: { [K in CardKind]: Partial<CardFields<K>> } = {
  target: { code: '10.7', migrationCrossCutting: true, crossCuttingNote: 'Remittance corridors' },
  objective: { title: 'Safe and regular migration pathways', description: 'Within five years' },
  intervention: {
    title: 'One-stop migrant resource centre',
    type: 'migration-programming',
    sector: 'governance',
    startDate: '2025-01-01',
    actors: [{ name: 'City hall', role: 'lead', tasks: 'Hosts the centre' }],
    funding: [{ amount: 50_000, currency: 'EUR', source: 'development-partner', arrangement: 'Grant' }],
  },
  actor: { name: 'Diaspora forum', group: 'migrant-or-diaspora-association' },
  note: { text: 'What about housing?', colour: '#90caf9' },
  frame: { title: 'Health' },
};

function intervention(doc: Y.Doc, fields: Partial<CardFields<'intervention'>> = {}): string {
  return addCard(doc, { kind: 'intervention', x: 0, y: 0, author: ANA, fields }, undefined, NOW);
}

describe('addCard', () => {
  it.each(CARD_KINDS)('creates a %s card with its default size, fields and item data', (kind) => {
    const doc = new Y.Doc();
    const id = addCard(doc, { kind, x: 10, y: 20, author: ANA }, undefined, NOW);
    const card = getCard(doc, id);
    expect(card).toEqual({
      id,
      kind,
      x: 10,
      y: 20,
      ...EXPECTED_DEFAULTS[kind].size,
      status: 'proposed',
      author: ANA,
      createdAt: NOW,
      updatedAt: NOW,
      comments: [],
      votes: {},
      fields: EXPECTED_DEFAULTS[kind].fields,
    });
  });

  it.each(CARD_KINDS)('keeps the given fields, size and status of a new %s card', (kind) => {
    const doc = new Y.Doc();
    const id = addCard(
      doc,
      { kind, x: -5, y: 7.5, w: 321, h: 123, status: 'agreed', author: BEN, fields: GIVEN[kind] as never },
      undefined,
      NOW,
    );
    const card = getCard(doc, id);
    expect(card?.fields).toEqual({ ...EXPECTED_DEFAULTS[kind].fields, ...GIVEN[kind] });
    expect(card).toMatchObject({ x: -5, y: 7.5, w: 321, h: 123, status: 'agreed', author: BEN });
  });

  it('stores text fields as Y.Text, lists as Y.Array of Y.Map and other values plain', () => {
    const doc = new Y.Doc();
    const id = intervention(doc, GIVEN.intervention);
    const item = cardsMap(doc).get(id) as Y.Map<unknown>;
    const fields = item.get('fields') as Y.Map<unknown>;
    expect(fields.get('title')).toBeInstanceOf(Y.Text);
    expect(fields.get('description')).toBeInstanceOf(Y.Text);
    expect(fields.get('type')).toBe('migration-programming');
    expect(fields.get('startDate')).toBe('2025-01-01');
    const funding = fields.get('funding');
    expect(funding).toBeInstanceOf(Y.Array);
    const line = (funding as Y.Array<unknown>).get(0);
    expect(line).toBeInstanceOf(Y.Map);
    expect((line as Y.Map<unknown>).toJSON()).toEqual(GIVEN.intervention.funding?.[0]);
    expect(item.get('comments')).toBeInstanceOf(Y.Array);
    expect(item.get('votes')).toBeInstanceOf(Y.Map);
    expect(item.get('kind')).toBe('intervention');
    expect(item.get('id')).toBe(id);
  });

  it('uses the given id when an import must keep it, and a fresh one otherwise', () => {
    const doc = new Y.Doc();
    const kept = addCard(doc, { id: 'imported-card-0001', kind: 'note', x: 0, y: 0, author: ANA });
    const fresh = addCard(doc, { kind: 'note', x: 0, y: 0, author: ANA });
    expect(kept).toBe('imported-card-0001');
    expect(fresh).not.toBe(kept);
    expect(hasCard(doc, kept) && hasCard(doc, fresh)).toBe(true);
  });

  it('runs in one transaction carrying the caller origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const origin = Symbol('test');
    addCard(doc, { kind: 'intervention', x: 0, y: 0, author: ANA, fields: GIVEN.intervention }, origin);
    expect(origins).toEqual([origin]);
  });

  it('refuses an unknown kind, a bad field, a non-finite position, a bad status or author, and writes nothing', () => {
    const doc = new Y.Doc();
    intervention(doc);
    expectRefusedUnchanged(
      doc,
      () => addCard(doc, { kind: 'sticker' as never, x: 0, y: 0, author: ANA }),
      'unknown card kind: sticker',
    );
    expectRefusedUnchanged(
      doc,
      () => addCard(doc, { kind: 'intervention', x: 0, y: 0, author: ANA, fields: { sector: 'space' as never } }),
      /^fields\.sector: expected one of "education", /,
    );
    expectRefusedUnchanged(
      doc,
      () => addCard(doc, { kind: 'note', x: 0, y: 0, author: ANA, fields: { size: 3 } as never }),
      'fields.size: unknown field',
    );
    expectRefusedUnchanged(
      doc,
      () => addCard(doc, { kind: 'note', x: Number.NaN, y: 0, author: ANA }),
      'x must be a finite number',
    );
    expectRefusedUnchanged(
      doc,
      () => addCard(doc, { kind: 'note', x: 0, y: 0, h: Number.POSITIVE_INFINITY, author: ANA }),
      'h must be a finite number',
    );
    expectRefusedUnchanged(
      doc,
      () => addCard(doc, { kind: 'note', x: 0, y: 0, status: 'done' as never, author: ANA }),
      'status: expected proposed, discussed or agreed',
    );
    expectRefusedUnchanged(
      doc,
      () => addCard(doc, { kind: 'note', x: 0, y: 0, author: undefined as never }),
      'author: expected { id, name, group }',
    );
    expect(listCards(doc)).toHaveLength(1);
  });
});

describe('getCard and listCards', () => {
  it('return plain snapshots that later edits do not change', () => {
    const doc = new Y.Doc();
    const id = intervention(doc, { title: 'Clinic', funding: [] });
    const before = getCard(doc, id);
    updateCard(doc, id, { fields: { title: 'Mobile clinic' } });
    moveCard(doc, id, 99, 99);
    expect(before?.fields).toMatchObject({ title: 'Clinic' });
    expect(before).toMatchObject({ x: 0, y: 0 });
    expect(getCard(doc, id)).toMatchObject({ x: 99, y: 99, fields: { title: 'Mobile clinic' } });
  });

  it('do not write to the board when a snapshot is mutated', () => {
    const doc = new Y.Doc();
    const id = intervention(doc, { title: 'Clinic' });
    const snapshot = getCard(doc, id);
    if (snapshot?.kind !== 'intervention') throw new Error('expected an intervention');
    snapshot.fields.title = 'Changed';
    snapshot.fields.funding.push({ amount: 1, currency: 'EUR', source: 'private', arrangement: '' });
    expect(getCard(doc, id)?.fields).toMatchObject({ title: 'Clinic', funding: [] });
  });

  it('list every card and give undefined for an unknown id', () => {
    const doc = new Y.Doc();
    const ids = CARD_KINDS.map((kind) => addCard(doc, { kind, x: 0, y: 0, author: ANA }));
    const cards = listCards(doc);
    expect(cards.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(new Set(cards.map((c) => c.kind))).toEqual(new Set(CARD_KINDS));
    expect(getCard(doc, 'no-such-card')).toBeUndefined();
  });

  it('skip an item of a kind this version does not know', () => {
    const doc = new Y.Doc();
    const id = intervention(doc);
    cardsMap(doc).set('from-the-future', new Y.Map<unknown>([['kind', 'hologram']]));
    expect(listCards(doc).map((c) => c.id)).toEqual([id]);
    expect(getCard(doc, 'from-the-future')).toBeUndefined();
  });

  it('read a value of the wrong shape as the default', () => {
    const doc = new Y.Doc();
    const id = intervention(doc);
    const fields = (cardsMap(doc).get(id) as Y.Map<unknown>).get('fields') as Y.Map<unknown>;
    fields.set('sector', 'space');
    fields.set('funding', 'a lot');
    expect(getCard(doc, id)?.fields).toMatchObject({ sector: 'education', funding: [] });
  });
});

describe('moveCards and resizeCard', () => {
  it('moves several cards in one transaction and stamps updatedAt', () => {
    const doc = new Y.Doc();
    const a = intervention(doc);
    const b = intervention(doc);
    const c = intervention(doc);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    moveCards(
      doc,
      [
        { id: a, x: 100, y: 200 },
        { id: b, x: -30, y: 40 },
      ],
      undefined,
      NOW + 5,
    );
    expect(transactions).toBe(1);
    expect(getCard(doc, a)).toMatchObject({ x: 100, y: 200, updatedAt: NOW + 5 });
    expect(getCard(doc, b)).toMatchObject({ x: -30, y: 40, updatedAt: NOW + 5 });
    expect(getCard(doc, c)).toMatchObject({ x: 0, y: 0, updatedAt: NOW });
  });

  it('skips a card that is gone instead of recreating it', () => {
    const doc = new Y.Doc();
    const a = intervention(doc);
    moveCards(doc, [
      { id: 'deleted-elsewhere', x: 1, y: 1 },
      { id: a, x: 5, y: 5 },
    ]);
    expect(hasCard(doc, 'deleted-elsewhere')).toBe(false);
    expect(getCard(doc, a)).toMatchObject({ x: 5, y: 5 });
  });

  it('refuses a non-finite move without moving any card', () => {
    const doc = new Y.Doc();
    const a = intervention(doc);
    const b = intervention(doc);
    expectRefusedUnchanged(
      doc,
      () =>
        moveCards(doc, [
          { id: a, x: 10, y: 10 },
          { id: b, x: Number.NaN, y: 10 },
        ]),
      'x must be a finite number',
    );
  });

  it('resizes a card and clamps it to at least 40 by 30', () => {
    const doc = new Y.Doc();
    const id = intervention(doc);
    resizeCard(doc, id, 300, 180, undefined, NOW + 1);
    expect(getCard(doc, id)).toMatchObject({ w: 300, h: 180, updatedAt: NOW + 1 });
    resizeCard(doc, id, 10, -50);
    expect(getCard(doc, id)).toMatchObject({ w: 40, h: 30 });
  });

  it('refuses to resize an unknown card or to a non-finite size, and changes nothing', () => {
    const doc = new Y.Doc();
    const id = intervention(doc);
    expectRefusedUnchanged(doc, () => resizeCard(doc, 'missing', 100, 100), 'no card missing');
    expectRefusedUnchanged(doc, () => resizeCard(doc, id, 100, Number.NaN), 'h must be a finite number');
    expect(getCard(doc, id)).toMatchObject({ w: 240, h: 140 });
  });
});

describe('updateCard', () => {
  it('diffs a text field so that a concurrent insert at the start on another document survives', () => {
    const doc = new Y.Doc();
    const id = intervention(doc, { title: 'Clinic' });
    const other = replica(doc);
    cardText(other, id, 'title')?.insert(0, 'Mobile ');
    updateCard(doc, id, { fields: { title: 'Clinic for newcomers' } });
    sync(doc, other);
    expect(getCard(doc, id)?.fields).toMatchObject({ title: 'Mobile Clinic for newcomers' });
    expect(getCard(other, id)?.fields).toMatchObject({ title: 'Mobile Clinic for newcomers' });
  });

  it('edits the existing Y.Text in place rather than replacing it', () => {
    const doc = new Y.Doc();
    const id = intervention(doc, { title: 'Clinic' });
    const text = cardText(doc, id, 'title');
    updateCard(doc, id, { fields: { title: 'Health clinic' } });
    expect(cardText(doc, id, 'title')).toBe(text);
    expect(text?.toString()).toBe('Health clinic');
  });

  it('keeps emoji intact when the edit is next to them', () => {
    const doc = new Y.Doc();
    const id = addCard(doc, { kind: 'note', x: 0, y: 0, author: ANA, fields: { text: 'Housing 😀 first' } });
    updateCard(doc, id, { fields: { text: 'Housing 😁 first' } });
    expect(getCard(doc, id)?.fields).toMatchObject({ text: 'Housing 😁 first' });
    updateCard(doc, id, { fields: { text: '👍 Housing 😁 first 🎉' } });
    const copy = replica(doc);
    expect(getCard(copy, id)?.fields).toMatchObject({ text: '👍 Housing 😁 first 🎉' });
  });

  it('sets an enum field and stamps updatedAt', () => {
    const doc = new Y.Doc();
    const id = intervention(doc);
    updateCard(doc, id, { fields: { sector: 'health', type: 'rights-based-approach' } }, undefined, NOW + 9);
    expect(getCard(doc, id)).toMatchObject({
      updatedAt: NOW + 9,
      fields: { sector: 'health', type: 'rights-based-approach' },
    });
  });

  it('replaces a list such as the funding lines', () => {
    const doc = new Y.Doc();
    const id = intervention(doc);
    const lines = [
      { amount: 120_000, currency: 'EUR', source: 'domestic-budget', arrangement: 'Municipal budget line' },
      { amount: 30_000, currency: 'USD', source: 'diaspora-or-remittance-based', arrangement: 'Matching fund' },
    ] as const;
    updateCard(doc, id, { fields: { funding: lines } });
    expect(getCard(doc, id)?.fields).toMatchObject({ funding: lines });
    updateCard(doc, id, { fields: { funding: [lines[1]] } });
    expect(getCard(doc, id)?.fields).toMatchObject({ funding: [lines[1]] });
    const stored = ((cardsMap(doc).get(id) as Y.Map<unknown>).get('fields') as Y.Map<unknown>).get('funding');
    expect(stored).toBeInstanceOf(Y.Array);
    expect((stored as Y.Array<unknown>).get(0)).toBeInstanceOf(Y.Map);
  });

  it('sets the status', () => {
    const doc = new Y.Doc();
    const id = intervention(doc);
    updateCard(doc, id, { status: 'discussed' });
    expect(getCard(doc, id)?.status).toBe('discussed');
    updateCard(doc, id, { status: 'agreed' });
    expect(getCard(doc, id)?.status).toBe('agreed');
  });

  it('refuses invalid values with a readable message and changes nothing, not even the valid part', () => {
    const doc = new Y.Doc();
    const id = intervention(doc, { title: 'Clinic', funding: [] });
    expectRefusedUnchanged(
      doc,
      () => updateCard(doc, id, { fields: { title: 'New title', sector: 'space' } }),
      /^fields\.sector: expected one of "education", "health", /,
    );
    expectRefusedUnchanged(
      doc,
      () => updateCard(doc, id, { fields: { title: 42 } }),
      'fields.title: expected a string',
    );
    expectRefusedUnchanged(
      doc,
      () => updateCard(doc, id, { fields: { startDate: '1 March 2025' } }),
      'fields.startDate: expected a date as YYYY-MM-DD',
    );
    expectRefusedUnchanged(
      doc,
      () =>
        updateCard(doc, id, {
          fields: { funding: [{ amount: -5, currency: 'EUR', source: 'private', arrangement: '' }] },
        }),
      'fields.funding[0].amount: must be at least 0',
    );
    expectRefusedUnchanged(
      doc,
      () => updateCard(doc, id, { fields: { funding: [{ amount: 5, currency: 'EUR' }] } }),
      'fields.funding[0].source: missing',
    );
    expectRefusedUnchanged(doc, () => updateCard(doc, id, { fields: { budget: 5 } }), 'fields.budget: unknown field');
    expectRefusedUnchanged(
      doc,
      () => updateCard(doc, id, { status: 'done' as never, fields: { title: 'x' } }),
      'status: expected proposed, discussed or agreed',
    );
    expectRefusedUnchanged(doc, () => updateCard(doc, 'missing', { status: 'agreed' }), 'no card missing');
    expect(getCard(doc, id)).toMatchObject({ status: 'proposed', fields: { title: 'Clinic', sector: 'education' } });
  });
});

describe('two people editing the same intervention', () => {
  it('keep both edits when they change different fields concurrently', () => {
    const ana = new Y.Doc();
    const id = intervention(ana, { title: 'Clinic' });
    const ben = replica(ana);
    updateCard(ana, id, { fields: { title: 'Mobile clinic', sector: 'health' } });
    updateCard(ben, id, {
      fields: {
        description: 'Weekly visits to informal settlements',
        funding: [{ amount: 10_000, currency: 'EUR', source: 'sdg-related-fund', arrangement: '' }],
      },
    });
    sync(ana, ben);
    const expected = {
      title: 'Mobile clinic',
      sector: 'health',
      description: 'Weekly visits to informal settlements',
      funding: [{ amount: 10_000, currency: 'EUR', source: 'sdg-related-fund', arrangement: '' }],
    };
    expect(getCard(ana, id)?.fields).toMatchObject(expected);
    expect(getCard(ben, id)?.fields).toMatchObject(expected);
  });

  it('merge their typing in the same text field', () => {
    const ana = new Y.Doc();
    const id = intervention(ana, { description: 'Visits.' });
    const ben = replica(ana);
    updateCard(ana, id, { fields: { description: 'Weekly visits.' } });
    updateCard(ben, id, { fields: { description: 'Visits. Interpreters on site.' } });
    sync(ana, ben);
    expect(getCard(ana, id)?.fields).toMatchObject({ description: 'Weekly visits. Interpreters on site.' });
    expect(getCard(ben, id)?.fields).toMatchObject({ description: 'Weekly visits. Interpreters on site.' });
  });
});

describe('deleteCards', () => {
  it('removes the cards and every link bound to them, and keeps other links', () => {
    const doc = new Y.Doc();
    const target = addCard(doc, { kind: 'target', x: 0, y: 0, author: ANA, fields: { code: '10.7' } });
    const other = addCard(doc, { kind: 'target', x: 0, y: 0, author: ANA, fields: { code: '8.8' } });
    const a = intervention(doc);
    const actor = addCard(doc, { kind: 'actor', x: 0, y: 0, author: ANA });
    const toTarget = addLink(doc, { kind: 'contributes', from: a, to: target, author: ANA });
    const fromTarget = addLink(doc, { kind: 'interaction', from: target, to: other, author: ANA });
    const implemented = addLink(doc, { kind: 'implements', from: actor, to: a, author: ANA });
    const kept = addLink(doc, { kind: 'contributes', from: a, to: other, author: ANA });
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    deleteCards(doc, [target, actor]);
    expect(transactions).toBe(1);
    expect(hasCard(doc, target) || hasCard(doc, actor)).toBe(false);
    for (const gone of [toTarget, fromTarget, implemented]) expect(getLink(doc, gone)).toBeUndefined();
    expect(listLinks(doc).map((l) => l.id)).toEqual([kept]);
    expect(linksMap(doc).size).toBe(1);
  });

  it('deletes a single card with deleteCard', () => {
    const doc = new Y.Doc();
    const a = intervention(doc);
    const b = intervention(doc);
    deleteCard(doc, a);
    expect(listCards(doc).map((c) => c.id)).toEqual([b]);
  });
});

describe('cardText', () => {
  it('returns the live Y.Text of a text field: typing into it shows in the card, and updates show in it', () => {
    const doc = new Y.Doc();
    const id = intervention(doc, { title: 'Clinic' });
    const text = cardText(doc, id, 'title');
    expect(text).toBeInstanceOf(Y.Text);
    text?.insert(text.length, ' for all');
    expect(getCard(doc, id)?.fields).toMatchObject({ title: 'Clinic for all' });
    updateCard(doc, id, { fields: { title: 'Clinic for everyone' } });
    expect(text?.toString()).toBe('Clinic for everyone');
  });

  it('is undefined for a field that is not text, an unknown field or an unknown card', () => {
    const doc = new Y.Doc();
    const id = intervention(doc);
    expect(cardText(doc, id, 'sector')).toBeUndefined();
    expect(cardText(doc, id, 'funding')).toBeUndefined();
    expect(cardText(doc, id, 'nope')).toBeUndefined();
    expect(cardText(doc, 'missing', 'title')).toBeUndefined();
  });
});

describe('checkCardField and cardTitle', () => {
  it('checks one value for one field of a kind', () => {
    expect(checkCardField('intervention', 'sector', 'health')).toBeNull();
    expect(checkCardField('intervention', 'sector', 'space')).toMatch(/^sector: expected one of /);
    expect(checkCardField('note', 'size', 1)).toBe('size: unknown field');
  });

  it('titles a card by its code, title, name or first line of text', () => {
    const doc = new Y.Doc();
    const titles = CARD_KINDS.map((kind) => {
      const id = addCard(doc, { kind, x: 0, y: 0, author: ANA, fields: GIVEN[kind] as never });
      const card = getCard(doc, id);
      return card ? cardTitle(card) : undefined;
    });
    expect(titles).toEqual([
      '10.7',
      'Safe and regular migration pathways',
      'One-stop migrant resource centre',
      'Diaspora forum',
      'What about housing?',
      'Health',
    ]);
  });
});
