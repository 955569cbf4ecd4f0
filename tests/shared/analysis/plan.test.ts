import { describe, expect, it } from 'vitest';
import { analyseBoard } from '../../../shared/analysis/index.ts';
import { boardBuilder } from './boardBuilder.ts';

describe('prioritised targets', () => {
  it('are the targets an objective addresses or an agreed intervention contributes to', () => {
    const b = boardBuilder();
    const t107 = b.target('10.7');
    const t88 = b.target('8.8');
    const t11 = b.target('1.1');
    const objective = b.objective();
    const agreed = b.intervention('Labour inspection', 'migration-programming', { status: 'agreed' });
    b.contributes(objective, t107);
    b.contributes(agreed, t88);
    b.contributes(b.intervention('Cash transfers', 'migration-programming', { status: 'discussed' }), t11);
    expect(analyseBoard(b.snapshot()).prioritised).toEqual([
      { code: '8.8', index: 1, objectiveIds: [], agreedInterventionIds: [agreed] },
      { code: '10.7', index: 2, objectiveIds: [objective], agreedInterventionIds: [] },
    ]);
  });
});

describe('duplication', () => {
  it('finds two interventions of the same type contributing to the same target', () => {
    const b = boardBuilder();
    const t107 = b.target('10.7');
    const t88 = b.target('8.8');
    const first = b.intervention('Migrant resource centre', 'migration-programming');
    const second = b.intervention('One-stop shop for returnees', 'migration-programming');
    const rights = b.intervention('Legal aid', 'rights-based-approach');
    const rightsElsewhere = b.intervention('Labour rights training', 'rights-based-approach');
    b.contributes(first, t107);
    b.contributes(second, t107);
    b.contributes(rights, t107);
    b.contributes(rightsElsewhere, t88);
    const { duplication } = analyseBoard(b.snapshot());
    expect(duplication.map((d) => [d.code, d.type, d.interventions.map((i) => i.id)])).toEqual([
      ['10.7', 'migration-programming', [first, second]],
    ]);
  });

  it('treats two cards of the same code as one target when looking for duplication', () => {
    const b = boardBuilder();
    const one = b.target('4.b');
    const other = b.target('4.b');
    const first = b.intervention('Scholarships', 'capacity-building-and-knowledge-sharing');
    const second = b.intervention('Exchange programme', 'capacity-building-and-knowledge-sharing');
    b.contributes(first, one);
    b.contributes(second, other);
    expect(analyseBoard(b.snapshot()).duplication).toHaveLength(1);
  });
});

describe('coverage', () => {
  it('finds prioritised targets with no intervention and interventions with no target', () => {
    const b = boardBuilder();
    const t107 = b.target('10.7');
    const t88 = b.target('8.8');
    const blank = b.target('');
    b.contributes(b.objective('Fair recruitment'), t88);
    b.contributes(b.objective('Safe migration'), t107);
    b.contributes(b.intervention('Recruitment code of conduct'), t107);
    const orphan = b.intervention('Diaspora bonds');
    const onBlank = b.intervention('Awareness campaign');
    b.contributes(onBlank, blank);
    const { coverage, unknownTargetCards } = analyseBoard(b.snapshot());
    expect(coverage.targetsWithoutIntervention.map((t) => t.code)).toEqual(['8.8']);
    // A contribution to a target card without a catalogue code does not count as a target.
    expect(coverage.interventionsWithoutTarget.map((i) => i.id)).toEqual([orphan, onBlank]);
    expect(unknownTargetCards).toEqual([{ id: blank, code: '' }]);
  });
});
