// Large boards and plans for the tests of plan export and import under load, built from the full
// test board (tests/shared/plan/fullBoard.ts): its intervention, every field filled, repeated.
import type * as Y from 'yjs';
import { addCard, getCard } from '../../shared/model/index.ts';
import { type ActionPlan, buildActionPlan } from '../../shared/plan/index.ts';
import { buildFullBoard, FULL_BOARD_IDS } from '../shared/plan/fullBoard.ts';

/** The full test board plus `extra` agreed interventions with every field filled. */
export function boardWithInterventions(extra: number): Y.Doc {
  const { doc } = buildFullBoard('agreed');
  const model = getCard(doc, FULL_BOARD_IDS.intervention);
  if (model?.kind !== 'intervention') throw new Error('the full board has no intervention');
  for (let i = 0; i < extra; i++) {
    addCard(doc, {
      kind: 'intervention',
      x: (i % 20) * 260,
      y: 2000 + Math.floor(i / 20) * 160,
      status: 'agreed',
      author: model.author,
      fields: { ...model.fields, title: `${model.fields.title} ${i}` },
    });
  }
  return doc;
}

/** The full test plan with its intervention repeated `n` times (fresh ids, no links). */
export function planWithInterventions(n: number): ActionPlan {
  const plan = buildActionPlan(buildFullBoard('agreed').doc);
  const [first] = plan.interventions;
  if (!first) throw new Error('no intervention');
  const interventions = Array.from({ length: n }, (_, i) => ({
    ...first,
    id: `intervention-${String(i).padStart(5, '0')}`,
    targets: [],
    implementedBy: [],
  }));
  // The walk-through's record names the intervention replaced here.
  const items = plan.validation.items.map(({ walkThrough: _, ...item }) => item);
  return { ...plan, interventions, validation: { ...plan.validation, items } };
}
