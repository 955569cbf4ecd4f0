// The walk-through's decision on the intervention in the inspector: "Sent back by Ada: <comment>"
// or "Set aside by Ada", until it is decided again, and who agreed an agreed one in the walk.
import { useContext } from 'react';
import { type Card, VALIDATION_CHECK_LABELS } from '../../../shared/model/index.ts';
import type { FacilitationContext } from '../../facilitation/context.ts';
import { FacilitationCtx } from '../../facilitation/context.ts';
import { DECISION_LABELS, formatWhen, shownDecision } from '../../facilitation/decisions.ts';
import { useFacilitation } from '../../facilitation/useFacilitation.ts';

export function DecisionStatus({ card }: { card: Card }) {
  const ctx = useContext(FacilitationCtx);
  if (!ctx || card.kind !== 'intervention') return null;
  return <Decision ctx={ctx} card={card} />;
}

function Decision({ ctx, card }: { ctx: FacilitationContext; card: Card }) {
  const { validation } = useFacilitation(ctx.doc);
  const shown = shownDecision(card, validation);
  // Agreement shows in the status control; it is said here only when the walk-through made it.
  if (shown.decision === 'not-reviewed' || (shown.decision === 'agreed' && !shown.by)) return null;
  const when = formatWhen(shown.at);
  return (
    <div
      className={`decision-status decision-status-${shown.decision}`}
      data-testid="inspector-decision"
      data-decision={shown.decision}
      role="status"
    >
      <p className="decision-status-line">
        <strong>{DECISION_LABELS[shown.decision]}</strong>
        {shown.by && ` by ${shown.by}`}
        {shown.comment ? (
          <>
            : <span data-testid="inspector-decision-comment">{shown.comment}</span>
          </>
        ) : (
          shown.decision === 'set-aside' && ': not in this plan'
        )}
      </p>
      <p className="decision-status-meta">
        {when && `Decided in the walk-through, ${when}. `}
        {shown.decision === 'sent-back' && 'Once reworked, it comes back to the walk-through.'}
        {shown.decision === 'agreed' &&
          shown.checksLeft.length > 0 &&
          `Checks not ticked when it was agreed: ${shown.checksLeft.map((c) => VALIDATION_CHECK_LABELS[c]).join('; ')}.`}
      </p>
    </div>
  );
}
