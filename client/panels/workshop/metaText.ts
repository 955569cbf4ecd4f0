// The workshop details in words: the fields' labels, checkMetaPatch's reasons said with them,
// and date ranges.
import type { WorkshopMeta } from '../../../shared/model/index.ts';
import { formatDay } from '../../facilitation/decisions.ts';

export type MetaKey = keyof WorkshopMeta;

export const META_LABELS: Record<MetaKey, string> = {
  title: 'Title',
  level: 'Level',
  territory: 'Territory',
  startDate: 'Workshop start',
  endDate: 'Workshop end',
  periodStart: 'Plan period start',
  periodEnd: 'Plan period end',
};

export const META_KEYS = Object.keys(META_LABELS) as MetaKey[];

/** checkMetaPatch's reason in the form's words, and the field it is about. */
export function describeMetaProblem(problem: string): { field: MetaKey | null; text: string } {
  const at = problem.indexOf(': ');
  const key = at > 0 ? problem.slice(0, at) : '';
  const field = (META_KEYS as string[]).includes(key) ? (key as MetaKey) : null;
  let rest = at > 0 ? problem.slice(at + 2) : problem;
  for (const k of META_KEYS) rest = rest.replace(new RegExp(`\\b${k}\\b`, 'g'), META_LABELS[k].toLowerCase());
  return { field, text: field ? `${META_LABELS[field]}: ${rest}` : rest };
}

/** "12 March 2027 to 14 March 2027", one end, or "Not set". */
export function dateRange(start: string, end: string): string {
  if (start && end) return start === end ? formatDay(start) : `${formatDay(start)} to ${formatDay(end)}`;
  if (start) return `From ${formatDay(start)}`;
  if (end) return `Until ${formatDay(end)}`;
  return 'Not set';
}
