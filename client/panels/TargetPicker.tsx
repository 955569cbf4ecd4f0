// Adding an SDG target by code (`10.7`) or by a word of its text, with suggestions from the
// catalogue. An unknown code is refused with a message.
import { type FormEvent, type KeyboardEvent, useId, useMemo, useState } from 'react';
import { getGoal, getTarget, textColourOn } from '../../shared/sdg/catalogue.ts';
import { searchTargets } from '../../shared/sdg/search.ts';
import { useBoardStore } from '../store/boardStore.ts';
import { viewCentre } from '../store/viewportSlice.ts';
import type { ToolContext } from '../tools/context.ts';
import { createTarget } from '../tools/createCards.ts';

function goalChip(goal: number) {
  const colour = getGoal(goal)?.colour ?? '#94A3B8';
  return { background: colour, color: textColourOn(colour) };
}

export const TARGET_INPUT_ID = 'target-code-input';
const MAX_SUGGESTIONS = 6;

export function TargetPicker({ ctx }: { ctx: ToolContext }) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const errorId = useId();
  const suggestions = useMemo(() => (query.trim() ? searchTargets(query, { limit: MAX_SUGGESTIONS }) : []), [query]);
  const showList = open && suggestions.length > 0 && ctx.canEdit;

  const add = (code: string) => {
    const { viewport, stageSize, notify } = useBoardStore.getState();
    const result = createTarget(ctx, code, viewCentre(viewport, stageSize));
    if (result.ok) {
      setQuery('');
      setError(null);
      setOpen(false);
      setActive(-1);
      notify(`Added target ${result.code}.`);
    } else {
      setError(result.message);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = showList && active >= 0 ? suggestions[active] : undefined;
    if (chosen) add(chosen.code);
    else if (getTarget(query) || !suggestions.length || /^[\d.\s]+[a-z]?$/i.test(query.trim())) add(query);
    else setError('Choose a target from the list, or type its code, such as 10.7.');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && suggestions.length) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % suggestions.length);
    } else if (e.key === 'ArrowUp' && suggestions.length) {
      e.preventDefault();
      setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1));
    } else if (e.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <form className="target-picker" onSubmit={submit} noValidate>
      <label className="field-label" htmlFor={TARGET_INPUT_ID}>
        SDG target
      </label>
      <div className="target-picker-row">
        <input
          id={TARGET_INPUT_ID}
          data-testid="target-code-input"
          className={`input input-compact${error ? ' input-invalid' : ''}`}
          placeholder="Code, e.g. 10.7"
          autoComplete="off"
          spellCheck={false}
          disabled={!ctx.canEdit}
          value={query}
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(-1);
            setError(null);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <button
          type="submit"
          className="button button-primary button-compact"
          data-testid="create-target"
          disabled={!ctx.canEdit}
          aria-label="Add SDG target"
        >
          Add
        </button>
      </div>
      {showList && (
        <div className="suggestions" id={listId} role="listbox" aria-label="Matching SDG targets">
          {suggestions.map((t, i) => (
            <div
              key={t.code}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className={`suggestion${i === active ? ' suggestion-active' : ''}`}
              // Chosen on mousedown, before the input's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                add(t.code);
              }}
            >
              <span className="suggestion-code" style={goalChip(t.goal)}>
                {t.code}
              </span>
              <span className="suggestion-text">{t.text}</span>
            </div>
          ))}
        </div>
      )}
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
