import { describe, expect, it } from 'vitest';
import { analyseBoard } from '../../../shared/analysis/index.ts';
import { boardBuilder } from './boardBuilder.ts';

describe('clusters of mutually reinforcing targets', () => {
  it('finds two clusters joined by positive links, whichever direction was scored', () => {
    const b = boardBuilder();
    const [t11, t12, t13, t51, t52, t91] = ['1.1', '1.2', '1.3', '5.1', '5.2', '9.1'].map((code) => b.target(code)) as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    // Cluster one: a chain scored in one direction only.
    b.interaction(t11, t12, 2);
    b.interaction(t13, t12, 1);
    // Cluster two: a pair scored positive both ways.
    b.interaction(t51, t52, 3);
    b.interaction(t52, t51, 1);
    // A trade-off and a "consistent" 0 join nothing.
    b.interaction(t13, t51, -2);
    b.interaction(t91, t11, 0);
    const { clusters } = analyseBoard(b.snapshot()).targets;
    expect(clusters.map((c) => c.members.map((m) => m.code))).toEqual([
      ['1.1', '1.2', '1.3'],
      ['5.1', '5.2'],
    ]);
    expect(clusters.map((c) => [c.positiveLinks, c.strength, c.negativeLinks])).toEqual([
      [2, 3, 0],
      [2, 4, 0],
    ]);
  });

  it('does not join a pair that is positive one way and negative the other', () => {
    const b = boardBuilder();
    const x = b.target('8.1');
    const y = b.target('8.2');
    b.interaction(x, y, 3);
    b.interaction(y, x, -1);
    expect(analyseBoard(b.snapshot()).targets.clusters).toEqual([]);
  });

  it('reports a trade-off between two members that are joined only through others', () => {
    const b = boardBuilder();
    const x = b.target('2.1');
    const y = b.target('2.2');
    const z = b.target('2.3');
    b.interaction(x, y, 2);
    b.interaction(y, z, 2);
    b.interaction(z, x, -3);
    const [cluster] = analyseBoard(b.snapshot()).targets.clusters;
    expect(cluster?.members.map((m) => m.code)).toEqual(['2.1', '2.2', '2.3']);
    expect(cluster?.negativeLinks).toBe(1);
  });

  it('lists the larger cluster first', () => {
    const b = boardBuilder();
    const small = [b.target('1.1'), b.target('1.2')] as const;
    const large = [b.target('17.1'), b.target('17.2'), b.target('17.3')] as const;
    b.interaction(small[0], small[1], 3);
    b.interaction(large[0], large[1], 1);
    b.interaction(large[1], large[2], 1);
    const { clusters } = analyseBoard(b.snapshot()).targets;
    expect(clusters.map((c) => c.indices.length)).toEqual([3, 2]);
  });
});
