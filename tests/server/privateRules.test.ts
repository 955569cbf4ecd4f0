// The private board's rules, pure: a ballot is judged against the vote as the shared board holds it.
import { describe, expect, it } from 'vitest';
import { checkPrivateEdit, type PrivateBoardState } from '../../server/auth/privateRules.ts';
import { ballotKey, type VoteSession } from '../../shared/model/index.ts';

const item = { type: 'card' as const, id: 'card-0001' };
const vote: VoteSession = {
  id: 'v1',
  title: 'Priorities',
  items: [item],
  perPerson: 3,
  open: true,
  revealed: false,
  anonymous: false,
};
const dot = [{ root: 'ballots', id: ballotKey('v1', item), path: [], value: 2, deleted: false }];
const state = (v: VoteSession | null): PrivateBoardState => ({
  person: 'p',
  privateMode: false,
  vote: v,
  ballot: new Map(),
});

describe('ballots on a private board', () => {
  it('are taken while the vote is open', () => {
    expect(checkPrivateEdit(dot, state(vote))).toEqual({ ok: true });
  });

  it('are refused once the vote has ended or been revealed, even if it read as open again', () => {
    expect(checkPrivateEdit(dot, state({ ...vote, open: false }))).toMatchObject({ ok: false, reason: 'vote-closed' });
    expect(checkPrivateEdit(dot, state({ ...vote, open: false, revealed: true }))).toMatchObject({
      ok: false,
      reason: 'vote-closed',
    });
    expect(checkPrivateEdit(dot, state({ ...vote, open: true, revealed: true }))).toMatchObject({
      ok: false,
      reason: 'vote-closed',
    });
    expect(
      checkPrivateEdit([{ ...dot[0], deleted: true } as (typeof dot)[0]], state({ ...vote, revealed: true })),
    ).toMatchObject({
      ok: false,
    });
  });
});
