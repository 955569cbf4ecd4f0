// Schema validation whose cost is bounded by the problems it reports. Ajv with `allErrors` finds
// every error, and a file made of empty entries has tens of errors per entry: 20,000 empty
// validation items are a 60 KB file and over 100,000 errors. So a plan's long lists are checked
// entry by entry, each with a validator of its own, and checking stops once `maxErrors` are
// found; the rest of the plan (workshop, provenance, the lists' own shape) in one pass.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { JsonSchema } from './fieldSchema.ts';

export interface CappedCheck {
  errors: ErrorObject[];
  /** Entries were left unchecked: there may be more errors than those listed. */
  stopped: boolean;
}

export type CappedValidator = (value: unknown, maxErrors: number) => CappedCheck;

interface ListValidator {
  /** Where the list is in the data, as a JSON Pointer. */
  path: string;
  keys: string[];
  validate: ValidateFunction;
}

type SchemaNode = Record<string, unknown>;

/** The schema of the data at `keys` (object properties only), or undefined. */
function schemaAt(schema: SchemaNode, keys: readonly string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema;
  for (const key of keys) node = (node?.properties as Record<string, SchemaNode> | undefined)?.[key];
  return node;
}

function valueAt(value: unknown, keys: readonly string[]): unknown {
  let node = value;
  for (const key of keys) {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * Compiles `schema` (without references: inlineDefinitions.ts) with the arrays at `lists`
 * (JSON Pointers into the data, through object properties) checked entry by entry. A list the
 * schema does not have (an older version's) is left to the schema as it is.
 */
export function compileCapped(schema: JsonSchema, lists: readonly string[]): CappedValidator {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  const frame = structuredClone(schema) as SchemaNode;
  const listValidators: ListValidator[] = [];
  for (const path of lists) {
    const keys = path.split('/').slice(1);
    const inFrame = schemaAt(frame, keys);
    if (inFrame?.type !== 'array' || typeof inFrame.items !== 'object') continue;
    listValidators.push({ path, keys, validate: ajv.compile(inFrame.items as SchemaNode) });
    // The frame checks that the list is an array (and its length), not its entries.
    inFrame.items = {};
  }
  const validateFrame = ajv.compile(frame);
  return (value, maxErrors) => {
    const errors: ErrorObject[] = validateFrame(value) ? [] : [...(validateFrame.errors ?? [])];
    for (const list of listValidators) {
      const entries = valueAt(value, list.keys);
      if (!Array.isArray(entries)) continue;
      for (let i = 0; i < entries.length; i++) {
        if (errors.length >= maxErrors) return { errors, stopped: true };
        if (list.validate(entries[i])) continue;
        for (const error of list.validate.errors ?? []) {
          errors.push({ ...error, instancePath: `${list.path}/${i}${error.instancePath}` });
        }
      }
    }
    return { errors, stopped: false };
  };
}
