// What is selected, and the few things to set on it from here: a card's status, an
// interaction's score. Everything else about a card is edited on the board.
import {
  CARD_STATUSES,
  type Card,
  type CardStatus,
  cardTitle,
  formatScore,
  INTERACTION_SCALE,
  type InteractionScore,
  type Link,
  scoreColour,
  updateCard,
  updateLink,
} from '../../shared/model/index.ts';
import { getTarget, textColourOn } from '../../shared/sdg/catalogue.ts';
import type { BoardItems } from '../canvas/useBoardItems.ts';
import { useBoardStore } from '../store/boardStore.ts';
import { LOCAL_ORIGIN } from '../sync/origin.ts';
import type { ToolContext } from '../tools/context.ts';
import { CARD_KIND_LABELS, LINK_KIND_LABELS } from '../tools/kindLabels.ts';

const STATUS_LABELS: Record<CardStatus, string> = { proposed: 'Proposed', discussed: 'Discussed', agreed: 'Agreed' };

function StatusControl({ ctx, card }: { ctx: ToolContext; card: Card }) {
  return (
    <fieldset className="segmented" disabled={!ctx.canEdit}>
      <legend className="field-label">Status</legend>
      <div className="segment-row">
        {CARD_STATUSES.map((status) => (
          <label key={status} className={`segment${card.status === status ? ' segment-on' : ''}`}>
            <input
              type="radio"
              name={`status-${card.id}`}
              value={status}
              checked={card.status === status}
              onChange={() => updateCard(ctx.doc, card.id, { status }, LOCAL_ORIGIN)}
            />
            {STATUS_LABELS[status]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function ScoreControl({ ctx, link }: { ctx: ToolContext; link: Link & { kind: 'interaction' } }) {
  const setScore = (score: InteractionScore) => updateLink(ctx.doc, link.id, { fields: { score } }, LOCAL_ORIGIN);
  return (
    <fieldset className="score-picker" disabled={!ctx.canEdit}>
      <legend className="field-label">Score: {formatScore(link.fields.score)}</legend>
      <div className="score-row">
        {INTERACTION_SCALE.map((level) => {
          const on = level.score === link.fields.score;
          const colour = scoreColour(level.score);
          return (
            <button
              key={level.score}
              type="button"
              className={`score${on ? ' score-on' : ''}`}
              style={
                on ? { background: colour, color: textColourOn(colour), borderColor: colour } : { borderColor: colour }
              }
              aria-pressed={on}
              aria-label={formatScore(level.score)}
              title={`${formatScore(level.score)}: ${level.definition}`}
              onClick={() => setScore(level.score)}
            >
              {level.score > 0 ? `+${level.score}` : level.score < 0 ? `−${-level.score}` : '0'}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}

export function SelectionPanel({ ctx, items }: { ctx: ToolContext; items: BoardItems }) {
  const selectedCards = useBoardStore((s) => s.selectedCards);
  const selectedLinks = useBoardStore((s) => s.selectedLinks);
  const count = selectedCards.length + selectedLinks.length;
  if (count === 0)
    return <p className="muted">Click a card or link to select it; Shift-click adds to the selection.</p>;
  if (count > 1) return <p className="muted">{count} items selected. Drag one to move them together.</p>;

  const card = selectedCards[0] ? items.cards.get(selectedCards[0]) : undefined;
  if (card) {
    const target = card.kind === 'target' ? getTarget(card.fields.code) : undefined;
    return (
      <div className="inspector">
        <p className="inspector-title">
          <span className="inspector-kind">{CARD_KIND_LABELS[card.kind]}</span> {cardTitle(card) || 'Untitled'}
        </p>
        {target && <p className="inspector-text">{target.text}</p>}
        <StatusControl ctx={ctx} card={card} />
      </div>
    );
  }
  const link = selectedLinks[0] ? items.links.get(selectedLinks[0]) : undefined;
  if (!link) return null;
  const from = items.cards.get(link.from);
  const to = items.cards.get(link.to);
  return (
    <div className="inspector">
      <p className="inspector-title">
        <span className="inspector-kind">{LINK_KIND_LABELS[link.kind]}</span>{' '}
        {from ? cardTitle(from) || CARD_KIND_LABELS[from.kind] : '?'} →{' '}
        {to ? cardTitle(to) || CARD_KIND_LABELS[to.kind] : '?'}
      </p>
      {link.kind === 'interaction' && <ScoreControl ctx={ctx} link={link} />}
    </div>
  );
}
