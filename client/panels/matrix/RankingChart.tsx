// Influence against being influenced (SEI's SDG Synergies ranking): each target a dot in its goal
// colour, row sum across, column sum up. Targets right of the middle drive others; high up, they
// depend on others.
import type { MatrixAnalysis, TargetNode } from '../../../shared/analysis/index.ts';
import { goalColour } from '../../../shared/sdg/catalogue.ts';
import { signed, sumTitle } from './matrixModel.ts';

const W = 560;
const H = 440;
const M = 48;

export function RankingChart({ analysis }: { analysis: MatrixAnalysis<TargetNode> }) {
  const nodes = analysis.matrix.nodes;
  let extent = 1;
  for (const inf of analysis.influence) extent = Math.max(extent, Math.abs(inf.out.net), Math.abs(inf.in.net));
  extent = Math.ceil(extent);
  const x = (v: number) => M + ((v + extent) / (2 * extent)) * (W - 2 * M);
  const y = (v: number) => H - M - ((v + extent) / (2 * extent)) * (H - 2 * M);
  const ticks = [-extent, -extent / 2, 0, extent / 2, extent];
  return (
    <figure className="ranking">
      <svg
        className="ranking-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label="Influence against being influenced, one dot per target"
        data-testid="ranking-chart"
      >
        <rect x={M} y={M} width={W - 2 * M} height={H - 2 * M} fill="#f8fafc" stroke="#e2e8f0" />
        {ticks.map((t) => (
          <g key={`t${t}`} className="ranking-tick">
            <line x1={x(t)} y1={H - M} x2={x(t)} y2={H - M + 4} stroke="#94a3b8" />
            <text x={x(t)} y={H - M + 16} textAnchor="middle">
              {signed(t)}
            </text>
            <line x1={M - 4} y1={y(t)} x2={M} y2={y(t)} stroke="#94a3b8" />
            <text x={M - 8} y={y(t) + 4} textAnchor="end">
              {signed(t)}
            </text>
          </g>
        ))}
        <line x1={x(0)} y1={M} x2={x(0)} y2={H - M} stroke="#94a3b8" strokeDasharray="4 3" />
        <line x1={M} y1={y(0)} x2={W - M} y2={y(0)} stroke="#94a3b8" strokeDasharray="4 3" />
        <text className="ranking-axis" x={W / 2} y={H - 10} textAnchor="middle">
          Influence on others (row sum, net) →
        </text>
        <text className="ranking-axis" x={14} y={H / 2} textAnchor="middle" transform={`rotate(-90 14 ${H / 2})`}>
          Being influenced (column sum, net) →
        </text>
        {nodes.map((node, i) => {
          const inf = analysis.influence[i];
          if (!inf) return null;
          const cx = x(inf.out.net);
          const cy = y(inf.in.net);
          return (
            <g key={node.code} data-testid={`ranking-dot-${node.code}`}>
              <title>{`${node.code}\n${sumTitle('Influences', inf.out)}\n${sumTitle('Is influenced', inf.in)}`}</title>
              <circle cx={cx} cy={cy} r={7} fill={goalColour(node.goal) ?? '#64748b'} stroke="#fff" strokeWidth={1.5} />
              <text x={cx + 10} y={cy + 4} className="ranking-label">
                {node.code}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="matrix-hint">
        Right: drives other targets. Up: depends on other targets. Hover a dot for the positive and negative parts.
      </figcaption>
    </figure>
  );
}
