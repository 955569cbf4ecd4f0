// Field specifications: each card and link kind declares its fields once, as data. The typed
// operations, the inspector's inputs, validation of remote data and the action plan all read
// these specs, so adding a field is one line in the kind's file (plus a migration).

export type FieldSpec =
  /** Collaborative text (a Y.Text): concurrent typing merges. */
  | { readonly type: 'text'; readonly label: string; readonly multiline?: boolean }
  /** A short atomic string (last writer wins), e.g. a currency code. */
  | { readonly type: 'string'; readonly label: string }
  | { readonly type: 'number'; readonly label: string; readonly min?: number }
  | { readonly type: 'boolean'; readonly label: string }
  /** An ISO calendar date, `YYYY-MM-DD`, or '' when unset. */
  | { readonly type: 'date'; readonly label: string }
  | {
      readonly type: 'enum';
      readonly label: string;
      readonly values: readonly (string | number)[];
      readonly labels?: Readonly<Record<string, string>>;
      readonly default?: string | number;
    }
  /** An ordered list of records (a Y.Array of Y.Maps), e.g. funding lines. */
  | {
      readonly type: 'list';
      readonly label: string;
      readonly item: FieldSpecs;
      /** What one entry is called, for "Add funding line" (defaults to "entry"). */
      readonly itemLabel?: string;
    };

export type FieldSpecs = Readonly<Record<string, FieldSpec>>;

export type FieldValue<S extends FieldSpec> = S extends { type: 'text' | 'string' | 'date' }
  ? string
  : S extends { type: 'number' }
    ? number
    : S extends { type: 'boolean' }
      ? boolean
      : S extends { type: 'enum'; values: readonly (infer V)[] }
        ? V
        : S extends { type: 'list'; item: infer I extends FieldSpecs }
          ? FieldValues<I>[]
          : never;

export type FieldValues<S extends FieldSpecs> = { -readonly [K in keyof S]: FieldValue<S[K]> };

export function defaultValue(spec: FieldSpec): unknown {
  switch (spec.type) {
    case 'text':
    case 'string':
    case 'date':
      return '';
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'enum':
      return spec.default ?? spec.values[0];
    case 'list':
      return [];
  }
}

export function defaultValues<S extends FieldSpecs>(specs: S): FieldValues<S> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) out[name] = defaultValue(spec);
  return out as FieldValues<S>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why `value` does not fit `spec`, or null when it does. Used on every untrusted input. */
export function checkValue(spec: FieldSpec, value: unknown, path: string): string | null {
  switch (spec.type) {
    case 'text':
    case 'string':
      return typeof value === 'string' ? null : `${path}: expected a string`;
    case 'date':
      return typeof value === 'string' && (value === '' || ISO_DATE.test(value))
        ? null
        : `${path}: expected a date as YYYY-MM-DD`;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${path}: expected a number`;
      return spec.min !== undefined && value < spec.min ? `${path}: must be at least ${spec.min}` : null;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${path}: expected true or false`;
    case 'enum':
      return spec.values.includes(value as string | number)
        ? null
        : `${path}: expected one of ${spec.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'list': {
      if (!Array.isArray(value)) return `${path}: expected a list`;
      for (let i = 0; i < value.length; i++) {
        const problem = checkValues(spec.item, value[i], `${path}[${i}]`, true);
        if (problem) return problem;
      }
      return null;
    }
  }
}

/** Checks a record of field values; `complete` requires every field to be present. */
export function checkValues(specs: FieldSpecs, value: unknown, path: string, complete: boolean): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path}: expected an object`;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(key in specs)) return `${path}.${key}: unknown field`;
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (!(name in record)) {
      if (complete) return `${path}.${name}: missing`;
      continue;
    }
    const problem = checkValue(spec, record[name], `${path}.${name}`);
    if (problem) return problem;
  }
  return null;
}
