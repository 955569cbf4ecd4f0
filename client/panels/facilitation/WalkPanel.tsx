// The validation walk-through: in the Validate phase the facilitator steps through the
// interventions one by one (everyone's view follows), reviews each against the checklist, then
// marks it agreed (locked from then on) or sends it back with a comment.
import { useState } from 'react';
import {
  addComment,
  type Card,
  cardTitle,
  recordValidation,
  setPhase,
  setWalkItem,
  updateCard,
  VALIDATION_CHECK_LABELS,
  VALIDATION_CHECKS,
  type ValidationCheck,
  type ValidationRecord,
} from '../../../shared/model/index.ts';
import type { BoardItems } from '../../canvas/useBoardItems.ts';
import { useFacilitationContext } from '../../facilitation/context.ts';
import { useFacilitation } from '../../facilitation/useFacilitation.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import { LOCAL_ORIGIN } from '../../sync/origin.ts';
import { LockIcon } from './facilitationIcons.tsx';

const EMPTY_RECORD: ValidationRecord = { checks: {}, decision: null, by: '', at: 0, comment: '' };

function when(at: number): string {
  return new Date(at).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function WalkPanel({ items }: { items: BoardItems }) {
  const { doc, me, role } = useFacilitationContext();
  const f = useFacilitation(doc);
  const notify = useBoardStore((s) => s.notify);
  const [comment, setComment] = useState('');
  const facilitator = role === 'facilitator';
  const interventions = [...items.cards.values()]
    .filter((c): c is Card & { kind: 'intervention' } => c.kind === 'intervention')
    .sort((a, b) => a.y - b.y || a.x - b.x);

  if (f.phase !== 'validate') {
    return (
      <div className="walk-panel" data-testid="walk-panel">
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
  const current = index >= 0 ? interventions[index] : undefined;
  const go = (to: Card | undefined) => {
    setComment('');
    setWalkItem(doc, to?.id ?? null, LOCAL_ORIGIN);
  };
  if (!current) {
    return (
      <div className="walk-panel" data-testid="walk-panel">
        <p className="dock-empty">
          {interventions.length === 0
            ? 'There are no interventions to validate yet.'
            : `${interventions.length} intervention${interventions.length === 1 ? '' : 's'} to validate, one by one.`}
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
  const record = f.validation[current.id] ?? EMPTY_RECORD;
  const save = (patch: Partial<ValidationRecord>) =>
    recordValidation(doc, current.id, { ...record, by: me.name, at: Date.now(), ...patch }, LOCAL_ORIGIN);
  const toggle = (check: ValidationCheck, on: boolean) => save({ checks: { ...record.checks, [check]: on } });
  const agree = () => {
    updateCard(doc, current.id, { status: 'agreed' }, LOCAL_ORIGIN);
    save({ decision: 'agreed', comment: '' });
    notify(`“${cardTitle(current)}” is agreed and locked.`);
  };
  const sendBack = () => {
    const text = comment.trim();
    if (!text) return;
    addComment(doc, { type: 'card', id: current.id }, { author: me, text }, LOCAL_ORIGIN);
    if (current.status === 'agreed') updateCard(doc, current.id, { status: 'discussed' }, LOCAL_ORIGIN);
    save({ decision: 'sent-back', comment: text });
    setComment('');
  };

  return (
    <div className="walk-panel" data-testid="walk-panel">
      <p className="walk-position">
        Intervention {index + 1} of {interventions.length}
      </p>
      <h3 className="walk-title" data-testid="walk-current" data-id={current.id}>
        {cardTitle(current) || 'Untitled intervention'}
        {current.status === 'agreed' && (
          <span className="walk-agreed" data-testid="walk-agreed">
            <LockIcon /> Agreed
          </span>
        )}
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
      {record.decision && (
        <p className={`walk-decision walk-decision-${record.decision}`} data-testid="walk-decision">
          {record.decision === 'agreed' ? 'Agreed' : 'Sent back'} by {record.by} · {when(record.at)}
          {record.comment && <span className="walk-decision-comment">“{record.comment}”</span>}
        </p>
      )}
      {facilitator && (
        <>
          <div className="fac-row">
            <button
              type="button"
              className="button button-primary button-compact"
              data-testid="walk-agree"
              disabled={current.status === 'agreed'}
              onClick={agree}
            >
              Mark agreed
            </button>
          </div>
          <label className="fac-field">
            <span>Send back with a comment</span>
            <textarea
              className="input walk-comment"
              rows={2}
              value={comment}
              placeholder="What needs another look?"
              data-testid="walk-comment"
              onChange={(e) => setComment(e.target.value)}
              onKeyDown={(e) => e.stopPropagation()}
            />
          </label>
          <button
            type="button"
            className="button button-secondary button-compact"
            data-testid="walk-send-back"
            disabled={comment.trim() === ''}
            onClick={sendBack}
          >
            Send back
          </button>
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
              className="button button-secondary button-compact"
              data-testid="walk-stop"
              onClick={() => go(undefined)}
            >
              Stop
            </button>
          </div>
        </>
      )}
    </div>
  );
}
