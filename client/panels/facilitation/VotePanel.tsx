// Dot voting: the facilitator starts a vote on a set of cards with N dots per person; everyone
// places their dots on their private ballot (nobody else's browser receives them); the reveal
// writes every ballot onto the board, closes the vote and ranks the items.
import { useMemo, useState } from 'react';
import {
  ANONYMOUS_VOTER,
  cardTitle,
  endVote,
  type ItemRef,
  newId,
  reopenVote,
  startVote,
  tallyVote,
  votesOf,
} from '../../../shared/model/index.ts';
import type { BoardItems } from '../../canvas/useBoardItems.ts';
import { dotsUsed, placeDots, useBallot } from '../../facilitation/ballot.ts';
import { useFacilitationContext } from '../../facilitation/context.ts';
import { revealVoteResults } from '../../facilitation/facilitationApi.ts';
import { useFacilitation } from '../../facilitation/useFacilitation.ts';
import { VOTE_SCOPE_LABELS, VOTE_SCOPES, type VoteScope, voteItems } from '../../facilitation/voteScope.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import { LOCAL_ORIGIN } from '../../sync/origin.ts';

export function itemLabel(ref: ItemRef, items: BoardItems): string {
  if (ref.type === 'card') {
    const card = items.cards.get(ref.id);
    return card ? cardTitle(card) || 'Untitled card' : 'A deleted card';
  }
  const link = items.links.get(ref.id);
  const from = link ? items.cards.get(link.from) : undefined;
  const to = link ? items.cards.get(link.to) : undefined;
  return from && to ? `${cardTitle(from)} → ${cardTitle(to)}` : 'A deleted link';
}

function StartVoteForm({ items }: { items: BoardItems }) {
  const { doc } = useFacilitationContext();
  const notify = useBoardStore((s) => s.notify);
  const selectedCards = useBoardStore((s) => s.selectedCards);
  const selectedLinks = useBoardStore((s) => s.selectedLinks);
  const [scope, setScope] = useState<VoteScope>('interventions');
  const [perPerson, setPerPerson] = useState('3');
  const [title, setTitle] = useState('Which interventions matter most?');
  const [anonymous, setAnonymous] = useState(false);
  const chosen = useMemo(
    () => voteItems(scope, items.cards, items.links, { cards: selectedCards, links: selectedLinks }),
    [scope, items, selectedCards, selectedLinks],
  );
  const start = () => {
    const n = Number(perPerson);
    try {
      startVote(
        doc,
        { id: newId(), title: title.trim() || 'Dot vote', items: chosen, perPerson: n, anonymous },
        LOCAL_ORIGIN,
      );
    } catch (error) {
      notify(`The vote could not start: ${(error as Error).message}.`, 'error');
    }
  };
  return (
    <form
      className="vote-form"
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
    >
      <label className="fac-field">
        <span>Question</span>
        <input
          className="input input-compact"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          data-testid="vote-title"
        />
      </label>
      <fieldset className="fac-field vote-scope">
        <legend>Vote on</legend>
        {VOTE_SCOPES.map((s) => (
          <label key={s} className="fac-toggle">
            <input
              type="radio"
              name="vote-scope"
              value={s}
              checked={scope === s}
              onChange={() => setScope(s)}
              data-testid={`vote-scope-${s}`}
            />
            <span>{VOTE_SCOPE_LABELS[s]}</span>
          </label>
        ))}
      </fieldset>
      <label className="fac-field">
        <span>Dots per person</span>
        <input
          className="input input-compact fac-minutes"
          type="number"
          min="1"
          max="50"
          value={perPerson}
          onChange={(e) => setPerPerson(e.target.value)}
          data-testid="vote-per-person"
        />
      </label>
      <label className="fac-toggle">
        <input
          type="checkbox"
          checked={anonymous}
          onChange={(e) => setAnonymous(e.target.checked)}
          data-testid="vote-anonymous"
        />
        <span>Anonymous: the results show totals only, never who voted for what</span>
      </label>
      <p className="hint">
        {chosen.length === 0
          ? scope === 'frame'
            ? 'Select a frame with cards inside it.'
            : scope === 'selection'
              ? 'Select the cards or links to vote on.'
              : 'There are no interventions on the board yet.'
          : `${chosen.length} item${chosen.length === 1 ? '' : 's'} will be in the vote.`}
      </p>
      <button
        type="submit"
        className="button button-primary button-compact"
        disabled={chosen.length === 0}
        data-testid="vote-start"
      >
        Start the vote
      </button>
    </form>
  );
}

export function VotePanel({ items }: { items: BoardItems }) {
  const { doc, role, privateBoard, workshopId, token } = useFacilitationContext();
  const notify = useBoardStore((s) => s.notify);
  const f = useFacilitation(doc);
  const vote = f.vote;
  const facilitator = role === 'facilitator';
  // The vote after which the facilitator asked for a new one.
  const [newAfter, setNewAfter] = useState<string | null>(null);
  const [revealing, setRevealing] = useState(false);
  const mine = useBallot(privateBoard?.doc ?? null, vote);
  if (!vote || (facilitator && newAfter === vote.id && !vote.open)) {
    return (
      <div className="vote-panel" data-testid="vote-panel">
        {facilitator ? <StartVoteForm items={items} /> : <p className="dock-empty">No vote has been started.</p>}
      </div>
    );
  }
  const left = vote.perPerson - dotsUsed(mine);
  // Dots reach the board only at the reveal; until then each person sees their own.
  const voters = new Set(vote.revealed ? votesOf(doc, vote).map((v) => v.voterId) : []);
  voters.delete(ANONYMOUS_VOTER);
  const canVote = vote.open && role !== 'viewer' && privateBoard !== null;
  const tally = vote.revealed ? tallyVote(doc, vote) : null;
  const reveal = async () => {
    setRevealing(true);
    try {
      await revealVoteResults(workshopId, token);
    } catch (error) {
      notify(`The results could not be revealed: ${(error as Error).message}`, 'error');
    } finally {
      setRevealing(false);
    }
  };
  const max = Math.max(1, ...(tally?.ranking.map((r) => r.votes) ?? [1]));

  return (
    <div className="vote-panel" data-testid="vote-panel">
      <h3 className="vote-title">{vote.title}</h3>
      <p className="vote-state" data-testid="vote-state">
        {vote.revealed ? 'Results' : vote.open ? 'Voting is open' : 'Voting has ended'}
        {vote.revealed &&
          (vote.anonymous ? ' · anonymous' : ` · ${voters.size} ${voters.size === 1 ? 'person' : 'people'} voted`)}
      </p>
      {canVote && (
        <p className="votes-left" data-testid="votes-left" data-left={left}>
          {left === 0
            ? `You have placed all ${vote.perPerson} of your dots.`
            : `You have ${left} of ${vote.perPerson} dots left.`}
        </p>
      )}
      {tally ? (
        <ol className="vote-results" data-testid="vote-results">
          {tally.ranking.map((r) => (
            <li key={`${r.item.type}:${r.item.id}`} data-testid="vote-result" data-id={r.item.id} data-votes={r.votes}>
              <span className="vote-result-label">{itemLabel(r.item, items)}</span>
              <span className="vote-result-bar" style={{ width: `${(r.votes / max) * 100}%` }} aria-hidden="true" />
              <span className="vote-result-count">{r.votes}</span>
            </li>
          ))}
        </ol>
      ) : (
        <ul className="vote-items">
          {vote.items.map((ref) => {
            const count = mine.get(ref.id) ?? 0;
            return (
              <li key={`${ref.type}:${ref.id}`} className="vote-item" data-testid="vote-item" data-id={ref.id}>
                <button
                  type="button"
                  className="vote-item-label"
                  title="Show it on the board"
                  onClick={() => useBoardStore.getState().select(ref, false)}
                >
                  {itemLabel(ref, items)}
                </button>
                <span className="vote-item-mine" data-testid="my-dots" data-count={count} title="Your dots">
                  <span className="vote-dots-text" aria-hidden="true">
                    {'●'.repeat(count)}
                  </span>
                  <span className="visually-hidden">{count} of your dots</span>
                </span>
                {canVote && (
                  <span className="vote-item-buttons">
                    <button
                      type="button"
                      className="icon-button icon-button-small"
                      aria-label={`Take a dot back from ${itemLabel(ref, items)}`}
                      data-testid="vote-minus"
                      disabled={count === 0}
                      onClick={() => privateBoard && placeDots(privateBoard.doc, vote, ref, count - 1)}
                    >
                      −
                    </button>
                    <button
                      type="button"
                      className="icon-button icon-button-small"
                      aria-label={`Put a dot on ${itemLabel(ref, items)}`}
                      data-testid="vote-plus"
                      disabled={left <= 0}
                      onClick={() => privateBoard && placeDots(privateBoard.doc, vote, ref, count + 1)}
                    >
                      +
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!vote.revealed && (
        <p className="hint">Nobody sees anyone else's dots until the facilitator reveals the results.</p>
      )}
      {facilitator && (
        <div className="fac-row vote-actions">
          {vote.open ? (
            <button
              type="button"
              className="button button-secondary button-compact"
              data-testid="vote-end"
              onClick={() => endVote(doc, LOCAL_ORIGIN)}
            >
              End the vote
            </button>
          ) : (
            !vote.revealed && (
              <button
                type="button"
                className="button button-secondary button-compact"
                data-testid="vote-reopen"
                onClick={() => reopenVote(doc, LOCAL_ORIGIN)}
              >
                Reopen
              </button>
            )
          )}
          {!vote.revealed && (
            <button
              type="button"
              className="button button-primary button-compact"
              data-testid="vote-reveal"
              disabled={revealing}
              onClick={() => void reveal()}
            >
              Reveal results
            </button>
          )}
          {!vote.open && (
            <button
              type="button"
              className="button button-secondary button-compact"
              data-testid="vote-new"
              onClick={() => setNewAfter(vote.id)}
            >
              New vote
            </button>
          )}
        </div>
      )}
    </div>
  );
}
