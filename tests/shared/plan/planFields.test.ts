import { describe, expect, it } from 'vitest';
import { CARD_FIELDS, LINK_FIELDS } from '../../../shared/model/index.ts';
import { validFields } from '../../../shared/plan/planFields.ts';

describe('validFields', () => {
  it('keeps valid values exactly, so that a round trip is unchanged', () => {
    const fields = {
      score: -2 as const,
      rationale: 'r',
      conditions: 'c',
      confidence: 'high' as const,
      incoherence: '' as const,
    };
    expect(validFields(LINK_FIELDS.interaction, fields)).toEqual(fields);
  });

  it('reads what a remote client wrote badly as the default: a date, a negative amount, a non-finite number', () => {
    const written = {
      startDate: 'tomorrow',
      endDate: '2027-01-01',
      funding: [
        { amount: -5, currency: 'EUR', source: 'private', arrangement: 'a' },
        { amount: Number.NaN, currency: 'USD', source: 'private', arrangement: 'b' },
      ],
      milestones: [{ date: '01/02/2027', description: 'x' }],
    };
    const read = validFields(CARD_FIELDS.intervention, written as never) as unknown as typeof written;
    expect(read.startDate).toBe('');
    expect(read.endDate).toBe('2027-01-01');
    expect(read.funding.map((f) => f.amount)).toEqual([0, 0]);
    expect(read.funding.map((f) => f.currency)).toEqual(['EUR', 'USD']);
    expect(read.milestones).toEqual([{ date: '', description: 'x' }]);
  });
});
