// The door every client update passes before it is applied, on the shared board and on private
// boards alike: its effect is analysed soundly (updateScope.ts), the client ids it writes as must
// belong to the sender, and the role's rules judge what it touches. Only then is it applied, and
// it must then have integrated whole: anything Yjs kept pending would be applied later, unchecked.
import * as Y from 'yjs';
import type { RootEntry } from '../../shared/model/index.ts';
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import type { ClientOwners } from '../auth/clientOwners.ts';
import type { EditVerdict } from '../auth/editRules.ts';
import { analyseUpdate, type DecodedUpdate, type Touch, type UpdateFault } from '../auth/updateScope.ts';

export type GateVerdict = { ok: true } | { ok: false; reason: string; code: number; detail: string };

export interface GateOptions {
  roots: ReadonlyMap<string, RootEntry>;
  /** The person the update comes from. */
  person: string;
  /** Who owns which client id; null where only one person ever writes (a private board). */
  owners: ClientOwners | null;
  /** Times the analysis, a synchronous step (the caller's metrics). */
  timeWork?: <T>(step: () => T) => T;
  /** The role's rules on what the update touches; null when the role may change anything. */
  rules: ((touches: readonly Touch[]) => EditVerdict | Promise<EditVerdict>) | null;
}

/** Gaps and undecodable structure are protocol errors; the rest is content the board refuses. */
const FAULT_CODES: Record<UpdateFault, number> = {
  gap: CLOSE.malformed,
  malformed: CLOSE.malformed,
  shape: CLOSE.conflict,
  'unknown-root': CLOSE.conflict,
  'too-deep': CLOSE.conflict,
};

export async function gateUpdate(doc: Y.Doc, decoded: DecodedUpdate, options: GateOptions): Promise<GateVerdict> {
  const analyse = () => analyseUpdate(doc, decoded, { roots: options.roots });
  const analysis = options.timeWork ? options.timeWork(analyse) : analyse();
  if (!analysis.ok) {
    return { ok: false, reason: analysis.reason, code: FAULT_CODES[analysis.reason], detail: analysis.detail };
  }
  if (options.owners && analysis.writers.length > 0) {
    const owned = await options.owners.check(options.person, analysis.writers);
    if (!owned.ok) return { ok: false, reason: owned.reason, code: CLOSE.conflict, detail: owned.reason };
  }
  if (options.rules) {
    const verdict = await options.rules(analysis.touches);
    if (!verdict.ok) return { ok: false, reason: verdict.reason, code: CLOSE.conflict, detail: verdict.reason };
  }
  return { ok: true };
}

/**
 * Applies an update the gate let through. Returns false, after dropping them, when Yjs kept
 * structs or deletions pending (the gate should make that impossible: it is counted and logged).
 */
export function applyGated(doc: Y.Doc, update: Uint8Array, origin: unknown): boolean {
  Y.applyUpdate(doc, update, origin);
  return dropPending(doc);
}

/** Drops whatever Yjs holds pending in `doc`; true when there was nothing. */
export function dropPending(doc: Y.Doc): boolean {
  const store = doc.store;
  if (store.pendingStructs === null && store.pendingDs === null) return true;
  store.pendingStructs = null;
  store.pendingDs = null;
  return false;
}
