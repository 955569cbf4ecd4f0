// Re-creates a board from a plan, so that the plan stays a living document. The plan is checked
// whole first (nothing is built from an invalid one), then every card and link is added through
// the model with its own id, author, status, times and position: exporting the new board gives
// the same plan back.
import * as Y from 'yjs';
import {
  addCard,
  addLink,
  CARD_FIELDS,
  type CardFields,
  type CardKind,
  LINK_FIELDS,
  type LinkFields,
  type LinkKind,
  migrateBoard,
  recordAdoption,
  recordValidation,
  restoreAttendance,
  updateCard,
  updateLink,
  updateMeta,
} from '../model/index.ts';
import { fieldsOf } from './planFields.ts';
import { layoutPlan } from './planLayout.ts';
import type { ActionPlan, PlanPosition, PlanProblem, PlanRecord } from './planTypes.ts';
import { parsePlanText, validatePlan } from './validatePlan.ts';

/** Origin of the changes an import makes (an undo manager never tracks it). */
export const IMPORT_ORIGIN = Symbol('plan-import');

export type PlanImport = { ok: true; doc: Y.Doc; plan: ActionPlan } | { ok: false; problems: PlanProblem[] };

function addPlanCard(doc: Y.Doc, kind: CardKind, entry: PlanRecord, position: PlanPosition): void {
  const created = Date.parse(entry.createdAt);
  addCard(
    doc,
    {
      id: entry.id,
      kind,
      ...position,
      status: entry.status,
      author: entry.author,
      fields: fieldsOf(CARD_FIELDS[kind], entry) as Partial<CardFields<CardKind>>,
    },
    IMPORT_ORIGIN,
    created,
  );
  // addCard stamps both times with `created`; an empty patch moves `updatedAt` alone.
  const updated = Date.parse(entry.updatedAt);
  if (updated !== created) updateCard(doc, entry.id, {}, IMPORT_ORIGIN, updated);
}

function addPlanLink(doc: Y.Doc, kind: LinkKind, entry: PlanRecord, from: string, to: string): void {
  const created = Date.parse(entry.createdAt);
  addLink(
    doc,
    {
      id: entry.id,
      kind,
      from,
      to,
      status: entry.status,
      author: entry.author,
      fields: fieldsOf(LINK_FIELDS[kind], entry) as Partial<LinkFields<LinkKind>>,
    },
    IMPORT_ORIGIN,
    created,
  );
  const updated = Date.parse(entry.updatedAt);
  if (updated !== created) updateLink(doc, entry.id, {}, IMPORT_ORIGIN, updated);
}

/** Builds a new board from a valid plan; the caller owns (and destroys) the returned doc. */
export function boardFromPlan(plan: ActionPlan): Y.Doc {
  const doc = new Y.Doc();
  const positions = layoutPlan(plan);
  const at = (id: string) => positions.get(id) as PlanPosition;
  doc.transact(() => {
    migrateBoard(doc, IMPORT_ORIGIN);
    const { title, level, territory, startDate, endDate, periodStart, periodEnd, adoption } = plan.workshop;
    updateMeta(doc, { title, level, territory, startDate, endDate, periodStart, periodEnd }, IMPORT_ORIGIN);
    if (adoption) {
      const { recordedAt, ...record } = adoption;
      recordAdoption(doc, record, IMPORT_ORIGIN, Date.parse(recordedAt));
    }
    // Who took part stays with the plan: people with a person id come back as attendance records.
    const people = [...plan.workshop.participants.flatMap((g) => g.people), ...plan.workshop.observers];
    restoreAttendance(
      doc,
      people
        .filter((p) => p.id !== '' && p.firstJoined !== '')
        .map((p) => ({
          personId: p.id,
          name: p.name,
          group: p.group,
          groupDetail: p.groupDetail,
          role: p.role,
          firstJoined: Date.parse(p.firstJoined),
          lastSeen: p.lastSeen === '' ? Date.parse(p.firstJoined) : Date.parse(p.lastSeen),
          secondsConnected: p.minutesConnected * 60,
          connectedSince: null,
        })),
      IMPORT_ORIGIN,
    );
    // Cards first: a link's two cards must exist when it is added.
    for (const o of plan.objectives) addPlanCard(doc, 'objective', o, at(o.id));
    for (const t of plan.targets) addPlanCard(doc, 'target', t, at(t.id));
    for (const i of plan.interventions) addPlanCard(doc, 'intervention', i, at(i.id));
    for (const a of plan.actors) addPlanCard(doc, 'actor', a, at(a.id));
    for (const owner of [...plan.objectives, ...plan.interventions]) {
      for (const c of owner.targets) addPlanLink(doc, 'contributes', c, owner.id, c.target);
    }
    for (const i of plan.interventions) {
      for (const m of i.implementedBy) addPlanLink(doc, 'implements', m, m.actor, i.id);
    }
    for (const x of plan.interactions) addPlanLink(doc, 'interaction', x, x.from, x.to);
    // Who agreed what, and when, stays with the plan: the walk-through's records come back.
    for (const item of plan.validation.items) {
      const walked = item.walkThrough;
      if (item.kind !== 'intervention' || !walked) continue;
      recordValidation(
        doc,
        item.id,
        {
          checks: Object.fromEntries(walked.checks.map((c) => [c, true])),
          decision: walked.decision,
          by: walked.by,
          at: Date.parse(walked.at),
          comment: walked.comment,
          checksLeft: walked.checksLeft,
        },
        IMPORT_ORIGIN,
      );
    }
  }, IMPORT_ORIGIN);
  return doc;
}

/**
 * Checks a plan (the parsed JSON, or the file's text) and builds a board from it. An invalid
 * plan yields every problem found and no board.
 */
export function importActionPlan(json: unknown): PlanImport {
  const check = typeof json === 'string' ? parsePlanText(json) : validatePlan(json);
  if (!check.ok) return check;
  return { ok: true, doc: boardFromPlan(check.plan), plan: check.plan };
}
