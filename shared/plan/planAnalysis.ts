// The plan's analysis: the board analysis (shared/analysis, whose index.ts states every rule) run
// on the plan's own items, so that it describes exactly what the plan holds (agreed items only
// unless the planner asked for all) and the same plan always yields the same analysis. Export
// derives it; import ignores it, and the next export derives it again from the new board.
import {
  analyseBoard,
  type BoardAnalysis,
  type BoardSnapshot,
  type Endpoint,
  type RankedInteraction,
  type ScoreSums,
} from '../analysis/index.ts';
import {
  CARD_FIELDS,
  type Card,
  type CardFields,
  type CardKind,
  LINK_FIELDS,
  type Link,
  type LinkFields,
  type LinkKind,
} from '../model/index.ts';
import { fieldsOf } from './planFields.ts';
import {
  PLAN_SYNERGY_LIMIT,
  type PlanAnalysis,
  type PlanAnalysisEnd,
  type PlanCardRecord,
  type PlanItems,
  type PlanRankedInteraction,
  type PlanRecord,
  type PlanScoreSums,
} from './planTypes.ts';

function base(record: PlanRecord) {
  return {
    id: record.id,
    status: record.status,
    author: record.author,
    createdAt: Date.parse(record.createdAt),
    updatedAt: Date.parse(record.updatedAt),
    comments: [],
    votes: {},
  };
}

function card<K extends CardKind>(kind: K, record: PlanCardRecord): Card {
  const { x, y, w, h } = record.position ?? { x: 0, y: 0, w: 0, h: 0 };
  return { ...base(record), kind, x, y, w, h, fields: fieldsOf(CARD_FIELDS[kind], record) as CardFields<K> } as Card;
}

function link<K extends LinkKind>(kind: K, record: PlanRecord, from: string, to: string): Link {
  return { ...base(record), kind, from, to, fields: fieldsOf(LINK_FIELDS[kind], record) as LinkFields<K> } as Link;
}

/**
 * The plan's items as the board snapshot the analysis reads. Actors and implements links are left
 * out: no rule of the analysis reads them.
 */
export function planSnapshot(items: PlanItems): BoardSnapshot {
  const cards: Card[] = [
    ...items.objectives.map((o) => card('objective', o)),
    ...items.targets.map((t) => card('target', t)),
    ...items.interventions.map((i) => card('intervention', i)),
  ];
  const links: Link[] = [];
  for (const owner of [...items.objectives, ...items.interventions]) {
    for (const c of owner.targets) links.push(link('contributes', c, owner.id, c.target));
  }
  for (const x of items.interactions) links.push(link('interaction', x, x.from, x.to));
  return { cards, links };
}

/** The full analysis of the plan's items (matrices included), for a format that draws the matrix. */
export function analysePlan(items: PlanItems): BoardAnalysis {
  return analyseBoard(planSnapshot(items), { synergyLimit: PLAN_SYNERGY_LIMIT });
}

// `+ 0` turns −0 (a product of a negative score and an empty cell) into 0, which JSON cannot tell apart.
const sums = (s: ScoreSums): PlanScoreSums => ({ net: s.net + 0, positive: s.positive + 0, negative: s.negative + 0 });

const end = (e: Endpoint): PlanAnalysisEnd => (e.kind === 'target' ? { target: e.code } : { intervention: e.id });

function ranked(r: RankedInteraction): PlanRankedInteraction {
  return {
    interaction: r.link.id,
    from: end(r.from),
    to: end(r.to),
    score: r.score,
    prioritised: r.prioritised,
    rationale: r.link.fields.rationale,
  };
}

/** The analysis as the plan publishes it: plain data, targets by code and interventions by id. */
export function summariseAnalysis(analysis: BoardAnalysis): PlanAnalysis {
  const prioritised = new Set(analysis.prioritised.map((p) => p.code));
  const { matrix, influence, clusters } = analysis.targets;
  return {
    targets: matrix.nodes.map((node, i) => {
      const line = influence[i] as (typeof influence)[number];
      return {
        code: node.code,
        prioritised: prioritised.has(node.code),
        out: sums(line.out),
        in: sums(line.in),
        secondOrderOut: sums(line.secondOrderOut),
        secondOrderIn: sums(line.secondOrderIn),
      };
    }),
    clusters: clusters.map((c) => ({
      targets: c.members.map((m) => m.code),
      positiveLinks: c.positiveLinks,
      strength: c.strength,
      negativeLinks: c.negativeLinks,
    })),
    synergies: analysis.synergies.map(ranked),
    tradeOffs: analysis.tradeOffs.map(ranked),
    coherence: analysis.coherence.map((n) => ({ ...ranked(n), incoherence: n.incoherence })),
    duplication: analysis.duplication.map((d) => ({
      target: d.code,
      type: d.type,
      interventions: d.interventions.map((i) => i.id),
    })),
    coverage: {
      targetsWithoutIntervention: analysis.coverage.targetsWithoutIntervention.map((t) => t.code),
      interventionsWithoutTarget: analysis.coverage.interventionsWithoutTarget.map((i) => i.id),
    },
  };
}

/** The `analysis` section of a plan with these items. */
export function planAnalysis(items: PlanItems): PlanAnalysis {
  return summariseAnalysis(analysePlan(items));
}
