// Clusters of mutually reinforcing nodes: connected components of an undirected graph whose edges
// are the reinforcing pairs. A pair {A, B} reinforces when at least one direction scores > 0 and
// neither direction scores < 0. Why this rule:
// - one positive direction is enough, because workshops often score only one direction of a pair,
//   and requiring both would leave most boards with no clusters at all;
// - a pair that is positive one way and negative the other is a tension to resolve, not mutual
//   reinforcement, so it joins nothing (it still shows among the trade-offs);
// - components rather than a community method: the result is explainable on the board ("these are
//   joined by synergies") and stable under small edits. On a densely scored board they merge into
//   one large component; the strongest synergies then say more.
import type { CrossImpactMatrix } from './matrix.ts';

export interface Cluster<N> {
  /** Members in matrix order (catalogue order for targets). At least two. */
  members: N[];
  indices: number[];
  /** Scored cells > 0 between members (both directions counted). */
  positiveLinks: number;
  /** Sum of those positive scores. */
  strength: number;
  /**
   * Scored cells < 0 between members (only members joined through others can have one): a trade-off
   * inside the cluster, worth a look before treating it as one bloc.
   */
  negativeLinks: number;
}

function find(parent: Int32Array, i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root] as number;
  while (parent[i] !== root) {
    const next = parent[i] as number;
    parent[i] = root;
    i = next;
  }
  return root;
}

/** Sorted by size (largest first), then strength, then the position of the first member. */
export function reinforcingClusters<N>(matrix: CrossImpactMatrix<N>): Cluster<N>[] {
  const { size, scores, nodes } = matrix;
  const parent = new Int32Array(size);
  for (let i = 0; i < size; i++) parent[i] = i;
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      const ij = scores[i * size + j] as number;
      const ji = scores[j * size + i] as number;
      if ((ij > 0 || ji > 0) && ij >= 0 && ji >= 0) {
        const a = find(parent, i);
        const b = find(parent, j);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }

  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < size; i++) {
    const root = find(parent, i);
    const members = byRoot.get(root);
    if (members) members.push(i);
    else byRoot.set(root, [i]);
  }

  const clusters: Cluster<N>[] = [];
  for (const indices of byRoot.values()) {
    if (indices.length < 2) continue;
    let positiveLinks = 0;
    let strength = 0;
    let negativeLinks = 0;
    for (const i of indices) {
      for (const j of indices) {
        const v = scores[i * size + j] as number;
        if (v > 0) {
          positiveLinks++;
          strength += v;
        } else if (v < 0) negativeLinks++;
      }
    }
    clusters.push({ members: indices.map((i) => nodes[i] as N), indices, positiveLinks, strength, negativeLinks });
  }
  return clusters.sort(
    (a, b) =>
      b.indices.length - a.indices.length || b.strength - a.strength || (a.indices[0] ?? 0) - (b.indices[0] ?? 0),
  );
}
