import { describe, expect, it } from 'vitest';
import { isId, newId } from '../../../shared/model/index.ts';

describe('newId', () => {
  it('makes 22 url-safe characters', () => {
    for (let i = 0; i < 200; i++) expect(newId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('gives 10,000 distinct ids over 10,000 calls', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 10_000; i++) ids.add(newId());
    expect(ids.size).toBe(10_000);
  });

  it('uses the whole alphabet, including - and _, in the first 21 characters', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) for (const c of newId().slice(0, 21)) seen.add(c);
    expect(seen.size).toBe(64);
  });
});

describe('isId', () => {
  it('accepts new ids and other url-safe ids of 8 to 64 characters', () => {
    expect(isId(newId())).toBe(true);
    expect(isId('abcDEF12')).toBe(true);
    expect(isId('a'.repeat(64))).toBe(true);
    expect(isId('imported-card_0001')).toBe(true);
  });

  it('refuses short, long, non url-safe and non-string values', () => {
    for (const bad of ['abc', 'a'.repeat(65), 'has space1', 'slash/abcdef', 'plus+abcdef', '', 12345678, null]) {
      expect(isId(bad)).toBe(false);
    }
  });
});
