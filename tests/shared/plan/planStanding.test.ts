import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type Author,
  addCard,
  addComment,
  addLink,
  decideIntervention,
  markJoined,
  markLeft,
  migrateBoard,
  readFacilitation,
  recordAdoption,
  recordRevealedVotes,
  startVote,
  updateCard,
  updateMeta,
} from '../../../shared/model/index.ts';
import { buildActionPlan, importActionPlan, validatePlan } from '../../../shared/plan/index.ts';

const _FAC: Author = { id: 'fac-0000000000000000001', name: 'Fatima', group: 'government-national' };
const ANA: Author = { id: 'ana-0000000000000000001', name: 'Ana', group: 'civil-society' };
const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);

/** Three interventions on three targets, two interactions between the targets. */
function workshop() {
  const doc = new Y.Doc();
  migrateBoard(doc);
  const targets = ['10.7', '8.8', '4.4'].map((code) =>
    addCard(doc, { kind: 'target', x: 0, y: 0, author: ANA, fields: { code } }),
  );
  const interventions = ['Jobs desk', 'Skills recognition', 'Language classes'].map((title) =>
    addCard(doc, { kind: 'intervention', x: 0, y: 0, author: ANA, fields: { title } }),
  );
  interventions.forEach((id, i) => {
    addLink(doc, { kind: 'contributes', from: id, to: targets[i] as string, author: ANA });
  });
  const [t0, t1, t2] = targets as [string, string, string];
  addLink(doc, { kind: 'interaction', from: t0, to: t1, author: ANA, fields: { score: 2 } });
  addLink(doc, { kind: 'interaction', from: t1, to: t2, author: ANA, fields: { score: -1 } });
  return { doc, targets, interventions: interventions as [string, string, string] };
}

describe("the plan's standing", () => {
  it('is a draft that counts each decision, and validated once every intervention is decided and none is sent back', () => {
    const { doc, interventions, targets } = workshop();
    const [a, b, c] = interventions;
    expect(buildActionPlan(doc).validation.summary).toBe('Draft: 0 agreed, 0 sent back, 0 set aside, 3 not reviewed');
    decideIntervention(doc, a, { decision: 'agreed', by: 'Fatima' }, undefined, T0);
    decideIntervention(doc, b, { decision: 'agreed', by: 'Fatima' }, undefined, T0);
    decideIntervention(doc, c, { decision: 'sent-back', by: 'Fatima', comment: 'Who pays?' }, undefined, T0);

    const draft = buildActionPlan(doc);
    expect(draft.validation.status).toBe('draft');
    expect(draft.validation.summary).toBe('Draft: 2 agreed, 1 sent back, 0 set aside, 0 not reviewed');
    // Nothing was agreed by hand: the targets and the interactions between them follow the interventions.
    expect(draft.interventions.map((i) => i.id)).toEqual([a, b]);
    expect(draft.targets.map((t) => t.id).sort()).toEqual([targets[0], targets[1]].sort());
    expect(draft.interactions).toHaveLength(1);
    expect(draft.validation.outside).toEqual([
      expect.objectContaining({
        id: c,
        decision: 'sent-back',
        walkThrough: expect.objectContaining({ comment: 'Who pays?' }),
      }),
    ]);
    expect(validatePlan(draft).ok).toBe(true);

    decideIntervention(doc, c, { decision: 'set-aside', by: 'Fatima' }, undefined, T0);
    const validated = buildActionPlan(doc);
    expect(validated.validation.status).toBe('validated');
    expect(validated.validation.summary).toBe('Validated');
    expect(validated.validation.decisions).toEqual({ agreed: 2, sentBack: 0, setAside: 1, notReviewed: 0 });
  });

  it('is adopted once validated and a facilitator records the adoption, which every plan carries', () => {
    const { doc, interventions } = workshop();
    recordAdoption(
      doc,
      {
        body: 'Koshi Provincial Assembly',
        date: '2027-01-15',
        reference: 'Decision 12/2083',
        note: '',
        recordedBy: 'Fatima',
      },
      undefined,
      T0,
    );
    // Adoption of a draft is recorded but the plan still says what it is.
    expect(buildActionPlan(doc).validation.status).toBe('draft');
    for (const id of interventions) decideIntervention(doc, id, { decision: 'agreed', by: 'Fatima' });
    const plan = buildActionPlan(doc);
    expect(plan.validation.summary).toBe('Adopted');
    expect(plan.workshop.adoption).toEqual({
      body: 'Koshi Provincial Assembly',
      date: '2027-01-15',
      reference: 'Decision 12/2083',
      note: '',
      recordedBy: 'Fatima',
      recordedAt: new Date(T0).toISOString(),
    });
  });

  it('records which checks were left when an item is agreed, and refuses to send one back without a comment', () => {
    const { doc, interventions } = workshop();
    const [a] = interventions;
    expect(() => decideIntervention(doc, a, { decision: 'sent-back', by: 'Fatima', comment: '  ' })).toThrow(/comment/);
    expect(readFacilitation(doc).validation[a]).toBeUndefined();
    decideIntervention(doc, a, { decision: 'agreed', by: 'Fatima' });
    const item = buildActionPlan(doc).validation.items.find((v) => v.id === a);
    expect(item?.walkThrough?.checks).toEqual([]);
    expect(item?.walkThrough?.checksLeft).toEqual([
      'targets',
      'context',
      'actions',
      'timeframe',
      'stakeholders',
      'budget',
    ]);
  });

  it('reads an agreed item reopened by hand as not reviewed, and a sent-back item agreed later as agreed', () => {
    const { doc, interventions } = workshop();
    const [a, b] = interventions;
    decideIntervention(doc, a, { decision: 'agreed', by: 'Fatima' });
    updateCard(doc, a, { status: 'discussed' });
    decideIntervention(doc, b, { decision: 'sent-back', by: 'Fatima', comment: 'Budget?' });
    decideIntervention(doc, b, { decision: 'agreed', by: 'Fatima' });
    expect(buildActionPlan(doc).validation.decisions).toEqual({ agreed: 1, sentBack: 0, setAside: 0, notReviewed: 2 });
  });
});

describe("the plan's participants", () => {
  it('are the attendance by group with contributions, viewers apart as observers, people who left included', () => {
    const { doc, interventions } = workshop();
    const quiet = {
      personId: 'quiet-00000000000000001',
      name: 'Ministry of Labour',
      group: 'government-national',
      role: 'participant' as const,
    };
    const viewer = { personId: 'view-000000000000000001', name: 'Observer', group: 'media', role: 'viewer' as const };
    const other = {
      personId: 'coop-000000000000000001',
      name: 'Ram',
      group: 'other',
      groupDetail: 'Farmers’ cooperative',
      role: 'participant' as const,
    };
    markJoined(doc, { ...ANA, personId: ANA.id, role: 'participant' }, T0);
    markJoined(doc, quiet, T0 + 60_000);
    markJoined(doc, viewer, T0 + 120_000);
    markJoined(doc, other, T0 + 180_000);
    markLeft(doc, quiet.personId, T0 + 31 * 60_000);
    addComment(doc, { type: 'card', id: interventions[0] }, { author: ANA, text: 'Good' });
    startVote(doc, { id: 'v1', title: 'Priorities', items: [{ type: 'card', id: interventions[0] }], perPerson: 3 });
    const vote = readFacilitation(doc).vote;
    if (!vote) throw new Error('no vote');
    recordRevealedVotes(doc, vote, [{ voterId: ANA.id, counts: new Map([[interventions[0], 2]]) }]);
    updateMeta(doc, { title: 'Koshi plan' });

    const plan = buildActionPlan(doc, { now: T0 + 60 * 60_000 });
    const groups = plan.workshop.participants.map((g) => [g.group, g.people.map((p) => p.name)]);
    expect(groups).toEqual([
      ['government-national', ['Ministry of Labour']],
      ['civil-society', ['Ana']],
      ['other', ['Ram']],
    ]);
    const ministry = plan.workshop.participants[0]?.people[0];
    expect(ministry).toMatchObject({
      role: 'participant',
      firstJoined: new Date(T0 + 60_000).toISOString(),
      lastSeen: new Date(T0 + 31 * 60_000).toISOString(),
      minutesConnected: 30,
      contributions: { cards: 0, links: 0, comments: 0, dots: 0 },
    });
    expect(plan.workshop.participants[1]?.people[0]?.contributions).toEqual({
      cards: 6,
      links: 5,
      comments: 1,
      dots: 2,
    });
    expect(plan.workshop.participants[2]?.people[0]?.groupDetail).toBe('Farmers’ cooperative');
    expect(plan.workshop.observers.map((o) => [o.name, o.role])).toEqual([['Observer', 'viewer']]);
    expect(validatePlan(plan).ok).toBe(true);

    // Export → import → export keeps the people, their group and their time.
    const imported = importActionPlan(JSON.parse(JSON.stringify(plan)));
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const again = buildActionPlan(imported.doc, { now: T0 + 90 * 60_000 });
    expect(
      again.workshop.participants.map((g) => [g.group, g.people.map((p) => [p.name, p.minutesConnected])]),
    ).toEqual(plan.workshop.participants.map((g) => [g.group, g.people.map((p) => [p.name, p.minutesConnected])]));
    expect(again.workshop.observers.map((o) => o.name)).toEqual(['Observer']);
  });
});

describe('workshop details', () => {
  it('are in the plan and survive export → import, with the provincial level and the plan period', () => {
    const { doc } = workshop();
    updateMeta(doc, {
      title: 'Koshi Migration-SDG plan',
      level: 'provincial-or-regional',
      territory: 'Koshi Province',
      startDate: '2026-12-07',
      endDate: '2026-12-08',
      periodStart: '2027-01-01',
      periodEnd: '2030-12-31',
    });
    const plan = buildActionPlan(doc);
    expect(plan.workshop).toMatchObject({
      title: 'Koshi Migration-SDG plan',
      level: 'provincial-or-regional',
      territory: 'Koshi Province',
      periodStart: '2027-01-01',
      periodEnd: '2030-12-31',
    });
    const imported = importActionPlan(JSON.parse(JSON.stringify(plan)));
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const again = buildActionPlan(imported.doc);
    const { participants: _a, observers: _b, ...details } = plan.workshop;
    expect(again.workshop).toMatchObject(details);
  });

  it('refuses an end before its start, a date that is no date, and an unknown level, and changes nothing', () => {
    const { doc } = workshop();
    expect(() => updateMeta(doc, { periodStart: '2030-01-01', periodEnd: '2027-01-01' })).toThrow(/periodEnd/);
    expect(() => updateMeta(doc, { startDate: '2026-02-30' })).toThrow(/startDate/);
    expect(() => updateMeta(doc, { level: 'planetary' as never })).toThrow(/level/);
    expect(buildActionPlan(doc).workshop).toMatchObject({
      periodStart: '',
      periodEnd: '',
      startDate: '',
      level: 'local',
    });
  });
});
