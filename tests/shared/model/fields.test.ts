import { describe, expect, it } from 'vitest';
import {
  CARD_FIELDS,
  checkValue,
  checkValues,
  defaultValue,
  defaultValues,
  type FieldSpec,
  type FieldSpecs,
} from '../../../shared/model/index.ts';

const DATE: FieldSpec = { type: 'date', label: 'Date' };
const AMOUNT: FieldSpec = { type: 'number', label: 'Amount', min: 0 };
const SCORE: FieldSpec = { type: 'enum', label: 'Score', values: [3, 0, -3] };
const LINE: FieldSpecs = {
  amount: AMOUNT,
  currency: { type: 'string', label: 'Currency' },
};
const LINES: FieldSpec = { type: 'list', label: 'Lines', item: LINE };

describe('checkValue', () => {
  it('accepts a date as YYYY-MM-DD or the empty string for unset', () => {
    expect(checkValue(DATE, '2025-03-01', 'start')).toBeNull();
    expect(checkValue(DATE, '', 'start')).toBeNull();
  });

  it('refuses other date shapes with the field path in the message', () => {
    for (const bad of ['2025-3-1', '01/03/2025', '2025-03-01T10:00:00Z', ' 2025-03-01', 20250301, null]) {
      expect(checkValue(DATE, bad, 'start')).toBe('start: expected a date as YYYY-MM-DD');
    }
  });

  it('accepts only the listed enum values, with the same type', () => {
    expect(checkValue(SCORE, -3, 'score')).toBeNull();
    expect(checkValue(SCORE, 2, 'score')).toBe('score: expected one of 3, 0, -3');
    expect(checkValue(SCORE, '3', 'score')).toBe('score: expected one of 3, 0, -3');
    expect(checkValue(CARD_FIELDS.intervention.sector, 'health', 's')).toBeNull();
    expect(checkValue(CARD_FIELDS.intervention.sector, 'Health', 's')).toMatch(/^s: expected one of "education", /);
  });

  it('enforces a number minimum and refuses non-finite numbers', () => {
    expect(checkValue(AMOUNT, 0, 'amount')).toBeNull();
    expect(checkValue(AMOUNT, 12.5, 'amount')).toBeNull();
    expect(checkValue(AMOUNT, -0.01, 'amount')).toBe('amount: must be at least 0');
    expect(checkValue(AMOUNT, Number.NaN, 'amount')).toBe('amount: expected a number');
    expect(checkValue(AMOUNT, Number.POSITIVE_INFINITY, 'amount')).toBe('amount: expected a number');
    expect(checkValue(AMOUNT, '5', 'amount')).toBe('amount: expected a number');
    expect(checkValue({ type: 'number', label: 'n' }, -5, 'n')).toBeNull();
  });

  it('checks strings, text and booleans by type', () => {
    expect(checkValue({ type: 'text', label: 't' }, 'x', 't')).toBeNull();
    expect(checkValue({ type: 'text', label: 't' }, 1, 't')).toBe('t: expected a string');
    expect(checkValue({ type: 'string', label: 's' }, undefined, 's')).toBe('s: expected a string');
    expect(checkValue({ type: 'boolean', label: 'b' }, false, 'b')).toBeNull();
    expect(checkValue({ type: 'boolean', label: 'b' }, 'true', 'b')).toBe('b: expected true or false');
  });

  it('checks each item of a list completely, naming the index of the first bad one', () => {
    expect(checkValue(LINES, [], 'funding')).toBeNull();
    expect(checkValue(LINES, [{ amount: 5, currency: 'EUR' }], 'funding')).toBeNull();
    expect(checkValue(LINES, { amount: 5, currency: 'EUR' }, 'funding')).toBe('funding: expected a list');
    expect(
      checkValue(
        LINES,
        [
          { amount: 5, currency: 'EUR' },
          { amount: -1, currency: 'EUR' },
        ],
        'funding',
      ),
    ).toBe('funding[1].amount: must be at least 0');
    expect(checkValue(LINES, [{ amount: 5 }], 'funding')).toBe('funding[0].currency: missing');
    expect(checkValue(LINES, [{ amount: 5, currency: 'EUR', note: '' }], 'funding')).toBe(
      'funding[0].note: unknown field',
    );
    expect(checkValue(LINES, ['EUR 5'], 'funding')).toBe('funding[0]: expected an object');
  });
});

describe('checkValues', () => {
  it('accepts a partial record unless asked for a complete one', () => {
    expect(checkValues(LINE, { amount: 1 }, 'fields', false)).toBeNull();
    expect(checkValues(LINE, {}, 'fields', false)).toBeNull();
    expect(checkValues(LINE, { amount: 1 }, 'fields', true)).toBe('fields.currency: missing');
    expect(checkValues(LINE, { amount: 1, currency: 'XOF' }, 'fields', true)).toBeNull();
  });

  it('refuses unknown fields and values that are not records', () => {
    expect(checkValues(LINE, { amount: 1, colour: 'red' }, 'fields', false)).toBe('fields.colour: unknown field');
    expect(checkValues(LINE, null, 'fields', false)).toBe('fields: expected an object');
    expect(checkValues(LINE, [], 'fields', false)).toBe('fields: expected an object');
    expect(checkValues(LINE, 'amount=1', 'fields', false)).toBe('fields: expected an object');
  });

  it('reports the first bad field with its path', () => {
    expect(checkValues(LINE, { amount: -1, currency: 2 }, 'card.fields', false)).toBe(
      'card.fields.amount: must be at least 0',
    );
  });
});

describe('default values', () => {
  it('are empty, zero, false, the first or declared enum value, or an empty list', () => {
    expect(defaultValue(DATE)).toBe('');
    expect(defaultValue(AMOUNT)).toBe(0);
    expect(defaultValue({ type: 'boolean', label: 'b' })).toBe(false);
    expect(defaultValue(SCORE)).toBe(3);
    expect(defaultValue({ ...SCORE, default: 0 } as FieldSpec)).toBe(0);
    expect(defaultValue(LINES)).toEqual([]);
    expect(defaultValues(LINE)).toEqual({ amount: 0, currency: '' });
  });

  it('pass their own checks for every card kind', () => {
    for (const specs of Object.values(CARD_FIELDS)) {
      expect(checkValues(specs, defaultValues(specs), 'fields', true)).toBeNull();
    }
  });
});
