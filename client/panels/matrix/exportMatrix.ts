// Exports of the matrix view, made in the browser: CSV as a Blob, PNG drawn onto a canvas.
import type { MatrixAnalysis, TargetNode } from '../../../shared/analysis/index.ts';
import { scoreColour } from '../../../shared/model/index.ts';
import { goalColour, textColourOn } from '../../../shared/sdg/catalogue.ts';
import { cellScore, matrixCsv, signed } from './matrixModel.ts';

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function exportCsv(analysis: MatrixAnalysis<TargetNode>, order: readonly number[], name: string): void {
  // A byte-order mark so spreadsheet programs read the minus signs and codes as UTF-8.
  downloadBlob(new Blob(['\ufeff', matrixCsv(analysis, order)], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
}

const CELL = 34;
const HEAD = 64;
const SUM = 56;
const PAD = 16;

/** Draws the matrix (headers in goal colours, cells by score, sums) onto a new canvas. */
export function drawMatrix(analysis: MatrixAnalysis<TargetNode>, order: readonly number[]): HTMLCanvasElement {
  const n = order.length;
  const ratio = 2;
  const width = PAD * 2 + HEAD + n * CELL + SUM;
  const height = PAD * 2 + HEAD + n * CELL + CELL;
  const canvas = document.createElement('canvas');
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  const g = canvas.getContext('2d');
  if (!g) return canvas;
  g.scale(ratio, ratio);
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, height);
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  const nodes = analysis.matrix.nodes;
  const x0 = PAD + HEAD;
  const y0 = PAD + HEAD;
  g.font = '600 10px system-ui, sans-serif';
  g.fillStyle = '#555';
  g.fillText('row \u2192', PAD + HEAD / 2, PAD + HEAD / 2 - 7);
  g.fillText('column', PAD + HEAD / 2, PAD + HEAD / 2 + 7);
  order.forEach((node, k) => {
    const target = nodes[node];
    if (!target) return;
    const fill = goalColour(target.goal) ?? '#666';
    const text = textColourOn(fill);
    // Column header.
    g.fillStyle = fill;
    g.fillRect(x0 + k * CELL + 1, PAD, CELL - 2, HEAD - 2);
    g.save();
    g.translate(x0 + k * CELL + CELL / 2, PAD + HEAD / 2);
    g.rotate(-Math.PI / 2);
    g.fillStyle = text;
    g.fillText(target.code, 0, 0);
    g.restore();
    // Row header.
    g.fillStyle = fill;
    g.fillRect(PAD, y0 + k * CELL + 1, HEAD - 2, CELL - 2);
    g.fillStyle = text;
    g.fillText(target.code, PAD + HEAD / 2, y0 + k * CELL + CELL / 2);
  });
  g.font = '600 12px system-ui, sans-serif';
  order.forEach((r, i) => {
    order.forEach((c, j) => {
      const x = x0 + j * CELL;
      const y = y0 + i * CELL;
      const score = cellScore(analysis, r, c);
      if (r === c) {
        g.fillStyle = '#e4e4e4';
        g.fillRect(x + 1, y + 1, CELL - 2, CELL - 2);
        return;
      }
      g.strokeStyle = '#d8d8d8';
      g.strokeRect(x + 1.5, y + 1.5, CELL - 3, CELL - 3);
      if (score === undefined) return;
      const fill = scoreColour(score);
      g.fillStyle = fill;
      g.fillRect(x + 1, y + 1, CELL - 2, CELL - 2);
      g.fillStyle = textColourOn(fill);
      g.fillText(signed(score), x + CELL / 2, y + CELL / 2);
    });
    const out = analysis.influence[r]?.out.net ?? 0;
    g.fillStyle = '#222';
    g.fillText(signed(out), x0 + n * CELL + SUM / 2, y0 + i * CELL + CELL / 2);
    const inn = analysis.influence[r]?.in.net ?? 0;
    g.fillText(signed(inn), x0 + i * CELL + CELL / 2, y0 + n * CELL + CELL / 2);
  });
  g.font = '600 10px system-ui, sans-serif';
  g.fillStyle = '#555';
  g.fillText('\u03a3 out', x0 + n * CELL + SUM / 2, PAD + HEAD / 2);
  g.fillText('\u03a3 in', PAD + HEAD / 2, y0 + n * CELL + CELL / 2);
  return canvas;
}

export function exportPng(analysis: MatrixAnalysis<TargetNode>, order: readonly number[], name: string): void {
  drawMatrix(analysis, order).toBlob((blob) => {
    if (blob) downloadBlob(blob, `${name}.png`);
  }, 'image/png');
}
