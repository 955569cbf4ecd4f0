import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addLink,
  CARD_KINDS,
  type CardKind,
  checkLinkEnds,
  deleteCard,
  deleteLinks,
  getLink,
  LINK_KINDS,
  type LinkKind,
  linkKindsBetween,
  listLinks,
  moveCard,
  retargetLink,
  updateLink,
} from '../../../shared/model/index.ts';
import { linksMap } from '../../../shared/model/layout.ts';
import { ANA, expectRefusedUnchanged, replica, sync } from './support.ts';

const NOW = 1_700_000_000_000;

/** The allowed ends, written out from PRODUCT.md rather than read from the code. */
const ALLOWED: Record<LinkKind, { from: CardKind[]; to: CardKind[] }> = {
  contributes: { from: ['intervention', 'objective'], to: ['target'] },
  interaction: { from: ['target', 'intervention'], to: ['target', 'intervention'] },
  implements: { from: ['actor'], to: ['intervention'] },
};

function card(doc: Y.Doc, kind: CardKind): string {
  return addCard(doc, { kind, x: 0, y: 0, author: ANA }, undefined, NOW);
}

describe('addLink', () => {
  const cases = LINK_KINDS.flatMap((link) =>
    CARD_KINDS.flatMap((from) => CARD_KINDS.map((to) => ({ link, from, to }))),
  );

  it.each(cases)('decides whether a $link link may go from $from to $to', ({ link, from, to }) => {
    const doc = new Y.Doc();
    const a = card(doc, from);
    const b = card(doc, to);
    const allowed = ALLOWED[link].from.includes(from) && ALLOWED[link].to.includes(to);
    if (allowed) {
      const id = addLink(doc, { kind: link, from: a, to: b, author: ANA });
      expect(getLink(doc, id)).toMatchObject({ kind: link, from: a, to: b });
    } else {
      expectRefusedUnchanged(
        doc,
        () => addLink(doc, { kind: link, from: a, to: b, author: ANA }),
        `a ${link} link goes from ${ALLOWED[link].from.join(' or ')} to ${ALLOWED[link].to.join(' or ')}, not from ${from} to ${to}`,
      );
    }
  });

  it('creates a link with defaults, author, times, and empty comments and votes', () => {
    const doc = new Y.Doc();
    const a = card(doc, 'target');
    const b = card(doc, 'target');
    const id = addLink(doc, { kind: 'interaction', from: a, to: b, author: ANA }, undefined, NOW + 1);
    expect(getLink(doc, id)).toEqual({
      id,
      kind: 'interaction',
      from: a,
      to: b,
      status: 'proposed',
      author: ANA,
      createdAt: NOW + 1,
      updatedAt: NOW + 1,
      comments: [],
      votes: {},
      fields: { score: 0, rationale: '', conditions: '', confidence: 'low', incoherence: '' },
    });
  });

  it('keeps given fields and status, with scores stored as numbers', () => {
    const doc = new Y.Doc();
    const a = card(doc, 'target');
    const b = card(doc, 'intervention');
    const id = addLink(doc, {
      kind: 'interaction',
      from: a,
      to: b,
      status: 'discussed',
      author: ANA,
      fields: { score: -2, rationale: 'Competes for the same budget', confidence: 'high', incoherence: 'vertical' },
    });
    expect(getLink(doc, id)).toMatchObject({
      status: 'discussed',
      fields: { score: -2, rationale: 'Competes for the same budget', confidence: 'high', incoherence: 'vertical' },
    });
    const fields = (linksMap(doc).get(id) as Y.Map<unknown>).get('fields') as Y.Map<unknown>;
    expect(fields.get('score')).toBe(-2);
    expect(fields.get('rationale')).toBeInstanceOf(Y.Text);
  });

  it('treats A→B and B→A as two separate interaction links', () => {
    const doc = new Y.Doc();
    const a = card(doc, 'target');
    const b = card(doc, 'target');
    const ab = addLink(doc, { kind: 'interaction', from: a, to: b, author: ANA, fields: { score: 2 } });
    const ba = addLink(doc, { kind: 'interaction', from: b, to: a, author: ANA, fields: { score: -1 } });
    expect(ab).not.toBe(ba);
    expect(listLinks(doc)).toHaveLength(2);
  });

  it('refuses a link from a card to itself, to a missing card, of an unknown kind or with bad fields', () => {
    const doc = new Y.Doc();
    const t = card(doc, 'target');
    const i = card(doc, 'intervention');
    expectRefusedUnchanged(
      doc,
      () => addLink(doc, { kind: 'interaction', from: t, to: t, author: ANA }),
      'a link cannot join a card to itself',
    );
    expectRefusedUnchanged(
      doc,
      () => addLink(doc, { kind: 'contributes', from: i, to: 'gone', author: ANA }),
      'no card gone',
    );
    expectRefusedUnchanged(
      doc,
      () => addLink(doc, { kind: 'blocks' as never, from: i, to: t, author: ANA }),
      'unknown link kind: blocks',
    );
    expectRefusedUnchanged(
      doc,
      () => addLink(doc, { kind: 'interaction', from: i, to: t, author: ANA, fields: { score: 5 as never } }),
      'fields.score: expected one of 3, 2, 1, 0, -1, -2, -3',
    );
    expectRefusedUnchanged(
      doc,
      () => addLink(doc, { kind: 'interaction', from: i, to: t, status: 'final' as never, author: ANA }),
      'status: expected proposed, discussed or agreed',
    );
  });

  it('binds a link to its cards by id, so moving a card leaves the link joined to it', () => {
    const doc = new Y.Doc();
    const i = card(doc, 'intervention');
    const t = card(doc, 'target');
    const id = addLink(doc, { kind: 'contributes', from: i, to: t, author: ANA });
    moveCard(doc, t, 500, 500);
    expect(getLink(doc, id)).toMatchObject({ from: i, to: t });
  });
});

describe('linkKindsBetween and checkLinkEnds', () => {
  it('lists the kinds that may join two cards, in order of preference', () => {
    const doc = new Y.Doc();
    const target = card(doc, 'target');
    const target2 = card(doc, 'target');
    const intervention = card(doc, 'intervention');
    const objective = card(doc, 'objective');
    const actor = card(doc, 'actor');
    const note = card(doc, 'note');
    expect(linkKindsBetween(doc, intervention, target)).toEqual(['contributes', 'interaction']);
    expect(linkKindsBetween(doc, objective, target)).toEqual(['contributes']);
    expect(linkKindsBetween(doc, target, target2)).toEqual(['interaction']);
    expect(linkKindsBetween(doc, target, intervention)).toEqual(['interaction']);
    expect(linkKindsBetween(doc, actor, intervention)).toEqual(['implements']);
    expect(linkKindsBetween(doc, intervention, actor)).toEqual([]);
    expect(linkKindsBetween(doc, note, target)).toEqual([]);
    expect(linkKindsBetween(doc, target, target)).toEqual([]);
    expect(linkKindsBetween(doc, target, 'missing')).toEqual([]);
  });

  it('explains why ends are refused, and gives null when they are allowed', () => {
    const doc = new Y.Doc();
    const target = card(doc, 'target');
    const actor = card(doc, 'actor');
    const intervention = card(doc, 'intervention');
    expect(checkLinkEnds(doc, 'implements', actor, intervention)).toBeNull();
    expect(checkLinkEnds(doc, 'implements', actor, target)).toBe(
      'a implements link goes from actor to intervention, not from actor to target',
    );
    expect(checkLinkEnds(doc, 'contributes', 'missing', target)).toBe('no card missing');
  });
});

describe('updateLink and retargetLink', () => {
  it('updates a link score, text fields and status', () => {
    const doc = new Y.Doc();
    const a = card(doc, 'target');
    const b = card(doc, 'target');
    const id = addLink(doc, { kind: 'interaction', from: a, to: b, author: ANA });
    updateLink(
      doc,
      id,
      { status: 'agreed', fields: { score: 3, conditions: 'If both are funded' } },
      undefined,
      NOW + 7,
    );
    expect(getLink(doc, id)).toMatchObject({
      status: 'agreed',
      updatedAt: NOW + 7,
      fields: { score: 3, conditions: 'If both are funded' },
    });
    expectRefusedUnchanged(
      doc,
      () => updateLink(doc, id, { fields: { confidence: 'certain' } }),
      'fields.confidence: expected one of "low", "medium", "high"',
    );
    expectRefusedUnchanged(doc, () => updateLink(doc, 'missing', { status: 'agreed' }), 'no link missing');
  });

  it('re-binds one end to another allowed card', () => {
    const doc = new Y.Doc();
    const i = card(doc, 'intervention');
    const t1 = card(doc, 'target');
    const t2 = card(doc, 'target');
    const id = addLink(doc, { kind: 'contributes', from: i, to: t1, author: ANA });
    retargetLink(doc, id, 'to', t2, undefined, NOW + 3);
    expect(getLink(doc, id)).toMatchObject({ from: i, to: t2, updatedAt: NOW + 3 });
    const o = card(doc, 'objective');
    retargetLink(doc, id, 'from', o);
    expect(getLink(doc, id)).toMatchObject({ from: o, to: t2 });
  });

  it('refuses to re-bind to a card of the wrong kind, to the other end or to a missing card', () => {
    const doc = new Y.Doc();
    const i = card(doc, 'intervention');
    const t = card(doc, 'target');
    const note = card(doc, 'note');
    const id = addLink(doc, { kind: 'contributes', from: i, to: t, author: ANA });
    expectRefusedUnchanged(
      doc,
      () => retargetLink(doc, id, 'to', note),
      'a contributes link goes from intervention or objective to target, not from intervention to note',
    );
    expectRefusedUnchanged(doc, () => retargetLink(doc, id, 'to', i), 'a link cannot join a card to itself');
    expectRefusedUnchanged(doc, () => retargetLink(doc, id, 'from', 'missing'), 'no card missing');
    expectRefusedUnchanged(doc, () => retargetLink(doc, 'missing', 'to', t), 'no link missing');
    expect(getLink(doc, id)).toMatchObject({ from: i, to: t });
  });
});

describe('deleting and dangling links', () => {
  it('deletes links by id and leaves their cards', () => {
    const doc = new Y.Doc();
    const i = card(doc, 'intervention');
    const t = card(doc, 'target');
    const a = addLink(doc, { kind: 'contributes', from: i, to: t, author: ANA });
    const b = addLink(doc, { kind: 'interaction', from: i, to: t, author: ANA });
    deleteLinks(doc, [a]);
    expect(listLinks(doc).map((l) => l.id)).toEqual([b]);
    expect(getLink(doc, a)).toBeUndefined();
  });

  it('hides from listLinks a link left dangling by a concurrent card delete on another document', () => {
    const ana = new Y.Doc();
    const i = card(ana, 'intervention');
    const t = card(ana, 'target');
    const ben = replica(ana);
    // Ana links the intervention to the target while Ben, offline, deletes the target.
    const link = addLink(ana, { kind: 'contributes', from: i, to: t, author: ANA });
    deleteCard(ben, t);
    sync(ana, ben);
    for (const doc of [ana, ben]) {
      expect(listLinks(doc)).toEqual([]);
      // The link is still stored (no one deleted it); only listLinks hides it.
      expect(getLink(doc, link)).toMatchObject({ from: i, to: t });
    }
  });
});
