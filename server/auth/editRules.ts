// What a participant may change: anything but workshop settings, agreed items (locked once the
// facilitator agrees them, except for comments) and the agreement itself; and votes only in the
// open vote, within the budget per person. Facilitators may change everything; viewers nothing
// (they are refused before this). Pure: touches and the board's state in, a verdict out.
import { BOARD_ROOTS, type CardStatus, itemPartOf, parseVoteKey, type VoteSession } from '../../shared/model/index.ts';
import type { Touch } from './updateScope.ts';

export type EditVerdict = { ok: true } | { ok: false; reason: string };

export interface BoardState {
  statusOf(root: string, id: string): CardStatus | undefined;
  vote: VoteSession | null;
  /** The votes `voterId` has in the open vote, per item id. */
  votesBy(voterId: string): Map<string, number>;
}

export function checkParticipantEdit(touches: readonly Touch[], board: BoardState): EditVerdict {
  // New vote counts by voter and item, from this update.
  const voteChanges = new Map<string, Map<string, number>>();
  for (const touch of touches) {
    if (touch.root !== BOARD_ROOTS.cards && touch.root !== BOARD_ROOTS.links) {
      return { ok: false, reason: touch.root === BOARD_ROOTS.meta ? 'workshop-settings' : 'unknown-root' };
    }
    const part = itemPartOf(touch.path);
    if (board.statusOf(touch.root, touch.id) === 'agreed' && part !== 'comments')
      return { ok: false, reason: 'locked' };
    if (part === 'status' && !touch.deleted && touch.value === 'agreed') return { ok: false, reason: 'agreeing' };
    if (part === 'votes' && touch.path.length > 1) {
      const key = parseVoteKey(touch.path[1] as string);
      const vote = board.vote;
      const inVote = vote?.items.some((i) => i.id === touch.id && `${i.type}s` === touch.root);
      if (!key || !vote?.open || key.voteId !== vote.id || !inVote) return { ok: false, reason: 'vote-closed' };
      const perItem = voteChanges.get(key.voterId) ?? new Map<string, number>();
      if (!touch.deleted) {
        if (typeof touch.value !== 'number' || !Number.isInteger(touch.value) || touch.value < 0) {
          return { ok: false, reason: 'vote-invalid' };
        }
        perItem.set(touch.id, touch.value);
      } else if (!perItem.has(touch.id)) {
        perItem.set(touch.id, 0);
      }
      voteChanges.set(key.voterId, perItem);
    }
  }
  for (const [voterId, changes] of voteChanges) {
    const after = new Map(board.votesBy(voterId));
    for (const [item, count] of changes) after.set(item, count);
    let total = 0;
    for (const count of after.values()) total += count;
    if (board.vote && total > board.vote.perPerson) return { ok: false, reason: 'over-budget' };
  }
  return { ok: true };
}
