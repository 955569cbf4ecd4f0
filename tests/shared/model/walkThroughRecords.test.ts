// The walk-through's records are one entry per intervention: two facilitators deciding different
// interventions at the same time (or one offline) both keep their record once the copies merge.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  BOARD_ROOT_ENTRIES,
  createUndoManager,
  decideIntervention,
  getCard,
  observeBoard,
  readFacilitation,
  readValidation,
  recordValidation,
} from '../../../shared/model/index.ts';
import { metaMap } from '../../../shared/model/layout.ts';

const who = { id: 'f', name: 'F', group: 'academia' };

/** A board with two interventions, and a second copy of it (another facilitator's browser). */
function twoCopies() {
  const one = new Y.Doc();
  const a = addCard(one, { kind: 'intervention', x: 0, y: 0, author: who, fields: { title: 'A' } });
  const b = addCard(one, { kind: 'intervention', x: 0, y: 300, author: who, fields: { title: 'B' } });
  const two = new Y.Doc();
  Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
  return { one, two, a, b };
}

function merge(x: Y.Doc, y: Y.Doc): void {
  const fromX = Y.encodeStateAsUpdate(x, Y.encodeStateVector(y));
  const fromY = Y.encodeStateAsUpdate(y, Y.encodeStateVector(x));
  Y.applyUpdate(y, fromX);
  Y.applyUpdate(x, fromY);
}

describe("the walk-through's records", () => {
  it('keeps both decisions when two facilitators decide different interventions concurrently', () => {
    const { one, two, a, b } = twoCopies();
    decideIntervention(one, a, { decision: 'agreed', by: 'Ada' }, undefined, 1000);
    decideIntervention(two, b, { decision: 'set-aside', by: 'Bea' }, undefined, 1001);
    merge(one, two);
    for (const doc of [one, two]) {
      const records = readFacilitation(doc).validation;
      expect(Object.keys(records).sort()).toEqual([a, b].sort());
      expect(records[a]).toMatchObject({ decision: 'agreed', by: 'Ada', at: 1000 });
      expect(records[b]).toMatchObject({ decision: 'set-aside', by: 'Bea', at: 1001 });
      expect(getCard(doc, a)?.status).toBe('agreed');
    }
  });

  it("keeps one facilitator's ticked checks and another's decision on a different item", () => {
    const { one, two, a, b } = twoCopies();
    recordValidation(one, a, { checks: { targets: true }, decision: null, by: 'Ada', at: 5, comment: '' });
    decideIntervention(two, b, { decision: 'sent-back', by: 'Bea', comment: 'Who pays?' }, undefined, 6);
    merge(one, two);
    expect(readValidation(one)).toEqual(readValidation(two));
    expect(readValidation(one)[a]?.checks).toEqual({ targets: true });
    expect(readValidation(one)[b]).toMatchObject({ decision: 'sent-back', comment: 'Who pays?' });
  });

  it('keeps one of two concurrent records of the same intervention, the same on both copies', () => {
    const { one, two, a } = twoCopies();
    decideIntervention(one, a, { decision: 'set-aside', by: 'Ada' }, undefined, 1);
    decideIntervention(two, a, { decision: 'sent-back', by: 'Bea', comment: 'later' }, undefined, 2);
    merge(one, two);
    expect(readValidation(one)).toEqual(readValidation(two));
    expect(['Ada', 'Bea']).toContain(readValidation(one)[a]?.by);
  });

  it('lives in its own root of plain values, not in meta', () => {
    const { one, a } = twoCopies();
    decideIntervention(one, a, { decision: 'agreed', by: 'Ada' }, undefined, 1);
    expect(BOARD_ROOT_ENTRIES.get('validation')).toBe('value');
    expect(metaMap(one).has('validation')).toBe(false);
    expect(one.getMap('validation').get(a)).toMatchObject({ decision: 'agreed', by: 'Ada' });
  });

  it('tells observers of the settings, and one undo takes back a decision with its status', () => {
    const { one, a } = twoCopies();
    const origin = Symbol('me');
    const undo = createUndoManager(one, [origin]);
    const seen: boolean[] = [];
    observeBoard(one, (changes) => seen.push(changes.meta));
    decideIntervention(one, a, { decision: 'agreed', by: 'Ada' }, origin, 1);
    expect(seen).toEqual([true]);
    undo.undo();
    expect(readValidation(one)[a]).toBeUndefined();
    expect(getCard(one, a)?.status).not.toBe('agreed');
  });
});
