// Three targets with sums worked out by hand, for the tests of the plan's analysis and of the
// formats that show it.
//
//   1.1 → 4.b  +2        1.1 → 10.7  −1 (tagged horizontal incoherence)
//   4.b → 10.7 +3        10.7 → 1.1  −2
//   4.b → 5.1  +3, to a proposed target no agreed item stands on: in the plan with include 'all' alone.
//
// Prioritised: 1.1 (the objective addresses it) and 10.7 (agreed interventions contribute); 4.b is
// not. Two agreed interventions of the same type contribute to 10.7 (duplication); a third
// contributes to nothing (coverage gap), and no intervention contributes to 1.1 (coverage gap).
import * as Y from 'yjs';
import { type Author, addCard, addLink, migrateBoard } from '../../../shared/model/index.ts';

const ME: Author = { id: 'author-small', name: 'Ana', group: 'academia' };
const T0 = Date.UTC(2026, 2, 3, 9, 0, 0);

export const SMALL = {
  objective: 'small-objective',
  t11: 'small-target-1-1',
  t4b: 'small-target-4-b',
  t107: 'small-target-10-7',
  iA: 'small-intervention-a',
  iB: 'small-intervention-b',
  iC: 'small-intervention-c',
  x11to4b: 'small-x-11-4b',
  x4bto107: 'small-x-4b-107',
  x11to107: 'small-x-11-107',
  x107to11: 'small-x-107-11',
  t51: 'small-target-5-1',
  x4bto51: 'small-x-4b-51',
} as const;

export function buildSmallBoard(): Y.Doc {
  const doc = new Y.Doc();
  migrateBoard(doc);
  let minute = 0;
  const at = () => T0 + ++minute * 60_000;
  const status = 'agreed' as const;
  const base = { x: 0, y: 0, status, author: ME };
  addCard(
    doc,
    { ...base, id: SMALL.objective, kind: 'objective', fields: { title: 'Decent work for all' } },
    null,
    at(),
  );
  for (const [id, code] of [
    [SMALL.t107, '10.7'],
    [SMALL.t11, '1.1'],
    [SMALL.t4b, '4.b'],
  ] as const) {
    addCard(doc, { ...base, id, kind: 'target', fields: { code } }, null, at());
  }
  for (const [id, title, type] of [
    [SMALL.iA, 'One-stop shop', 'migration-programming'],
    [SMALL.iB, 'Mobile advice desk', 'migration-programming'],
    [SMALL.iC, 'Survey of needs', 'rights-based-approach'],
  ] as const) {
    addCard(doc, { ...base, id, kind: 'intervention', fields: { title, type } }, null, at());
  }
  for (const [id, from, to] of [
    ['small-c-obj', SMALL.objective, SMALL.t11],
    ['small-c-a', SMALL.iA, SMALL.t107],
    ['small-c-b', SMALL.iB, SMALL.t107],
  ] as const) {
    addLink(doc, { id, kind: 'contributes', from, to, status, author: ME }, null, at());
  }
  const interactions = [
    [SMALL.x11to4b, SMALL.t11, SMALL.t4b, { score: 2, rationale: 'Income pays for school' }],
    [SMALL.x4bto107, SMALL.t4b, SMALL.t107, { score: 3, rationale: 'Scholarships open pathways' }],
    [
      SMALL.x11to107,
      SMALL.t11,
      SMALL.t107,
      { score: -1, rationale: 'Cash transfers tie people to their place', incoherence: 'horizontal' },
    ],
    [SMALL.x107to11, SMALL.t107, SMALL.t11, { score: -2, rationale: 'Departures drain households' }],
  ] as const;
  for (const [id, from, to, fields] of interactions) {
    addLink(doc, { id, kind: 'interaction', from, to, status, author: ME, fields }, null, at());
  }
  addCard(doc, { ...base, id: SMALL.t51, kind: 'target', status: 'proposed', fields: { code: '5.1' } }, null, at());
  addLink(
    doc,
    {
      id: SMALL.x4bto51,
      kind: 'interaction',
      from: SMALL.t4b,
      to: SMALL.t51,
      status: 'proposed',
      author: ME,
      fields: { score: 3 },
    },
    null,
    at(),
  );
  return doc;
}
