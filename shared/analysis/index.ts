// Analysis on the board (PRODUCT.md): pure functions of a plain snapshot `{ cards, links }`, so they
// run in the browser, on the server or in a test without Yjs. `analyseBoard` returns everything;
// the lower-level functions are exported for views that need only one part.
//
// Rules settled here (each has a test in tests/shared/analysis/):
// - Nodes. The target matrix is over target CODES: several cards with the same code are one target
//   (`TargetNode.cardIds`). Codes are read leniently (' 10.C ' is 10.c) and ordered as in the
//   official catalogue (SDG_TARGETS). Target cards with no catalogue code are listed in
//   `unknownTargetCards` and take no part. The intervention matrix is over intervention cards,
//   ordered by creation time, then id.
// - Cells. A cell is scored when an interaction link joins the ordered pair; 0 ("consistent") is a
//   score, not an empty cell (`CrossImpactMatrix.scored`). When several links join the same ordered
//   pair the most recently updated wins (then the latest created, then the greatest id) and the pair
//   is reported in `conflicts`, with `scoresDiffer` false when they merely repeat the same score.
//   A superseded link takes part in nothing else. Self-loops (including links between two cards
//   with the same code) are ignored and listed in `ignoredLinks`, as are links to cards that are
//   missing, not a target or intervention, or a target without a catalogue code.
// - Mixed links (target ↔ intervention) are in neither matrix but do count as synergies,
//   trade-offs and coherence notes.
// - Sums. Per node, the row sum (influence on others) and column sum (being influenced), each as
//   net, positive part and negative part, so a high net cannot hide a trade-off.
// - Second order (as SEI's SDG Synergies): for each ordered pair (A, C), A ≠ C, the sum over
//   intermediaries B ≠ A, C of s(A,B)·s(B,C); per node the second-order out-sum (over C) and in-sum
//   (over A), reported beside the direct sums, never added to them. Positive and negative parts are
//   split path by path: (+)(+) and (−)(−) paths are positive, mixed-sign paths negative. Only paths
//   within one matrix count (no target → intervention → target paths).
// - Clusters: connected components of reinforcing pairs (one direction > 0 and neither < 0); see
//   clusters.ts for why. Only clusters of two or more nodes are reported.
// - Prioritised targets: those an objective addresses or an agreed intervention contributes to
//   (through contributes links; the link's own status does not matter).
// - Trade-offs: every negative interaction, flagged `prioritised: 'both' | 'one' | 'none'` by how
//   many ends are prioritised targets (an intervention end never is); sorted both, one, none, then
//   −3 before −1, then matrix order. Synergies: every positive interaction, strongest first, ties in
//   matrix order, optionally the top N. Coherence notes: interactions tagged horizontal or vertical
//   incoherence, horizontal first, then sorted as trade-offs.
// - Duplication: two or more interventions of the same type contributing to the same target, any
//   status (an intervention whose type was never chosen has the default type, so may show here).
//   Coverage: prioritised targets no intervention contributes to; interventions that contribute to
//   no target with a catalogue code.
// - Performance: links are resolved into a dense array of node pairs, and the matrices and second
//   order live in dense Float64Arrays indexed by position (no string keys in inner loops): all 169
//   targets with 5,000 links analyse in about 10 ms (bench/analysis.bench.ts, docs/benchmarks.md).
//   Memory grows with the square of targets + interventions, fine for a workshop board.
export {
  type AnalysisOptions,
  analyseBoard,
  analyseMatrix,
  type BoardAnalysis,
  type MatrixAnalysis,
  type NodeInfluence,
} from './analyseBoard.ts';
export * from './boardIndex.ts';
export * from './clusters.ts';
export * from './findings.ts';
export * from './interactions.ts';
export * from './matrix.ts';
export * from './plan.ts';
export * from './secondOrder.ts';
