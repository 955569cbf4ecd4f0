// The interaction matrix as CSV: one row per scored pair (a sparse matrix that any spreadsheet
// pivots into a grid), with the rationale and conditions a grid cannot hold. RFC 4180 quoting
// and CRLF line ends; a UTF-8 byte-order mark so that Excel reads accents and Devanagari.
import { interactionLevel } from '../../shared/model/index.ts';
import type { ActionPlan } from '../../shared/plan/index.ts';
import { planLookup, STATUS_LABELS } from './planText.ts';

const BOM = '\uFEFF';
const HEADER = [
  'from',
  'from target or intervention',
  'to',
  'to target or intervention',
  'score',
  'meaning',
  'rationale',
  'conditions',
  'confidence',
  'incoherence',
  'status',
  'link id',
];

/** A text cell: quoted when it holds a separator, quote or line break; doubled quotes inside. */
export function csvText(value: string): string {
  // A leading = + - @ would make a spreadsheet run the cell as a formula (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(cells: readonly (string | number)[]): string {
  return cells.map((cell) => (typeof cell === 'number' ? String(cell) : csvText(cell))).join(',');
}

export function renderMatrixCsv(plan: ActionPlan): Buffer {
  const names = planLookup(plan);
  const rows = [csvRow(HEADER)];
  for (const x of plan.interactions) {
    rows.push(
      csvRow([
        names.label(x.from),
        names.longLabel(x.from),
        names.label(x.to),
        names.longLabel(x.to),
        x.score,
        interactionLevel(x.score).label,
        x.rationale,
        x.conditions,
        x.confidence,
        x.incoherence,
        STATUS_LABELS[x.status],
        x.id,
      ]),
    );
  }
  return Buffer.from(`${BOM}${rows.join('\r\n')}\r\n`, 'utf8');
}
