// The export formats, each rendered from the same plan object: what the route offers, with the
// content type and file extension of each.
import type { ActionPlan } from '../../shared/plan/index.ts';
import { renderMatrixCsv } from './csvExport.ts';
import { renderDocx } from './docxExport.ts';
import { renderMarkdown } from './markdownExport.ts';
import { renderXlsx } from './xlsxExport.ts';

export const EXPORT_FORMATS = ['json', 'xlsx', 'docx', 'md', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface FormatSpec {
  extension: string;
  contentType: string;
  /** Seconds of CPU on a large plan: rendered on a worker thread, off the sync loop. */
  onWorker: boolean;
  render(plan: ActionPlan): Buffer | Promise<Buffer>;
}

export const FORMATS: Record<ExportFormat, FormatSpec> = {
  json: {
    extension: 'json',
    contentType: 'application/json; charset=utf-8',
    onWorker: false,
    render: (plan) => Buffer.from(`${JSON.stringify(plan, null, 2)}\n`, 'utf8'),
  },
  xlsx: {
    extension: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    onWorker: true,
    render: renderXlsx,
  },
  docx: {
    extension: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    onWorker: true,
    render: renderDocx,
  },
  md: { extension: 'md', contentType: 'text/markdown; charset=utf-8', onWorker: false, render: renderMarkdown },
  csv: {
    extension: 'csv',
    contentType: 'text/csv; charset=utf-8; header=present',
    onWorker: false,
    render: renderMatrixCsv,
  },
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}
