// The plan follows the mapping on every board, not on a few examples: seeded random boards of
// targets, objectives, interventions, actors and links of every kind and status, with random
// walk-through decisions; on each, the default plan must hold exactly what the rule says
// (docs/document-model.md, "Decisions, the plan's scope and its standing"), and be valid.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type Author,
  addCard,
  addLink,
  type CardKind,
  type CardStatus,
  checkLinkEnds,
  decideIntervention,
  LINK_ENDS,
  type LinkKind,
  listCards,
  listLinks,
  migrateBoard,
} from '../../../shared/model/index.ts';
import { buildActionPlan, validatePlan } from '../../../shared/plan/index.ts';

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ME: Author = { id: 'author-prop', name: 'Ana', group: 'academia' };
const STATUSES: CardStatus[] = ['proposed', 'discussed', 'agreed'];
const CODES = ['1.1', '4.4', '8.8', '10.7', '10.c', '17.18', '99.9'];
const KINDS: CardKind[] = ['target', 'objective', 'intervention', 'actor', 'note'];

function randomBoard(seed: number): Y.Doc {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const doc = new Y.Doc();
  migrateBoard(doc);
  const count = 4 + Math.floor(next() * 14);
  for (let i = 0; i < count; i++) {
    const kind = pick(KINDS);
    addCard(doc, {
      kind,
      x: i * 10,
      y: 0,
      author: ME,
      status: pick(STATUSES),
      ...(kind === 'target' ? { fields: { code: pick(CODES) } } : {}),
    });
  }
  const ids = listCards(doc).map((c) => c.id);
  const tries = Math.floor(next() * 30);
  for (let i = 0; i < tries; i++) {
    const kind = pick(Object.keys(LINK_ENDS) as LinkKind[]);
    const from = pick(ids);
    const to = pick(ids);
    if (checkLinkEnds(doc, kind, from, to) !== null) continue;
    addLink(doc, { kind, from, to, author: ME, status: pick(STATUSES) });
  }
  // Walk-through decisions on some interventions (agreeing sets the status too).
  for (const card of listCards(doc)) {
    if (card.kind !== 'intervention' || next() < 0.5) continue;
    const decision = pick(['agreed', 'sent-back', 'set-aside'] as const);
    decideIntervention(doc, card.id, { decision, by: 'Fatima', comment: 'Because' });
  }
  return doc;
}

describe('the agreed plan follows the mapping', () => {
  it('holds exactly the agreed items, what agreed interventions and objectives stand on, and the links between them, on 400 random boards', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const doc = randomBoard(seed);
      const plan = buildActionPlan(doc, { now: 0 });
      const where = `seed ${seed}`;
      const cards = new Map(listCards(doc).map((c) => [c.id, c]));
      const known = (id: string) => {
        const card = cards.get(id);
        return card !== undefined && (card.kind !== 'target' || card.fields.code !== '99.9') && card.kind !== 'note';
      };
      const agreed = (id: string) => known(id) && cards.get(id)?.status === 'agreed';
      const inPlan = new Set([
        ...plan.objectives.map((o) => o.id),
        ...plan.targets.map((t) => t.id),
        ...plan.interventions.map((i) => i.id),
        ...plan.actors.map((a) => a.id),
      ]);
      // Every agreed card the plan can hold is in it; an intervention only when agreed.
      for (const id of cards.keys()) if (agreed(id)) expect(inPlan.has(id), where).toBe(true);
      for (const i of plan.interventions) expect(i.status, where).toBe('agreed');
      // What agreed interventions and objectives stand on is in the plan, with the link.
      const planLinks = new Set([
        ...plan.objectives.flatMap((o) => o.targets.map((c) => c.id)),
        ...plan.interventions.flatMap((i) => [...i.targets, ...i.implementedBy].map((c) => c.id)),
        ...plan.interactions.map((x) => x.id),
      ]);
      for (const link of listLinks(doc)) {
        if (!known(link.from) || !known(link.to)) {
          expect(planLinks.has(link.id), where).toBe(false);
          continue;
        }
        const standsOn =
          (link.kind === 'contributes' && agreed(link.from)) || (link.kind === 'implements' && agreed(link.to));
        if (standsOn) {
          expect(planLinks.has(link.id), `${where}: ${link.kind} ${link.id}`).toBe(true);
          expect(inPlan.has(link.from) && inPlan.has(link.to), where).toBe(true);
        }
        // A link is in the plan exactly when both its cards are.
        expect(planLinks.has(link.id), `${where}: ${link.id}`).toBe(inPlan.has(link.from) && inPlan.has(link.to));
      }
      // Nothing else: a card in the plan that is not agreed is there for what stands on it.
      const links = listLinks(doc).filter((l) => known(l.from) && known(l.to));
      for (const id of inPlan) {
        if (agreed(id)) continue;
        const card = cards.get(id);
        const why =
          card?.kind === 'target'
            ? links.some((l) => l.kind === 'contributes' && l.to === id && agreed(l.from))
            : card?.kind === 'actor'
              ? links.some((l) => l.kind === 'implements' && l.from === id && agreed(l.to))
              : card?.kind === 'objective'
                ? // Targets are checked for their own reason above; an objective comes with one it addresses.
                  links.some((l) => l.kind === 'contributes' && l.from === id && inPlan.has(l.to))
                : false;
        expect(why, `${where}: ${card?.kind} ${id} is in the plan for nothing`).toBe(true);
      }
      // The objectives that address a target of the plan are in it.
      for (const l of links) {
        if (l.kind === 'contributes' && cards.get(l.from)?.kind === 'objective' && inPlan.has(l.to)) {
          expect(inPlan.has(l.from), `${where}: objective ${l.from}`).toBe(true);
        }
      }
      // The standing counts every intervention of the board once.
      const interventions = [...cards.values()].filter((c) => c.kind === 'intervention').length;
      const d = plan.validation.decisions;
      expect(d.agreed + d.sentBack + d.setAside + d.notReviewed, where).toBe(interventions);
      expect(plan.validation.summary === 'Validated', where).toBe(
        d.agreed > 0 && d.sentBack === 0 && d.notReviewed === 0,
      );
      expect(plan.interventions.length + plan.validation.outside.length, where).toBe(interventions);
      expect(validatePlan(JSON.parse(JSON.stringify(plan))).ok, where).toBe(true);
      doc.destroy();
    }
  });
});
