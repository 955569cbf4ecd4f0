// The matrix view's plain data: display order by sums, cell reads and the CSV export.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { displayOrder, matrixCsv, signed, sumTitle } from '../../client/panels/matrix/matrixModel.ts';
import { analyseBoard } from '../../shared/analysis/index.ts';
import { addCard, addLink, listCards, listLinks } from '../../shared/model/index.ts';

const author = { id: 'u1', name: 'Una', group: 'academia' } as const;

function board() {
  const doc = new Y.Doc();
  const target = (code: string) => addCard(doc, { kind: 'target', x: 0, y: 0, author, fields: { code } });
  const a = target('10.7');
  const b = target('8.8');
  const c = target('5.1');
  const score = (from: string, to: string, s: -3 | -2 | -1 | 0 | 1 | 2 | 3) =>
    addLink(doc, { kind: 'interaction', from, to, author, fields: { score: s } });
  score(a, b, 2);
  score(b, c, -1);
  score(c, a, 0);
  return analyseBoard({ cards: listCards(doc), links: listLinks(doc) }).targets;
}

describe('matrix view model', () => {
  it('orders by catalogue, influence or being influenced, the same order for rows and columns', () => {
    const targets = board();
    const codes = (order: number[]) => order.map((i) => targets.matrix.nodes[i]?.code);
    expect(codes(displayOrder(targets, 'catalogue'))).toEqual(['5.1', '8.8', '10.7']);
    expect(codes(displayOrder(targets, 'influence'))).toEqual(['10.7', '5.1', '8.8']);
    expect(codes(displayOrder(targets, 'influenced'))).toEqual(['8.8', '10.7', '5.1']);
  });

  it('exports codes, scores (empty where unscored, 0 kept) and sums as CSV', () => {
    const targets = board();
    const lines = matrixCsv(targets, displayOrder(targets, 'catalogue')).trimEnd().split('\r\n');
    expect(lines[0]).toBe('influences \u2192,5.1,8.8,10.7,row sum (net),row sum (+),row sum (\u2212)');
    expect(lines[1]).toBe('5.1,,,0,0,0,0');
    expect(lines[2]).toBe('8.8,-1,,,-1,0,-1');
    expect(lines[3]).toBe('10.7,,2,,2,2,0');
    expect(lines[4]).toBe('column sum (net),-1,2,0');
  });

  it('writes signed sums with a real minus sign and both parts in the tooltip', () => {
    expect([signed(2), signed(-1), signed(0)]).toEqual(['+2', '\u22121', '0']);
    expect(sumTitle('8.8', { net: 1, positive: 3, negative: -2 })).toBe(
      '8.8: net +1 (synergies +3, trade-offs \u22122)',
    );
  });
});
