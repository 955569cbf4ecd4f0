// The server's HTTP API. Responses are untrusted until their shape is checked here.

export const ROLES = ['facilitator', 'participant', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface ShareLinks {
  facilitator: string;
  participant: string;
  viewer: string;
}

export interface CreatedWorkshop {
  id: string;
  title: string;
  links: ShareLinks;
}

export interface WorkshopSession {
  id: string;
  title: string;
  role: Role;
  links?: ShareLinks;
}

export type SessionResult =
  | { ok: true; session: WorkshopSession }
  | { ok: false; reason: 'unauthorized' | 'not-found' | 'unreachable' | 'failed'; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readLinks(value: unknown): ShareLinks | undefined {
  if (!isRecord(value)) return undefined;
  const { facilitator, participant, viewer } = value;
  if (typeof facilitator !== 'string' || typeof participant !== 'string' || typeof viewer !== 'string')
    return undefined;
  return { facilitator, participant, viewer };
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    if (isRecord(body) && typeof body.error === 'string') return body.error;
  } catch {
    // Not JSON: fall through to the status line.
  }
  return `The server answered ${response.status} ${response.statusText}`.trim();
}

export async function createWorkshop(title: string): Promise<CreatedWorkshop> {
  let response: Response;
  try {
    response = await fetch('/api/workshops', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title }),
    });
  } catch {
    throw new Error('Could not reach the server. Check your connection and try again.');
  }
  if (!response.ok) throw new Error(await errorMessage(response));
  const body: unknown = await response.json();
  const links = isRecord(body) ? readLinks(body.links) : undefined;
  if (!isRecord(body) || typeof body.id !== 'string' || typeof body.title !== 'string' || !links) {
    throw new Error('The server sent an unexpected answer.');
  }
  return { id: body.id, title: body.title, links };
}

export async function fetchSession(workshopId: string, token: string): Promise<SessionResult> {
  let response: Response;
  try {
    response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/session`, {
      headers: { Authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
  } catch {
    return { ok: false, reason: 'unreachable', message: 'Could not reach the server.' };
  }
  if (response.status === 401) return { ok: false, reason: 'unauthorized', message: await errorMessage(response) };
  if (response.status === 404) return { ok: false, reason: 'not-found', message: await errorMessage(response) };
  if (!response.ok) return { ok: false, reason: 'failed', message: await errorMessage(response) };
  const body: unknown = await response.json().catch(() => undefined);
  if (!isRecord(body) || typeof body.id !== 'string' || typeof body.title !== 'string') {
    return { ok: false, reason: 'failed', message: 'The server sent an unexpected answer.' };
  }
  const role = (ROLES as readonly unknown[]).includes(body.role) ? (body.role as Role) : undefined;
  if (!role) return { ok: false, reason: 'failed', message: 'The server sent an unexpected role.' };
  const links = readLinks(body.links);
  return { ok: true, session: { id: body.id, title: body.title, role, ...(links ? { links } : {}) } };
}

export const ROLE_LABELS: Record<Role, string> = {
  facilitator: 'Facilitator',
  participant: 'Participant',
  viewer: 'Viewer',
};
