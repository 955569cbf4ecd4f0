import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ANONYMOUS_AUTHOR,
  ANONYMOUS_VOTER,
  addCard,
  ballotUsed,
  castBallot,
  clearTimer,
  endVote,
  getCard,
  listCards,
  listPrivateNotes,
  movePrivateNotes,
  pauseTimer,
  readBallot,
  readFacilitation,
  recordRevealedVotes,
  reopenVote,
  resumeTimer,
  setPhase,
  setPrivateMode,
  startTimer,
  startVote,
  tallyVote,
  timerRemainingMs,
  votesOf,
} from '../../../shared/model/index.ts';

const who = { id: 'f', name: 'F', group: 'academia' };

function currentVote(doc: Y.Doc) {
  const vote = readFacilitation(doc).vote;
  if (!vote) throw new Error('no vote');
  return vote;
}

function firstItem<T>(items: T[]): T {
  const [first] = items;
  if (!first) throw new Error('no items');
  return first;
}

describe('the shared timer', () => {
  it('is stored as an end time, so any copy of the board computes the same remaining time', () => {
    const doc = new Y.Doc();
    startTimer(doc, 60_000, undefined, 1_000);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(timerRemainingMs(readFacilitation(copy).timer, 31_000)).toBe(30_000);
    expect(timerRemainingMs(readFacilitation(copy).timer, 90_000)).toBe(0);
  });

  it('pauses with what is left and resumes from there', () => {
    const doc = new Y.Doc();
    startTimer(doc, 60_000, undefined, 0);
    pauseTimer(doc, undefined, 20_000);
    expect(timerRemainingMs(readFacilitation(doc).timer, 50_000)).toBe(40_000);
    resumeTimer(doc, undefined, 100_000);
    expect(timerRemainingMs(readFacilitation(doc).timer, 110_000)).toBe(30_000);
    clearTimer(doc);
    expect(readFacilitation(doc).timer).toBeNull();
  });

  it('refuses a timer without a positive duration', () => {
    expect(() => startTimer(new Y.Doc(), 0)).toThrow(/positive/);
  });
});

describe('the workshop phase', () => {
  it('starts at brainstorm and takes only the four phases', () => {
    const doc = new Y.Doc();
    expect(readFacilitation(doc).phase).toBe('brainstorm');
    setPhase(doc, 'validate');
    expect(readFacilitation(doc).phase).toBe('validate');
    expect(() => setPhase(doc, 'party' as never)).toThrow();
  });
});

describe('a dot vote', () => {
  function board() {
    const doc = new Y.Doc();
    const ids = [1, 2, 3].map((i) =>
      addCard(doc, { kind: 'intervention', x: i, y: 0, author: who, fields: { title: `I${i}` } }),
    );
    const items = ids.map((id) => ({ type: 'card' as const, id }));
    startVote(doc, { id: 'v', title: 'Priorities', items, perPerson: 3 });
    return { doc, items };
  }

  it('lets each person spend their budget on their ballot and refuses a dot beyond it', () => {
    const { doc, items } = board();
    const [a, b, c] = items as [(typeof items)[0], (typeof items)[0], (typeof items)[0]];
    const ana = new Y.Doc();
    castBallot(ana, currentVote(doc), a, 2);
    castBallot(ana, currentVote(doc), b, 1);
    expect(ballotUsed(ana, currentVote(doc))).toBe(3);
    expect(() => castBallot(ana, currentVote(doc), c, 1)).toThrow(/3 dots per person/);
    castBallot(ana, currentVote(doc), a, 1);
    castBallot(ana, currentVote(doc), c, 1);
    expect([...readBallot(ana, currentVote(doc))]).toEqual([
      [a.id, 1],
      [b.id, 1],
      [c.id, 1],
    ]);
  });

  it('records every ballot at the reveal, ranks the items and closes the vote', () => {
    const { doc, items } = board();
    const [a, b, c] = items as [(typeof items)[0], (typeof items)[0], (typeof items)[0]];
    recordRevealedVotes(doc, currentVote(doc), [
      {
        voterId: 'ana',
        counts: new Map([
          [a.id, 1],
          [b.id, 1],
          [c.id, 1],
        ]),
      },
      { voterId: 'ben', counts: new Map([[c.id, 3]]) },
      // Over the budget: never accepted by the server, left out whole if it were there.
      { voterId: 'eve', counts: new Map([[a.id, 9]]) },
    ]);
    const vote = currentVote(doc);
    expect(vote).toMatchObject({ open: false, revealed: true });
    expect(tallyVote(doc, vote).ranking.map((r) => [r.item.id, r.votes])).toEqual([
      [c.id, 4],
      [a.id, 1],
      [b.id, 1],
    ]);
    expect(new Set(votesOf(doc, vote).map((v) => v.voterId))).toEqual(new Set(['ana', 'ben']));
  });

  it('records only totals for an anonymous vote: the board never says who voted for what', () => {
    const doc = new Y.Doc();
    const ids = [1, 2].map((i) => addCard(doc, { kind: 'intervention', x: i, y: 0, author: who }));
    const items = ids.map((id) => ({ type: 'card' as const, id }));
    startVote(doc, { id: 'v', title: 'Secret', items, perPerson: 2, anonymous: true });
    const [a, b] = items as [(typeof items)[0], (typeof items)[0]];
    recordRevealedVotes(doc, currentVote(doc), [
      { voterId: 'ana', counts: new Map([[a.id, 2]]) },
      {
        voterId: 'ben',
        counts: new Map([
          [a.id, 1],
          [b.id, 1],
        ]),
      },
    ]);
    const vote = currentVote(doc);
    expect(votesOf(doc, vote).map((v) => v.voterId)).toEqual([ANONYMOUS_VOTER, ANONYMOUS_VOTER]);
    expect(JSON.stringify(doc.toJSON())).not.toMatch(/ana|ben/);
    expect(tallyVote(doc, vote).ranking.map((r) => r.votes)).toEqual([3, 1]);
  });

  it('takes no dots once ended, takes them again when reopened, and cannot be reopened once revealed', () => {
    const { doc, items } = board();
    const ana = new Y.Doc();
    endVote(doc);
    expect(() => castBallot(ana, currentVote(doc), firstItem(items), 1)).toThrow(/no vote is open/);
    reopenVote(doc);
    castBallot(ana, currentVote(doc), firstItem(items), 1);
    recordRevealedVotes(doc, currentVote(doc), []);
    expect(readFacilitation(doc).vote).toMatchObject({ open: false, revealed: true });
    expect(() => reopenVote(doc)).toThrow(/revealed vote cannot be reopened/);
  });
});

describe('private brainstorming', () => {
  it('is off on a board that never set it, and on once the facilitator turns it on', () => {
    const doc = new Y.Doc();
    expect(readFacilitation(doc).privateMode).toBe(false);
    setPrivateMode(doc, true);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readFacilitation(copy).privateMode).toBe(true);
    setPrivateMode(doc, false);
    expect(readFacilitation(doc).privateMode).toBe(false);
  });

  it('moves private notes onto the board with their author, and empties the private board', () => {
    const mine = new Y.Doc();
    const board = new Y.Doc();
    const id = addCard(
      mine,
      { kind: 'note', x: 10, y: 20, author: who, fields: { text: 'Diaspora fund' } },
      undefined,
      5,
    );
    addCard(mine, { kind: 'note', x: 0, y: 0, author: who, fields: { text: '   ' } });
    expect(listPrivateNotes(mine)).toHaveLength(2);
    expect(movePrivateNotes(mine, board, { anonymous: false })).toBe(1);
    const moved = getCard(board, id);
    // Laid out afresh (layoutRevealedNotes): on an empty board the grid starts at the origin.
    expect(moved).toMatchObject({ kind: 'note', x: 0, y: 0, author: who, createdAt: 5 });
    expect(moved?.kind === 'note' && moved.fields.text).toBe('Diaspora fund');
    expect(listCards(mine)).toEqual([]);
  });

  it('moves them anonymously when asked, and never adds the same note twice', () => {
    const mine = new Y.Doc();
    const board = new Y.Doc();
    const id = addCard(mine, { kind: 'note', x: 0, y: 0, author: who, fields: { text: 'Idea' } });
    const before = new Y.Doc();
    Y.applyUpdate(before, Y.encodeStateAsUpdate(mine));
    movePrivateNotes(mine, board, { anonymous: true });
    expect(getCard(board, id)?.author).toEqual(ANONYMOUS_AUTHOR);
    // An interrupted reveal run again from the old private board copies nothing twice.
    expect(movePrivateNotes(before, board, { anonymous: true })).toBe(0);
    expect(listCards(board)).toHaveLength(1);
  });
});
