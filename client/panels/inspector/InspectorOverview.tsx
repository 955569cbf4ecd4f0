// What the inspector shows when it is not editing one item: with nothing selected, how far the
// workshop has come (what the agreed plan holds by the rule of agreedScope, the plan's standing
// and its adoption); with several items selected, their kinds and one control to set the status
// of them all (one undo step).
import { useContext } from 'react';
import {
  CARD_STATUSES,
  type Card,
  type CardStatus,
  type Link,
  updateCard,
  updateLink,
} from '../../../shared/model/index.ts';
import type { BoardItems } from '../../canvas/useBoardItems.ts';
import { type FacilitationContext, FacilitationCtx } from '../../facilitation/context.ts';
import { planContents, usePlanStanding } from '../../facilitation/decisions.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import { LOCAL_ORIGIN } from '../../sync/origin.ts';
import type { ToolContext } from '../../tools/context.ts';
import { CARD_KIND_LABELS, LINK_KIND_LABELS } from '../../tools/kindLabels.ts';
import { PlanStandingNote } from '../facilitation/PlanStandingNote.tsx';
import { STATUS_LABELS } from './itemControls.tsx';

/** Notes and frames stay on the board; everything else can go into the plan. */
function inPlan(item: Card | Link): boolean {
  return item.kind !== 'note' && item.kind !== 'frame';
}

function countByStatus(items: Iterable<Card | Link>): Record<CardStatus, number> {
  const counts: Record<CardStatus, number> = { proposed: 0, discussed: 0, agreed: 0 };
  for (const item of items) counts[item.status]++;
  return counts;
}

function StatusBar({ counts }: { counts: Record<CardStatus, number> }) {
  const total = counts.proposed + counts.discussed + counts.agreed;
  return (
    <div className="status-bar" aria-hidden="true">
      {total > 0 &&
        CARD_STATUSES.map((s) =>
          counts[s] > 0 ? (
            <span key={s} className={`status-bar-part status-bar-${s}`} style={{ flexGrow: counts[s] }} />
          ) : null,
        )}
    </div>
  );
}

/** The standing, from the walk-through's decisions and the adoption (the board's facilitation state). */
function Standing({ ctx, items }: { ctx: FacilitationContext; items: BoardItems }) {
  const view = usePlanStanding(ctx.doc, items.cards);
  if (view.interventions === 0) return null;
  const canAdopt = ctx.role === 'facilitator' && view.standing === 'validated';
  return (
    <>
      <PlanStandingNote view={view} />
      {canAdopt && (
        <button
          type="button"
          className="button button-secondary button-compact"
          data-testid="overview-record-adoption"
          onClick={() => useBoardStore.getState().setWorkshopDetails('adoption')}
        >
          Record the adoption
        </button>
      )}
    </>
  );
}

export function NothingSelected({ items }: { items: BoardItems }) {
  const facilitation = useContext(FacilitationCtx);
  const planItems = [...items.cards.values(), ...items.links.values()].filter(inPlan);
  const counts = countByStatus(planItems);
  const contents = planContents(items);
  return (
    <div className="inspector-body inspector-overview" data-testid="inspector-overview">
      <p className="inspector-empty">
        Select a card or link to see and edit all its fields. Shift-click to select several and set their status
        together.
      </p>
      <section className="overview-block" aria-labelledby="plan-progress-heading">
        <h3 id="plan-progress-heading" className="field-label">
          Plan progress
        </h3>
        {planItems.length === 0 ? (
          <p className="muted">No targets, objectives, interventions, actors or links yet.</p>
        ) : (
          <>
            <p
              className="plan-contents"
              data-testid="plan-contents"
              data-cards={contents.cards}
              data-links={contents.links}
            >
              {contents.text}
            </p>
            {facilitation && <Standing ctx={facilitation} items={items} />}
            <h4 className="overview-subheading">On the board, by status</h4>
            <StatusBar counts={counts} />
            <ul className="status-legend">
              {CARD_STATUSES.map((s) => (
                <li key={s}>
                  <span className={`status-dot status-dot-${s}`} aria-hidden="true" />
                  <span className="status-legend-label">{STATUS_LABELS[s]}</span>
                  <span className="status-legend-count" data-testid={`progress-${s}`}>
                    {counts[s]}
                  </span>
                </li>
              ))}
            </ul>
            <p className="muted">
              {contents.cards === 0
                ? 'Nothing is agreed yet. The exported plan holds what is agreed, unless the export includes all.'
                : 'The exported plan holds what is agreed, and the targets and actors that agreed interventions and objectives stand on, with the links between them.'}
            </p>
          </>
        )}
      </section>
    </div>
  );
}

interface MultiProps {
  ctx: ToolContext;
  items: BoardItems;
  cardIds: readonly string[];
  linkIds: readonly string[];
}

export function MultiSelection({ ctx, items, cardIds, linkIds }: MultiProps) {
  const cards = cardIds.map((id) => items.cards.get(id)).filter((c): c is Card => c !== undefined);
  const links = linkIds.map((id) => items.links.get(id)).filter((l): l is Link => l !== undefined);
  const all = [...cards, ...links];
  const statuses = new Set(all.map((i) => i.status));
  const shared = statuses.size === 1 ? [...statuses][0] : undefined;
  const kinds = new Map<string, number>();
  for (const c of cards) kinds.set(CARD_KIND_LABELS[c.kind], (kinds.get(CARD_KIND_LABELS[c.kind]) ?? 0) + 1);
  for (const l of links) {
    const label = `${LINK_KIND_LABELS[l.kind]} link`;
    kinds.set(label, (kinds.get(label) ?? 0) + 1);
  }
  const setAll = (status: CardStatus) => {
    if (!ctx.canEdit) return;
    try {
      // One transaction: the whole change is one undo step.
      ctx.doc.transact(() => {
        for (const c of cards) updateCard(ctx.doc, c.id, { status }, LOCAL_ORIGIN);
        for (const l of links) updateLink(ctx.doc, l.id, { status }, LOCAL_ORIGIN);
      }, LOCAL_ORIGIN);
    } catch (error) {
      useBoardStore.getState().notify(error instanceof Error ? error.message : String(error), 'error');
    }
  };
  return (
    <div className="inspector-body" data-testid="inspector-multi">
      <ul className="kind-counts">
        {[...kinds].map(([label, n]) => (
          <li key={label}>
            <span>{label}</span>
            <span className="list-count">{n}</span>
          </li>
        ))}
      </ul>
      <fieldset className="segmented" disabled={!ctx.canEdit} data-testid="bulk-status">
        <legend className="field-label">Status of all {all.length}</legend>
        <div className="segment-row">
          {CARD_STATUSES.map((s) => (
            <label key={s} className={`segment segment-${s}${shared === s ? ' segment-on' : ''}`}>
              <input type="radio" name="bulk-status" value={s} checked={shared === s} onChange={() => setAll(s)} />
              {STATUS_LABELS[s]}
            </label>
          ))}
        </div>
      </fieldset>
      {!shared && <p className="muted">They have different statuses now; choosing one sets it on all of them.</p>}
    </div>
  );
}
