import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type Author,
  addCard,
  addLink,
  deleteCard,
  listLinks,
  migrateBoard,
  recordValidation,
  updateCard,
} from '../../../shared/model/index.ts';
import { buildActionPlan, validatePlan } from '../../../shared/plan/index.ts';
import { buildFullBoard, T0 } from './fullBoard.ts';

const ME: Author = { id: 'author-me', name: 'Me', group: 'academia' };

function board() {
  const doc = new Y.Doc();
  migrateBoard(doc);
  return doc;
}

describe('buildActionPlan', () => {
  it('turns an empty board into a valid, empty plan', () => {
    const plan = buildActionPlan(new Y.Doc());
    expect(validatePlan(plan).ok).toBe(true);
    expect(plan).toMatchObject({
      schemaVersion: 3,
      objectives: [],
      targets: [],
      interventions: [],
      actors: [],
      interactions: [],
      analysis: {
        targets: [],
        clusters: [],
        synergies: [],
        tradeOffs: [],
        coherence: [],
        duplication: [],
        coverage: { targetsWithoutIntervention: [], interventionsWithoutTarget: [] },
      },
      workshop: { title: '', participants: [], observers: [], adoption: null, periodStart: '', periodEnd: '' },
      validation: {
        status: 'draft',
        summary: 'Draft: 0 agreed, 0 sent back, 0 set aside, 0 not reviewed',
        items: [],
        outside: [],
      },
    });
  });

  it('keeps what the room agreed by default: agreed items and what agreed interventions stand on', () => {
    const doc = board();
    const target = addCard(doc, { kind: 'target', x: 0, y: 0, author: ME, fields: { code: '10.7' } });
    const otherTarget = addCard(doc, { kind: 'target', x: 0, y: 0, author: ME, fields: { code: '8.8' } });
    const loneTarget = addCard(doc, { kind: 'target', x: 0, y: 0, author: ME, fields: { code: '1.1' } });
    const agreed = addCard(doc, { kind: 'intervention', x: 0, y: 0, author: ME, status: 'agreed' });
    const proposed = addCard(doc, { kind: 'intervention', x: 0, y: 0, author: ME, status: 'proposed' });
    const actor = addCard(doc, { kind: 'actor', x: 0, y: 0, author: ME });
    const objective = addCard(doc, { kind: 'objective', x: 0, y: 0, author: ME });
    const keptLink = addLink(doc, { kind: 'contributes', from: agreed, to: target, author: ME });
    const secondLink = addLink(doc, { kind: 'contributes', from: agreed, to: otherTarget, author: ME });
    const implementsLink = addLink(doc, { kind: 'implements', from: actor, to: agreed, author: ME });
    const objectiveLink = addLink(doc, { kind: 'contributes', from: objective, to: target, author: ME });
    const toProposed = addLink(doc, { kind: 'contributes', from: proposed, to: loneTarget, author: ME });
    const interaction = addLink(doc, {
      kind: 'interaction',
      from: target,
      to: otherTarget,
      author: ME,
      status: 'discussed',
      fields: { score: 2 },
    });
    const toLone = addLink(doc, {
      kind: 'interaction',
      from: target,
      to: loneTarget,
      author: ME,
      fields: { score: 1 },
    });

    const plan = buildActionPlan(doc);
    expect(plan.interventions.map((i) => i.id)).toEqual([agreed]);
    expect(plan.interventions[0]?.targets.map((c) => c.id).sort()).toEqual([keptLink, secondLink].sort());
    expect(plan.interventions[0]?.implementedBy.map((m) => m.id)).toEqual([implementsLink]);
    expect(plan.targets.map((t) => t.id).sort()).toEqual([target, otherTarget].sort());
    expect(plan.actors.map((a) => a.id)).toEqual([actor]);
    // The objective that addresses one of the plan's targets says what the plan serves.
    expect(plan.objectives.map((o) => o.id)).toEqual([objective]);
    expect(plan.objectives[0]?.targets.map((c) => c.id)).toEqual([objectiveLink]);
    // The interaction between two of the plan's targets, with its own status.
    expect(plan.interactions.map((x) => [x.id, x.status])).toEqual([[interaction, 'discussed']]);
    // What stands only on the unagreed intervention stays out.
    const text = JSON.stringify(plan);
    for (const id of [toProposed, loneTarget, toLone]) expect(text).not.toContain(id);
    expect(plan.validation.outside.map((o) => [o.id, o.decision])).toEqual([[proposed, 'not-reviewed']]);
    expect(validatePlan(plan).ok).toBe(true);

    const all = buildActionPlan(doc, { include: 'all' });
    expect(all.interventions.map((i) => i.id).sort()).toEqual([agreed, proposed].sort());
    expect(all.interactions.map((x) => x.id).sort()).toEqual([interaction, toLone].sort());
    expect(all.provenance.include).toBe('all');
    expect(all.validation.outside).toEqual([]);
    expect(all.validation.items.filter((v) => v.kind === 'intervention').map((v) => [v.id, v.decision])).toEqual(
      expect.arrayContaining([
        [agreed, 'agreed'],
        [proposed, 'not-reviewed'],
      ]),
    );
    expect(all.validation.summary).toBe('Draft: 1 agreed, 0 sent back, 0 set aside, 1 not reviewed');
  });

  it('puts every scored interaction pair in the matrix, both directions and every score', () => {
    const doc = board();
    const codes = ['1.1', '4.b', '8.8', '10.7', '17.18'];
    const ids = codes.map((code) =>
      addCard(doc, { kind: 'target', x: 0, y: 0, author: ME, status: 'agreed', fields: { code } }),
    );
    const expected = new Map<string, number>();
    let score = -3;
    for (const from of ids) {
      for (const to of ids) {
        if (from === to) continue;
        const s = score as -3 | -2 | -1 | 0 | 1 | 2 | 3;
        const id = addLink(doc, { kind: 'interaction', from, to, author: ME, status: 'agreed', fields: { score: s } });
        expected.set(id, s);
        score = score === 3 ? -3 : score + 1;
      }
    }
    const plan = buildActionPlan(doc);
    expect(plan.interactions).toHaveLength(ids.length * (ids.length - 1));
    for (const pair of plan.interactions) expect(pair.score).toBe(expected.get(pair.id));
    expect(new Set(plan.interactions.map((p) => `${p.from}>${p.to}`)).size).toBe(plan.interactions.length);
  });

  it('lists targets in SDG order and names each by its canonical code, with the official text', () => {
    const doc = board();
    for (const code of ['17.18', '4.b', '10.7']) {
      addCard(doc, { kind: 'target', x: 0, y: 0, author: ME, status: 'agreed', fields: { code } });
    }
    const plan = buildActionPlan(doc);
    expect(plan.targets.map((t) => t.code)).toEqual(['4.b', '10.7', '17.18']);
    expect(plan.targets[1]).toMatchObject({ goal: 10, migrationExplicit: true });
    expect(plan.targets[1]?.text).toContain('migration');
  });

  it('leaves out a target whose code is not in the catalogue, and its links', () => {
    const doc = board();
    const bogus = addCard(doc, { kind: 'target', x: 0, y: 0, author: ME, status: 'agreed', fields: { code: '99.9' } });
    const intervention = addCard(doc, { kind: 'intervention', x: 0, y: 0, author: ME, status: 'agreed' });
    addLink(doc, { kind: 'contributes', from: intervention, to: bogus, author: ME, status: 'agreed' });
    const plan = buildActionPlan(doc);
    expect(plan.targets).toEqual([]);
    expect(plan.interventions[0]?.targets).toEqual([]);
    expect(validatePlan(plan).ok).toBe(true);
  });

  it('leaves out a link whose card changed kind under it in a concurrent edit', () => {
    const a = board();
    const target = addCard(a, {
      id: 'card-xxxxxxx1',
      kind: 'target',
      x: 0,
      y: 0,
      author: ME,
      status: 'agreed',
      fields: { code: '1.1' },
    });
    const other = addCard(a, { kind: 'target', x: 0, y: 0, author: ME, status: 'agreed', fields: { code: '1.2' } });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    addLink(a, { kind: 'interaction', from: target, to: other, author: ME, status: 'agreed', fields: { score: 2 } });
    // Meanwhile someone replaces the card with an objective of the same id.
    deleteCard(b, target);
    addCard(b, { id: target, kind: 'objective', x: 0, y: 0, author: ME, status: 'agreed' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));

    expect(listLinks(a).map((l) => l.kind)).toEqual(['interaction']);
    const plan = buildActionPlan(a);
    expect(plan.objectives.map((o) => o.id)).toEqual([target]);
    expect(plan.interactions).toEqual([]);
    expect(validatePlan(plan).ok).toBe(true);
  });

  it('states who agreed an intervention in the walk-through, when, with which checks and comment', () => {
    const { doc, ids } = buildFullBoard('agreed');
    const { items } = buildActionPlan(doc).validation;
    expect(items.find((v) => v.id === ids.intervention)?.walkThrough).toEqual({
      decision: 'agreed',
      by: 'Amina Diallo',
      at: new Date(T0 + 45 * 60_000).toISOString(),
      comment: 'Validé en plénière — सर्वसम्मत',
      checks: ['targets', 'timeframe'],
      checksLeft: ['context', 'actions', 'stakeholders', 'budget'],
    });
    // Nothing the walk-through did not decide on carries a decision.
    expect(items.filter((v) => v.walkThrough).map((v) => v.id)).toEqual([ids.intervention]);
  });

  it('leaves out a walk-through record that holds no decision yet', () => {
    const { doc, ids } = buildFullBoard('agreed');
    recordValidation(doc, ids.intervention, {
      checks: { targets: true },
      decision: null,
      by: 'Amina',
      at: 0,
      comment: '',
    });
    const item = buildActionPlan(doc).validation.items.find((v) => v.id === ids.intervention);
    expect(item?.walkThrough).toBeUndefined();
  });

  it('follows status changes: an intervention agreed later joins the plan with what it stands on', () => {
    const { doc, ids } = buildFullBoard('proposed');
    expect(buildActionPlan(doc).interventions).toEqual([]);
    updateCard(doc, ids.intervention, { status: 'agreed' });
    const plan = buildActionPlan(doc);
    expect(plan.interventions[0]?.targets.map((t) => t.target)).toEqual([ids.target107]);
    expect(plan.interventions[0]?.targets[0]?.status).toBe('proposed');
    expect(plan.targets.map((t) => t.id)).toContain(ids.target107);
  });
});
