// Where the plan stands, in the words every export uses (standingText), and its adoption when one
// is recorded: shown in the walk-through, the plan progress and the workshop details.
import { adoptionSentence, type PlanStandingView } from '../../facilitation/decisions.ts';
import '../../styles/workshop.css';

export function PlanStandingNote({ view }: { view: PlanStandingView }) {
  const { standing, adoption } = view;
  return (
    <div className={`plan-standing plan-standing-${standing}`} data-testid="plan-standing" data-standing={standing}>
      <p className="plan-standing-text">
        <span className="plan-standing-label">Plan</span>
        <span data-testid="plan-standing-text">{view.text}</span>
      </p>
      {adoption && (
        <p className="plan-standing-adoption" data-testid="plan-adoption">
          {adoptionSentence(adoption)}
        </p>
      )}
      {adoption && standing === 'draft' && (
        <p className="plan-standing-warning">
          The adoption is recorded, but the plan is a draft again until every intervention is decided and none is sent
          back.
        </p>
      )}
    </div>
  );
}
