// What the interface says about the walk-through's decisions, the plan and the workshop details:
// the decision shown for an intervention (never its raw status alone), the plan's contents and
// standing, the outline's two-height rows, and checkMetaPatch's reasons in the form's words.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BoardItems } from '../../client/canvas/useBoardItems.ts';
import {
  decisionSentence,
  heldDecisions,
  planContents,
  planStanding,
  shownDecision,
  truncate,
} from '../../client/facilitation/decisions.ts';

import { flattenRows, groupItems, rowAt, rowOffsets } from '../../client/panels/outlineRows.ts';
import { describeMetaProblem } from '../../client/panels/workshop/metaText.ts';
import {
  type Author,
  addCard,
  addLink,
  checkMetaPatch,
  decideIntervention,
  listCards,
  listLinks,
  readFacilitation,
  updateCard,
} from '../../shared/model/index.ts';

const ADA: Author = { id: 'ada-id-0001', name: 'Ada', group: 'government-local' };

function board() {
  const doc = new Y.Doc();
  const target = addCard(doc, { kind: 'target', x: 0, y: 0, author: ADA, fields: { code: '10.7' } });
  const other = addCard(doc, { kind: 'target', x: 0, y: 200, author: ADA, fields: { code: '8.8' } });
  const a = addCard(doc, { kind: 'intervention', x: 300, y: 0, author: ADA, fields: { title: 'One-stop shop' } });
  const b = addCard(doc, { kind: 'intervention', x: 300, y: 200, author: ADA, fields: { title: 'Skills' } });
  addLink(doc, { kind: 'contributes', from: a, to: target, author: ADA });
  addLink(doc, { kind: 'contributes', from: b, to: other, author: ADA });
  const items = (): BoardItems => ({
    cards: new Map(listCards(doc).map((c) => [c.id, c])),
    links: new Map(listLinks(doc).map((l) => [l.id, l])),
  });
  return { doc, a, b, items };
}

describe('the decision shown for an intervention', () => {
  it('shows a sent-back item as sent back with its comment, though its status is only discussed', () => {
    const { doc, a, items } = board();
    updateCard(doc, a, { status: 'agreed' });
    decideIntervention(doc, a, { decision: 'sent-back', by: 'Ada', comment: 'Budget missing' });
    const card = items().cards.get(a);
    expect(card?.status).toBe('discussed');
    const shown = shownDecision(card as NonNullable<typeof card>, readFacilitation(doc).validation);
    expect(shown).toMatchObject({ decision: 'sent-back', by: 'Ada', comment: 'Budget missing' });
    expect(decisionSentence(shown)).toBe('Sent back by Ada: Budget missing');
    expect([...heldDecisions(items().cards.values(), readFacilitation(doc).validation).keys()]).toEqual([a]);
  });

  it('drops a walk-through agreement once a facilitator reopens the item, and names nobody for an agreement made elsewhere', () => {
    const { doc, a, b, items } = board();
    decideIntervention(doc, a, { decision: 'agreed', by: 'Ada' });
    updateCard(doc, a, { status: 'discussed' });
    updateCard(doc, b, { status: 'agreed' });
    const { validation } = readFacilitation(doc);
    const cards = items().cards;
    expect(shownDecision(cards.get(a) as never, validation).decision).toBe('not-reviewed');
    expect(shownDecision(cards.get(b) as never, validation)).toMatchObject({ decision: 'agreed', by: '' });
    expect(heldDecisions(cards.values(), validation).size).toBe(0);
  });

  it('cuts a long comment at a word, with an ellipsis', () => {
    expect(truncate('short', 20)).toBe('short');
    const cut = truncate('The budget is missing and the employers have not been consulted', 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut).toBe('The budget is missing and the…');
  });
});

describe('the plan’s contents and standing', () => {
  it('counts what the agreed scope holds, not only the items agreed, and stands as a draft until every intervention is decided', () => {
    const { doc, a, b, items } = board();
    expect(planContents(items()).text).toBe('The plan holds nothing yet.');
    decideIntervention(doc, a, { decision: 'agreed', by: 'Ada' });
    expect(planContents(items()).text).toBe('The plan holds 1 intervention, 1 target, 1 link.');
    let view = planStanding(items().cards.values(), readFacilitation(doc).validation, null);
    expect(view.text).toBe('Draft: 1 agreed, 0 sent back, 0 set aside, 1 not reviewed');
    decideIntervention(doc, b, { decision: 'set-aside', by: 'Ada' });
    view = planStanding(items().cards.values(), readFacilitation(doc).validation, null);
    expect(view.standing).toBe('validated');
    expect(planContents(items()).text).toBe('The plan holds 1 intervention, 1 target, 1 link.');
  });
});

describe('the outline’s rows', () => {
  it('gives an item with a decision a taller row and finds rows by offset', () => {
    const { doc, b, items } = board();
    decideIntervention(doc, b, { decision: 'sent-back', by: 'Ada', comment: 'Rework' });
    const held = heldDecisions(items().cards.values(), readFacilitation(doc).validation);
    const decisions = new Map(
      [...held].map(([id]) => [id, { decision: 'sent-back' as const, text: 'Sent back: Rework', sentence: '' }]),
    );
    const rows = flattenRows(groupItems(items(), decisions), new Set());
    const tops = rowOffsets(rows, 28, 46);
    const tall = rows.findIndex((r) => r.kind === 'item' && r.item.id === b);
    expect((tops[tall + 1] as number) - (tops[tall] as number)).toBe(46);
    expect(tops[rows.length]).toBe(28 * (rows.length - 1) + 46);
    expect(rowAt(tops, 0)).toBe(0);
    expect(rowAt(tops, (tops[tall] as number) + 30)).toBe(tall);
    expect(rowAt(tops, (tops[tall + 1] as number) + 1)).toBe(tall + 1);
    expect(rowAt(tops, 1e9)).toBe(rows.length - 1);
  });
});

describe('the workshop details form', () => {
  it('says checkMetaPatch’s reasons with the form’s labels', () => {
    const problem = checkMetaPatch({ periodStart: '2027-01-01', periodEnd: '2026-12-31' }) ?? '';
    expect(describeMetaProblem(problem)).toEqual({
      field: 'periodEnd',
      text: 'Plan period end: must not be before plan period start',
    });
    expect(describeMetaProblem(checkMetaPatch({ startDate: '2027-02-30' }) ?? '')).toEqual({
      field: 'startDate',
      text: 'Workshop start: expected a date (YYYY-MM-DD)',
    });
  });
});
