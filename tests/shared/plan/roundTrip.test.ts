import { describe, expect, it } from 'vitest';
import { CARD_FIELDS, listCards, listLinks, readFacilitation, SCHEMA_VERSION } from '../../../shared/model/index.ts';
import {
  type ActionPlan,
  buildActionPlan,
  importActionPlan,
  type PlanPerson,
  validatePlan,
} from '../../../shared/plan/index.ts';
import { buildFullBoard } from './fullBoard.ts';

const OPTIONS = { workshopId: 'source-workshop-0001', productVersion: '9.9.9' };

/**
 * The plan without what may differ between two exports: when they ran, and the people's
 * contributions, which count the whole board (its notes and frames too, which no plan carries).
 */
function withoutExportTime(plan: ActionPlan) {
  const { exportedAt: _, ...provenance } = plan.provenance;
  const person = (p: PlanPerson) => ({ ...p, contributions: null });
  const workshop = {
    ...plan.workshop,
    participants: plan.workshop.participants.map((g) => ({ ...g, people: g.people.map(person) })),
    observers: plan.workshop.observers.map(person),
  };
  return { ...plan, workshop, provenance };
}

describe('an action plan round trip', () => {
  it('exports a full agreed board to a valid plan that imports to a board exporting the same plan', () => {
    const { doc } = buildFullBoard('agreed');
    const first = buildActionPlan(doc, { ...OPTIONS, now: Date.UTC(2026, 3, 1) });
    expect(validatePlan(first)).toEqual({ ok: true, plan: first });

    // Through text, as a file would travel.
    const imported = importActionPlan(JSON.stringify(first));
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const second = buildActionPlan(imported.doc, { ...OPTIONS, now: Date.UTC(2026, 4, 1) });

    expect(second.provenance.exportedAt).not.toBe(first.provenance.exportedAt);
    expect(withoutExportTime(second)).toEqual(withoutExportTime(first));
    expect(JSON.stringify(withoutExportTime(second))).toBe(JSON.stringify(withoutExportTime(first)));
  });

  it('brings back who agreed what in the walk-through, and when', () => {
    const { doc, ids } = buildFullBoard('agreed');
    const imported = importActionPlan(JSON.stringify(buildActionPlan(doc, OPTIONS)));
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    // The checks left unticked read the same as absent ones.
    expect(readFacilitation(imported.doc).validation[ids.intervention]).toEqual({
      ...readFacilitation(doc).validation[ids.intervention],
      checks: { targets: true, timeframe: true },
      checksLeft: ['context', 'actions', 'stakeholders', 'budget'],
    });
  });

  it('keeps card and link ids, positions, authors and times on the re-created board', () => {
    const { doc, ids } = buildFullBoard('agreed');
    const imported = importActionPlan(buildActionPlan(doc, OPTIONS));
    if (!imported.ok) throw new Error('import failed');
    const original = new Map(listCards(doc).map((c) => [c.id, c]));
    for (const card of listCards(imported.doc)) {
      const before = original.get(card.id);
      expect(before).toBeDefined();
      const { comments: _a, votes: _b, ...rest } = card;
      const { comments: _c, votes: _d, ...restBefore } = before as typeof card;
      expect(rest).toEqual(restBefore);
    }
    expect(
      listLinks(imported.doc)
        .map((l) => l.id)
        .sort(),
    ).toEqual(
      [
        ids.contributesObjective,
        ids.contributesIntervention,
        ids.implements,
        ids.interaction,
        ids.interactionBack,
      ].sort(),
    );
  });

  it('carries every intervention field, non-ASCII text intact, with its targets and implementing actors', () => {
    const { doc, ids } = buildFullBoard('agreed');
    const plan = buildActionPlan(doc, OPTIONS);
    const [intervention] = plan.interventions;
    const card = listCards(doc).find((c) => c.id === ids.intervention);
    if (!intervention || card?.kind !== 'intervention') throw new Error('no intervention');
    for (const name of Object.keys(CARD_FIELDS.intervention)) {
      expect(intervention).toHaveProperty(name, card.fields[name as keyof typeof card.fields]);
    }
    expect(intervention.title).toBe('Guichet unique pour les आप्रवासी');
    expect(intervention.targets).toMatchObject([{ id: ids.contributesIntervention, target: ids.target107 }]);
    expect(intervention.implementedBy).toMatchObject([
      { id: ids.implements, actor: ids.actor, role: 'funder', tasks: 'Financer les locaux; coordonner' },
    ]);
    expect(intervention.actors).toHaveLength(2);
  });

  it('leaves notes and frames on the board, out of the plan', () => {
    const { doc, ids } = buildFullBoard('agreed');
    const text = JSON.stringify(buildActionPlan(doc, { include: 'all' }));
    expect(text).not.toContain(ids.note);
    expect(text).not.toContain(ids.frame);
  });

  it('fills the workshop, participants by group, validation and provenance', () => {
    const { doc } = buildFullBoard('agreed');
    const plan = buildActionPlan(doc, { ...OPTIONS, now: Date.UTC(2026, 3, 1) });
    expect(plan.workshop).toMatchObject({
      level: 'national',
      startDate: '2026-03-03',
      endDate: '2026-03-05',
      periodStart: '2026-07-01',
      periodEnd: '2030-06-30',
      adoption: {
        body: 'Conseil régional — प्रदेश सभा',
        date: '2026-04-20',
        reference: 'Délibération n° 2026-118',
        note: 'Adopté à l’unanimité.',
        recordedBy: 'Amina Diallo',
      },
    });
    const people = plan.workshop.participants.map((g) => [g.label, g.count, g.people.map((p) => [p.name, p.role])]);
    expect(people).toEqual([
      ['National government', 1, [['Ministère du Travail', 'participant']]],
      ['Local or regional government', 1, [['José Núñez', 'participant']]],
      ['Civil society', 1, [['सीता श्रेष्ठ', 'participant']]],
      ['Migrant and diaspora associations', 1, [['Amina Diallo', 'facilitator']]],
    ]);
    // Sita is known from her items only: no times.
    expect(plan.workshop.participants[2]?.people[0]).toMatchObject({ firstJoined: '', minutesConnected: 0 });
    expect(plan.workshop.participants[0]?.people[0]).toMatchObject({ minutesConnected: 60 });
    expect(plan.workshop.observers).toMatchObject([
      { name: 'Radio Koshi', group: 'other', groupDetail: 'Radio communautaire', role: 'viewer', minutesConnected: 30 },
    ]);
    expect(plan.validation.status).toBe('adopted');
    expect(plan.validation.summary).toBe('Adopted');
    expect(plan.validation.counts).toEqual({ proposed: 0, discussed: 0, agreed: 10 });
    expect(plan.provenance).toEqual({
      exportedAt: '2026-04-01T00:00:00.000Z',
      product: { name: 'sdg-workshop-board', version: '9.9.9' },
      sourceWorkshopId: 'source-workshop-0001',
      boardSchemaVersion: SCHEMA_VERSION,
      include: 'agreed',
    });
  });
});
