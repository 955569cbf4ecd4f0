// The SDG palette: the whole catalogue, searched on every keystroke by code or words, filtered by
// goal and to migration-explicit targets, shown in goal colours. A click puts the target at the
// open part of the view; dragging a result onto the board puts it where it is dropped.
import { type DragEvent, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { getGoal, SDG_GOALS, type SdgTarget, textColourOn } from '../../shared/sdg/catalogue.ts';
import { searchTargets } from '../../shared/sdg/search.ts';
import { setCardDragData } from '../canvas/cardDrop.ts';
import { newCardCentre } from '../canvas/openArea.ts';
import type { BoardItems } from '../canvas/useBoardItems.ts';
import { useBoardStore } from '../store/boardStore.ts';
import type { ToolContext } from '../tools/context.ts';
import { createCard } from '../tools/createCards.ts';
import { CloseIcon } from './icons.tsx';
import { keepKeysInPanel } from './panelKeys.ts';
import { DragIcon, SearchIcon } from './planIcons.tsx';
import '../styles/panels.css';

export const PALETTE_SEARCH_ID = 'sdg-palette-search';

function onBoardCodes(items: BoardItems): Set<string> {
  const codes = new Set<string>();
  for (const card of items.cards.values()) if (card.kind === 'target') codes.add(card.fields.code);
  return codes;
}

interface ResultProps {
  target: SdgTarget;
  onBoard: boolean;
  canEdit: boolean;
  onAdd: (code: string) => void;
}

function Result({ target, onBoard, canEdit, onAdd }: ResultProps) {
  const colour = getGoal(target.goal)?.colour ?? '#94A3B8';
  const onDragStart = (e: DragEvent<HTMLButtonElement>) => {
    setCardDragData(e.dataTransfer, { kind: 'target', fields: { code: target.code } });
    e.dataTransfer.setData('text/plain', target.code);
  };
  return (
    <li>
      <button
        type="button"
        className="palette-result"
        style={{ borderLeftColor: colour }}
        draggable={canEdit}
        disabled={!canEdit}
        onDragStart={onDragStart}
        onClick={() => onAdd(target.code)}
        data-testid={`palette-result-${target.code}`}
        title={canEdit ? `Add target ${target.code} (or drag it onto the board)` : undefined}
      >
        <span className="palette-code" style={{ background: colour, color: textColourOn(colour) }}>
          {target.code}
        </span>
        <span className="palette-main">
          <span className="palette-text">{target.text}</span>
          {(target.migrationExplicit || onBoard) && (
            <span className="palette-badges">
              {target.migrationExplicit && (
                <span className="badge badge-migration" title="Migration-explicit target">
                  Migration-explicit
                </span>
              )}
              {onBoard && (
                <span className="badge badge-onboard" title="Already on the board">
                  On the board
                </span>
              )}
            </span>
          )}
        </span>
        {canEdit && (
          <span className="palette-drag" aria-hidden="true">
            <DragIcon />
          </span>
        )}
      </button>
    </li>
  );
}

export function SdgPalette({ ctx, items, onClose }: { ctx: ToolContext; items: BoardItems; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [goal, setGoal] = useState<number | null>(null);
  const [migrationOnly, setMigrationOnly] = useState(false);
  const headingId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  // Typing stays instant; the list follows as soon as React has a moment.
  const deferredQuery = useDeferredValue(query);
  const results = useMemo(
    () => searchTargets(deferredQuery, { ...(goal ? { goal } : {}), migrationOnly }),
    [deferredQuery, goal, migrationOnly],
  );
  const onBoard = useMemo(() => onBoardCodes(items), [items]);

  useEffect(() => {
    searchRef.current?.focus();
  }, []);

  const add = (code: string) => {
    const { notify } = useBoardStore.getState();
    const id = createCard(ctx, 'target', newCardCentre(), { code });
    if (id) notify(`Added target ${code}.`);
  };

  const goalInfo = goal ? getGoal(goal) : undefined;
  return (
    <section
      className="palette"
      aria-labelledby={headingId}
      data-testid="sdg-palette"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        } else {
          keepKeysInPanel(e);
        }
      }}
    >
      <header className="palette-header">
        <h2 id={headingId}>SDG targets</h2>
        <button
          type="button"
          className="icon-button icon-button-small"
          onClick={onClose}
          aria-label="Close the SDG palette"
        >
          <CloseIcon />
        </button>
      </header>
      <div className="palette-search">
        <SearchIcon />
        <input
          ref={searchRef}
          id={PALETTE_SEARCH_ID}
          className="input input-compact"
          type="search"
          placeholder="Code or words, e.g. 10.7 or remittances"
          aria-label="Search SDG targets"
          autoComplete="off"
          spellCheck={false}
          value={query}
          data-testid="palette-search"
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <fieldset className="goal-filter">
        <legend className="field-label field-label-small">Goal</legend>
        <div className="goal-grid">
          {SDG_GOALS.map((g) => {
            const on = goal === g.number;
            return (
              <button
                key={g.number}
                type="button"
                className={`goal-tile${on ? ' goal-tile-on' : ''}${goal && !on ? ' goal-tile-dim' : ''}`}
                style={{ background: g.colour, color: textColourOn(g.colour) }}
                aria-pressed={on}
                aria-label={`Goal ${g.number}: ${g.short}`}
                title={`Goal ${g.number}: ${g.short}`}
                data-testid={`palette-goal-${g.number}`}
                onClick={() => setGoal(on ? null : g.number)}
              >
                {g.number}
              </button>
            );
          })}
        </div>
        <p className="goal-caption">
          {goalInfo ? (
            <>
              <strong>Goal {goalInfo.number}:</strong> {goalInfo.title}{' '}
              <button type="button" className="link-button" onClick={() => setGoal(null)}>
                All goals
              </button>
            </>
          ) : (
            'All 17 goals'
          )}
        </p>
      </fieldset>
      <label className="checkbox palette-migration">
        <input
          type="checkbox"
          checked={migrationOnly}
          data-testid="palette-migration-only"
          onChange={(e) => setMigrationOnly(e.target.checked)}
        />
        <span>Migration-explicit targets only</span>
      </label>
      <p className="palette-count" aria-live="polite" data-testid="palette-count">
        {results.length === 0
          ? 'No target matches.'
          : `${results.length} ${results.length === 1 ? 'target' : 'targets'}${ctx.canEdit ? ' · click to add, or drag onto the board' : ''}`}
      </p>
      <ul className="palette-results" aria-label="Matching SDG targets">
        {results.map((t) => (
          <Result key={t.code} target={t} onBoard={onBoard.has(t.code)} canEdit={ctx.canEdit} onAdd={add} />
        ))}
      </ul>
    </section>
  );
}
