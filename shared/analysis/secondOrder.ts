// Second-order influence, as SEI's SDG Synergies computes it: for each ordered pair (A, C) with
// A ≠ C, Σ over intermediaries B ≠ A, C of s(A,B)·s(B,C). Reported beside the direct sums, never in them.

export interface SecondOrder {
  readonly size: number;
  /** `net[a * size + c]`: the sum of the products over every path A → B → C. Diagonal 0. */
  readonly net: Float64Array;
  /**
   * The same sum split path by path: a path whose two scores share a sign (+·+ or −·−) adds to
   * `positive`, one whose scores differ adds to `negative`, so a strong synergy path cannot hide a
   * trade-off path between the same two nodes.
   */
  readonly positive: Float64Array;
  readonly negative: Float64Array;
}

/**
 * `scores` is an n × n row-major cross-impact matrix (0 for an empty cell). O(n² · k) where k is the
 * mean number of non-zero cells in a row: a few million multiply-adds for all 169 targets.
 */
export function secondOrder(scores: Float64Array, size: number): SecondOrder {
  // Split into positive and negative parts (diagonal cleared, so B = A and B = C contribute nothing)
  // and multiply part by part: the inner loops need no branch on the sign of each path.
  const pos = new Float64Array(size * size);
  const neg = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      if (i === j) continue;
      const v = scores[i * size + j] as number;
      if (v > 0) pos[i * size + j] = v;
      else if (v < 0) neg[i * size + j] = v;
    }
  }
  const positive = new Float64Array(size * size);
  const negative = new Float64Array(size * size);
  for (let a = 0; a < size; a++) {
    const rowA = a * size;
    for (let b = 0; b < size; b++) {
      if (b === a) continue;
      const s = scores[rowA + b] as number;
      if (s === 0) continue;
      const rowB = b * size;
      // s > 0: (+)(+) is positive, (+)(−) negative; s < 0: (−)(−) is positive, (−)(+) negative.
      const same = s > 0 ? pos : neg;
      const other = s > 0 ? neg : pos;
      for (let c = 0; c < size; c++) {
        positive[rowA + c] = (positive[rowA + c] as number) + s * (same[rowB + c] as number);
        negative[rowA + c] = (negative[rowA + c] as number) + s * (other[rowB + c] as number);
      }
    }
    // A → B → A round trips are not influence on another node.
    positive[rowA + a] = 0;
    negative[rowA + a] = 0;
  }
  const net = new Float64Array(size * size);
  for (let i = 0; i < net.length; i++) net[i] = (positive[i] as number) + (negative[i] as number);
  return { size, net, positive, negative };
}
