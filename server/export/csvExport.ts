// The interaction matrix as CSV: one row per scored pair (a sparse matrix that any spreadsheet
// pivots into a grid), with the rationale and conditions a grid cannot hold. RFC 4180 quoting
// and CRLF line ends; a UTF-8 byte-order mark so that Excel reads accents and Devanagari. Each
// row also carries the plan's details (workshop, level, territory, dates, period, validation,
// adoption), so that a row read on its own, or a file merged with others, still says where it
// comes from and what standing it has.
import { interactionLevel } from '../../shared/model/index.ts';
import type { ActionPlan } from '../../shared/plan/index.ts';
import { planLookup, STATUS_LABELS, workshopDetails } from './planText.ts';

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

/** The plan's details, as columns after the pair's (planText.workshopDetails gives the values). */
const DETAILS = ['Workshop', 'Level', 'Territory', 'Workshop dates', 'Plan period', 'Validation', 'Adoption'];

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
  const details = new Map(workshopDetails(plan));
  const detailCells = DETAILS.map((label) => details.get(label) ?? '');
  const rows = [csvRow([...HEADER, ...DETAILS.map((d) => d.toLowerCase())])];
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
        ...detailCells,
      ]),
    );
  }
  return Buffer.from(`${BOM}${rows.join('\r\n')}\r\n`, 'utf8');
}
