import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { analyseBoard } from '../../../shared/analysis/index.ts';
import { addCard, addLink, listCards, listLinks } from '../../../shared/model/index.ts';
import type { Link } from '../../../shared/model/kinds.ts';
import { boardBuilder } from './boardBuilder.ts';

const AUTHOR = { id: 'u1', name: 'Ana', group: 'government-national' };

describe('analyseBoard', () => {
  it('analyses the snapshot of a live document read through the model', () => {
    const doc = new Y.Doc();
    const t107 = addCard(doc, { kind: 'target', x: 0, y: 0, author: AUTHOR, fields: { code: '10.7' } });
    const t88 = addCard(doc, { kind: 'target', x: 300, y: 0, author: AUTHOR, fields: { code: '8.8' } });
    addLink(doc, { kind: 'interaction', from: t107, to: t88, author: AUTHOR, fields: { score: -2 } });
    addLink(doc, { kind: 'interaction', from: t88, to: t107, author: AUTHOR, fields: { score: 3 } });
    const analysis = analyseBoard({ cards: listCards(doc), links: listLinks(doc) });
    expect(analysis.targets.matrix.nodes.map((n) => n.code)).toEqual(['8.8', '10.7']);
    expect(Array.from(analysis.targets.matrix.scores)).toEqual([0, 3, -2, 0]);
    expect(analysis.tradeOffs).toHaveLength(1);
    expect(analysis.synergies).toHaveLength(1);
  });

  it('returns empty results for an empty board', () => {
    const analysis = analyseBoard({ cards: [], links: [] });
    expect(analysis.targets.matrix.size).toBe(0);
    expect(analysis.interventions.influence).toEqual([]);
    expect([analysis.synergies, analysis.tradeOffs, analysis.duplication, analysis.conflicts]).toEqual([
      [],
      [],
      [],
      [],
    ]);
  });

  it('lists the interaction links it cannot place, with the reason', () => {
    const b = boardBuilder();
    const target = b.target('3.8');
    const blank = b.target('99.9');
    const note = b.note();
    const toNote = b.interaction(target, note, 1);
    const toBlank = b.interaction(target, blank, 2);
    const board = b.snapshot();
    const dangling = { ...board.links[0], id: 'dangling', to: 'gone' } as Link;
    // Remote data is untrusted: a score off the scale must not reach the matrix.
    const badScore = {
      ...board.links[0],
      id: 'bad',
      fields: { ...board.links[0]?.fields, score: 7 },
    } as unknown as Link;
    const { ignoredLinks, synergies } = analyseBoard({
      cards: board.cards,
      links: [...board.links, dangling, badScore],
    });
    expect(ignoredLinks).toEqual([
      { linkId: toNote, reason: 'not-target-or-intervention' },
      { linkId: toBlank, reason: 'unknown-target-code' },
      { linkId: 'dangling', reason: 'missing-card' },
      { linkId: 'bad', reason: 'invalid-score' },
    ]);
    expect(synergies).toEqual([]);
  });

  it('gives the same result whatever the order of cards and links in the snapshot', () => {
    const b = boardBuilder();
    const ids = ['1.1', '2.2', '3.3', '4.4', '5.5'].map((code) => b.target(code));
    ids.forEach((from, i) => {
      ids.forEach((to, j) => {
        if (i !== j) b.interaction(from, to, (((i * 5 + j) % 7) - 3) as -3);
      });
    });
    const board = b.snapshot();
    const forward = analyseBoard(board);
    const backward = analyseBoard({ cards: [...board.cards].reverse(), links: [...board.links].reverse() });
    expect(backward).toEqual(forward);
  });
});
