// The workshop's details: a facilitator edits them (title, level, territory, the workshop's
// dates and the period the plan covers); everyone else reads them. Only the fields changed here
// are written, so a co-facilitator's change to another field is kept.
import { useId, useState } from 'react';
import {
  checkMetaPatch,
  MAX_META_TEXT,
  updateMeta,
  WORKSHOP_LEVEL_LABELS,
  WORKSHOP_LEVELS,
  type WorkshopLevel,
  type WorkshopMeta,
} from '../../../shared/model/index.ts';
import { useFacilitationContext } from '../../facilitation/context.ts';
import { useWorkshopMeta } from '../../facilitation/useWorkshopMeta.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import { LOCAL_ORIGIN } from '../../sync/origin.ts';
import { dateRange, describeMetaProblem, type MetaKey as Key, META_KEYS, META_LABELS } from './metaText.ts';

export function WorkshopDetailsForm() {
  const { doc, role } = useFacilitationContext();
  const { meta } = useWorkshopMeta(doc);
  return role === 'facilitator' ? <EditDetails meta={meta} /> : <ReadDetails meta={meta} />;
}

function ReadDetails({ meta }: { meta: WorkshopMeta }) {
  return (
    <dl className="details-list" data-testid="details-read">
      <dt>Title</dt>
      <dd data-testid="details-title">{meta.title || 'Untitled workshop'}</dd>
      <dt>Level</dt>
      <dd data-testid="details-level">{WORKSHOP_LEVEL_LABELS[meta.level]}</dd>
      <dt>Territory</dt>
      <dd data-testid="details-territory">{meta.territory || 'Not set'}</dd>
      <dt>Workshop dates</dt>
      <dd data-testid="details-dates">{dateRange(meta.startDate, meta.endDate)}</dd>
      <dt>The plan’s period</dt>
      <dd data-testid="details-period">{dateRange(meta.periodStart, meta.periodEnd)}</dd>
    </dl>
  );
}

function EditDetails({ meta }: { meta: WorkshopMeta }) {
  const { doc } = useFacilitationContext();
  const notify = useBoardStore((s) => s.notify);
  // Only what the facilitator changed; the rest shows the board's values as they change.
  const [edits, setEdits] = useState<Partial<WorkshopMeta>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const id = useId();
  const value = <K extends Key>(key: K): WorkshopMeta[K] => (edits[key] ?? meta[key]) as WorkshopMeta[K];
  const draft = Object.fromEntries(META_KEYS.map((k) => [k, value(k)])) as unknown as WorkshopMeta;
  const changed = Object.fromEntries(
    META_KEYS.filter((k) => draft[k] !== meta[k]).map((k) => [k, draft[k]]),
  ) as Partial<WorkshopMeta>;
  const dirty = Object.keys(changed).length > 0;
  const problem = checkMetaPatch({ ...draft });
  const described = problem ? describeMetaProblem(problem) : null;
  const set = (key: Key, next: string) => {
    setSaveError(null);
    setEdits((prev) => ({ ...prev, [key]: next }));
  };

  const save = () => {
    if (!dirty || problem) return;
    try {
      updateMeta(doc, changed, LOCAL_ORIGIN);
    } catch (error) {
      setSaveError(error instanceof Error ? describeMetaProblem(error.message).text : String(error));
      return;
    }
    setEdits({});
    notify('The workshop details are saved.');
  };

  const field = (key: Key) => ({
    id: `${id}-${key}`,
    'aria-invalid': described?.field === key ? true : undefined,
    'aria-describedby': described?.field === key ? `${id}-problem` : undefined,
    'data-testid': `details-${key}`,
    className: `input input-compact${described?.field === key ? ' input-invalid' : ''}`,
  });

  return (
    <form
      className="details-form"
      data-testid="details-form"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label className="details-field" htmlFor={`${id}-title`}>
        <span className="field-label">{META_LABELS.title}</span>
        <input
          {...field('title')}
          type="text"
          maxLength={MAX_META_TEXT}
          value={value('title')}
          onChange={(e) => set('title', e.target.value)}
        />
      </label>
      <div className="details-pair">
        <label className="details-field" htmlFor={`${id}-level`}>
          <span className="field-label">{META_LABELS.level}</span>
          <select
            {...field('level')}
            value={value('level')}
            onChange={(e) => set('level', e.target.value as WorkshopLevel)}
          >
            {WORKSHOP_LEVELS.map((l) => (
              <option key={l} value={l}>
                {WORKSHOP_LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
        </label>
        <label className="details-field" htmlFor={`${id}-territory`}>
          <span className="field-label">{META_LABELS.territory}</span>
          <input
            {...field('territory')}
            type="text"
            maxLength={MAX_META_TEXT}
            placeholder="City, province or country"
            value={value('territory')}
            onChange={(e) => set('territory', e.target.value)}
          />
        </label>
      </div>
      <fieldset className="details-dates">
        <legend className="field-label">Workshop dates</legend>
        <div className="details-date-row">
          <DateInput
            field={field('startDate')}
            label="From"
            value={value('startDate')}
            onChange={(v) => set('startDate', v)}
          />
          <DateInput field={field('endDate')} label="To" value={value('endDate')} onChange={(v) => set('endDate', v)} />
        </div>
      </fieldset>
      <fieldset className="details-dates">
        <legend className="field-label">The plan’s period</legend>
        <div className="details-date-row">
          <DateInput
            field={field('periodStart')}
            label="From"
            value={value('periodStart')}
            onChange={(v) => set('periodStart', v)}
          />
          <DateInput
            field={field('periodEnd')}
            label="To"
            value={value('periodEnd')}
            onChange={(v) => set('periodEnd', v)}
          />
        </div>
      </fieldset>
      {(described || saveError) && (
        <p id={`${id}-problem`} className="form-error" role="alert" data-testid="details-problem">
          {saveError ?? described?.text}
        </p>
      )}
      <div className="modal-actions">
        {dirty && (
          <button type="button" className="button button-secondary button-compact" onClick={() => setEdits({})}>
            Undo changes
          </button>
        )}
        <button
          type="submit"
          className="button button-primary button-compact"
          data-testid="details-save"
          disabled={!dirty || problem !== null}
        >
          Save details
        </button>
      </div>
    </form>
  );
}

interface DateProps {
  field: { id: string; className: string; 'data-testid': string };
  label: string;
  value: string;
  onChange: (value: string) => void;
}

function DateInput({ field, label, value, onChange }: DateProps) {
  return (
    <label className="details-date" htmlFor={field.id}>
      <span>{label}</span>
      <input {...field} type="date" value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
