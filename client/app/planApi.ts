// The action-plan endpoints: export in each format (a download with this person's token) and
// import of a plan file into a new workshop. Answers are untrusted until their shape is checked.
import type { ShareLinks } from './api.ts';

export const PLAN_FORMATS = ['json', 'xlsx', 'docx', 'md', 'csv'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export interface PlanFile {
  blob: Blob;
  fileName: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    if (isRecord(body) && typeof body.error === 'string') return body.error;
  } catch {
    // Not JSON: the status line says enough.
  }
  return `The server answered ${response.status} ${response.statusText}`.trim();
}

/** The file name from `Content-Disposition`: the UTF-8 `filename*` if given, else `filename`. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(disposition);
  const name = (plain?.[1] ?? plain?.[2] ?? '').trim();
  return name || fallback;
}

export function exportUrl(workshopId: string, format: PlanFormat, includeAll: boolean): string {
  const params = new URLSearchParams({ format });
  if (includeAll) params.set('include', 'all');
  return `/api/workshops/${encodeURIComponent(workshopId)}/export?${params}`;
}

/** Fetches the plan in one format; throws with a message for the person when it fails. */
export async function fetchPlanExport(
  workshopId: string,
  token: string,
  format: PlanFormat,
  includeAll: boolean,
): Promise<PlanFile> {
  let response: Response;
  try {
    response = await fetch(exportUrl(workshopId, format, includeAll), {
      headers: { Authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
  } catch {
    throw new Error('Could not reach the server to export the plan. Check your connection and try again.');
  }
  if (!response.ok) throw new Error(`The export failed: ${await errorMessage(response)}`);
  const blob = await response.blob();
  return { blob, fileName: fileNameFrom(response.headers.get('content-disposition'), `action-plan.${format}`) };
}

/** Hands a file to the browser as a download. */
export function saveFile({ blob, fileName }: PlanFile): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface PlanProblem {
  path: string;
  message: string;
}

export interface ImportedWorkshop {
  id: string;
  title: string;
  links: ShareLinks;
}

export type ImportResult =
  | { ok: true; workshop: ImportedWorkshop }
  | { ok: false; message: string; problems: PlanProblem[]; moreProblems: number };

function readProblems(value: unknown): PlanProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((p) => ({
    path: typeof p.path === 'string' ? p.path : '',
    message: typeof p.message === 'string' ? p.message : 'is not valid',
  }));
}

function readLinks(value: unknown): ShareLinks | null {
  if (!isRecord(value)) return null;
  const { facilitator, participant, viewer } = value;
  return typeof facilitator === 'string' && typeof participant === 'string' && typeof viewer === 'string'
    ? { facilitator, participant, viewer }
    : null;
}

/** Sends a plan file's text to be imported as a new workshop (facilitators only). */
export async function importPlanFile(workshopId: string, token: string, text: string): Promise<ImportResult> {
  let response: Response;
  try {
    response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: text,
    });
  } catch {
    return {
      ok: false,
      message: 'Could not reach the server. Check your connection and try again.',
      problems: [],
      moreProblems: 0,
    };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 201) {
    const links = isRecord(body) ? readLinks(body.links) : null;
    if (isRecord(body) && typeof body.id === 'string' && typeof body.title === 'string' && links) {
      return { ok: true, workshop: { id: body.id, title: body.title, links } };
    }
    return { ok: false, message: 'The server sent an unexpected answer.', problems: [], moreProblems: 0 };
  }
  const message =
    isRecord(body) && typeof body.error === 'string'
      ? body.error
      : `The server answered ${response.status} ${response.statusText}`.trim();
  const problems = isRecord(body) ? readProblems(body.problems) : [];
  const moreProblems = isRecord(body) && typeof body.moreProblems === 'number' ? body.moreProblems : 0;
  return { ok: false, message, problems, moreProblems };
}

/**
 * A JSON Pointer into the plan as a reader says it: `/interventions/0/funding/1/amount` →
 * "interventions › 1 › funding › 2 › amount" (entries counted from 1).
 */
export function describePath(pointer: string): string {
  if (pointer === '' || pointer === '/') return 'the whole file';
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : part))
    .join(' › ');
}
