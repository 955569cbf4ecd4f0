// The plan's formal adoption: a facilitator records the body that adopted it, the date, the act
// or reference and a note, once the plan is validated; it can be edited or cleared. Everyone
// sees "Adopted by <body> on <date> (<reference>)" with the plan's standing.
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import {
  type Adoption,
  checkAdoption,
  clearAdoption,
  MAX_META_TEXT,
  recordAdoption,
} from '../../../shared/model/index.ts';
import type { BoardItems } from '../../canvas/useBoardItems.ts';
import { useFacilitationContext } from '../../facilitation/context.ts';
import { formatDay, formatWhen, type PlanStandingView, usePlanStanding } from '../../facilitation/decisions.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import { LOCAL_ORIGIN } from '../../sync/origin.ts';
import { PlanStandingNote } from '../facilitation/PlanStandingNote.tsx';

type Form = Pick<Adoption, 'body' | 'date' | 'reference' | 'note'>;
const EMPTY: Form = { body: '', date: '', reference: '', note: '' };

export function AdoptionSection({ items, focus }: { items: BoardItems; focus: boolean }) {
  const { doc, role } = useFacilitationContext();
  const view = usePlanStanding(doc, items.cards);
  const [editing, setEditing] = useState(false);
  const section = useRef<HTMLElement>(null);
  const headingId = useId();
  const facilitator = role === 'facilitator';
  const { adoption } = view;

  useEffect(() => {
    if (focus) section.current?.scrollIntoView({ block: 'start' });
  }, [focus]);

  let body: ReactNode;
  if (editing || (facilitator && !adoption && view.standing === 'validated')) {
    body = <AdoptionForm initial={adoption ?? EMPTY} editing={adoption !== null} onDone={() => setEditing(false)} />;
  } else if (adoption) {
    body = <AdoptionRecord adoption={adoption} onEdit={facilitator ? () => setEditing(true) : undefined} />;
  } else {
    body = <NotYet view={view} facilitator={facilitator} />;
  }
  return (
    <section ref={section} className="details-section" aria-labelledby={headingId} data-testid="adoption-section">
      <h3 id={headingId} className="details-heading">
        Adoption
      </h3>
      {view.interventions > 0 && <PlanStandingNote view={view} />}
      {body}
    </section>
  );
}

function NotYet({ view, facilitator }: { view: PlanStandingView; facilitator: boolean }) {
  return (
    <p className="muted" data-testid="adoption-not-yet">
      {view.interventions === 0
        ? 'The plan has no interventions yet.'
        : facilitator
          ? 'The adoption can be recorded once the plan is validated: every intervention decided in the walk-through, at least one agreed and none sent back.'
          : 'No adoption is recorded yet.'}
    </p>
  );
}

function AdoptionRecord({ adoption, onEdit }: { adoption: Adoption; onEdit?: () => void }) {
  const { doc } = useFacilitationContext();
  const notify = useBoardStore((s) => s.notify);
  const [clearing, setClearing] = useState(false);
  const recorded = formatWhen(adoption.recordedAt);
  return (
    <div className="adoption-record" data-testid="adoption-record">
      <dl className="details-list">
        <dt>Adopting body</dt>
        <dd>{adoption.body}</dd>
        <dt>Date</dt>
        <dd>{formatDay(adoption.date)}</dd>
        <dt>Act or reference</dt>
        <dd>{adoption.reference || '—'}</dd>
        {adoption.note && (
          <>
            <dt>Note</dt>
            <dd className="adoption-note">{adoption.note}</dd>
          </>
        )}
      </dl>
      {(adoption.recordedBy || recorded) && (
        <p className="muted adoption-recorded">
          Recorded{adoption.recordedBy && ` by ${adoption.recordedBy}`}
          {recorded && `, ${recorded}`}
        </p>
      )}
      {onEdit &&
        (clearing ? (
          <div className="inline-confirm">
            <span>Clear the adoption record? The plan is then no longer shown as adopted.</span>
            <button
              type="button"
              className="button button-primary button-compact"
              data-testid="adoption-clear-confirm"
              onClick={() => {
                clearAdoption(doc, LOCAL_ORIGIN);
                notify('The adoption record is cleared.');
              }}
            >
              Clear it
            </button>
            <button type="button" className="button button-secondary button-compact" onClick={() => setClearing(false)}>
              Keep it
            </button>
          </div>
        ) : (
          <div className="modal-actions">
            <button
              type="button"
              className="button button-secondary button-compact"
              data-testid="adoption-clear"
              onClick={() => setClearing(true)}
            >
              Clear
            </button>
            <button
              type="button"
              className="button button-secondary button-compact"
              data-testid="adoption-edit"
              onClick={onEdit}
            >
              Edit
            </button>
          </div>
        ))}
    </div>
  );
}

function AdoptionForm({ initial, editing, onDone }: { initial: Form; editing: boolean; onDone: () => void }) {
  const { doc, me } = useFacilitationContext();
  const notify = useBoardStore((s) => s.notify);
  const [form, setForm] = useState<Form>({
    body: initial.body,
    date: initial.date,
    reference: initial.reference,
    note: initial.note,
  });
  const [tried, setTried] = useState(false);
  const id = useId();
  const problem = checkAdoption({ ...form, recordedBy: me.name });
  const set = (key: keyof Form, value: string) => setForm((prev) => ({ ...prev, [key]: value }));

  const submit = () => {
    setTried(true);
    if (problem) return;
    try {
      recordAdoption(doc, { ...form, recordedBy: me.name }, LOCAL_ORIGIN);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'error');
      return;
    }
    notify(editing ? 'The adoption record is updated.' : 'The plan’s adoption is recorded.');
    onDone();
  };

  return (
    <form
      className="details-form"
      data-testid="adoption-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {!editing && (
        <p className="muted">The plan is validated. Record its formal adoption when the body has adopted it.</p>
      )}
      <label className="details-field" htmlFor={`${id}-body`}>
        <span className="field-label">Adopting body</span>
        <input
          id={`${id}-body`}
          className="input input-compact"
          type="text"
          maxLength={MAX_META_TEXT}
          placeholder="e.g. Provincial Assembly of Koshi"
          data-testid="adoption-body"
          value={form.body}
          onChange={(e) => set('body', e.target.value)}
        />
      </label>
      <div className="details-pair">
        <label className="details-field" htmlFor={`${id}-date`}>
          <span className="field-label">Date of adoption</span>
          <input
            id={`${id}-date`}
            className="input input-compact"
            type="date"
            data-testid="adoption-date"
            value={form.date}
            onChange={(e) => set('date', e.target.value)}
          />
        </label>
        <label className="details-field" htmlFor={`${id}-reference`}>
          <span className="field-label">Act or reference</span>
          <input
            id={`${id}-reference`}
            className="input input-compact"
            type="text"
            maxLength={MAX_META_TEXT}
            placeholder="e.g. Decision 14/2027"
            data-testid="adoption-reference"
            value={form.reference}
            onChange={(e) => set('reference', e.target.value)}
          />
        </label>
      </div>
      <label className="details-field" htmlFor={`${id}-note`}>
        <span className="field-label">Note</span>
        <textarea
          id={`${id}-note`}
          className="input input-compact details-textarea"
          rows={2}
          maxLength={MAX_META_TEXT}
          data-testid="adoption-note"
          value={form.note}
          onChange={(e) => set('note', e.target.value)}
        />
      </label>
      {tried && problem && (
        <p className="form-error" role="alert" data-testid="adoption-problem">
          {problem.charAt(0).toUpperCase() + problem.slice(1)}.
        </p>
      )}
      <div className="modal-actions">
        {editing && (
          <button type="button" className="button button-secondary button-compact" onClick={onDone}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button-primary button-compact" data-testid="adoption-save">
          {editing ? 'Save the adoption' : 'Record the adoption'}
        </button>
      </div>
    </form>
  );
}
