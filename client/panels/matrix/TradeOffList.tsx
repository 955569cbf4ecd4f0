// The trade-offs to resolve: every negative interaction, those between prioritised targets first
// (the analysis's order), each flagged and opening its link on the board.
import type { BoardAnalysis } from '../../../shared/analysis/index.ts';
import type { Endpoint } from '../../../shared/analysis/interactions.ts';
import { formatScore, scoreColour } from '../../../shared/model/index.ts';
import { goalColour, textColourOn } from '../../../shared/sdg/catalogue.ts';

const FLAG: Record<'both' | 'one' | 'none', string> = {
  both: 'Both targets prioritised',
  one: 'One target prioritised',
  none: '',
};

function EndLabel({ analysis, end }: { analysis: BoardAnalysis; end: Endpoint }) {
  if (end.kind === 'target') {
    const node = analysis.targets.matrix.nodes[end.index];
    const fill = (node && goalColour(node.goal)) ?? '#64748b';
    return (
      <span className="tradeoff-end tradeoff-target" style={{ background: fill, color: textColourOn(fill) }}>
        {end.code}
      </span>
    );
  }
  const node = analysis.interventions.matrix.nodes[end.index];
  return <span className="tradeoff-end tradeoff-intervention">{node?.title || 'Untitled intervention'}</span>;
}

export function TradeOffList({ analysis, focusLink }: { analysis: BoardAnalysis; focusLink: (id: string) => void }) {
  if (analysis.tradeOffs.length === 0) {
    return <p className="matrix-empty">No trade-offs scored yet: no interaction on the board is negative.</p>;
  }
  return (
    <ol className="tradeoff-list" data-testid="tradeoff-list">
      {analysis.tradeOffs.map((t) => (
        <li key={t.link.id}>
          <button
            type="button"
            className={`tradeoff-item tradeoff-${t.prioritised}`}
            data-testid="tradeoff-item"
            data-prioritised={t.prioritised}
            onClick={() => focusLink(t.link.id)}
          >
            <span
              className="tradeoff-score"
              style={{ background: scoreColour(t.score), color: textColourOn(scoreColour(t.score)) }}
            >
              {formatScore(t.score)}
            </span>
            <EndLabel analysis={analysis} end={t.from} />
            <span aria-hidden="true">→</span>
            <EndLabel analysis={analysis} end={t.to} />
            {t.prioritised !== 'none' && (
              <span
                className="tradeoff-flag"
                title="Prioritised: an objective addresses it or an agreed intervention contributes to it"
              >
                ⚑ {FLAG[t.prioritised]}
              </span>
            )}
          </button>
        </li>
      ))}
    </ol>
  );
}
