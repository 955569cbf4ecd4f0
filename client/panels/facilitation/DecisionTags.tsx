// On the board, under each intervention sent back or set aside: a tag saying so, with the
// comment cut to the card's width, until the intervention is decided again. Drawn in board
// coordinates inside the overlay's moving world, at a constant screen size like the lock badges;
// a click selects the card, whose inspector shows the whole comment.
import { cardTitle, type ValidationRecord } from '../../../shared/model/index.ts';
import type { BoardItems } from '../../canvas/useBoardItems.ts';
import { DECISION_LABELS, decisionSentence, heldDecisions, truncate } from '../../facilitation/decisions.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import '../../styles/workshop.css';

/** Longest comment shown on a tag; the rest is in the inspector and the walk-through. */
const TAG_COMMENT_CHARS = 90;

export function DecisionTags({
  items,
  validation,
}: {
  items: BoardItems;
  validation: Record<string, ValidationRecord>;
}) {
  const held = heldDecisions(items.cards.values(), validation);
  return (
    <>
      {[...held].map(([id, shown]) => {
        const card = items.cards.get(id);
        if (!card) return null;
        return (
          <div
            key={`decision-${id}`}
            className="overlay-anchor"
            style={{ left: card.x, top: card.y + card.h, ['--card-w' as string]: `${card.w}px` }}
          >
            <button
              type="button"
              tabIndex={-1}
              className={`decision-tag decision-tag-${shown.decision}`}
              data-testid={`decision-tag-${id}`}
              data-decision={shown.decision}
              title={`${cardTitle(card) || 'Untitled intervention'}: ${decisionSentence(shown)}`}
              onClick={() => useBoardStore.getState().select({ type: 'card', id }, false)}
            >
              <strong>{DECISION_LABELS[shown.decision]}</strong>
              {shown.comment && (
                <span className="decision-tag-comment">{truncate(shown.comment, TAG_COMMENT_CHARS)}</span>
              )}
            </button>
          </div>
        );
      })}
    </>
  );
}
