// The whole analysis of a board in one pure call; see index.ts for the rules it follows.
import {
  type BoardSnapshot,
  type InterventionNode,
  indexBoard,
  type TargetNode,
  type UnknownTargetCard,
} from './boardIndex.ts';
import { type Cluster, reinforcingClusters } from './clusters.ts';
import {
  type CoherenceNote,
  coherenceNotes,
  type RankedInteraction,
  strongestSynergies,
  tradeOffs,
} from './findings.ts';
import { type IgnoredLink, type InteractionConflict, resolveInteractions } from './interactions.ts';
import { buildMatrix, type CrossImpactMatrix, lineSums, type ScoreSums, scoredCounts } from './matrix.ts';
import {
  type CoverageGaps,
  type DuplicationGroup,
  findCoverageGaps,
  findDuplication,
  type PrioritisedTarget,
  prioritisedTargets,
  readContributions,
} from './plan.ts';
import { type SecondOrder, secondOrder } from './secondOrder.ts';

export interface AnalysisOptions {
  /** Keep only the N strongest synergies (all by default). */
  synergyLimit?: number;
}

/** Per node: direct row and column sums, with the second-order sums beside them (never mixed in). */
export interface NodeInfluence {
  /** Row sum: how much the node influences the others. */
  out: ScoreSums;
  /** Column sum: how much the others influence the node. */
  in: ScoreSums;
  /** Scored cells in the row and in the column (0 scores included). */
  scoredOut: number;
  scoredIn: number;
  /** Σ over C ≠ A of the second-order influence of this node A on C. */
  secondOrderOut: ScoreSums;
  /** Σ over A ≠ C of the second-order influence of A on this node C. */
  secondOrderIn: ScoreSums;
}

export interface MatrixAnalysis<N> {
  matrix: CrossImpactMatrix<N>;
  /** Aligned with `matrix.nodes`. */
  influence: NodeInfluence[];
  secondOrder: SecondOrder;
  clusters: Cluster<N>[];
}

export interface BoardAnalysis {
  /** Over target codes, in catalogue order. */
  targets: MatrixAnalysis<TargetNode>;
  /** Over interventions, in order of creation. */
  interventions: MatrixAnalysis<InterventionNode>;
  prioritised: PrioritisedTarget[];
  synergies: RankedInteraction[];
  tradeOffs: RankedInteraction[];
  coherence: CoherenceNote[];
  duplication: DuplicationGroup[];
  coverage: CoverageGaps;
  conflicts: InteractionConflict[];
  ignoredLinks: IgnoredLink[];
  unknownTargetCards: UnknownTargetCard[];
}

export function analyseMatrix<N>(matrix: CrossImpactMatrix<N>): MatrixAnalysis<N> {
  const { size } = matrix;
  const direct = lineSums(size, matrix.scores);
  const second = secondOrder(matrix.scores, size);
  const indirect = lineSums(size, second.positive, second.negative);
  const counts = scoredCounts(matrix);
  const influence: NodeInfluence[] = [];
  for (let i = 0; i < size; i++) {
    influence.push({
      out: direct.rows[i] as ScoreSums,
      in: direct.columns[i] as ScoreSums,
      scoredOut: counts.rows[i] ?? 0,
      scoredIn: counts.columns[i] ?? 0,
      secondOrderOut: indirect.rows[i] as ScoreSums,
      secondOrderIn: indirect.columns[i] as ScoreSums,
    });
  }
  return { matrix, influence, secondOrder: second, clusters: reinforcingClusters(matrix) };
}

export function analyseBoard(board: BoardSnapshot, options: AnalysisOptions = {}): BoardAnalysis {
  const index = indexBoard(board);
  const { interactions, conflicts, ignored } = resolveInteractions(index, board.links);
  const contributions = readContributions(index, board.links);
  const prioritised = prioritisedTargets(index, contributions);
  const isPrioritised = new Uint8Array(index.targets.length);
  for (const p of prioritised) isPrioritised[p.index] = 1;
  return {
    targets: analyseMatrix(buildMatrix(index.targets, 'target', interactions)),
    interventions: analyseMatrix(buildMatrix(index.interventions, 'intervention', interactions)),
    prioritised,
    synergies: strongestSynergies(index, interactions, isPrioritised, options.synergyLimit),
    tradeOffs: tradeOffs(index, interactions, isPrioritised),
    coherence: coherenceNotes(index, interactions, isPrioritised),
    duplication: findDuplication(index, contributions),
    coverage: findCoverageGaps(index, contributions, prioritised),
    conflicts,
    ignoredLinks: ignored,
    unknownTargetCards: index.unknownTargetCards,
  };
}
