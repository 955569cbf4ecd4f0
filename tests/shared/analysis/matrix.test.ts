import { describe, expect, it } from 'vitest';
import { analyseBoard, scoreAt, secondOrder } from '../../../shared/analysis/index.ts';
import { boardBuilder } from './boardBuilder.ts';

describe('the cross-impact matrix over targets', () => {
  // A = 1.1, B = 2.1, C = 3.1, D = 4.1. Rows influence columns; "·" is an empty cell.
  //        A    B    C    D
  //   A    ·   +2   −1    ·
  //   B    ·    ·   +3   −2
  //   C   +1    ·    ·   +2
  //   D    0   −3    ·    ·
  // Row sums (pos / neg / net): A 2/−1/1, B 3/−2/1, C 3/0/3, D 0/−3/−3.
  // Column sums:                A 1/0/1, B 2/−3/−1, C 3/−1/2, D 2/−2/0.
  // Second order s2(X,Z) = Σ over Y ≠ X,Z of s(X,Y)·s(Y,Z) (round trips X→Y→X excluded):
  //   A→B→C = 2·3 = 6;  A→B→D = 2·(−2) = −4;  A→C→D = (−1)·2 = −2      → s2(A,C)=6, s2(A,D)=−6
  //   B→C→A = 3·1 = 3;  B→C→D = 3·2 = 6;      B→D→A = (−2)·0 = 0       → s2(B,A)=3, s2(B,D)=6
  //   C→A→B = 1·2 = 2;  C→D→B = 2·(−3) = −6;  C→D→A = 2·0 = 0          → s2(C,B)=−4 (+2, −6)
  //   D→B→C = (−3)·3 = −9; D→A→B = 0·2 = 0; D→A→C = 0·(−1) = 0         → s2(D,C)=−9
  // Second-order out (pos / neg / net): A 6/−6/0, B 9/0/9, C 2/−6/−4, D 0/−9/−9.
  // Second-order in:                    A 3/0/3,  B 2/−6/−4, C 6/−9/−3, D 6/−6/0.
  function fourTargetBoard() {
    const b = boardBuilder();
    // Placed out of catalogue order on purpose: the matrix must still read A, B, C, D.
    const d = b.target('4.1');
    const c = b.target('3.1');
    const a = b.target('1.1');
    const bb = b.target('2.1');
    b.interaction(a, bb, 2);
    b.interaction(a, c, -1);
    b.interaction(bb, c, 3);
    b.interaction(bb, d, -2);
    b.interaction(c, a, 1);
    b.interaction(c, d, 2);
    b.interaction(d, bb, -3);
    b.interaction(d, a, 0);
    return b.snapshot();
  }

  it('orders target codes as in the official catalogue and fills the cells row by row', () => {
    const { matrix } = analyseBoard(fourTargetBoard()).targets;
    expect(matrix.nodes.map((n) => n.code)).toEqual(['1.1', '2.1', '3.1', '4.1']);
    expect(Array.from(matrix.scores)).toEqual([0, 2, -1, 0, 0, 0, 3, -2, 1, 0, 0, 2, 0, -3, 0, 0]);
    expect(Array.from(matrix.scored)).toEqual([0, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0]);
  });

  it('gives each target its row and column sums with positive and negative parts apart', () => {
    const { influence } = analyseBoard(fourTargetBoard()).targets;
    expect(influence.map((i) => i.out)).toEqual([
      { net: 1, positive: 2, negative: -1 },
      { net: 1, positive: 3, negative: -2 },
      { net: 3, positive: 3, negative: 0 },
      { net: -3, positive: 0, negative: -3 },
    ]);
    expect(influence.map((i) => i.in)).toEqual([
      { net: 1, positive: 1, negative: 0 },
      { net: -1, positive: 2, negative: -3 },
      { net: 2, positive: 3, negative: -1 },
      { net: 0, positive: 2, negative: -2 },
    ]);
    expect(influence.map((i) => [i.scoredOut, i.scoredIn])).toEqual([
      [2, 2],
      [2, 2],
      [2, 2],
      [2, 2],
    ]);
  });

  it('computes second-order influence through intermediaries and reports it beside the direct sums', () => {
    const { influence, secondOrder: s2 } = analyseBoard(fourTargetBoard()).targets;
    expect(Array.from(s2.net)).toEqual([0, 0, 6, -6, 3, 0, 0, 6, 0, -4, 0, 0, 0, 0, -9, 0]);
    expect(Array.from(s2.positive)).toEqual([0, 0, 6, 0, 3, 0, 0, 6, 0, 2, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(s2.negative)).toEqual([0, 0, 0, -6, 0, 0, 0, 0, 0, -6, 0, 0, 0, 0, -9, 0]);
    expect(influence.map((i) => i.secondOrderOut)).toEqual([
      { net: 0, positive: 6, negative: -6 },
      { net: 9, positive: 9, negative: 0 },
      { net: -4, positive: 2, negative: -6 },
      { net: -9, positive: 0, negative: -9 },
    ]);
    expect(influence.map((i) => i.secondOrderIn)).toEqual([
      { net: 3, positive: 3, negative: 0 },
      { net: -4, positive: 2, negative: -6 },
      { net: -3, positive: 6, negative: -9 },
      { net: 0, positive: 6, negative: -6 },
    ]);
  });

  it('counts a score of 0 as a scored cell, distinct from an empty one', () => {
    const b = boardBuilder();
    const x = b.target('5.1');
    const y = b.target('5.2');
    b.interaction(x, y, 0);
    const { matrix, influence } = analyseBoard(b.snapshot()).targets;
    expect(scoreAt(matrix, 0, 1)).toBe(0);
    expect(scoreAt(matrix, 1, 0)).toBeUndefined();
    expect(influence[0]?.scoredOut).toBe(1);
    expect(influence[0]?.out).toEqual({ net: 0, positive: 0, negative: 0 });
  });

  it('merges target cards that carry the same code into one row and column', () => {
    const b = boardBuilder();
    const first = b.target('10.7');
    const second = b.target(' 10.C ');
    const again = b.target('10.7');
    const work = b.target('8.8');
    b.interaction(first, work, 2);
    b.interaction(work, again, 1);
    const { matrix, influence } = analyseBoard(b.snapshot()).targets;
    expect(matrix.nodes).toEqual([
      { code: '8.8', goal: 8, cardIds: [work] },
      { code: '10.7', goal: 10, cardIds: [first, again] },
      { code: '10.c', goal: 10, cardIds: [second] },
    ]);
    expect(scoreAt(matrix, 1, 0)).toBe(2);
    expect(scoreAt(matrix, 0, 1)).toBe(1);
    expect(influence[1]?.out.net).toBe(2);
    expect(influence[1]?.in.net).toBe(1);
  });

  it('ignores a link between two cards of the same code as a self-loop', () => {
    const b = boardBuilder();
    const first = b.target('10.7');
    const again = b.target('10.7');
    const loop = b.interaction(first, again, 3);
    const analysis = analyseBoard(b.snapshot());
    expect(analysis.targets.matrix.scored.every((s) => s === 0)).toBe(true);
    expect(analysis.synergies).toEqual([]);
    expect(analysis.ignoredLinks).toEqual([{ linkId: loop, reason: 'self-loop' }]);
  });

  it('uses the most recently updated of several links on one ordered pair and reports the conflict', () => {
    const b = boardBuilder();
    const x = b.target('1.2');
    const y = b.target('1.4');
    const recent = b.interaction(x, y, -2, { updatedAt: 100 });
    const older = b.interaction(x, y, 3, { updatedAt: 50 });
    const agreeing = b.interaction(y, x, 1, { updatedAt: 10 });
    const repeated = b.interaction(y, x, 1, { updatedAt: 20 });
    const analysis = analyseBoard(b.snapshot());
    expect(scoreAt(analysis.targets.matrix, 0, 1)).toBe(-2);
    expect(analysis.targets.matrix.linkIds[1]).toBe(recent);
    expect(analysis.synergies.map((s) => s.link.id)).toEqual([repeated]);
    expect(analysis.conflicts).toEqual([
      {
        from: { kind: 'target', index: 0, code: '1.2' },
        to: { kind: 'target', index: 1, code: '1.4' },
        links: [
          { id: recent, score: -2, updatedAt: 100 },
          { id: older, score: 3, updatedAt: 50 },
        ],
        scoresDiffer: true,
      },
      {
        from: { kind: 'target', index: 1, code: '1.4' },
        to: { kind: 'target', index: 0, code: '1.2' },
        links: [
          { id: repeated, score: 1, updatedAt: 20 },
          { id: agreeing, score: 1, updatedAt: 10 },
        ],
        scoresDiffer: false,
      },
    ]);
  });

  it('breaks a tie in update time in favour of the later created link', () => {
    const b = boardBuilder();
    const x = b.target('7.1');
    const y = b.target('7.2');
    b.interaction(x, y, 1, { updatedAt: 30 });
    const later = b.interaction(x, y, 2, { updatedAt: 30 });
    const { targets, conflicts } = analyseBoard(b.snapshot());
    expect(targets.matrix.linkIds[1]).toBe(later);
    expect(conflicts[0]?.scoresDiffer).toBe(true);
  });

  it('treats links from two cards of the same code to one target as a conflict on one cell', () => {
    const b = boardBuilder();
    const first = b.target('10.7');
    const again = b.target('10.7');
    const work = b.target('8.8');
    b.interaction(first, work, 2);
    const later = b.interaction(again, work, -1);
    const analysis = analyseBoard(b.snapshot());
    expect(scoreAt(analysis.targets.matrix, 1, 0)).toBe(-1);
    expect(analysis.conflicts).toHaveLength(1);
    expect(analysis.conflicts[0]?.links[0]?.id).toBe(later);
  });
});

describe('the cross-impact matrix over interventions', () => {
  it('has one row and column per intervention in order of creation, with the same sums', () => {
    const b = boardBuilder();
    const p = b.intervention('Pre-departure training');
    const q = b.intervention('Recognition of skills', 'new-policy-or-legislation');
    const r = b.intervention('Migrant resource centre');
    const t = b.target('10.7');
    b.interaction(p, q, 2);
    b.interaction(q, r, -1);
    b.interaction(r, p, 3);
    const mixed = b.interaction(p, t, 1);
    const { interventions, targets, synergies } = analyseBoard(b.snapshot());
    expect(interventions.matrix.nodes.map((n) => n.title)).toEqual([
      'Pre-departure training',
      'Recognition of skills',
      'Migrant resource centre',
    ]);
    expect(Array.from(interventions.matrix.scores)).toEqual([0, 2, 0, 0, 0, -1, 3, 0, 0]);
    expect(interventions.influence.map((i) => i.out.net)).toEqual([2, -1, 3]);
    expect(interventions.influence.map((i) => i.in)).toEqual([
      { net: 3, positive: 3, negative: 0 },
      { net: 2, positive: 2, negative: 0 },
      { net: -1, positive: 0, negative: -1 },
    ]);
    // p→q→r = 2·(−1) = −2, q→r→p = (−1)·3 = −3, r→p→q = 3·2 = 6.
    expect(Array.from(interventions.secondOrder.net)).toEqual([0, 0, -2, -3, 0, 0, 0, 6, 0]);
    // A link between an intervention and a target is in neither matrix, but is still a synergy.
    expect(targets.matrix.scored.every((s) => s === 0)).toBe(true);
    expect(synergies.find((s) => s.link.id === mixed)?.from).toEqual({ kind: 'intervention', index: 0, id: p });
  });
});

describe('second-order influence', () => {
  it('equals the sum over intermediaries computed path by path on a random matrix', () => {
    const n = 12;
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const scores = new Float64Array(n * n);
    for (let i = 0; i < n * n; i++) {
      if (Math.floor(i / n) !== i % n && random() < 0.4) scores[i] = Math.floor(random() * 7) - 3;
    }
    const result = secondOrder(scores, n);
    for (let a = 0; a < n; a++) {
      for (let c = 0; c < n; c++) {
        let positive = 0;
        let negative = 0;
        if (a !== c) {
          for (let m = 0; m < n; m++) {
            if (m === a || m === c) continue;
            const p = (scores[a * n + m] as number) * (scores[m * n + c] as number);
            if (p > 0) positive += p;
            else if (p < 0) negative += p;
          }
        }
        expect(result.positive[a * n + c]).toBe(positive);
        expect(result.negative[a * n + c]).toBe(negative);
        expect(result.net[a * n + c]).toBe(positive + negative);
      }
    }
  });

  it('leaves out paths through a non-zero diagonal, so a raw matrix with self-scores is safe', () => {
    // s(A,A) = 3 must not count as an intermediary: A→A→B is not a path through another node.
    const result = secondOrder(Float64Array.from([3, 2, 0, 0, 0, 1, 0, 0, 0]), 3);
    expect(Array.from(result.net)).toEqual([0, 0, 2, 0, 0, 0, 0, 0, 0]);
  });
});
