// The door every client update passes before it is applied, on the shared board and on private
// boards alike: its effect is analysed soundly (updateScope.ts), the client ids it writes as must
// belong to the sender, and the role's rules judge what it touches. Only then is it applied, and
// it must then have integrated whole: anything Yjs kept pending would be applied later, unchecked.
import * as Y from 'yjs';
import type { RootEntry } from '../../shared/model/index.ts';
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import type { ClientOwners } from '../auth/clientOwners.ts';
import type { EditVerdict } from '../auth/editRules.ts';
import { type ReadUpdate, readUpdateSteps, type StructId } from '../auth/updateReader.ts';
import { analyseUpdateSteps, type DecodedUpdate, type Touch, type UpdateFault } from '../auth/updateScope.ts';

export type GateVerdict =
  | { ok: true }
  | {
      ok: false;
      reason: string;
      code: number;
      detail: string;
      /** For an update that arrived early: when it may integrate (the client's state past the clock). */
      waitsFor?: StructId;
    };

export interface GateOptions {
  roots: ReadonlyMap<string, RootEntry>;
  /** The person the update comes from. */
  person: string;
  /** Who owns which client id; null where only one person ever writes (a private board). */
  owners: ClientOwners | null;
  /** Times each synchronous step of the analysis (the caller's metrics). */
  timeWork?: <T>(step: () => T) => T;
  /** Between steps of a large update's analysis: where the event loop may turn. */
  pause?: () => Promise<void> | undefined;
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
  const analysis = await stepped(analyseUpdateSteps(doc, decoded, { roots: options.roots }), options);
  if (!analysis.ok) {
    return {
      ok: false,
      reason: analysis.reason,
      code: FAULT_CODES[analysis.reason],
      detail: analysis.detail,
      waitsFor: analysis.waitsFor,
    };
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
 * Runs a stepped computation, each step timed, pausing between steps: a large update is read
 * and judged in slices, with the event loop free between them.
 */
async function stepped<T>(steps: Generator<void, T>, options: Pick<GateOptions, 'timeWork' | 'pause'>): Promise<T> {
  const time = options.timeWork ?? (<R>(step: () => R) => step());
  for (;;) {
    const next = time(() => steps.next());
    if (next.done) return next.value;
    await options.pause?.();
  }
}

/** Reads an update in slices (see `stepped`); null when it is not a readable Yjs update. */
export async function readUpdateInSlices(
  update: Uint8Array,
  options: Pick<GateOptions, 'timeWork' | 'pause'>,
): Promise<ReadUpdate | null> {
  try {
    return await stepped(readUpdateSteps(update), options);
  } catch {
    return null;
  }
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
