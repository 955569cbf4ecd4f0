import { describe, expect, it } from 'vitest';
import {
  getGoal,
  getTarget,
  goalColour,
  goalOfTarget,
  isTargetCode,
  MIGRATION_EXPLICIT_TARGETS,
  normaliseTargetCode,
  SDG_GOALS,
  SDG_TARGETS,
  textColourOn,
} from '../../../shared/sdg/catalogue.ts';

describe('the SDG catalogue', () => {
  it('lists 17 goals numbered 1 to 17 and 169 targets', () => {
    expect(SDG_GOALS.map((g) => g.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(SDG_TARGETS).toHaveLength(169);
    expect(new Set(SDG_TARGETS.map((t) => t.code)).size).toBe(169);
  });

  it('keeps targets in official order: by goal, numbered targets before lettered ones', () => {
    const goal10 = SDG_TARGETS.filter((t) => t.goal === 10).map((t) => t.code);
    expect(goal10).toEqual(['10.1', '10.2', '10.3', '10.4', '10.5', '10.6', '10.7', '10.a', '10.b', '10.c']);
    // 8.10 comes after 8.9, not after 8.1 as a string sort would put it.
    const goal8 = SDG_TARGETS.filter((t) => t.goal === 8).map((t) => t.code);
    expect(goal8.indexOf('8.10')).toBe(goal8.indexOf('8.9') + 1);
    const goals = SDG_TARGETS.map((t) => t.goal);
    expect(goals).toEqual([...goals].sort((a, b) => a - b));
  });

  it('gives every target a code of the form goal.number-or-letter matching its goal', () => {
    for (const t of SDG_TARGETS) {
      expect(t.code).toMatch(/^\d{1,2}\.(\d{1,2}|[a-z])$/);
      expect(t.code.startsWith(`${t.goal}.`)).toBe(true);
      expect(t.text.length).toBeGreaterThan(20);
    }
  });

  it('gives every goal an upper-case #RRGGBB colour and non-empty titles', () => {
    for (const g of SDG_GOALS) {
      expect(g.colour).toMatch(/^#[0-9A-F]{6}$/);
      expect(g.short.length).toBeGreaterThan(0);
      expect(g.title.length).toBeGreaterThan(g.short.length);
    }
  });

  it('cannot be modified by a consumer', () => {
    expect(Object.isFrozen(SDG_TARGETS)).toBe(true);
    expect(Object.isFrozen(SDG_TARGETS[0])).toBe(true);
    expect(Object.isFrozen(SDG_GOALS)).toBe(true);
    expect(Object.isFrozen(SDG_GOALS[0])).toBe(true);
  });
});

describe('migration-explicit targets', () => {
  const NINE = ['4.b', '5.2', '8.5', '8.7', '8.8', '10.7', '10.c', '16.2', '17.18'];

  it('are exactly the nine IOM targets', () => {
    expect([...MIGRATION_EXPLICIT_TARGETS]).toEqual(NINE);
  });

  it('are the only targets flagged migrationExplicit', () => {
    expect(SDG_TARGETS.filter((t) => t.migrationExplicit).map((t) => t.code)).toEqual(NINE);
  });

  it('leave out the wildlife-trafficking targets 15.7 and 15.c and the often-added 3.c and 16.9', () => {
    for (const code of ['15.7', '15.c', '3.c', '16.9']) expect(getTarget(code)?.migrationExplicit).toBe(false);
  });
});

describe('lookups', () => {
  it('find a goal by number and nothing for numbers outside 1–17', () => {
    expect(getGoal(10)?.short).toBe('Reduced inequalities');
    expect(getGoal(0)).toBeUndefined();
    expect(getGoal(18)).toBeUndefined();
    expect(getGoal(1.5)).toBeUndefined();
  });

  it('find a target by code, ignoring surrounding whitespace and letter case', () => {
    expect(getTarget('10.7')?.text).toMatch(/^Facilitate orderly, safe, regular and responsible migration/);
    expect(getTarget(' 10.C ')?.code).toBe('10.c');
    expect(getTarget('\t17.18\n')?.goal).toBe(17);
  });

  it('find nothing for unknown or malformed codes', () => {
    for (const code of ['', '10', '10.', '10.8', '10.d', '18.1', '1.10', '10 .7', 'abc']) {
      expect(getTarget(code), JSON.stringify(code)).toBeUndefined();
    }
  });

  it('recognise only canonical codes as target codes, while normaliseTargetCode accepts user input', () => {
    expect(isTargetCode('10.c')).toBe(true);
    expect(isTargetCode('10.C')).toBe(false);
    expect(isTargetCode(' 10.c')).toBe(false);
    expect(isTargetCode('10.d')).toBe(false);
    expect(isTargetCode(107)).toBe(false);
    expect(normaliseTargetCode(' 10.C ')).toBe('10.c');
    expect(normaliseTargetCode('10.d')).toBeUndefined();
  });

  it('give the official goal colour, and nothing for an unknown goal', () => {
    expect(goalColour(10)).toBe('#DD1367');
    expect(goalColour(7)).toBe('#FCC30B');
    expect(goalColour(18)).toBeUndefined();
  });

  it('give the goal of a target code, and nothing for an unknown code', () => {
    expect(goalOfTarget('10.c')).toBe(10);
    expect(goalOfTarget(' 17.18 ')).toBe(17);
    expect(goalOfTarget('1.10')).toBeUndefined();
  });
});

describe('text colour on a goal colour', () => {
  it('is black on light colours and white on dark ones', () => {
    expect(textColourOn('#FFFFFF')).toBe('#000000');
    expect(textColourOn('#000000')).toBe('#FFFFFF');
    expect(textColourOn('#FCC30B')).toBe('#000000'); // goal 7 yellow
    expect(textColourOn('#19486A')).toBe('#FFFFFF'); // goal 17 navy
  });

  it('follows WCAG luminance rather than a naive channel average', () => {
    // Pure green is bright to the eye (luminance 0.72) though its channel average is low; pure blue is dark.
    expect(textColourOn('#00FF00')).toBe('#000000');
    expect(textColourOn('#0000FF')).toBe('#FFFFFF');
    // Around the crossover (luminance ≈ 0.179): mid grey #777777 (0.184) takes black, #757575 (0.178) white.
    expect(textColourOn('#777777')).toBe('#000000');
    expect(textColourOn('#757575')).toBe('#FFFFFF');
  });

  it('accepts short and #-less hex and rejects anything else', () => {
    expect(textColourOn('fff')).toBe('#000000');
    expect(textColourOn('#00f')).toBe('#FFFFFF');
    expect(() => textColourOn('red')).toThrow(RangeError);
    expect(() => textColourOn('#12345')).toThrow(RangeError);
  });

  it('gives every goal colour a text colour with contrast of at least 4.5:1', () => {
    for (const g of SDG_GOALS) {
      const hex = g.colour;
      const lum = (c: string) => {
        const v = Number.parseInt(c, 16) / 255;
        return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      };
      const l = 0.2126 * lum(hex.slice(1, 3)) + 0.7152 * lum(hex.slice(3, 5)) + 0.0722 * lum(hex.slice(5, 7));
      const ratio = textColourOn(hex) === '#000000' ? (l + 0.05) / 0.05 : 1.05 / (l + 0.05);
      expect(ratio, `goal ${g.number}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
