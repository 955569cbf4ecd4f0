// Field values as a plan may carry them. The model's operations check what they write, but a
// board also holds what remote clients wrote, and the server relays updates without reading
// fields; a value the model's own check refuses (a date like "tomorrow", a negative amount)
// would make the export fail its schema, so it is read as the field's default instead.
import { checkValue, defaultValue, type FieldSpecs } from '../model/index.ts';

export function validFields<T extends object>(specs: FieldSpecs, values: T): T {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = (values as Record<string, unknown>)[name];
    if (spec.type === 'list') {
      // Keep the good items of a list, each cleaned field by field, rather than drop the list.
      out[name] = Array.isArray(value)
        ? value.map((item) => validFields(spec.item, typeof item === 'object' && item !== null ? item : {}))
        : [];
    } else {
      out[name] = checkValue(spec, value, name) === null ? value : defaultValue(spec);
    }
  }
  return out as T;
}

/** The values of `specs`' fields in a plan entry, which also holds the plan's own properties. */
export function fieldsOf(specs: FieldSpecs, entry: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(specs)) out[name] = (entry as Record<string, unknown>)[name];
  return out;
}
