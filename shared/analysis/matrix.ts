// The cross-impact matrix (SEI "SDG Synergies"): dense, row-major, row = influencing node,
// column = influenced node. Dense typed arrays keep the sums and the second order free of string keys.
import type { Endpoint, ResolvedInteraction } from './interactions.ts';

export interface CrossImpactMatrix<N> {
  /** Row and column order. */
  readonly nodes: readonly N[];
  readonly size: number;
  /** `scores[i * size + j]` is the score of i → j; 0 when empty (see `scored`). */
  readonly scores: Float64Array;
  /** 1 where a link scores the cell: a 0 score is "consistent", not empty. */
  readonly scored: Uint8Array;
  /** The link behind each scored cell, for a matrix view to open; null when empty. */
  readonly linkIds: readonly (string | null)[];
}

/** Positive and negative parts are kept apart so a high net score cannot hide a trade-off. */
export interface ScoreSums {
  net: number;
  positive: number;
  /** Zero or less. */
  negative: number;
}

export function buildMatrix<N>(
  nodes: readonly N[],
  kind: Endpoint['kind'],
  interactions: readonly ResolvedInteraction[],
): CrossImpactMatrix<N> {
  const size = nodes.length;
  const scores = new Float64Array(size * size);
  const scored = new Uint8Array(size * size);
  const linkIds: (string | null)[] = new Array(size * size).fill(null);
  for (const { from, to, score, link } of interactions) {
    if (from.kind !== kind || to.kind !== kind) continue;
    const cell = from.index * size + to.index;
    scores[cell] = score;
    scored[cell] = 1;
    linkIds[cell] = link.id;
  }
  return { nodes, size, scores, scored, linkIds };
}

/** The score of from → to, or undefined when no link scores the cell. */
export function scoreAt<N>(matrix: CrossImpactMatrix<N>, from: number, to: number): number | undefined {
  const cell = from * matrix.size + to;
  return matrix.scored[cell] === 1 ? matrix.scores[cell] : undefined;
}

export interface LineSums {
  rows: ScoreSums[];
  columns: ScoreSums[];
}

/**
 * Row and column sums of n × n row-major arrays added together, each value counted in the positive
 * or negative part by its own sign (pass the positive and negative halves of a product separately).
 */
export function lineSums(size: number, ...parts: readonly Float64Array[]): LineSums {
  const rowPos = new Float64Array(size);
  const rowNeg = new Float64Array(size);
  const colPos = new Float64Array(size);
  const colNeg = new Float64Array(size);
  for (const values of parts) {
    for (let i = 0; i < size; i++) {
      const row = i * size;
      let pos = 0;
      let neg = 0;
      for (let j = 0; j < size; j++) {
        const v = values[row + j] as number;
        if (v > 0) {
          pos += v;
          colPos[j] = (colPos[j] as number) + v;
        } else if (v < 0) {
          neg += v;
          colNeg[j] = (colNeg[j] as number) + v;
        }
      }
      rowPos[i] = (rowPos[i] as number) + pos;
      rowNeg[i] = (rowNeg[i] as number) + neg;
    }
  }
  const sums = (pos: Float64Array, neg: Float64Array): ScoreSums[] =>
    Array.from(pos, (p, i) => {
      const n = neg[i] as number;
      return { net: p + n, positive: p, negative: n };
    });
  return { rows: sums(rowPos, rowNeg), columns: sums(colPos, colNeg) };
}

/** How many cells are scored in each row and each column. */
export function scoredCounts(matrix: CrossImpactMatrix<unknown>): { rows: number[]; columns: number[] } {
  const { size, scored } = matrix;
  const rows = new Array<number>(size).fill(0);
  const columns = new Array<number>(size).fill(0);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      if (scored[i * size + j] === 1) {
        rows[i] = (rows[i] as number) + 1;
        columns[j] = (columns[j] as number) + 1;
      }
    }
  }
  return { rows, columns };
}
