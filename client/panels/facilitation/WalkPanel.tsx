// The validation walk-through: in the Validate phase the facilitator steps through the
// interventions one by one (everyone's view follows), reviews each against the checklist, then
// decides it: agreed (in the plan, locked from then on), sent back with a comment (decided again
// later) or set aside (not in this plan). Everyone sees the plan's standing at the top.
import { useEffect, useId, useRef, useState } from 'react';
import {
  addComment,
  type Card,
  cardTitle,
  checksLeftOf,
  decideIntervention,
  recordValidation,
  setPhase,
  setWalkItem,
  VALIDATION_CHECK_LABELS,
  VALIDATION_CHECKS,
  type ValidationCheck,
  type ValidationDecision,
  type ValidationRecord,
} from '../../../shared/model/index.ts';
import type { BoardItems } from '../../canvas/useBoardItems.ts';
import { useFacilitationContext } from '../../facilitation/context.ts';
import {
  DECISION_LABELS,
  formatWhen,
  type ShownDecision,
  shownDecision,
  usePlanStanding,
} from '../../facilitation/decisions.ts';
import { useFacilitation } from '../../facilitation/useFacilitation.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import { LOCAL_ORIGIN } from '../../sync/origin.ts';
import { LockIcon } from './facilitationIcons.tsx';
import { PlanStandingNote } from './PlanStandingNote.tsx';

const EMPTY_RECORD: ValidationRecord = { checks: {}, decision: null, by: '', at: 0, comment: '' };

type Intervention = Card & { kind: 'intervention' };

export function WalkPanel({ items }: { items: BoardItems }) {
  const { doc, role } = useFacilitationContext();
  const f = useFacilitation(doc);
  const standing = usePlanStanding(doc, items.cards);
  const facilitator = role === 'facilitator';
  const interventions = [...items.cards.values()]
    .filter((c): c is Intervention => c.kind === 'intervention')
    .sort((a, b) => a.y - b.y || a.x - b.x);
  const go = (to: Card | undefined) => setWalkItem(doc, to?.id ?? null, LOCAL_ORIGIN);
  const standingNote = interventions.length > 0 ? <PlanStandingNote view={standing} /> : null;

  if (f.phase !== 'validate') {
    return (
      <div className="walk-panel" data-testid="walk-panel">
        {standingNote}
        <p className="dock-empty">The walk-through runs in the Validate phase.</p>
        {facilitator && (
          <button
            type="button"
            className="button button-primary button-compact"
            data-testid="walk-validate-phase"
            onClick={() => setPhase(doc, 'validate', LOCAL_ORIGIN)}
          >
            Switch to the Validate phase
          </button>
        )}
      </div>
    );
  }
  const index = interventions.findIndex((c) => c.id === f.walkItem);
  const toDecide = standing.counts.notReviewed + standing.counts.sentBack;
  const current = index >= 0 ? interventions[index] : undefined;
  if (!current) {
    return (
      <div className="walk-panel" data-testid="walk-panel">
        {standingNote}
        <p className="dock-empty">
          {interventions.length === 0
            ? 'There are no interventions to validate yet.'
            : toDecide === 0
              ? interventions.length === 1
                ? 'The intervention is decided.'
                : `All ${interventions.length} interventions are decided.`
              : `${toDecide} of ${interventions.length} intervention${interventions.length === 1 ? '' : 's'} to decide, one by one.`}
        </p>
        {facilitator && interventions.length > 0 && (
          <button
            type="button"
            className="button button-primary button-compact"
            data-testid="walk-start"
            onClick={() => go(interventions[0])}
          >
            Start the walk-through
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="walk-panel" data-testid="walk-panel">
      {standingNote}
      <p className="walk-position">
        Intervention {index + 1} of {interventions.length}
      </p>
      {/* Keyed by item: a comment or a confirmation half-made does not carry over to the next one. */}
      <WalkItem key={current.id} card={current} record={f.validation[current.id] ?? EMPTY_RECORD} />
      {facilitator && (
        <div className="fac-row walk-nav">
          <button
            type="button"
            className="button button-secondary button-compact"
            data-testid="walk-prev"
            disabled={index === 0}
            onClick={() => go(interventions[index - 1])}
          >
            Previous
          </button>
          <button
            type="button"
            className="button button-secondary button-compact"
            data-testid="walk-next"
            disabled={index === interventions.length - 1}
            onClick={() => go(interventions[index + 1])}
          >
            Next
          </button>
          <button
            type="button"
            className="button button-secondary button-compact walk-stop"
            data-testid="walk-stop"
            onClick={() => go(undefined)}
          >
            Stop
          </button>
        </div>
      )}
    </div>
  );
}

function WalkItem({ card, record }: { card: Intervention; record: ValidationRecord }) {
  const { doc, me, role } = useFacilitationContext();
  const f = useFacilitation(doc);
  const facilitator = role === 'facilitator';
  const shown = shownDecision(card, f.validation);
  const title = cardTitle(card) || 'Untitled intervention';

  const toggle = (check: ValidationCheck, on: boolean) => {
    const checks = { ...record.checks, [check]: on };
    // Ticking a check later does not change who decided, or when.
    const stamp = record.decision ? {} : { by: me.name, at: Date.now() };
    recordValidation(doc, card.id, { ...record, ...stamp, checks }, LOCAL_ORIGIN);
  };

  return (
    <>
      <h3 className="walk-title" data-testid="walk-current" data-id={card.id}>
        <span className="walk-title-text">{title}</span>
        <DecisionChip decision={shown.decision} />
      </h3>
      <ul className="walk-checks">
        {VALIDATION_CHECKS.map((check) => (
          <li key={check}>
            <label className="fac-toggle">
              <input
                type="checkbox"
                checked={record.checks[check] === true}
                disabled={!facilitator}
                data-testid={`walk-check-${check}`}
                onChange={(e) => toggle(check, e.target.checked)}
              />
              <span>{VALIDATION_CHECK_LABELS[check]}</span>
            </label>
          </li>
        ))}
      </ul>
      {shown.decision !== 'not-reviewed' && <DecisionRecord shown={shown} />}
      {facilitator && <DecisionForm card={card} title={title} record={record} current={shown.decision} />}
    </>
  );
}

function DecisionChip({ decision }: { decision: ShownDecision['decision'] }) {
  return (
    <span className={`decision-chip decision-chip-${decision}`} data-testid="walk-state" data-decision={decision}>
      {decision === 'agreed' && <LockIcon />}
      {DECISION_LABELS[decision]}
    </span>
  );
}

/** The decision as recorded: who, when, why, and the checks it was made without. */
function DecisionRecord({ shown }: { shown: ShownDecision }) {
  const when = formatWhen(shown.at);
  return (
    <div
      className={`walk-decision walk-decision-${shown.decision}`}
      data-testid="walk-decision"
      data-decision={shown.decision}
    >
      <p className="walk-decision-head">
        <strong>{DECISION_LABELS[shown.decision]}</strong>
        {shown.by ? ` by ${shown.by}` : shown.decision === 'agreed' ? ' on the board, not in the walk-through' : ''}
        {when && ` · ${when}`}
      </p>
      {shown.decision === 'set-aside' && <p>Not in this plan.</p>}
      {shown.comment && (
        <p className="walk-decision-comment" data-testid="walk-decision-comment">
          “{shown.comment}”
        </p>
      )}
      {shown.decision === 'agreed' && shown.checksLeft.length > 0 && (
        <div className="walk-checks-left" data-testid="walk-checks-left">
          <p>
            Agreed with {shown.checksLeft.length} check{shown.checksLeft.length === 1 ? '' : 's'} not ticked:
          </p>
          <ul>
            {shown.checksLeft.map((c) => (
              <li key={c}>{VALIDATION_CHECK_LABELS[c]}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

interface FormProps {
  card: Intervention;
  title: string;
  record: ValidationRecord;
  current: ShownDecision['decision'];
}

/** The facilitator's three decisions, with a comment (required to send an item back). */
function DecisionForm({ card, title, record, current }: FormProps) {
  const { doc, me } = useFacilitationContext();
  const notify = useBoardStore((s) => s.notify);
  const [comment, setComment] = useState('');
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const hintId = useId();
  const text = comment.trim();
  const unticked = checksLeftOf(record.checks);

  // Ticking the last checks meanwhile makes the question moot.
  const asking = confirming && unticked.length > 0;
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  const decide = (decision: ValidationDecision) => {
    try {
      decideIntervention(doc, card.id, { decision, by: me.name, comment: text }, LOCAL_ORIGIN);
      // The reason goes on the card's thread too, where whoever reworks it will read it.
      if (decision === 'sent-back') addComment(doc, { type: 'card', id: card.id }, { author: me, text }, LOCAL_ORIGIN);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'error');
      return;
    }
    setComment('');
    setConfirming(false);
    notify(
      decision === 'agreed'
        ? `“${title}” is agreed and locked.`
        : decision === 'sent-back'
          ? `“${title}” is sent back with your comment.`
          : `“${title}” is set aside: it is not in this plan.`,
    );
  };

  const agree = () => {
    if (unticked.length > 0) setConfirming(true);
    else decide('agreed');
  };

  return (
    <div className="walk-form">
      <label className="fac-field">
        <span>Comment</span>
        <textarea
          className="input walk-comment"
          rows={2}
          value={comment}
          placeholder="What needs another look, or why it is left out"
          aria-describedby={hintId}
          data-testid="walk-comment"
          onChange={(e) => setComment(e.target.value)}
          onKeyDown={(e) => e.stopPropagation()}
        />
      </label>
      <p id={hintId} className="walk-hint" data-testid="walk-comment-hint">
        {text === ''
          ? 'Sending it back needs a comment saying what needs another look. Agreeing or setting it aside does not.'
          : 'The comment is recorded with the decision; sent back, it also goes on the card’s comments.'}
      </p>
      {asking ? (
        <fieldset className="walk-confirm" data-testid="walk-confirm">
          <legend className="walk-confirm-title">
            {unticked.length === VALIDATION_CHECKS.length
              ? `None of the ${VALIDATION_CHECKS.length} checks is ticked:`
              : `${unticked.length} of ${VALIDATION_CHECKS.length} checks ${unticked.length === 1 ? 'is' : 'are'} not ticked:`}
          </legend>
          <ul className="walk-confirm-list" data-testid="walk-confirm-checks">
            {unticked.map((c) => (
              <li key={c}>{VALIDATION_CHECK_LABELS[c]}</li>
            ))}
          </ul>
          <p>Agree it anyway? The checks left are recorded with the decision.</p>
          <div className="fac-row">
            <button
              ref={confirmRef}
              type="button"
              className="button button-primary button-compact"
              data-testid="walk-agree-confirm"
              onClick={() => decide('agreed')}
            >
              Agree anyway
            </button>
            <button
              type="button"
              className="button button-secondary button-compact"
              data-testid="walk-agree-cancel"
              onClick={() => setConfirming(false)}
            >
              Back to the checks
            </button>
          </div>
        </fieldset>
      ) : (
        <div className="walk-decide">
          <button
            type="button"
            className="button button-primary button-compact"
            data-testid="walk-agree"
            disabled={current === 'agreed'}
            title={current === 'agreed' ? 'It is agreed already' : 'Agree it: it goes into the plan, locked'}
            onClick={agree}
          >
            Agree
          </button>
          <button
            type="button"
            className="button button-secondary button-compact"
            data-testid="walk-send-back"
            disabled={text === ''}
            aria-describedby={hintId}
            title={text === '' ? 'Write a comment first' : 'Send it back to be reworked and decided again'}
            onClick={() => decide('sent-back')}
          >
            Send back
          </button>
          <button
            type="button"
            className="button button-secondary button-compact"
            data-testid="walk-set-aside"
            title="Leave it out of this plan"
            onClick={() => decide('set-aside')}
          >
            Set aside
          </button>
        </div>
      )}
    </div>
  );
}
