// The facilitator's controls, shared through the board: phase, countdown timer, dot votes,
// "bring everyone here", spotlight and the validation walk-through. The controls live in the
// workshop metadata, each a plain value replaced whole; the walk-through's records live in their
// own root, one entry per intervention, so that two facilitators deciding different interventions
// at once both keep their record. Only a facilitator may change either (the server enforces it).
// Each person's dots sit
// on their private ballot (ballots.ts) until the reveal, which writes them onto the items, keyed
// by vote and voter (or as one total per item for an anonymous vote), and closes the vote.
import * as Y from 'yjs';
import type { ItemRef } from './itemOps.ts';
import { cardsMap, K, linksMap, metaMap, validationMap } from './layout.ts';

export const PHASES = ['brainstorm', 'map', 'score', 'validate'] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_LABELS: Record<Phase, string> = {
  brainstorm: 'Brainstorm',
  map: 'Map',
  score: 'Score interactions',
  validate: 'Validate',
};

export interface TimerState {
  durationMs: number;
  /** When it ends (ms since epoch) while running; null when paused or not started. */
  endsAt: number | null;
  /** What is left while paused. */
  remainingMs: number;
}

export interface VoteSession {
  id: string;
  title: string;
  items: ItemRef[];
  perPerson: number;
  open: boolean;
  revealed: boolean;
  /** Results show totals only: the board never records who put which dot where. */
  anonymous?: boolean;
}

/** A view of the board that any screen size can show: the board point at its centre and the zoom. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface Summon {
  viewport: Viewport;
  by: string;
  at: number;
}

export interface Spotlight {
  item: ItemRef;
  at: number;
}

export const VALIDATION_CHECKS = ['targets', 'context', 'actions', 'timeframe', 'stakeholders', 'budget'] as const;
export type ValidationCheck = (typeof VALIDATION_CHECKS)[number];
export const VALIDATION_CHECK_LABELS: Record<ValidationCheck, string> = {
  targets: 'It relates to the targets it claims',
  context: 'It fits the local or national context',
  actions: 'Its actions are reviewed',
  timeframe: 'Its timeframe is reviewed',
  stakeholders: 'Its stakeholders are reviewed',
  budget: 'Its budget is reviewed',
};

/**
 * What the walk-through decides on an intervention: agree it (it enters the plan, locked), send it
 * back (with a comment saying why; it is decided again later) or set it aside (not in this plan).
 */
export const VALIDATION_DECISIONS = ['agreed', 'sent-back', 'set-aside'] as const;
export type ValidationDecision = (typeof VALIDATION_DECISIONS)[number];
export const VALIDATION_DECISION_LABELS: Record<ValidationDecision, string> = {
  agreed: 'Agreed',
  'sent-back': 'Sent back',
  'set-aside': 'Set aside',
};

export interface ValidationRecord {
  checks: Partial<Record<ValidationCheck, boolean>>;
  decision: ValidationDecision | null;
  by: string;
  at: number;
  comment: string;
  /** The checks left unticked when the decision was made (an agreement confirmed without them). */
  checksLeft?: ValidationCheck[];
}

/** Where an intervention stands in the walk-through. */
export type InterventionDecision = ValidationDecision | 'not-reviewed';

/**
 * The decision an intervention stands under. Agreement is its status (what the lock and the plan
 * read), whether the walk-through or a facilitator set it; a walk-through record of "sent back" or
 * "set aside" holds until the intervention is decided again. A record of "agreed" on an item that
 * is no longer agreed (a facilitator reopened it) reads as not reviewed.
 */
export function interventionDecision(status: string, record: ValidationRecord | undefined): InterventionDecision {
  if (status === 'agreed') return 'agreed';
  const decision = record?.decision;
  return decision === 'sent-back' || decision === 'set-aside' ? decision : 'not-reviewed';
}

export interface Facilitation {
  phase: Phase;
  timer: TimerState | null;
  vote: VoteSession | null;
  summon: Summon | null;
  spotlight: Spotlight | null;
  /** The intervention the walk-through is on. */
  walkItem: string | null;
  /** The walk-through's records by intervention id, read from their own root (`readValidation`). */
  validation: Record<string, ValidationRecord>;
  /** While on, participants' new notes go to their private board until the facilitator reveals them. */
  privateMode: boolean;
}

const KEYS = {
  phase: 'phase',
  timer: 'timer',
  vote: 'vote',
  summon: 'summon',
  spotlight: 'spotlight',
  walkItem: 'walkItem',
  privateMode: 'privateMode',
} as const;

function plain<T>(value: unknown): T | null {
  return typeof value === 'object' && value !== null ? (value as T) : null;
}

export function readFacilitation(doc: Y.Doc): Facilitation {
  const meta = metaMap(doc);
  const phase = meta.get(KEYS.phase);
  return {
    phase: (PHASES as readonly unknown[]).includes(phase) ? (phase as Phase) : 'brainstorm',
    timer: plain<TimerState>(meta.get(KEYS.timer)),
    vote: plain<VoteSession>(meta.get(KEYS.vote)),
    summon: plain<Summon>(meta.get(KEYS.summon)),
    spotlight: plain<Spotlight>(meta.get(KEYS.spotlight)),
    walkItem: typeof meta.get(KEYS.walkItem) === 'string' ? (meta.get(KEYS.walkItem) as string) : null,
    validation: readValidation(doc),
    privateMode: meta.get(KEYS.privateMode) === true,
  };
}

function set(doc: Y.Doc, key: string, value: unknown, origin: unknown): void {
  doc.transact(() => metaMap(doc).set(key, value), origin);
}

export function setPhase(doc: Y.Doc, phase: Phase, origin?: unknown): void {
  if (!PHASES.includes(phase)) throw new Error(`phase: expected one of ${PHASES.join(', ')}`);
  set(doc, KEYS.phase, phase, origin);
}

/** What is left on the timer at `now` (0 when it has run out; null when there is no timer). */
export function timerRemainingMs(timer: TimerState | null, now: number): number | null {
  if (!timer) return null;
  if (timer.endsAt === null) return timer.remainingMs;
  return Math.max(0, timer.endsAt - now);
}

export function startTimer(doc: Y.Doc, durationMs: number, origin?: unknown, now = Date.now()): void {
  if (!Number.isFinite(durationMs) || durationMs <= 0) throw new Error('a timer needs a positive duration');
  set(doc, KEYS.timer, { durationMs, endsAt: now + durationMs, remainingMs: durationMs } satisfies TimerState, origin);
}

export function pauseTimer(doc: Y.Doc, origin?: unknown, now = Date.now()): void {
  const timer = readFacilitation(doc).timer;
  if (!timer || timer.endsAt === null) return;
  set(doc, KEYS.timer, { ...timer, endsAt: null, remainingMs: Math.max(0, timer.endsAt - now) }, origin);
}

export function resumeTimer(doc: Y.Doc, origin?: unknown, now = Date.now()): void {
  const timer = readFacilitation(doc).timer;
  if (!timer || timer.endsAt !== null) return;
  set(doc, KEYS.timer, { ...timer, endsAt: now + timer.remainingMs }, origin);
}

export function clearTimer(doc: Y.Doc, origin?: unknown): void {
  doc.transact(() => metaMap(doc).delete(KEYS.timer), origin);
}

/** Turns private brainstorming on or off (a board without the key reads as off). */
export function setPrivateMode(doc: Y.Doc, on: boolean, origin?: unknown): void {
  if (typeof on !== 'boolean') throw new Error('private mode: expected true or false');
  set(doc, KEYS.privateMode, on, origin);
}

export function summonEveryone(doc: Y.Doc, viewport: Viewport, by: string, origin?: unknown, now = Date.now()): void {
  set(doc, KEYS.summon, { viewport, by, at: now } satisfies Summon, origin);
}

export function spotlightItem(doc: Y.Doc, item: ItemRef | null, origin?: unknown, now = Date.now()): void {
  doc.transact(() => {
    if (item) metaMap(doc).set(KEYS.spotlight, { item, at: now } satisfies Spotlight);
    else metaMap(doc).delete(KEYS.spotlight);
  }, origin);
}

export function startVote(
  doc: Y.Doc,
  input: { id: string; title: string; items: ItemRef[]; perPerson: number; anonymous?: boolean },
  origin?: unknown,
): void {
  if (!Number.isInteger(input.perPerson) || input.perPerson < 1) throw new Error('votes per person: at least 1');
  if (input.items.length === 0) throw new Error('a vote needs at least one item');
  const vote: VoteSession = { ...input, anonymous: input.anonymous === true, open: true, revealed: false };
  set(doc, KEYS.vote, vote, origin);
}

function updateVote(doc: Y.Doc, patch: Partial<Pick<VoteSession, 'open' | 'revealed'>>, origin: unknown): void {
  const vote = readFacilitation(doc).vote;
  if (!vote) throw new Error('no vote has been started');
  set(doc, KEYS.vote, { ...vote, ...patch }, origin);
}

export const endVote = (doc: Y.Doc, origin?: unknown) => updateVote(doc, { open: false }, origin);
/** Reopens an ended vote; a revealed vote stays closed (its results are the record). */
export function reopenVote(doc: Y.Doc, origin?: unknown): void {
  if (readFacilitation(doc).vote?.revealed) throw new Error('a revealed vote cannot be reopened');
  updateVote(doc, { open: true }, origin);
}

/** The key under which a voter's votes of one session sit on an item. */
export function voteKey(voteId: string, voterId: string): string {
  return `${voteId}:${voterId}`;
}

export function parseVoteKey(key: string): { voteId: string; voterId: string } | null {
  const at = key.indexOf(':');
  return at > 0 ? { voteId: key.slice(0, at), voterId: key.slice(at + 1) } : null;
}

function itemMap(doc: Y.Doc, ref: ItemRef): Y.Map<unknown> | undefined {
  const item = (ref.type === 'card' ? cardsMap(doc) : linksMap(doc)).get(ref.id);
  return item instanceof Y.Map ? item : undefined;
}

/** Every vote of a session, by item and voter. */
export function votesOf(doc: Y.Doc, vote: VoteSession): Array<{ item: ItemRef; voterId: string; count: number }> {
  const out: Array<{ item: ItemRef; voterId: string; count: number }> = [];
  for (const ref of vote.items) {
    const votes = itemMap(doc, ref)?.get(K.votes);
    if (!(votes instanceof Y.Map)) continue;
    for (const [key, count] of votes.entries()) {
      const parsed = parseVoteKey(key);
      if (parsed?.voteId === vote.id && typeof count === 'number' && count > 0) {
        out.push({ item: ref, voterId: parsed.voterId, count });
      }
    }
  }
  return out;
}

/** The voter under which an anonymous vote's totals are recorded. */
export const ANONYMOUS_VOTER = '*';

export interface Ballot {
  voterId: string;
  /** Dots by item id. */
  counts: ReadonlyMap<string, number>;
}

/**
 * The reveal: writes every ballot onto the items of `vote` (one total per item when the vote is
 * anonymous, so that nobody's choice is recorded), ends the vote and marks it revealed, in one
 * transaction. A ballot over the budget (never accepted by the server) is left out whole; items
 * deleted since the vote started are skipped.
 */
export function recordRevealedVotes(doc: Y.Doc, vote: VoteSession, ballots: readonly Ballot[], origin?: unknown) {
  doc.transact(() => {
    const totals = new Map<string, number>();
    for (const ballot of ballots) {
      let used = 0;
      for (const count of ballot.counts.values()) used += count;
      if (used > vote.perPerson || ballot.voterId.includes(':') || ballot.voterId === ANONYMOUS_VOTER) continue;
      for (const ref of vote.items) {
        const count = ballot.counts.get(ref.id) ?? 0;
        if (!Number.isInteger(count) || count <= 0) continue;
        if (vote.anonymous) totals.set(ref.id, (totals.get(ref.id) ?? 0) + count);
        else writeVotes(doc, ref, voteKey(vote.id, ballot.voterId), count);
      }
    }
    for (const ref of vote.items) {
      const total = totals.get(ref.id);
      if (total) writeVotes(doc, ref, voteKey(vote.id, ANONYMOUS_VOTER), total);
    }
    set(doc, KEYS.vote, { ...vote, open: false, revealed: true } satisfies VoteSession, origin);
  }, origin);
}

function writeVotes(doc: Y.Doc, ref: ItemRef, key: string, count: number): void {
  const target = itemMap(doc, ref);
  if (!target) return;
  let votes = target.get(K.votes);
  if (!(votes instanceof Y.Map)) {
    votes = new Y.Map();
    target.set(K.votes, votes);
  }
  (votes as Y.Map<number>).set(key, count);
}

/**
 * The ranking of a session: items by total votes, highest first. A voter over the budget (only
 * possible from a board written by a server that did not check) has all their votes discarded.
 */
export function tallyVote(
  doc: Y.Doc,
  vote: VoteSession,
): { ranking: Array<{ item: ItemRef; votes: number }>; discardedVoters: string[] } {
  const all = votesOf(doc, vote);
  const perVoter = new Map<string, number>();
  for (const v of all) perVoter.set(v.voterId, (perVoter.get(v.voterId) ?? 0) + v.count);
  // An anonymous vote's totals are many people's dots at once: no budget applies to them.
  const discarded = [...perVoter]
    .filter(([voter, n]) => voter !== ANONYMOUS_VOTER && n > vote.perPerson)
    .map(([voter]) => voter);
  const totals = new Map<string, number>(vote.items.map((i) => [`${i.type}:${i.id}`, 0]));
  for (const v of all) {
    if (discarded.includes(v.voterId)) continue;
    const key = `${v.item.type}:${v.item.id}`;
    totals.set(key, (totals.get(key) ?? 0) + v.count);
  }
  const ranking = vote.items
    .map((item) => ({ item, votes: totals.get(`${item.type}:${item.id}`) ?? 0 }))
    .sort((a, b) => b.votes - a.votes);
  return { ranking, discardedVoters: discarded };
}

export function setWalkItem(doc: Y.Doc, interventionId: string | null, origin?: unknown): void {
  doc.transact(() => {
    if (interventionId) metaMap(doc).set(KEYS.walkItem, interventionId);
    else metaMap(doc).delete(KEYS.walkItem);
  }, origin);
}

/** The walk-through's records, by intervention id (an entry that is not a plain object is skipped). */
export function readValidation(doc: Y.Doc): Record<string, ValidationRecord> {
  const out: Record<string, ValidationRecord> = {};
  for (const [id, raw] of validationMap(doc).entries()) {
    const record = plain<ValidationRecord>(raw);
    if (record && !Array.isArray(record)) out[id] = record;
  }
  return out;
}

/** The walk-through's record of one intervention, if any. */
export function validationRecordOf(doc: Y.Doc, interventionId: string): ValidationRecord | undefined {
  const record = plain<ValidationRecord>(validationMap(doc).get(interventionId));
  return record && !Array.isArray(record) ? record : undefined;
}

/**
 * Writes the walk-through's record of one intervention, replacing only that entry: records of
 * other interventions written at the same time elsewhere are kept.
 */
export function recordValidation(doc: Y.Doc, interventionId: string, record: ValidationRecord, origin?: unknown): void {
  doc.transact(() => validationMap(doc).set(interventionId, record), origin);
}

/** The checks of a record not ticked, in checklist order. */
export function checksLeftOf(checks: ValidationRecord['checks']): ValidationCheck[] {
  return VALIDATION_CHECKS.filter((c) => checks[c] !== true);
}

export interface Decide {
  decision: ValidationDecision;
  /** The facilitator's display name. */
  by: string;
  /** Why; required to send an item back. */
  comment?: string;
}

/**
 * Records a walk-through decision and sets the intervention's status to match, in one
 * transaction: agreeing locks it; sending it back or setting it aside unlocks an agreed one. The
 * checks left unticked are recorded with the decision.
 */
export function decideIntervention(
  doc: Y.Doc,
  interventionId: string,
  input: Decide,
  origin?: unknown,
  now = Date.now(),
) {
  if (!(VALIDATION_DECISIONS as readonly string[]).includes(input.decision)) {
    throw new Error(`decision: expected one of ${VALIDATION_DECISIONS.join(', ')}`);
  }
  const comment = (input.comment ?? '').trim();
  if (input.decision === 'sent-back' && comment === '') throw new Error('sending an item back needs a comment');
  const card = cardsMap(doc).get(interventionId);
  if (!(card instanceof Y.Map) || card.get(K.kind) !== 'intervention')
    throw new Error(`no intervention ${interventionId}`);
  const previous = validationRecordOf(doc, interventionId);
  const checks = previous?.checks ?? {};
  doc.transact(() => {
    const status = card.get(K.status);
    if (input.decision === 'agreed') {
      if (status !== 'agreed') card.set(K.status, 'agreed');
    } else if (status === 'agreed') card.set(K.status, 'discussed');
    if (card.get(K.status) !== status) card.set(K.updatedAt, now);
    recordValidation(
      doc,
      interventionId,
      { checks, decision: input.decision, by: input.by, at: now, comment, checksLeft: checksLeftOf(checks) },
      origin,
    );
  }, origin);
}
