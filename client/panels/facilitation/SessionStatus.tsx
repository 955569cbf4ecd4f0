// The workshop phase and the shared timer in the top bar, seen by everyone.
import { PHASE_LABELS } from '../../../shared/model/index.ts';
import { useFacilitationContext } from '../../facilitation/context.ts';
import { useFacilitation } from '../../facilitation/useFacilitation.ts';
import { formatRemaining, useTimer } from '../../facilitation/useTimer.ts';
import { PrivateIcon, TimerIcon } from './facilitationIcons.tsx';
import '../../styles/facilitation.css';

export function SessionStatus() {
  const { doc } = useFacilitationContext();
  const f = useFacilitation(doc);
  const { remainingMs, ended, flashing } = useTimer(f.timer);
  const paused = f.timer !== null && f.timer.endsAt === null;
  return (
    <div className="session-status">
      <span className={`phase-chip phase-${f.phase}`} data-testid="phase" title="Workshop phase">
        {PHASE_LABELS[f.phase]}
      </span>
      {remainingMs !== null && (
        <span
          className={`timer-chip${ended ? ' timer-ended' : ''}${paused ? ' timer-paused' : ''}${flashing ? ' timer-flash' : ''}`}
          data-testid="timer"
          data-ended={ended ? 'true' : 'false'}
          data-remaining-ms={remainingMs}
          role="timer"
          aria-live="off"
          title={paused ? 'Timer paused' : ended ? 'Time is up' : 'Time left'}
        >
          <TimerIcon />
          {ended ? 'Time is up' : formatRemaining(remainingMs)}
          {paused && <span className="timer-paused-label">paused</span>}
        </span>
      )}
      {f.privateMode && (
        <span className="private-chip" data-testid="private-mode-chip" title="New notes stay private until revealed">
          <PrivateIcon />
          Private brainstorm
        </span>
      )}
      {flashing && <div className="timer-flash-overlay" aria-hidden="true" />}
    </div>
  );
}
