// The targets-by-targets matrix beside the board (issue "Synergies and trade-offs made visible"):
// rows influence columns, cells coloured by score, headers in goal colours, row and column sums,
// a ranking chart of influence against being influenced, and the trade-offs to resolve. Live: it
// re-reads the analysis whenever anyone changes the board. A click on a scored cell selects and
// centres its link on the canvas; on an empty cell it offers to create the link with a score.
import { useMemo, useRef, useState } from 'react';
import type { MatrixAnalysis, TargetNode } from '../../../shared/analysis/index.ts';
import {
  addLink,
  formatScore,
  INTERACTION_SCALE,
  type InteractionScore,
  scoreColour,
} from '../../../shared/model/index.ts';
import { goalColour, textColourOn } from '../../../shared/sdg/catalogue.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import { LOCAL_ORIGIN } from '../../sync/origin.ts';
import type { ToolContext } from '../../tools/context.ts';
import { lockedLinkReason } from '../../tools/linkTool.ts';
import { exportCsv, exportPng } from './exportMatrix.ts';
import { selectAndCentreLink } from './focusLink.ts';
import { cellLink, cellScore, displayOrder, type MatrixSort, SORT_LABELS, signed, sumTitle } from './matrixModel.ts';
import { type MatrixTab, useMatrixStore } from './matrixStore.ts';
import { RankingChart } from './RankingChart.tsx';
import { TradeOffList } from './TradeOffList.tsx';
import { useBoardAnalysis } from './useBoardAnalysis.ts';
import './matrix.css';

/** The top-bar button that opens and closes the matrix view. */
export function MatrixButton() {
  const open = useMatrixStore((s) => s.open);
  const setOpen = useMatrixStore((s) => s.setOpen);
  return (
    <button
      type="button"
      className="button button-secondary button-compact"
      aria-pressed={open}
      data-testid="open-matrix"
      title="Targets × targets matrix, ranking and trade-offs"
      onClick={() => setOpen(!open)}
    >
      <span>Matrix</span>
    </button>
  );
}

export function MatrixPanel({ ctx, title }: { ctx: ToolContext; title?: string }) {
  const open = useMatrixStore((s) => s.open);
  if (!open) return null;
  return <OpenMatrixPanel ctx={ctx} title={title ?? ''} />;
}

const TABS: { tab: MatrixTab; label: string }[] = [
  { tab: 'matrix', label: 'Matrix' },
  { tab: 'ranking', label: 'Ranking' },
  { tab: 'tradeoffs', label: 'Trade-offs' },
];

function fileName(title: string): string {
  const base =
    title
      .trim()
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'workshop';
  return `${base}-target-matrix`;
}

function OpenMatrixPanel({ ctx, title }: { ctx: ToolContext; title: string }) {
  const analysis = useBoardAnalysis(ctx.doc);
  const tab = useMatrixStore((s) => s.tab);
  const setTab = useMatrixStore((s) => s.setTab);
  const setOpen = useMatrixStore((s) => s.setOpen);
  const [sort, setSort] = useState<MatrixSort>('catalogue');
  const targets = analysis.targets;
  const order = useMemo(() => displayOrder(targets, sort), [targets, sort]);
  const tradeOffCount = analysis.tradeOffs.length;
  const panelRef = useRef<HTMLElement>(null);
  const focusLink = (id: string) => selectAndCentreLink(id, panelRef.current);

  return (
    <section ref={panelRef} className="matrix-panel" data-testid="matrix-view" aria-label="Target interaction matrix">
      <header className="matrix-head">
        <div className="matrix-tabs" role="tablist">
          {TABS.map((t) => (
            <button
              key={t.tab}
              type="button"
              role="tab"
              aria-selected={tab === t.tab}
              className={`matrix-tab${tab === t.tab ? ' matrix-tab-on' : ''}`}
              data-testid={`matrix-tab-${t.tab}`}
              onClick={() => setTab(t.tab)}
            >
              {t.label}
              {t.tab === 'tradeoffs' && tradeOffCount > 0 && <span className="matrix-count">{tradeOffCount}</span>}
            </button>
          ))}
        </div>
        <div className="matrix-actions">
          <label className="matrix-sort">
            <span>Sort</span>
            <select
              value={sort}
              data-testid="matrix-sort"
              onChange={(e) => setSort(e.currentTarget.value as MatrixSort)}
            >
              {(Object.keys(SORT_LABELS) as MatrixSort[]).map((s) => (
                <option key={s} value={s}>
                  {SORT_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button-secondary button-compact"
            data-testid="matrix-export-csv"
            disabled={targets.matrix.size === 0}
            onClick={() => exportCsv(targets, order, fileName(title))}
          >
            CSV
          </button>
          <button
            type="button"
            className="button button-secondary button-compact"
            data-testid="matrix-export-png"
            disabled={targets.matrix.size === 0}
            onClick={() => exportPng(targets, order, fileName(title))}
          >
            PNG
          </button>
          <button
            type="button"
            className="matrix-close"
            aria-label="Close the matrix"
            data-testid="matrix-close"
            onClick={() => setOpen(false)}
          >
            ×
          </button>
        </div>
      </header>
      <div className="matrix-body">
        {targets.matrix.size === 0 ? (
          <p className="matrix-empty">
            No SDG targets on the board yet. Add target cards and score the interactions between them to fill the
            matrix.
          </p>
        ) : tab === 'matrix' ? (
          <MatrixTable ctx={ctx} analysis={targets} order={order} focusLink={focusLink} />
        ) : tab === 'ranking' ? (
          <RankingChart analysis={targets} />
        ) : (
          <TradeOffList analysis={analysis} focusLink={focusLink} />
        )}
      </div>
    </section>
  );
}

interface Pending {
  row: number;
  col: number;
}

function MatrixTable({
  ctx,
  analysis,
  order,
  focusLink,
}: {
  ctx: ToolContext;
  analysis: MatrixAnalysis<TargetNode>;
  order: number[];
  focusLink: (id: string) => void;
}) {
  const [pending, setPending] = useState<Pending | null>(null);
  const nodes = analysis.matrix.nodes;
  const selectedLinks = useBoardStore((s) => s.selectedLinks);

  const onCellClick = (row: number, col: number) => {
    const link = cellLink(analysis, row, col);
    if (link) {
      setPending(null);
      focusLink(link);
    } else if (ctx.canEdit) {
      setPending({ row, col });
    }
  };

  const create = (score: InteractionScore) => {
    if (!pending) return;
    const from = nodes[pending.row]?.cardIds[0];
    const to = nodes[pending.col]?.cardIds[0];
    setPending(null);
    if (!from || !to) return;
    const locked = lockedLinkReason(ctx, from, to);
    if (locked) {
      useBoardStore.getState().notify(locked, 'error');
      return;
    }
    try {
      const id = addLink(
        ctx.doc,
        { kind: 'interaction', from, to, author: ctx.author, fields: { score } },
        LOCAL_ORIGIN,
      );
      focusLink(id);
    } catch (error) {
      useBoardStore.getState().notify(error instanceof Error ? error.message : String(error), 'error');
    }
  };

  return (
    <>
      <p className="matrix-hint">
        Each row’s target influences each column’s. Click a score to show its link on the board
        {ctx.canEdit ? '; click an empty cell to score a new one.' : '.'}
      </p>
      {pending && (
        <div className="matrix-create" data-testid="matrix-create">
          <span>
            Score <strong>{nodes[pending.row]?.code}</strong> → <strong>{nodes[pending.col]?.code}</strong>:
          </span>
          <div className="matrix-create-scores">
            {INTERACTION_SCALE.map((level) => (
              <button
                key={level.score}
                type="button"
                className="matrix-create-score"
                style={{ background: scoreColour(level.score), color: textColourOn(scoreColour(level.score)) }}
                title={`${formatScore(level.score)}: ${level.definition}`}
                data-testid={`matrix-create-score-${level.score}`}
                onClick={() => create(level.score)}
              >
                {signed(level.score)}
              </button>
            ))}
          </div>
          <button type="button" className="button button-secondary button-compact" onClick={() => setPending(null)}>
            Cancel
          </button>
        </div>
      )}
      <div className="matrix-scroll">
        <table className="matrix-table">
          <thead>
            <tr>
              <th className="matrix-corner" scope="col">
                <span>row → column</span>
              </th>
              {order.map((c) => (
                <HeaderCell key={c} node={nodes[c]} scope="col" />
              ))}
              <th className="matrix-sum-head" scope="col" title="Row sum: how much the target influences the others">
                Σ out
              </th>
            </tr>
          </thead>
          <tbody>
            {order.map((r) => {
              const rowNode = nodes[r];
              const out = analysis.influence[r]?.out;
              return (
                <tr key={r}>
                  <HeaderCell node={rowNode} scope="row" />
                  {order.map((c) => {
                    const colNode = nodes[c];
                    const id = `matrix-cell-${rowNode?.code}-${colNode?.code}`;
                    if (r === c) return <td key={c} className="matrix-cell matrix-diagonal" data-testid={id} />;
                    const score = cellScore(analysis, r, c);
                    const link = cellLink(analysis, r, c);
                    const selected = link !== null && selectedLinks.includes(link);
                    const isPending = pending?.row === r && pending.col === c;
                    const fill = score === undefined ? undefined : scoreColour(score);
                    const label = `${rowNode?.code} → ${colNode?.code}: ${score === undefined ? 'not scored' : formatScore(score)}`;
                    return (
                      <td key={c} className="matrix-td">
                        <button
                          type="button"
                          className={`matrix-cell${score === undefined ? ' matrix-cell-empty' : ''}${selected || isPending ? ' matrix-cell-selected' : ''}`}
                          data-testid={id}
                          data-score={score ?? ''}
                          disabled={score === undefined && !ctx.canEdit}
                          style={fill ? { background: fill, color: textColourOn(fill) } : undefined}
                          title={label}
                          aria-label={label}
                          onClick={() => onCellClick(r, c)}
                        >
                          {score === undefined ? '' : signed(score)}
                        </button>
                      </td>
                    );
                  })}
                  <td
                    className="matrix-sum"
                    data-testid={`matrix-row-sum-${rowNode?.code}`}
                    title={out ? sumTitle(`${rowNode?.code} influences`, out) : undefined}
                  >
                    <SumValue value={out?.net ?? 0} />
                    {out && out.negative < 0 && out.positive > 0 && <span className="matrix-sum-mixed">±</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th className="matrix-sum-head" scope="row" title="Column sum: how much the others influence the target">
                Σ in
              </th>
              {order.map((c) => {
                const node = nodes[c];
                const inn = analysis.influence[c]?.in;
                return (
                  <td
                    key={c}
                    className="matrix-sum"
                    data-testid={`matrix-col-sum-${node?.code}`}
                    title={inn ? sumTitle(`${node?.code} is influenced`, inn) : undefined}
                  >
                    <SumValue value={inn?.net ?? 0} />
                  </td>
                );
              })}
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <ScaleKey />
    </>
  );
}

function SumValue({ value }: { value: number }) {
  return (
    <span className={value > 0 ? 'matrix-sum-pos' : value < 0 ? 'matrix-sum-neg' : 'matrix-sum-zero'}>
      {signed(value)}
    </span>
  );
}

function HeaderCell({ node, scope }: { node: TargetNode | undefined; scope: 'row' | 'col' }) {
  if (!node) return <th scope={scope} />;
  const fill = goalColour(node.goal) ?? '#64748b';
  return (
    <th
      scope={scope}
      className={scope === 'col' ? 'matrix-col-head' : 'matrix-row-head'}
      style={{ background: fill, color: textColourOn(fill) }}
      title={`Target ${node.code} (SDG ${node.goal})`}
      data-testid={`matrix-${scope}-head-${node.code}`}
    >
      <span>{node.code}</span>
    </th>
  );
}

function ScaleKey() {
  return (
    <div className="matrix-key">
      {INTERACTION_SCALE.map((level) => (
        <span key={level.score} className="matrix-key-item" title={level.definition}>
          <span className="matrix-key-swatch" style={{ background: scoreColour(level.score) }} />
          {formatScore(level.score)}
        </span>
      ))}
      <span className="matrix-key-item">
        <span className="matrix-key-swatch matrix-key-empty" />
        Not scored
      </span>
    </div>
  );
}
