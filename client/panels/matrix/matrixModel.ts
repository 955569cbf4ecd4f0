// What the matrix view shows, as plain data: the target order chosen, each row's and column's
// sums, and the CSV export. Pure functions of the analysis, so they are easy to test.
import type { MatrixAnalysis, ScoreSums, TargetNode } from '../../../shared/analysis/index.ts';
import type { InteractionScore } from '../../../shared/model/index.ts';

export type MatrixSort = 'catalogue' | 'influence' | 'influenced';

export const SORT_LABELS: Record<MatrixSort, string> = {
  catalogue: 'Catalogue order',
  influence: 'Influence (row sum)',
  influenced: 'Being influenced (column sum)',
};

/**
 * Positions in `matrix.nodes`, in display order; rows and columns share it so the diagonal stays
 * the diagonal. Sorted by net sum, strongest first, then by catalogue order.
 */
export function displayOrder(analysis: MatrixAnalysis<TargetNode>, sort: MatrixSort): number[] {
  const order = analysis.matrix.nodes.map((_, i) => i);
  if (sort === 'catalogue') return order;
  const key = (i: number) => {
    const inf = analysis.influence[i];
    if (!inf) return 0;
    return sort === 'influence' ? inf.out.net : inf.in.net;
  };
  return order.sort((a, b) => key(b) - key(a) || a - b);
}

/** The score of row → column, or undefined when the cell is empty. */
export function cellScore(
  analysis: MatrixAnalysis<TargetNode>,
  row: number,
  col: number,
): InteractionScore | undefined {
  const { size, scored, scores } = analysis.matrix;
  const cell = row * size + col;
  return scored[cell] === 1 ? (scores[cell] as InteractionScore) : undefined;
}

export function cellLink(analysis: MatrixAnalysis<TargetNode>, row: number, col: number): string | null {
  return analysis.matrix.linkIds[row * analysis.matrix.size + col] ?? null;
}

/** "+2", "−1", "0". */
export function signed(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  if (rounded > 0) return `+${rounded}`;
  if (rounded < 0) return `\u2212${-rounded}`;
  return '0';
}

/** The tooltip of a sum: its net with the positive and negative parts beside it. */
export function sumTitle(label: string, sums: ScoreSums): string {
  return `${label}: net ${signed(sums.net)} (synergies ${signed(sums.positive)}, trade-offs ${signed(sums.negative)})`;
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The matrix as CSV, in display order: a header row of target codes, one row per target with its
 * scores (empty where unscored) and its row sums, then a row of column sums.
 */
export function matrixCsv(analysis: MatrixAnalysis<TargetNode>, order: readonly number[]): string {
  const nodes = analysis.matrix.nodes;
  const code = (i: number) => nodes[i]?.code ?? '';
  const lines: string[][] = [];
  lines.push(['influences \u2192', ...order.map(code), 'row sum (net)', 'row sum (+)', 'row sum (\u2212)']);
  for (const r of order) {
    const out = analysis.influence[r]?.out;
    lines.push([
      code(r),
      ...order.map((c) => {
        const s = cellScore(analysis, r, c);
        return s === undefined ? '' : String(s);
      }),
      String(out?.net ?? 0),
      String(out?.positive ?? 0),
      String(out?.negative ?? 0),
    ]);
  }
  lines.push(['column sum (net)', ...order.map((c) => String(analysis.influence[c]?.in.net ?? 0))]);
  lines.push(['column sum (+)', ...order.map((c) => String(analysis.influence[c]?.in.positive ?? 0))]);
  lines.push(['column sum (\u2212)', ...order.map((c) => String(analysis.influence[c]?.in.negative ?? 0))]);
  return `${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}
