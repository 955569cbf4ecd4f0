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
  updateLink,
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
      schemaVersion: 2,
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
      workshop: { title: '', participants: [] },
      validation: { status: 'not-validated', items: [] },
    });
  });

  it('keeps only agreed items by default, and a link only when it and both its cards are agreed', () => {
    const doc = board();
    const target = addCard(doc, { kind: 'target', x: 0, y: 0, author: ME, status: 'agreed', fields: { code: '10.7' } });
    const agreed = addCard(doc, { kind: 'intervention', x: 0, y: 0, author: ME, status: 'agreed' });
    const proposed = addCard(doc, { kind: 'intervention', x: 0, y: 0, author: ME, status: 'proposed' });
    const keptLink = addLink(doc, { kind: 'contributes', from: agreed, to: target, author: ME, status: 'agreed' });
    const toProposed = addLink(doc, { kind: 'contributes', from: proposed, to: target, author: ME, status: 'agreed' });
    const unagreedLink = addLink(doc, {
      kind: 'interaction',
      from: agreed,
      to: target,
      author: ME,
      status: 'discussed',
    });

    const plan = buildActionPlan(doc);
    expect(plan.interventions.map((i) => i.id)).toEqual([agreed]);
    expect(plan.interventions[0]?.targets.map((c) => c.id)).toEqual([keptLink]);
    const text = JSON.stringify(plan);
    expect(text).not.toContain(proposed);
    expect(text).not.toContain(toProposed);
    expect(text).not.toContain(unagreedLink);
    expect(validatePlan(plan).ok).toBe(true);

    const all = buildActionPlan(doc, { include: 'all' });
    expect(all.interventions.map((i) => i.id).sort()).toEqual([agreed, proposed].sort());
    expect(all.interactions.map((x) => x.id)).toEqual([unagreedLink]);
    expect(all.provenance.include).toBe('all');
    expect(all.validation.status).toBe('partly-validated');
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

  it('follows status changes: an item agreed later joins the plan', () => {
    const { doc, ids } = buildFullBoard('proposed');
    expect(buildActionPlan(doc).interventions).toEqual([]);
    updateCard(doc, ids.intervention, { status: 'agreed' });
    updateCard(doc, ids.target107, { status: 'agreed' });
    expect(buildActionPlan(doc).interventions[0]?.targets).toEqual([]);
    updateLink(doc, ids.contributesIntervention, { status: 'agreed' });
    expect(buildActionPlan(doc).interventions[0]?.targets.map((t) => t.target)).toEqual([ids.target107]);
  });
});
