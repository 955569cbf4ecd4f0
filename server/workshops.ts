// Creating workshops and answering who a token belongs to.
import * as Y from 'yjs';
import { migrateBoard } from '../shared/model/schema.ts';
import { updateMeta } from '../shared/model/workshopMeta.ts';
import type { Role } from './auth/roles.ts';
import { newWorkshopId, type RoleEpochs, roleOfToken, tokensFor } from './auth/tokens.ts';
import type { Storage, WorkshopRecord } from './storage/storage.ts';

export const MAX_TITLE_LENGTH = 200;

export class InputError extends Error {}

export function checkTitle(raw: unknown): string {
  if (typeof raw !== 'string') throw new InputError('title: expected a string');
  const title = raw.trim();
  if (title === '') throw new InputError('title: must not be empty');
  if (title.length > MAX_TITLE_LENGTH) throw new InputError(`title: at most ${MAX_TITLE_LENGTH} characters`);
  return title;
}

export interface CreatedWorkshop {
  record: WorkshopRecord;
  tokens: Record<Role, string>;
}

export async function createWorkshop(
  storage: Storage,
  secret: Buffer,
  title: string,
  now = Date.now(),
): Promise<CreatedWorkshop> {
  const epochs: RoleEpochs = { facilitator: 0, participant: 0, viewer: 0 };
  const record: WorkshopRecord = { id: newWorkshopId(), title, createdAt: now, epochs };
  const doc = new Y.Doc();
  migrateBoard(doc);
  updateMeta(doc, { title });
  await storage.createWorkshop(record, Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return { record, tokens: tokensFor(secret, record.id, epochs) };
}

export type Admission =
  | { ok: true; record: WorkshopRecord; role: Role }
  | { ok: false; status: 'not-found' | 'unauthorized' };

/** Checks a workshop id and token: the unknown workshop and the wrong token are told apart. */
export async function admit(storage: Storage, secret: Buffer, id: string, token: string | null): Promise<Admission> {
  const record = /^[A-Za-z0-9_-]{16,64}$/.test(id) ? await storage.getWorkshop(id) : undefined;
  if (!record) return { ok: false, status: 'not-found' };
  const role = token ? roleOfToken(secret, id, record.epochs, token) : null;
  if (!role) return { ok: false, status: 'unauthorized' };
  return { ok: true, record, role };
}

export function joinLinks(baseUrl: string, id: string, tokens: Record<Role, string>): Record<Role, string> {
  const link = (role: Role) => `${baseUrl}/w/${id}#token=${tokens[role]}`;
  return { facilitator: link('facilitator'), participant: link('participant'), viewer: link('viewer') };
}
