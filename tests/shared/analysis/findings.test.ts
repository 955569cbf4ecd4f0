import { describe, expect, it } from 'vitest';
import { analyseBoard } from '../../../shared/analysis/index.ts';
import { boardBuilder } from './boardBuilder.ts';

const pairOf = (i: { from: { index: number; kind: string }; to: { index: number; kind: string } }, codes: string[]) =>
  `${codes[i.from.index]}→${codes[i.to.index]}`;

describe('trade-offs', () => {
  it('flags a trade-off between two prioritised targets and lists it first', () => {
    const b = boardBuilder();
    const t11 = b.target('1.1');
    const t31 = b.target('3.1');
    const t88 = b.target('8.8');
    const t107 = b.target('10.7');
    // 10.7 is addressed by an objective; 8.8 gets an agreed intervention; 1.1 only a proposed one.
    b.contributes(b.objective('Safe, orderly migration'), t107);
    b.contributes(b.intervention('Labour inspection', 'migration-programming', { status: 'agreed' }), t88);
    b.contributes(b.intervention('Cash transfers', 'migration-programming'), t11);
    b.interaction(t11, t31, -3);
    b.interaction(t107, t11, -3);
    b.interaction(t88, t107, -1);
    b.interaction(t107, t88, -2);
    b.interaction(t31, t88, 2);
    const analysis = analyseBoard(b.snapshot());
    const codes = analysis.targets.matrix.nodes.map((n) => n.code);
    expect(analysis.tradeOffs.map((t) => [pairOf(t, codes), t.score, t.prioritised])).toEqual([
      ['10.7→8.8', -2, 'both'],
      ['8.8→10.7', -1, 'both'],
      ['10.7→1.1', -3, 'one'],
      ['1.1→3.1', -3, 'none'],
    ]);
  });

  it('lists every negative link, the most severe first when prioritisation is equal', () => {
    const b = boardBuilder();
    const [x, y, z] = [b.target('6.1'), b.target('6.2'), b.target('6.3')] as const;
    b.interaction(x, y, -1);
    b.interaction(y, z, -3);
    b.interaction(z, x, -2);
    b.interaction(x, z, -1);
    const analysis = analyseBoard(b.snapshot());
    const codes = analysis.targets.matrix.nodes.map((n) => n.code);
    expect(analysis.tradeOffs.map((t) => `${pairOf(t, codes)} ${t.score}`)).toEqual([
      '6.2→6.3 -3',
      '6.3→6.1 -2',
      '6.1→6.2 -1',
      '6.1→6.3 -1',
    ]);
  });
});

describe('the strongest synergies', () => {
  it('sorts positive links by score, ties in catalogue order, and keeps the top N on request', () => {
    const b = boardBuilder();
    const t42 = b.target('4.2');
    const t41 = b.target('4.1');
    const t11 = b.target('1.1');
    b.interaction(t42, t11, 3);
    b.interaction(t41, t42, 1);
    b.interaction(t41, t11, 3);
    b.interaction(t11, t42, 2);
    b.interaction(t11, t41, -2);
    const all = analyseBoard(b.snapshot());
    const codes = all.targets.matrix.nodes.map((n) => n.code);
    expect(all.synergies.map((s) => `${pairOf(s, codes)} ${s.score}`)).toEqual([
      '4.1→1.1 3',
      '4.2→1.1 3',
      '1.1→4.2 2',
      '4.1→4.2 1',
    ]);
    const top = analyseBoard(b.snapshot(), { synergyLimit: 2 });
    expect(top.synergies.map((s) => `${pairOf(s, codes)} ${s.score}`)).toEqual(['4.1→1.1 3', '4.2→1.1 3']);
  });
});

describe('coherence notes', () => {
  it('lists the links tagged horizontal or vertical incoherence, horizontal first', () => {
    const b = boardBuilder();
    const x = b.target('11.1');
    const y = b.target('11.2');
    const z = b.target('11.3');
    const vertical = b.interaction(x, y, -2, { fields: { incoherence: 'vertical', rationale: 'Levels disagree' } });
    const horizontal = b.interaction(y, z, 1, { fields: { incoherence: 'horizontal' } });
    b.interaction(z, x, -3);
    const { coherence } = analyseBoard(b.snapshot());
    expect(coherence.map((n) => [n.link.id, n.incoherence])).toEqual([
      [horizontal, 'horizontal'],
      [vertical, 'vertical'],
    ]);
    expect(coherence[1]?.link.fields.rationale).toBe('Levels disagree');
  });
});
