// What the contributes links say about the plan: which targets it prioritises, which it leaves
// without an intervention, and where interventions of the same type crowd onto one target.
import type { Link } from '../model/kinds.ts';
import { INTERVENTION_TYPES, type InterventionType } from '../model/vocabulary.ts';
import type { BoardIndex, InterventionNode } from './boardIndex.ts';

export interface Contributions {
  /** Per target (index as in `BoardIndex.targets`): objectives addressing it, in order of creation. */
  objectivesOfTarget: string[][];
  /** Per target: interventions contributing to it, in intervention order. */
  interventionsOfTarget: number[][];
  /** Per intervention: the targets it contributes to, in catalogue order. */
  targetsOfIntervention: number[][];
}

/** Contributes links to target cards with a catalogue code; links to other cards are skipped. */
export function readContributions(index: BoardIndex, links: readonly Link[]): Contributions {
  const objectiveSets = index.targets.map(() => new Set<string>());
  const interventionSets = index.targets.map(() => new Set<number>());
  const targetSets = index.interventions.map(() => new Set<number>());
  for (const link of links) {
    if (link.kind !== 'contributes') continue;
    const target = index.targetOfCard.get(link.to);
    if (target === undefined) continue;
    const from = index.cardsById.get(link.from);
    if (from?.kind === 'objective') objectiveSets[target]?.add(from.id);
    const intervention = index.interventionOfCard.get(link.from);
    if (intervention !== undefined) {
      interventionSets[target]?.add(intervention);
      targetSets[intervention]?.add(target);
    }
  }
  const creation = (id: string) => index.cardsById.get(id)?.createdAt ?? 0;
  const ascending = (s: Set<number>) => [...s].sort((a, b) => a - b);
  return {
    objectivesOfTarget: objectiveSets.map((s) => [...s].sort((a, b) => creation(a) - creation(b) || (a < b ? -1 : 1))),
    interventionsOfTarget: interventionSets.map(ascending),
    targetsOfIntervention: targetSets.map(ascending),
  };
}

/** A target the plan prioritises: an objective addresses it, or an agreed intervention contributes to it. */
export interface PrioritisedTarget {
  code: string;
  index: number;
  objectiveIds: string[];
  agreedInterventionIds: string[];
}

/** In catalogue order. The status of the contributes link itself does not matter, only the card's. */
export function prioritisedTargets(index: BoardIndex, contributions: Contributions): PrioritisedTarget[] {
  const out: PrioritisedTarget[] = [];
  index.targets.forEach((target, t) => {
    const objectiveIds = contributions.objectivesOfTarget[t] ?? [];
    const agreedInterventionIds = (contributions.interventionsOfTarget[t] ?? [])
      .map((i) => index.interventions[i] as InterventionNode)
      .filter((i) => i.status === 'agreed')
      .map((i) => i.id);
    if (objectiveIds.length > 0 || agreedInterventionIds.length > 0) {
      out.push({ code: target.code, index: t, objectiveIds, agreedInterventionIds });
    }
  });
  return out;
}

/** Two or more interventions of the same type contributing to the same target: likely duplication. */
export interface DuplicationGroup {
  code: string;
  type: InterventionType;
  interventions: InterventionNode[];
}

/** Sorted by target (catalogue order), then by type in vocabulary order. Every status counts. */
export function findDuplication(index: BoardIndex, contributions: Contributions): DuplicationGroup[] {
  const out: DuplicationGroup[] = [];
  index.targets.forEach((target, t) => {
    const contributing = (contributions.interventionsOfTarget[t] ?? []).map(
      (i) => index.interventions[i] as InterventionNode,
    );
    for (const type of INTERVENTION_TYPES) {
      const same = contributing.filter((i) => i.type === type);
      if (same.length >= 2) out.push({ code: target.code, type, interventions: same });
    }
  });
  return out;
}

export interface CoverageGaps {
  /** Prioritised targets (catalogue order) that no intervention, of any status, contributes to. */
  targetsWithoutIntervention: PrioritisedTarget[];
  /** Interventions with no contributes link to a target with a catalogue code. */
  interventionsWithoutTarget: InterventionNode[];
}

export function findCoverageGaps(
  index: BoardIndex,
  contributions: Contributions,
  prioritised: readonly PrioritisedTarget[],
): CoverageGaps {
  return {
    targetsWithoutIntervention: prioritised.filter(
      (p) => (contributions.interventionsOfTarget[p.index] ?? []).length === 0,
    ),
    interventionsWithoutTarget: index.interventions.filter(
      (_, i) => (contributions.targetsOfIntervention[i] ?? []).length === 0,
    ),
  };
}
