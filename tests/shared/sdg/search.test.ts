import { describe, expect, it } from 'vitest';
import { SDG_TARGETS } from '../../../shared/sdg/catalogue.ts';
import { searchTargets } from '../../../shared/sdg/search.ts';

const codes = (query: string, opts?: Parameters<typeof searchTargets>[1]): string[] =>
  searchTargets(query, opts).map((t) => t.code);

const GOAL_10 = ['10.1', '10.2', '10.3', '10.4', '10.5', '10.6', '10.7', '10.a', '10.b', '10.c'];
const MIGRATION_NINE = ['4.b', '5.2', '8.5', '8.7', '8.8', '10.7', '10.c', '16.2', '17.18'];

describe('searching by code', () => {
  it('returns just the target for an exact code', () => {
    expect(codes('10.7')).toEqual(['10.7']);
  });

  it('ignores surrounding whitespace and letter case in a code', () => {
    expect(codes(' 10.C ')).toEqual(['10.c']);
  });

  it('lists all of a goal’s targets in official order for "10."', () => {
    expect(codes('10.')).toEqual(GOAL_10);
  });

  it('does not let "1." reach goal 10 or later', () => {
    expect(codes('1.')).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.a', '1.b']);
  });

  it('puts the exact code before longer codes that start with it', () => {
    expect(codes('17.1')).toEqual([
      '17.1',
      '17.10',
      '17.11',
      '17.12',
      '17.13',
      '17.14',
      '17.15',
      '17.16',
      '17.17',
      '17.18',
      '17.19',
    ]);
  });

  it('lists a goal’s targets first for a bare goal number, then texts mentioning the number', () => {
    const result = codes('10');
    expect(result.slice(0, GOAL_10.length)).toEqual(GOAL_10);
    const rest = searchTargets('10').slice(GOAL_10.length);
    expect(rest.length).toBeGreaterThan(0);
    for (const t of rest) {
      expect(t.goal).not.toBe(10);
      expect(t.text).toMatch(/\b10/);
    }
  });

  it('finds nothing for a code that does not exist', () => {
    expect(codes('10.8')).toEqual([]);
    expect(codes('18.1')).toEqual([]);
    expect(codes('18.')).toEqual([]);
  });
});

describe('searching by words', () => {
  it('finds 10.c, the only target about remittances, by the whole word or its start', () => {
    expect(codes('remittances')).toEqual(['10.c']);
    expect(codes('remit')).toEqual(['10.c']);
  });

  it('finds every target that mentions trafficking, wildlife included, in official order', () => {
    expect(codes('trafficking')).toEqual(['5.2', '8.7', '15.7', '15.c', '16.2']);
  });

  it('matches words by their start, not anywhere inside them', () => {
    expect(codes('migra')).toEqual(['8.8', '10.7', '10.c', '17.18']);
    expect(codes('igration')).toEqual([]);
  });

  it('requires every query word to appear', () => {
    expect(codes('migrant')).toEqual(['8.8', '10.c']);
    expect(codes('migrant workers')).toEqual(['8.8']);
    expect(codes('migrant xyzzy')).toEqual([]);
  });

  it('accepts the query words in any order', () => {
    expect(codes('workers migrant')).toEqual(['8.8']);
  });

  it('ignores letter case and accents', () => {
    expect(codes('REMITTANCES')).toEqual(['10.c']);
    expect(codes('rémittances')).toEqual(['10.c']);
    expect(codes('MÍGRANT Wörkers')).toEqual(['8.8']);
  });

  it('treats ASCII and typographic hyphens and apostrophes alike', () => {
    // 3.4 writes "non-communicable" with an ASCII hyphen, 3.b with U+2010.
    expect(codes('non-communicable')).toEqual(['3.4', '3.b']);
    expect(codes('pre-primary')).toEqual(['4.2']);
    // 5.5 writes "women’s" with a typographic apostrophe.
    expect(codes("women's")).toEqual(['5.5']);
  });

  it('returns the catalogue’s own target objects', () => {
    const [hit] = searchTargets('remittances');
    expect(hit).toBe(SDG_TARGETS.find((t) => t.code === '10.c'));
    expect(hit?.migrationExplicit).toBe(true);
  });
});

describe('filters and limits', () => {
  it('keeps only the given goal’s targets', () => {
    expect(codes('trafficking', { goal: 15 })).toEqual(['15.7', '15.c']);
    expect(codes('10.7', { goal: 8 })).toEqual([]);
  });

  it('keeps only migration-explicit targets when asked', () => {
    expect(codes('trafficking', { migrationOnly: true })).toEqual(['5.2', '8.7', '16.2']);
  });

  it('returns exactly the nine migration-explicit targets for an empty query with migrationOnly', () => {
    expect(codes('', { migrationOnly: true })).toEqual(MIGRATION_NINE);
  });

  it('combines the goal and migration filters', () => {
    expect(codes('', { goal: 10, migrationOnly: true })).toEqual(['10.7', '10.c']);
  });

  it('returns the filtered catalogue in order for an empty or blank query', () => {
    expect(codes('', { goal: 10 })).toEqual(GOAL_10);
    expect(codes('   ', { goal: 10 })).toEqual(GOAL_10);
    expect(codes('')).toEqual(SDG_TARGETS.map((t) => t.code));
  });

  it('stops at the limit, keeping the best results', () => {
    expect(codes('10.', { limit: 3 })).toEqual(['10.1', '10.2', '10.3']);
    expect(codes('17.1', { limit: 2 })).toEqual(['17.1', '17.10']);
    expect(codes('', { limit: 5 })).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5']);
    expect(codes('', { migrationOnly: true, limit: 2 })).toEqual(['4.b', '5.2']);
    expect(codes('10.', { limit: 0 })).toEqual([]);
  });
});

describe('queries that match nothing', () => {
  it('return an empty list', () => {
    expect(searchTargets('xyzzy')).toEqual([]);
    expect(searchTargets('...')).toEqual([]);
  });
});

describe('results', () => {
  it('are a fresh array each time, so callers may change them freely', () => {
    const first = searchTargets('migra');
    first.length = 0;
    expect(codes('migra')).toEqual(['8.8', '10.7', '10.c', '17.18']);
    expect(searchTargets('')).not.toBe(searchTargets(''));
  });

  it('come fast enough to search on every keystroke', () => {
    const keystrokes = ['m', 'mi', 'mig', 'migr', 'migra', 'migrant', 'migrant w', 'migrant wo', '1', '10', '10.'];
    const start = performance.now();
    for (let i = 0; i < 100; i++) for (const q of keystrokes) searchTargets(q);
    // 1,100 searches; about 40 ms on a laptop, so 1 s leaves room for slow CI machines.
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
