// What a person may write on their own private board: private notes while private brainstorming
// is on (under their own name: a note's author is the person whose board it is), and their dots
// in the open vote, within its budget; deleting their own notes at any time. The reveals are the
// server's own changes and do not pass here. Pure: touches and state in, a verdict out.
import { type ItemRef, isAuthor, PRIVATE_ROOTS, parseBallotKey, type VoteSession } from '../../shared/model/index.ts';
import type { EditVerdict } from './editRules.ts';
import type { Touch } from './updateScope.ts';

export interface PrivateBoardState {
  /** The person whose board it is (and who sends the update). */
  person: string;
  privateMode: boolean;
  vote: VoteSession | null;
  /** The person's dots in the open vote now, by item id. */
  ballot: ReadonlyMap<string, number>;
}

const inVote = (vote: VoteSession, item: ItemRef) => vote.items.some((i) => i.type === item.type && i.id === item.id);

export function checkPrivateEdit(touches: readonly Touch[], state: PrivateBoardState): EditVerdict {
  const dots = new Map(state.ballot);
  let castDots = false;
  for (const touch of touches) {
    if (touch.root === PRIVATE_ROOTS.cards) {
      // Taking one's own notes away is always allowed (the reveal moved them, or they were wrong).
      if (touch.deleted) continue;
      if (!state.privateMode) return { ok: false, reason: 'private-mode-off' };
      const [key] = touch.path;
      if (key === 'kind' && touch.value !== 'note') return { ok: false, reason: 'not-a-note' };
      if (key === 'author' && touch.path.length === 1) {
        if (!isAuthor(touch.value) || touch.value.id !== state.person) return { ok: false, reason: 'author' };
      }
      continue;
    }
    if (touch.root === PRIVATE_ROOTS.ballots) {
      const vote = state.vote;
      const key = touch.path.length === 0 ? parseBallotKey(touch.id) : null;
      // A revealed vote is final: its ballots were counted, so none changes afterwards (even if
      // the meta were ever written open again).
      if (!key || !vote?.open || vote.revealed || key.voteId !== vote.id || !inVote(vote, key.item)) {
        return { ok: false, reason: 'vote-closed' };
      }
      if (touch.deleted) dots.set(key.item.id, 0);
      else if (typeof touch.value === 'number' && Number.isInteger(touch.value) && touch.value >= 0) {
        dots.set(key.item.id, touch.value);
      } else return { ok: false, reason: 'vote-invalid' };
      castDots = true;
      continue;
    }
    return { ok: false, reason: 'unknown-root' };
  }
  if (castDots && state.vote) {
    let total = 0;
    for (const count of dots.values()) total += count;
    if (total > state.vote.perPerson) return { ok: false, reason: 'over-budget' };
  }
  return { ok: true };
}
