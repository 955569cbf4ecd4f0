// The inputs for atomic field values (string, number, date, enum, boolean), one per field spec
// type. Each commits through `onCommit` as the person types; while a field has focus it shows
// what is being typed (a remote change to the same value wins when the field is left: these
// values are last-writer-wins).
import { useState } from 'react';
import { type FieldSpec, humanise } from '../../../shared/model/index.ts';

export type EnumSpec = Extract<FieldSpec, { type: 'enum' }>;
export type AtomicSpec = Exclude<FieldSpec, { type: 'text' | 'list' }>;

export function enumLabel(spec: EnumSpec, value: string | number): string {
  return spec.labels?.[String(value)] ?? (typeof value === 'number' ? String(value) : humanise(value));
}

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

interface InputProps<T> {
  id: string;
  value: T;
  readOnly: boolean;
  testId: string;
  onCommit: (value: T) => void;
}

function useDraft(value: string) {
  const [draft, setDraft] = useState<string | null>(null);
  return {
    shown: draft ?? value,
    set: setDraft,
    focus: () => setDraft(value),
    blur: () => setDraft(null),
  };
}

export function StringInput({
  id,
  value,
  readOnly,
  testId,
  onCommit,
  placeholder,
}: InputProps<string> & { placeholder?: string }) {
  const draft = useDraft(value);
  return (
    <input
      id={id}
      className="input input-compact"
      type="text"
      autoComplete="off"
      data-testid={testId}
      value={draft.shown}
      readOnly={readOnly}
      placeholder={readOnly ? undefined : placeholder}
      onFocus={draft.focus}
      onBlur={draft.blur}
      onChange={(e) => {
        draft.set(e.target.value);
        onCommit(e.target.value);
      }}
    />
  );
}

export function NumberInput({ id, value, readOnly, testId, onCommit, min }: InputProps<number> & { min?: number }) {
  const draft = useDraft(String(value));
  const parsed = draft.shown.trim() === '' ? Number.NaN : Number(draft.shown);
  const invalid = !Number.isFinite(parsed) || (min !== undefined && parsed < min);
  return (
    <input
      id={id}
      className={`input input-compact input-number${invalid ? ' input-invalid' : ''}`}
      type="number"
      inputMode="decimal"
      step="any"
      min={min}
      data-testid={testId}
      value={draft.shown}
      readOnly={readOnly}
      aria-invalid={invalid || undefined}
      onFocus={draft.focus}
      onBlur={draft.blur}
      onChange={(e) => {
        const raw = e.target.value;
        draft.set(raw);
        const next = raw.trim() === '' ? Number.NaN : Number(raw);
        if (Number.isFinite(next) && (min === undefined || next >= min)) onCommit(next);
      }}
    />
  );
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function DateInput({ id, value, readOnly, testId, onCommit }: InputProps<string>) {
  const draft = useDraft(value);
  return (
    <input
      id={id}
      className="input input-compact"
      type="date"
      data-testid={testId}
      value={draft.shown}
      readOnly={readOnly}
      onFocus={draft.focus}
      onBlur={draft.blur}
      onChange={(e) => {
        const next = e.target.value;
        draft.set(next);
        if (next === '' || ISO_DATE.test(next)) onCommit(next);
      }}
    />
  );
}

export function EnumSelect({
  id,
  value,
  readOnly,
  testId,
  onCommit,
  spec,
}: InputProps<string | number> & { spec: EnumSpec }) {
  return (
    <select
      id={id}
      className="input input-compact"
      data-testid={testId}
      value={String(value)}
      disabled={readOnly}
      onChange={(e) => {
        const chosen = spec.values.find((v) => String(v) === e.target.value);
        if (chosen !== undefined) onCommit(chosen);
      }}
    >
      {spec.values.map((v) => (
        <option key={String(v)} value={String(v)}>
          {enumLabel(spec, v)}
        </option>
      ))}
    </select>
  );
}

/** An enum whose values are colours (a note's colour): a row of swatches, each a radio button. */
export function ColourSwatches({
  id,
  value,
  readOnly,
  testId,
  onCommit,
  spec,
}: InputProps<string | number> & { spec: EnumSpec }) {
  return (
    <div className="swatches" id={id} data-testid={testId}>
      {spec.values.map((v) => {
        const on = v === value;
        return (
          <label
            key={String(v)}
            className={`swatch${on ? ' swatch-on' : ''}`}
            style={{ background: String(v) }}
            title={enumLabel(spec, v)}
          >
            <input
              type="radio"
              className="visually-hidden"
              name={id}
              value={String(v)}
              checked={on}
              disabled={readOnly}
              aria-label={enumLabel(spec, v)}
              onChange={() => onCommit(v)}
            />
          </label>
        );
      })}
    </div>
  );
}

export function isColourEnum(spec: EnumSpec): boolean {
  return spec.values.every((v) => typeof v === 'string' && HEX_COLOUR.test(v));
}

export function Checkbox({ id, value, readOnly, testId, onCommit, label }: InputProps<boolean> & { label: string }) {
  return (
    <label className="checkbox" htmlFor={id}>
      <input
        id={id}
        type="checkbox"
        data-testid={testId}
        checked={value}
        disabled={readOnly}
        onChange={(e) => onCommit(e.target.checked)}
      />
      <span>{label}</span>
    </label>
  );
}

/** The input for one atomic value, by its spec. Booleans carry their own label. */
export function AtomicInput({
  spec,
  id,
  value,
  readOnly,
  testId,
  onCommit,
}: {
  spec: AtomicSpec;
  id: string;
  value: unknown;
  readOnly: boolean;
  testId: string;
  onCommit: (value: unknown) => void;
}) {
  const common = { id, readOnly, testId, onCommit };
  switch (spec.type) {
    case 'string':
      return <StringInput {...common} value={typeof value === 'string' ? value : ''} />;
    case 'number':
      return <NumberInput {...common} value={typeof value === 'number' ? value : 0} min={spec.min} />;
    case 'date':
      return <DateInput {...common} value={typeof value === 'string' ? value : ''} />;
    case 'boolean':
      return <Checkbox {...common} value={value === true} label={spec.label} />;
    case 'enum': {
      const current = spec.values.includes(value as string | number) ? (value as string | number) : spec.values[0];
      return isColourEnum(spec) ? (
        <ColourSwatches {...common} spec={spec} value={current ?? ''} />
      ) : (
        <EnumSelect {...common} spec={spec} value={current ?? ''} />
      );
    }
  }
}
