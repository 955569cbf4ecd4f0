// The outline: every card and link, grouped by kind, as an ARIA tree beside the canvas. It is
// the accessible way through the board: arrow keys move, Right and Left open and close a group,
// Enter (or a click) selects the item and centres it on the canvas. Rows are virtualised, so a
// board of thousands of items stays light. An intervention sent back or set aside in the
// walk-through says so under its title, with the comment, until it is decided again.
import {
  type KeyboardEvent,
  useCallback,
  useDeferredValue,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { canvasProbe } from '../canvas/canvasProbe.ts';
import type { BoardItems } from '../canvas/useBoardItems.ts';
import { useFacilitationContext } from '../facilitation/context.ts';
import { DECISION_LABELS, decisionSentence, heldDecisions } from '../facilitation/decisions.ts';
import { useFacilitation } from '../facilitation/useFacilitation.ts';
import { useBoardStore } from '../store/boardStore.ts';
import {
  flattenRows,
  type GroupKey,
  groupItems,
  type OutlineDecision,
  type OutlineRow,
  rowAt,
  rowOffsets,
} from './outlineRows.ts';

const ROW_PX = 28;
/** An item with a decision under its title. */
const TALL_ROW_PX = 46;
const NO_ITEMS: BoardItems = { cards: new Map(), links: new Map() };
const OVERSCAN_ROWS = 8;

function rowId(base: string, row: OutlineRow): string {
  return row.kind === 'group' ? `${base}-g-${row.key}` : `${base}-i-${row.item.id}`;
}

export function OutlinePanel({ items }: { items: BoardItems }) {
  const open = useBoardStore((s) => s.outlineOpen);
  const setOpen = useBoardStore((s) => s.setOutlineOpen);
  if (!open) {
    return (
      <div className="outline-rail">
        <button
          type="button"
          className="outline-toggle"
          onClick={() => setOpen(true)}
          aria-expanded={false}
          aria-controls="outline-panel"
          title="Show the outline (Shift+O)"
        >
          Outline
        </button>
      </div>
    );
  }
  return <OutlineTree items={items} onClose={() => setOpen(false)} />;
}

function OutlineTree({ items, onClose }: { items: BoardItems; onClose: () => void }) {
  const base = useId().replace(/:/g, '');
  // Rebuilt at low priority (and first built after the board is on screen): a large board or a
  // burst of remote edits never holds up the canvas.
  const deferred = useDeferredValue(items, NO_ITEMS);
  const { validation } = useFacilitation(useFacilitationContext().doc);
  const decisions = useMemo(() => {
    const out = new Map<string, OutlineDecision>();
    for (const [id, shown] of heldDecisions(deferred.cards.values(), validation)) {
      if (shown.decision !== 'sent-back' && shown.decision !== 'set-aside') continue;
      const label = DECISION_LABELS[shown.decision];
      const text = shown.comment ? `${label}: ${shown.comment}` : label;
      out.set(id, { decision: shown.decision, text, sentence: decisionSentence(shown) });
    }
    return out;
  }, [deferred, validation]);
  const groups = useMemo(() => groupItems(deferred, decisions), [deferred, decisions]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<GroupKey>>(() => new Set());
  const rows = useMemo(() => flattenRows(groups, collapsed), [groups, collapsed]);
  const tops = useMemo(() => rowOffsets(rows, ROW_PX, TALL_ROW_PX), [rows]);
  const [active, setActive] = useState(0);
  const selectedCards = useBoardStore((s) => s.selectedCards);
  const selectedLinks = useBoardStore((s) => s.selectedLinks);
  const selected = useMemo(() => new Set([...selectedCards, ...selectedLinks]), [selectedCards, selectedLinks]);
  const scroller = useRef<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);
  // Measured whenever the list is mounted (it is not while the board is empty or loading) and
  // whenever it is resized: the rows drawn are those of its real height.
  const [scrollEl, setScrollEl] = useState<HTMLDivElement | null>(null);
  const attachScroller = useCallback((el: HTMLDivElement | null) => {
    scroller.current = el;
    setScrollEl(el);
  }, []);

  useLayoutEffect(() => {
    if (!scrollEl) return;
    const measure = () => {
      setHeight(scrollEl.clientHeight);
      setScrollTop(scrollEl.scrollTop);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scrollEl);
    return () => observer.disconnect();
  }, [scrollEl]);

  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));
  const activeRow = rows[activeIndex];

  const reveal = (index: number) => {
    const el = scroller.current;
    if (!el) return;
    const top = tops[index] ?? 0;
    const bottom = tops[index + 1] ?? top + ROW_PX;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight;
  };

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    reveal(next);
  };

  const toggle = (key: GroupKey, expand?: boolean) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      const isOpen = !prev.has(key);
      if (expand ?? !isOpen) next.delete(key);
      else next.add(key);
      return next;
    });
  };

  const choose = (row: OutlineRow) => {
    if (row.kind === 'group') {
      toggle(row.key);
      return;
    }
    const store = useBoardStore.getState();
    if (row.item.type === 'card') store.selectCards([row.item.id]);
    else store.select({ type: 'link', id: row.item.id }, false);
    canvasProbe()?.centreOn({ type: row.item.type, id: row.item.id });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!activeRow) return;
    const pageRows = Math.max(1, Math.floor(height / ROW_PX) - 1);
    switch (e.key) {
      case 'ArrowDown':
        moveTo(activeIndex + 1);
        break;
      case 'ArrowUp':
        moveTo(activeIndex - 1);
        break;
      case 'PageDown':
        moveTo(activeIndex + pageRows);
        break;
      case 'PageUp':
        moveTo(activeIndex - pageRows);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'ArrowRight':
        if (activeRow.kind === 'group') {
          if (!activeRow.expanded) toggle(activeRow.key, true);
          else moveTo(activeIndex + 1);
        }
        break;
      case 'ArrowLeft':
        if (activeRow.kind === 'group') {
          if (activeRow.expanded) toggle(activeRow.key, false);
        } else {
          // To the item's group.
          const group = rows.findIndex((r) => r.kind === 'group' && r.key === activeRow.group);
          moveTo(group);
        }
        break;
      case 'Enter':
      case ' ':
        choose(activeRow);
        break;
      default:
        return;
    }
    e.preventDefault();
    // Keys here belong to the outline, not to the board's shortcuts.
    e.stopPropagation();
  };

  const first = Math.max(0, rowAt(tops, scrollTop) - OVERSCAN_ROWS);
  const last = Math.min(rows.length, rowAt(tops, scrollTop + height) + 1 + OVERSCAN_ROWS);
  const cardCount = deferred.cards.size;
  const linkCount = deferred.links.size;

  return (
    <aside className="outline-panel" id="outline-panel" aria-labelledby={`${base}-heading`}>
      <div className="outline-head">
        <h2 id={`${base}-heading`} className="sidebar-heading">
          Outline
        </h2>
        <span className="outline-count" aria-hidden="true">
          {cardCount} cards · {linkCount} links
        </span>
        <button
          type="button"
          className="icon-button icon-button-small"
          onClick={onClose}
          aria-label="Hide the outline"
          title="Hide the outline (Shift+O)"
        >
          ×
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="muted outline-empty">Cards and links appear here as they are added.</p>
      ) : (
        <div
          ref={attachScroller}
          className="outline-scroll"
          role="tree"
          tabIndex={0}
          data-testid="outline"
          aria-label={`Board outline: ${cardCount} cards and ${linkCount} links, grouped by kind`}
          aria-activedescendant={activeRow ? rowId(base, activeRow) : undefined}
          onKeyDown={onKeyDown}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        >
          <div style={{ height: tops[rows.length], position: 'relative' }}>
            {rows.slice(first, last).map((row, i) => {
              const index = first + i;
              const isActive = index === activeIndex;
              const common = {
                id: rowId(base, row),
                'aria-posinset': row.posInSet,
                'aria-setsize': row.setSize,
                style: { top: tops[index], height: (tops[index + 1] ?? 0) - (tops[index] ?? 0) },
                onClick: () => {
                  setActive(index);
                  choose(row);
                },
              } as const;
              if (row.kind === 'group') {
                return (
                  <div
                    key={common.id}
                    {...common}
                    role="treeitem"
                    tabIndex={-1}
                    aria-level={1}
                    aria-expanded={row.expanded}
                    className={`outline-row outline-group${isActive ? ' outline-active' : ''}`}
                  >
                    <span className="outline-caret" aria-hidden="true">
                      {row.expanded ? '▾' : '▸'}
                    </span>
                    <span className="outline-label">{row.label}</span>
                    <span className="outline-badge">{row.count}</span>
                  </div>
                );
              }
              const isSelected = selected.has(row.item.id);
              const decision = row.item.decision;
              return (
                <div
                  key={common.id}
                  {...common}
                  role="treeitem"
                  tabIndex={-1}
                  aria-level={2}
                  aria-selected={isSelected}
                  data-item-id={row.item.id}
                  className={`outline-row outline-item${decision ? ' outline-item-decided' : ''}${isActive ? ' outline-active' : ''}${isSelected ? ' outline-selected' : ''}`}
                  title={decision ? `${row.item.label}\n${decision.sentence}` : row.item.label}
                >
                  <span className="outline-label">{row.item.label}</span>
                  {decision && (
                    <span
                      className={`outline-decision outline-decision-${decision.decision}`}
                      data-testid={`outline-decision-${row.item.id}`}
                      data-decision={decision.decision}
                    >
                      {decision.text}
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </aside>
  );
}
