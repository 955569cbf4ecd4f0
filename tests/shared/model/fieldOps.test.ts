import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addLink,
  cardText,
  checkLinkField,
  diffText,
  getCard,
  getLink,
  type ItemRef,
  insertListItem,
  itemText,
  linkText,
  listLength,
  removeListItem,
  replaceText,
  spliceText,
  updateCard,
  updateListItem,
} from '../../../shared/model/index.ts';
import { ANA, expectRefusedUnchanged, replica, sync } from './support.ts';

const NOW = 1_700_000_000_000;

function board(): { doc: Y.Doc; target: string; intervention: string; interaction: string } {
  const doc = new Y.Doc();
  const target = addCard(doc, { kind: 'target', x: 0, y: 0, author: ANA, fields: { code: '10.7' } }, undefined, NOW);
  const other = addCard(doc, { kind: 'target', x: 0, y: 0, author: ANA, fields: { code: '8.8' } }, undefined, NOW);
  const intervention = addCard(
    doc,
    { kind: 'intervention', x: 0, y: 0, author: ANA, fields: { title: 'Resource centre' } },
    undefined,
    NOW,
  );
  const interaction = addLink(
    doc,
    { kind: 'interaction', from: target, to: other, author: ANA, fields: { rationale: 'Safer jobs' } },
    undefined,
    NOW,
  );
  return { doc, target, intervention, interaction };
}

const card = (id: string): ItemRef => ({ type: 'card', id });
const link = (id: string): ItemRef => ({ type: 'link', id });

describe('linkText', () => {
  it('returns the live Y.Text of a link’s text field, which updateLink edits in place', () => {
    const { doc, interaction } = board();
    const text = linkText(doc, interaction, 'rationale');
    expect(text).toBeInstanceOf(Y.Text);
    expect(text?.toString()).toBe('Safer jobs');
    text?.insert(0, 'Much ');
    expect(getLink(doc, interaction)?.fields).toMatchObject({ rationale: 'Much Safer jobs' });
  });

  it('is undefined for a field that is not text, an unknown field, a missing link or a card id', () => {
    const { doc, interaction, target } = board();
    expect(linkText(doc, interaction, 'score')).toBeUndefined();
    expect(linkText(doc, interaction, 'nope')).toBeUndefined();
    expect(linkText(doc, 'missing-link-id', 'rationale')).toBeUndefined();
    expect(linkText(doc, target, 'crossCuttingNote')).toBeUndefined();
  });

  it('merges two people typing into the same link field at once', () => {
    const { doc, interaction } = board();
    const other = replica(doc);
    linkText(doc, interaction, 'rationale')?.insert(0, 'Decent work: ');
    linkText(other, interaction, 'rationale')?.insert(10, ', fair recruitment');
    sync(doc, other);
    const expected = 'Decent work: Safer jobs, fair recruitment';
    expect(getLink(doc, interaction)?.fields).toMatchObject({ rationale: expected });
    expect(getLink(other, interaction)?.fields).toMatchObject({ rationale: expected });
  });

  it('checks a value for a field of a link kind', () => {
    expect(checkLinkField('interaction', 'score', 2)).toBeNull();
    expect(checkLinkField('interaction', 'score', 5)).toMatch(/score: expected one of/);
    expect(checkLinkField('implements', 'colour', 'x')).toBe('colour: unknown field');
  });
});

describe('itemText', () => {
  it('finds the text of a card or a link by reference', () => {
    const { doc, intervention, interaction } = board();
    expect(itemText(doc, card(intervention), 'title')).toBe(cardText(doc, intervention, 'title'));
    expect(itemText(doc, link(interaction), 'rationale')).toBe(linkText(doc, interaction, 'rationale'));
  });
});

describe('diffText', () => {
  it('keeps the common prefix and suffix', () => {
    expect(diffText('abcdef', 'abXYef')).toEqual({ index: 2, remove: 2, insert: 'XY' });
    expect(diffText('same', 'same')).toEqual({ index: 4, remove: 0, insert: '' });
  });

  it('puts an ambiguous insertion where the caret says it was typed', () => {
    // "aa" → "aaa": typed at the start (caret 1), the middle (2) or the end (3).
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 3)).toEqual({ index: 2, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa')).toEqual({ index: 2, remove: 0, insert: 'a' });
  });

  it('puts an ambiguous deletion where the caret says it was made', () => {
    // Backspace after the first of three a's.
    expect(diffText('aaa', 'aa', 0)).toEqual({ index: 0, remove: 1, insert: '' });
    expect(diffText('aaa', 'aa', 1)).toEqual({ index: 1, remove: 1, insert: '' });
  });

  it('handles a replaced selection and a paste with the caret', () => {
    expect(diffText('Health clinic', 'Mobile clinic', 6)).toEqual({ index: 0, remove: 6, insert: 'Mobile' });
    expect(diffText('ab', 'aXYZb', 4)).toEqual({ index: 1, remove: 0, insert: 'XYZ' });
  });

  it('never splits an emoji', () => {
    const edit = diffText('a😀b', 'a😁b', 3);
    expect(edit).toEqual({ index: 1, remove: 2, insert: '😁' });
  });

  it('replaceText with a caret makes the same minimal edit', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'aa');
    const deltas: unknown[] = [];
    text.observe((e) => deltas.push(e.delta));
    replaceText(text, 'aaa', 1);
    expect(deltas).toEqual([[{ insert: 'a' }]]);
  });
});

describe('spliceText', () => {
  it('applies one keystroke to a card’s text and stamps updatedAt', () => {
    const { doc, intervention } = board();
    spliceText(doc, card(intervention), 'title', { index: 0, remove: 0, insert: 'Migrant ' }, undefined, NOW + 5);
    expect(getCard(doc, intervention)).toMatchObject({
      updatedAt: NOW + 5,
      fields: { title: 'Migrant Resource centre' },
    });
    spliceText(doc, card(intervention), 'title', { index: 8, remove: 9, insert: '' });
    expect(getCard(doc, intervention)?.fields).toMatchObject({ title: 'Migrant centre' });
  });

  it('edits a link’s text in one transaction with the caller’s origin', () => {
    const { doc, interaction } = board();
    const origin = Symbol('me');
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    spliceText(doc, link(interaction), 'rationale', { index: 5, remove: 0, insert: ', better' }, origin);
    expect(origins).toEqual([origin]);
    expect(getLink(doc, interaction)?.fields).toMatchObject({ rationale: 'Safer, better jobs' });
  });

  it('refuses a field that is not text and an edit past the end, writing nothing', () => {
    const { doc, intervention } = board();
    expectRefusedUnchanged(
      doc,
      () => spliceText(doc, card(intervention), 'sector', { index: 0, remove: 0, insert: 'x' }),
      'sector: not a text field',
    );
    expectRefusedUnchanged(
      doc,
      () => spliceText(doc, card(intervention), 'title', { index: 10, remove: 9, insert: '' }),
      'title: the edit goes beyond the end of the text',
    );
    expectRefusedUnchanged(
      doc,
      () => spliceText(doc, card('no-such-card'), 'title', { index: 0, remove: 0, insert: 'x' }),
      'no card no-such-card',
    );
  });

  it('merges concurrent keystrokes of two people in the same field', () => {
    const { doc, intervention } = board();
    const other = replica(doc);
    // Ana types at the start while Ben types at the end of "Resource centre".
    for (const [i, ch] of [...'One-stop '].entries()) {
      spliceText(doc, card(intervention), 'title', { index: i, remove: 0, insert: ch });
    }
    for (const [i, ch] of [...' for migrants'].entries()) {
      spliceText(other, card(intervention), 'title', { index: 15 + i, remove: 0, insert: ch });
    }
    sync(doc, other);
    const expected = 'One-stop Resource centre for migrants';
    expect(getCard(doc, intervention)?.fields).toMatchObject({ title: expected });
    expect(getCard(other, intervention)?.fields).toMatchObject({ title: expected });
  });
});

describe('list entries', () => {
  it('inserts entries with defaults for the keys not given, at a clamped index', () => {
    const { doc, intervention } = board();
    const ref = card(intervention);
    expect(insertListItem(doc, ref, 'funding', 0, { amount: 50_000, currency: 'EUR' }, undefined, NOW + 1)).toBe(0);
    expect(insertListItem(doc, ref, 'funding', 99, { source: 'private' })).toBe(1);
    expect(listLength(doc, ref, 'funding')).toBe(2);
    expect(getCard(doc, intervention)?.fields).toMatchObject({
      funding: [
        { amount: 50_000, currency: 'EUR', source: 'domestic-budget', arrangement: '' },
        { amount: 0, currency: '', source: 'private', arrangement: '' },
      ],
    });
  });

  it('updates some keys of one entry and removes an entry', () => {
    const { doc, intervention } = board();
    const ref = card(intervention);
    updateCard(doc, intervention, {
      fields: {
        milestones: [
          { date: '2026-03-01', description: 'Centre opens' },
          { date: '2026-09-01', description: 'First review' },
        ],
      },
    });
    updateListItem(doc, ref, 'milestones', 1, { date: '2026-10-15' }, undefined, NOW + 7);
    expect(getCard(doc, intervention)).toMatchObject({
      updatedAt: NOW + 7,
      fields: {
        milestones: [
          { date: '2026-03-01', description: 'Centre opens' },
          { date: '2026-10-15', description: 'First review' },
        ],
      },
    });
    removeListItem(doc, ref, 'milestones', 0);
    expect(getCard(doc, intervention)?.fields).toMatchObject({
      milestones: [{ date: '2026-10-15', description: 'First review' }],
    });
  });

  it('refuses invalid values, missing entries and fields that are not lists, writing nothing', () => {
    const { doc, intervention } = board();
    const ref = card(intervention);
    insertListItem(doc, ref, 'funding', 0);
    expectRefusedUnchanged(
      doc,
      () => insertListItem(doc, ref, 'funding', 0, { amount: -1 }),
      'fields.funding[0].amount: must be at least 0',
    );
    expectRefusedUnchanged(
      doc,
      () => updateListItem(doc, ref, 'funding', 0, { source: 'lottery' }),
      /fields\.funding\[0\]\.source: expected one of/,
    );
    expectRefusedUnchanged(
      doc,
      () => updateListItem(doc, ref, 'funding', 0, { colour: 'red' }),
      'fields.funding[0].colour: unknown field',
    );
    expectRefusedUnchanged(doc, () => updateListItem(doc, ref, 'funding', 3, { amount: 1 }), 'funding: no entry 3');
    expectRefusedUnchanged(doc, () => removeListItem(doc, ref, 'funding', 1), 'funding: no entry 1');
    expectRefusedUnchanged(doc, () => insertListItem(doc, ref, 'title', 0), 'title: not a list field');
  });

  it('keeps two people’s edits of different keys of one entry, and entries added at once', () => {
    const { doc, intervention } = board();
    const ref = card(intervention);
    insertListItem(doc, ref, 'funding', 0);
    const other = replica(doc);
    updateListItem(doc, ref, 'funding', 0, { amount: 120_000 });
    updateListItem(other, ref, 'funding', 0, { currency: 'USD', source: 'development-partner' });
    insertListItem(doc, ref, 'indicators', 0, { indicator: 'Migrants served' });
    insertListItem(other, ref, 'indicators', 0, { indicator: 'Complaints resolved' });
    sync(doc, other);
    for (const d of [doc, other]) {
      const fields = getCard(d, intervention)?.fields as Record<string, unknown>;
      expect(fields.funding).toEqual([
        { amount: 120_000, currency: 'USD', source: 'development-partner', arrangement: '' },
      ]);
      expect((fields.indicators as { indicator: string }[]).map((i) => i.indicator).sort()).toEqual([
        'Complaints resolved',
        'Migrants served',
      ]);
    }
  });
});

describe('two people editing one intervention', () => {
  it('keeps both edits when they change different fields at once', () => {
    const { doc, intervention } = board();
    const other = replica(doc);
    updateCard(doc, intervention, { fields: { type: 'migration-programming', startDate: '2026-01-01' } });
    spliceText(doc, card(intervention), 'rationale', { index: 0, remove: 0, insert: 'Newcomers lack information.' });
    updateCard(other, intervention, { fields: { sector: 'governance', endDate: '2027-12-31' } });
    insertListItem(other, card(intervention), 'funding', 0, { amount: 50_000, currency: 'EUR' });
    sync(doc, other);
    for (const d of [doc, other]) {
      expect(getCard(d, intervention)?.fields).toMatchObject({
        title: 'Resource centre',
        type: 'migration-programming',
        sector: 'governance',
        rationale: 'Newcomers lack information.',
        startDate: '2026-01-01',
        endDate: '2027-12-31',
        funding: [{ amount: 50_000, currency: 'EUR', source: 'domestic-budget', arrangement: '' }],
      });
    }
  });
});
