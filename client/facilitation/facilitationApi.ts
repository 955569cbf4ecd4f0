// The facilitator's HTTP calls: replacing a link, revealing private notes, revealing a vote. Answers are
// untrusted until their shape is checked here.
import { ROLES, type Role, type ShareLinks } from '../app/api.ts';

async function post(path: string, token: string, body: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new Error('Could not reach the server. Check your connection and try again.');
  }
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message =
      typeof answer === 'object' && answer !== null && typeof (answer as { error?: unknown }).error === 'string'
        ? (answer as { error: string }).error
        : `The server answered ${response.status}`;
    throw new Error(message);
  }
  return answer;
}

/** Replaces one role's link; the old one stops working at once. */
export async function rotateLink(workshopId: string, token: string, role: Role): Promise<ShareLinks> {
  const answer = await post(`/api/workshops/${encodeURIComponent(workshopId)}/rotate`, token, { role });
  const links = (answer as { links?: Record<string, unknown> } | null)?.links;
  if (!links || !ROLES.every((r) => typeof links[r] === 'string'))
    throw new Error('The server sent an unexpected answer.');
  return {
    facilitator: links.facilitator as string,
    participant: links.participant as string,
    viewer: links.viewer as string,
  };
}

/** Moves every private note onto the board (and ends private mode); resolves with how many. */
export async function revealPrivateNotes(
  workshopId: string,
  token: string,
  anonymous: boolean,
): Promise<{ moved: number; people: number }> {
  const answer = (await post(`/api/workshops/${encodeURIComponent(workshopId)}/reveal`, token, { anonymous })) as {
    moved?: unknown;
    people?: unknown;
  } | null;
  return {
    moved: typeof answer?.moved === 'number' ? answer.moved : 0,
    people: typeof answer?.people === 'number' ? answer.people : 0,
  };
}

/** Reveals the open vote's results (every ballot onto the board) and closes it. */
export async function revealVoteResults(workshopId: string, token: string): Promise<{ voters: number; dots: number }> {
  const answer = (await post(`/api/workshops/${encodeURIComponent(workshopId)}/vote/reveal`, token, {})) as {
    voters?: unknown;
    dots?: unknown;
  } | null;
  return {
    voters: typeof answer?.voters === 'number' ? answer.voters : 0,
    dots: typeof answer?.dots === 'number' ? answer.dots : 0,
  };
}

/** The token in a join link (after `#token=`), or null. */
export function tokenOfLink(link: string): string | null {
  const at = link.indexOf('#');
  if (at < 0) return null;
  return new URLSearchParams(link.slice(at + 1)).get('token');
}
