// What a connection may do with one decoded message: a pure decision, tested case by case.
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import type { AwarenessEntry, ClientMessage } from '../../shared/protocol/messages.ts';
import { canEdit, type Role } from './roles.ts';
import { type DecodedUpdate, decodeUpdate } from './updateScope.ts';

export const MAX_AWARENESS_BYTES = 16 * 1024;

export type Decision =
  | { action: 'apply' }
  /** Silently ignored: normal traffic that carries nothing to apply (a viewer's empty step 2). */
  | { action: 'ignore' }
  /** Dropped and counted, the connection stays open. */
  | { action: 'drop'; reason: string }
  /** The connection is closed. */
  | { action: 'close'; code: number; reason: string };

/** True when an update carries no structs and no deletions (what an up-to-date client sends). */
export function isEmptyUpdate(update: DecodedUpdate): boolean {
  return update.sections.every((s) => s.structs.length === 0) && update.ds.size === 0;
}

/**
 * What to do with a message. A caller that has decoded the message's update already
 * (`decodeUpdate`, null when malformed) passes it, so that the update is not decoded again.
 */
export function decide(role: Role, message: ClientMessage, decoded?: DecodedUpdate | null): Decision {
  switch (message.type) {
    case 'sync-step1':
    case 'query-awareness':
      return { action: 'apply' };
    case 'sync-step2':
    case 'sync-update': {
      const update = decoded === undefined ? decodeUpdate(message.update) : decoded;
      if (update === null) return { action: 'close', code: CLOSE.malformed, reason: 'malformed update' };
      const empty = isEmptyUpdate(update);
      if (canEdit(role)) return empty ? { action: 'ignore' } : { action: 'apply' };
      return empty ? { action: 'ignore' } : { action: 'drop', reason: 'viewer-edit' };
    }
    case 'awareness':
      return message.update.length > MAX_AWARENESS_BYTES
        ? { action: 'drop', reason: 'awareness-too-large' }
        : { action: 'apply' };
  }
}

export interface AwarenessFilter {
  /** The entries this connection may set: only its own client id's. */
  keep: AwarenessEntry[];
  /** The client id to bind the connection to, on its first awareness message. */
  bind: number | null;
}

/**
 * A connection speaks for exactly one awareness client id: the one in its first single-entry
 * message, unless another connection already owns it. Entries for other ids are left out: the
 * stock provider echoes others' states back, which is harmless but must not be applied.
 */
export function filterAwareness(
  boundId: number | null,
  entries: readonly AwarenessEntry[],
  ownedElsewhere: (clientId: number) => boolean,
): AwarenessFilter {
  let own = boundId;
  let bind: number | null = null;
  if (own === null && entries.length === 1) {
    const candidate = (entries[0] as AwarenessEntry).clientId;
    if (!ownedElsewhere(candidate)) {
      own = candidate;
      bind = candidate;
    }
  }
  return { keep: own === null ? [] : entries.filter((e) => e.clientId === own), bind };
}
