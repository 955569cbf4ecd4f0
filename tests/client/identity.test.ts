// The identity a browser remembers: the stakeholder group from the method's list, the person's
// own words for "Other", an old group read as the group it merged into, and what the hello says.
import { describe, expect, it } from 'vitest';
import { helloProfileOf, isComplete, loadIdentity } from '../../client/store/identity.ts';
import { MAX_GROUP_DETAIL } from '../../shared/model/index.ts';

function memoryStorage(entries: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(entries));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

const stored = (identity: object) =>
  memoryStorage({
    'sdg-board:private-secret': 'a-secret-of-this-browser-0123456789',
    'sdg-board:identity': JSON.stringify(identity),
  });

describe('the identity remembered in this browser', () => {
  it('reads a group that merged into another as the merged group, and keeps it so', () => {
    const storage = stored({ name: 'Ana', group: 'development-partner' });
    const identity = loadIdentity(storage);
    expect(identity).toMatchObject({ name: 'Ana', group: 'international-organisation', groupDetail: '' });
    expect(isComplete(identity)).toBe(true);
    expect(JSON.parse(storage.getItem('sdg-board:identity') ?? '{}').group).toBe('international-organisation');
  });

  it('asks again for a group it does not know', () => {
    const identity = loadIdentity(stored({ name: 'Ana', group: 'astronauts' }));
    expect(identity.group).toBe('');
    expect(isComplete(identity)).toBe(false);
  });

  it('needs the person’s own words for Other, and keeps them only with Other', () => {
    expect(isComplete(loadIdentity(stored({ name: 'Ben', group: 'other' })))).toBe(false);
    expect(isComplete(loadIdentity(stored({ name: 'Ben', group: 'other', groupDetail: '   ' })))).toBe(false);
    const other = loadIdentity(stored({ name: 'Ben', group: 'other', groupDetail: ' Farmers’ cooperative ' }));
    expect(other).toMatchObject({ group: 'other', groupDetail: 'Farmers’ cooperative' });
    expect(isComplete(other)).toBe(true);
    expect(loadIdentity(stored({ name: 'Ben', group: 'academia', groupDetail: 'stale words' })).groupDetail).toBe('');
    const long = loadIdentity(stored({ name: 'Ben', group: 'other', groupDetail: 'x'.repeat(200) }));
    expect(long.groupDetail).toHaveLength(MAX_GROUP_DETAIL);
  });

  it('says in the hello what the person entered', () => {
    const other = loadIdentity(stored({ name: ' Ben ', group: 'other', groupDetail: 'Farmers’ cooperative' }));
    expect(helloProfileOf(other)).toEqual({ name: 'Ben', group: 'other', groupDetail: 'Farmers’ cooperative' });
    expect(helloProfileOf(loadIdentity(stored({ name: 'Ana', group: 'academia' })))).toEqual({
      name: 'Ana',
      group: 'academia',
    });
  });
});
