import { describe, expect, it } from 'vitest';
import {
  formatScore,
  INTERACTION_SCALE,
  INTERACTION_SCORES,
  type InteractionScore,
  interactionLevel,
  isInteractionScore,
  LINK_FIELDS,
  scoreColour,
} from '../../../shared/model/index.ts';

function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [
    Number.parseInt(m[1] as string, 16),
    Number.parseInt(m[2] as string, 16),
    Number.parseInt(m[3] as string, 16),
  ];
}

/** Relative luminance (WCAG), to compare how dark two shades are. */
function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('the interaction scale', () => {
  it('has seven levels in order from +3 to −3', () => {
    expect(INTERACTION_SCALE.map((l) => l.score)).toEqual([3, 2, 1, 0, -1, -2, -3]);
    expect([...INTERACTION_SCORES]).toEqual([3, 2, 1, 0, -1, -2, -3]);
    expect(LINK_FIELDS.interaction.score.values).toEqual([3, 2, 1, 0, -1, -2, -3]);
  });

  it('names the levels as Nilsson, Griggs and Visbeck do', () => {
    expect(INTERACTION_SCALE.map((l) => l.label.toLowerCase())).toEqual([
      'indivisible',
      'reinforcing',
      'enabling',
      'consistent',
      'constraining',
      'counteracting',
      'cancelling',
    ]);
    for (const level of INTERACTION_SCALE) expect(level.definition.length).toBeGreaterThan(10);
    expect(interactionLevel(-3).definition).toMatch(/impossible/i);
    expect(interactionLevel(3).definition).toMatch(/inextricably/i);
  });

  it('recognises only the seven scores', () => {
    for (const s of INTERACTION_SCORES) expect(isInteractionScore(s)).toBe(true);
    for (const s of [4, -4, 0.5, '2', null]) expect(isInteractionScore(s)).toBe(false);
    expect(() => interactionLevel(4 as InteractionScore)).toThrow('not an interaction score: 4');
  });

  it('formats a score with a plus sign, a real minus sign (U+2212) and its label', () => {
    expect(formatScore(3)).toBe('+3 Indivisible');
    expect(formatScore(2)).toBe('+2 Reinforcing');
    expect(formatScore(0)).toBe('0 Consistent');
    expect(formatScore(-1)).toBe('\u22121 Constraining');
    expect(formatScore(-3)).toBe('\u22123 Cancelling');
    for (const s of INTERACTION_SCORES) expect(formatScore(s)).not.toContain('-');
  });

  it('colours synergies green, trade-offs red and no interaction grey', () => {
    for (const s of [1, 2, 3] as const) {
      const [r, g, b] = rgb(scoreColour(s));
      expect(g).toBeGreaterThan(r);
      expect(g).toBeGreaterThan(b);
    }
    for (const s of [-1, -2, -3] as const) {
      const [r, g, b] = rgb(scoreColour(s));
      expect(r).toBeGreaterThan(g);
      expect(r).toBeGreaterThan(b);
    }
    const [r, g, b] = rgb(scoreColour(0));
    expect(r).toBe(g);
    expect(g).toBe(b);
  });

  it('darkens the colour as the interaction gets stronger', () => {
    expect(luminance(scoreColour(1))).toBeGreaterThan(luminance(scoreColour(2)));
    expect(luminance(scoreColour(2))).toBeGreaterThan(luminance(scoreColour(3)));
    expect(luminance(scoreColour(-1))).toBeGreaterThan(luminance(scoreColour(-2)));
    expect(luminance(scoreColour(-2))).toBeGreaterThan(luminance(scoreColour(-3)));
    expect(new Set(INTERACTION_SCORES.map(scoreColour)).size).toBe(7);
  });
});
