// Controls every card and link shares in the inspector (status), and the interaction's score.
import {
  CARD_STATUSES,
  type CardStatus,
  formatScore,
  INTERACTION_SCALE,
  type InteractionScore,
  type ItemRef,
  scoreColour,
  updateCard,
  updateLink,
} from '../../../shared/model/index.ts';
import { textColourOn } from '../../../shared/sdg/catalogue.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import { LOCAL_ORIGIN } from '../../sync/origin.ts';
import type { ToolContext } from '../../tools/context.ts';
import { writeFields } from './FieldForm.tsx';

export const STATUS_LABELS: Record<CardStatus, string> = {
  proposed: 'Proposed',
  discussed: 'Discussed',
  agreed: 'Agreed',
};

const STATUS_HELP: Record<CardStatus, string> = {
  proposed: 'Put forward, not yet discussed',
  discussed: 'Discussed by the workshop, not yet agreed',
  agreed: 'Agreed: goes into the action plan',
};

export function StatusControl({ ctx, item, status }: { ctx: ToolContext; item: ItemRef; status: CardStatus }) {
  const set = (next: CardStatus) => {
    try {
      if (item.type === 'card') updateCard(ctx.doc, item.id, { status: next }, LOCAL_ORIGIN);
      else updateLink(ctx.doc, item.id, { status: next }, LOCAL_ORIGIN);
    } catch (error) {
      useBoardStore.getState().notify(error instanceof Error ? error.message : String(error), 'error');
    }
  };
  return (
    <fieldset className="segmented" disabled={!ctx.canEdit} data-testid="status-control">
      <legend className="field-label">Status</legend>
      <div className="segment-row">
        {CARD_STATUSES.map((s) => (
          <label key={s} className={`segment segment-${s}${status === s ? ' segment-on' : ''}`} title={STATUS_HELP[s]}>
            <input type="radio" name={`status-${item.id}`} value={s} checked={status === s} onChange={() => set(s)} />
            {STATUS_LABELS[s]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function scoreText(score: InteractionScore): string {
  return score > 0 ? `+${score}` : score < 0 ? `−${-score}` : '0';
}

export function ScoreControl({ ctx, item, score }: { ctx: ToolContext; item: ItemRef; score: InteractionScore }) {
  const level = INTERACTION_SCALE.find((l) => l.score === score);
  return (
    <fieldset className="score-picker" disabled={!ctx.canEdit} data-testid="field-score">
      <legend className="field-label">Score: {formatScore(score)}</legend>
      <div className="score-row">
        {INTERACTION_SCALE.map((l) => {
          const on = l.score === score;
          const colour = scoreColour(l.score);
          return (
            <button
              key={l.score}
              type="button"
              className={`score${on ? ' score-on' : ''}`}
              style={
                on ? { background: colour, color: textColourOn(colour), borderColor: colour } : { borderColor: colour }
              }
              aria-pressed={on}
              aria-label={formatScore(l.score)}
              title={`${formatScore(l.score)}: ${l.definition}`}
              onClick={() => writeFields(ctx, item, { score: l.score })}
            >
              {scoreText(l.score)}
            </button>
          );
        })}
      </div>
      {level && <p className="field-help">{level.definition}</p>}
    </fieldset>
  );
}
