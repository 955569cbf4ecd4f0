// Turns the model's field specs into JSON Schema, so that the published schema lists exactly the
// fields the board stores, with the same vocabularies and labels, and never drifts from them.
import type { FieldSpec, FieldSpecs } from '../model/index.ts';

export type JsonSchema = { readonly [key: string]: unknown };

/** An ISO calendar date or '' (unset), as the model stores dates. */
export const DATE_PATTERN = '^(\\d{4}-\\d{2}-\\d{2})?$';

export function fieldSchema(spec: FieldSpec): JsonSchema {
  switch (spec.type) {
    case 'text':
    case 'string':
      return { title: spec.label, type: 'string' };
    case 'date':
      return { title: spec.label, type: 'string', pattern: DATE_PATTERN };
    case 'number':
      return spec.min === undefined
        ? { title: spec.label, type: 'number' }
        : { title: spec.label, type: 'number', minimum: spec.min };
    case 'boolean':
      return { title: spec.label, type: 'boolean' };
    case 'enum':
      return { title: spec.label, enum: [...spec.values] };
    case 'list':
      return { title: spec.label, type: 'array', items: strictObject(fieldProperties(spec.item)) };
  }
}

export function fieldProperties(specs: FieldSpecs): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [name, spec] of Object.entries(specs)) out[name] = fieldSchema(spec);
  return out;
}

/**
 * An object with exactly these properties: all required except `optional`, no others (a typo in
 * a hand-edited plan is reported rather than silently dropped).
 */
export function strictObject(
  properties: Record<string, JsonSchema>,
  extra: { title?: string; description?: string; optional?: readonly string[] } = {},
): JsonSchema {
  const optional = new Set(extra.optional ?? []);
  return {
    ...(extra.title ? { title: extra.title } : {}),
    ...(extra.description ? { description: extra.description } : {}),
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties).filter((name) => !optional.has(name)),
    properties,
  };
}

/**
 * Merges a kind's field properties with the plan's own (id, status, links…). A field named like
 * one of the plan's own properties would be ambiguous, so it fails loudly at load time.
 */
export function withFields(own: Record<string, JsonSchema>, specs: FieldSpecs): Record<string, JsonSchema> {
  const fields = fieldProperties(specs);
  for (const name of Object.keys(fields)) {
    if (name in own) throw new Error(`field "${name}" clashes with a property of the action plan`);
  }
  return { ...own, ...fields };
}
