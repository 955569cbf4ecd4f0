// The facilitator's controls in the tool palette: the workshop details, phase, timer, bringing
// everyone to this view, the spotlight, and private brainstorming with its reveal.
import { useState } from 'react';
import {
  clearTimer,
  PHASE_LABELS,
  PHASES,
  type Phase,
  pauseTimer,
  resumeTimer,
  setPhase,
  setPrivateMode,
  spotlightItem,
  startTimer,
  summonEveryone,
} from '../../../shared/model/index.ts';
import { useFacilitationContext } from '../../facilitation/context.ts';
import { revealPrivateNotes } from '../../facilitation/facilitationApi.ts';
import { useFacilitation } from '../../facilitation/useFacilitation.ts';
import { shareableView } from '../../facilitation/viewSync.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import { LOCAL_ORIGIN } from '../../sync/origin.ts';
import { DetailsIcon } from '../workshop/WorkshopDetails.tsx';
import { GatherIcon, PrivateIcon, SpotlightIcon, TimerIcon } from './facilitationIcons.tsx';

const MAX_MINUTES = 180;

export function FacilitatorControls() {
  const { doc, me, workshopId, token } = useFacilitationContext();
  const f = useFacilitation(doc);
  const notify = useBoardStore((s) => s.notify);
  // Select primitives: a selector that builds a new object on every call re-renders forever.
  const selectedCard = useBoardStore((s) => s.selectedCards[0]);
  const selectedLink = useBoardStore((s) => s.selectedLinks[0]);
  const selected = selectedCard
    ? ({ type: 'card', id: selectedCard } as const)
    : selectedLink
      ? ({ type: 'link', id: selectedLink } as const)
      : null;
  const [minutes, setMinutes] = useState('5');
  const [anonymous, setAnonymous] = useState(false);
  const [revealing, setRevealing] = useState(false);
  const running = f.timer !== null && f.timer.endsAt !== null;

  const start = () => {
    const value = Number(minutes.replace(',', '.'));
    if (!Number.isFinite(value) || value <= 0 || value > MAX_MINUTES) {
      notify(`A timer runs for more than 0 and at most ${MAX_MINUTES} minutes.`, 'error');
      return;
    }
    startTimer(doc, Math.round(value * 60_000), LOCAL_ORIGIN);
  };

  const summon = () => {
    const { viewport, stageSize } = useBoardStore.getState();
    summonEveryone(doc, shareableView(viewport, stageSize), me.id, LOCAL_ORIGIN);
    notify('Everyone’s view is moving to yours.');
  };

  const reveal = async () => {
    setRevealing(true);
    try {
      const { moved, people } = await revealPrivateNotes(workshopId, token, anonymous);
      notify(
        moved === 0
          ? 'There were no private notes to reveal.'
          : `Revealed ${moved} note${moved === 1 ? '' : 's'} from ${people} ${people === 1 ? 'person' : 'people'}.`,
      );
    } catch (error) {
      notify(`The notes could not be revealed: ${(error as Error).message}`, 'error');
    } finally {
      setRevealing(false);
    }
  };

  return (
    <section className="sidebar-section facilitator-controls" aria-labelledby="facilitate-heading">
      <h2 id="facilitate-heading" className="sidebar-heading">
        Facilitate
      </h2>
      <button
        type="button"
        className="tool-button"
        data-testid="sidebar-workshop-details"
        onClick={() => useBoardStore.getState().setWorkshopDetails('details')}
      >
        <DetailsIcon />
        <span>Workshop details</span>
      </button>
      <label className="fac-field">
        <span>Phase</span>
        <select
          className="input input-compact"
          value={f.phase}
          data-testid="phase-select"
          onChange={(e) => setPhase(doc, e.target.value as Phase, LOCAL_ORIGIN)}
        >
          {PHASES.map((p) => (
            <option key={p} value={p}>
              {PHASE_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      <div className="fac-field">
        <span>
          <TimerIcon /> Timer
        </span>
        <div className="fac-row">
          <input
            className="input input-compact fac-minutes"
            type="number"
            min="0.1"
            max={MAX_MINUTES}
            step="0.5"
            value={minutes}
            aria-label="Timer minutes"
            data-testid="timer-minutes"
            onChange={(e) => setMinutes(e.target.value)}
          />
          <span className="fac-unit">min</span>
          <button
            type="button"
            className="button button-secondary button-compact"
            data-testid="timer-start"
            onClick={start}
          >
            Start
          </button>
        </div>
        {f.timer && (
          <div className="fac-row">
            {running ? (
              <button
                type="button"
                className="button button-secondary button-compact"
                data-testid="timer-pause"
                onClick={() => pauseTimer(doc, LOCAL_ORIGIN)}
              >
                Pause
              </button>
            ) : (
              <button
                type="button"
                className="button button-secondary button-compact"
                data-testid="timer-resume"
                onClick={() => resumeTimer(doc, LOCAL_ORIGIN)}
              >
                Resume
              </button>
            )}
            <button
              type="button"
              className="button button-secondary button-compact"
              data-testid="timer-clear"
              onClick={() => clearTimer(doc, LOCAL_ORIGIN)}
            >
              Clear
            </button>
          </div>
        )}
      </div>
      <button type="button" className="tool-button" data-testid="summon-everyone" onClick={summon}>
        <GatherIcon />
        <span>Bring everyone here</span>
      </button>
      <div className="fac-row">
        <button
          type="button"
          className="tool-button"
          data-testid="spotlight-selection"
          disabled={!selected}
          title={selected ? 'Centre everyone’s view on the selected item' : 'Select a card or a link first'}
          onClick={() => selected && spotlightItem(doc, selected, LOCAL_ORIGIN)}
        >
          <SpotlightIcon />
          <span>Spotlight</span>
        </button>
        {f.spotlight && (
          <button
            type="button"
            className="button button-secondary button-compact"
            data-testid="spotlight-clear"
            onClick={() => spotlightItem(doc, null, LOCAL_ORIGIN)}
          >
            Clear
          </button>
        )}
      </div>
      <div className="fac-field fac-private">
        <label className="fac-toggle">
          <input
            type="checkbox"
            checked={f.privateMode}
            data-testid="private-mode-toggle"
            onChange={(e) => setPrivateMode(doc, e.target.checked, LOCAL_ORIGIN)}
          />
          <PrivateIcon />
          <span>Private brainstorm</span>
        </label>
        <p className="hint">While on, each participant’s new notes are seen by them alone until you reveal them.</p>
        <label className="fac-toggle fac-toggle-small">
          <input
            type="checkbox"
            checked={anonymous}
            onChange={(e) => setAnonymous(e.target.checked)}
            data-testid="reveal-anonymous"
          />
          <span>Reveal without names</span>
        </label>
        <button
          type="button"
          className="button button-primary button-compact button-block"
          data-testid="reveal-private"
          disabled={revealing}
          onClick={() => void reveal()}
        >
          {revealing ? 'Revealing…' : 'Reveal private notes'}
        </button>
      </div>
    </section>
  );
}
