// The seven-point scale of SDG interactions (Nilsson, Griggs and Visbeck, Nature 534, 2016).
// The one place that knows the scores, their names and what they mean.

export const INTERACTION_SCORES = [3, 2, 1, 0, -1, -2, -3] as const;
export type InteractionScore = (typeof INTERACTION_SCORES)[number];

export interface InteractionLevel {
  readonly score: InteractionScore;
  readonly label: string;
  readonly definition: string;
}

export const INTERACTION_SCALE: readonly InteractionLevel[] = [
  { score: 3, label: 'Indivisible', definition: 'Inextricably linked to the achievement of another goal.' },
  { score: 2, label: 'Reinforcing', definition: 'Aids the achievement of another goal.' },
  { score: 1, label: 'Enabling', definition: 'Creates conditions that further another goal.' },
  { score: 0, label: 'Consistent', definition: 'No significant positive or negative interactions.' },
  { score: -1, label: 'Constraining', definition: 'Limits options on another goal.' },
  { score: -2, label: 'Counteracting', definition: 'Clashes with another goal.' },
  { score: -3, label: 'Cancelling', definition: 'Makes it impossible to reach another goal.' },
];

export function isInteractionScore(value: unknown): value is InteractionScore {
  return typeof value === 'number' && (INTERACTION_SCORES as readonly number[]).includes(value);
}

export function interactionLevel(score: InteractionScore): InteractionLevel {
  const level = INTERACTION_SCALE.find((l) => l.score === score);
  if (!level) throw new Error(`not an interaction score: ${score}`);
  return level;
}

/** "+2 Reinforcing", "−1 Constraining", "0 Consistent": the label drawn on a link. */
export function formatScore(score: InteractionScore): string {
  const sign = score > 0 ? '+' : score < 0 ? '\u2212' : '';
  return `${sign}${Math.abs(score)} ${interactionLevel(score).label}`;
}

/** Synergies green, trade-offs red, neutral grey; the shade deepens with strength. */
export function scoreColour(score: InteractionScore): string {
  const greens = ['#a6d96a', '#4caf50', '#1b7837'];
  const reds = ['#f4a582', '#d6604d', '#b2182b'];
  if (score > 0) return greens[score - 1] as string;
  if (score < 0) return reds[-score - 1] as string;
  return '#8c8c8c';
}
