// Who a request speaks for: a workshop id and token become the workshop and the token's role,
// or the HTTP error every route answers alike (404 for no such workshop, 401 for a wrong link).
import { admit } from '../workshops.ts';
import { HttpError } from './json.ts';
import type { RouteContext } from './routes.ts';

export async function admitted(ctx: Pick<RouteContext, 'storage' | 'secret'>, id: string, token: string | null) {
  const admission = await admit(ctx.storage, ctx.secret, id, token);
  if (!admission.ok) {
    throw admission.status === 'not-found'
      ? new HttpError(404, 'no such workshop')
      : new HttpError(401, 'this link is not valid for this workshop');
  }
  return admission;
}
