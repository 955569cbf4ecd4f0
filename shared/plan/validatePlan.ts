// The one door for plans: untrusted JSON is `unknown` until the schema (ajv, every error at
// once) and the integrity checks accept it. Problems are JSON Pointers with a sentence each, so
// a planner fixing a hand-edited file can find every mistake in one pass.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { checkIntegrity } from './planIntegrity.ts';
import { ACTION_PLAN_SCHEMA } from './planSchema.ts';
import { type ActionPlan, PLAN_SCHEMA_VERSION, type PlanProblem } from './planTypes.ts';

export type PlanCheck = { ok: true; plan: ActionPlan } | { ok: false; problems: PlanProblem[] };

let compiled: ValidateFunction | undefined;

/** Compiled on first use: compiling costs milliseconds that a page or server start need not pay. */
function schemaValidator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: true, strictTypes: false }).compile(ACTION_PLAN_SCHEMA);
  return compiled;
}

const SHOWN_VALUES = 8;

function describe(error: ErrorObject): PlanProblem {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: `${at}/${String(params.missingProperty)}`, message: 'is missing' };
    case 'additionalProperties':
      return {
        path: `${at}/${String(params.additionalProperty)}`,
        message: 'is not a property of the action plan here (a typo?)',
      };
    case 'enum': {
      const allowed = params.allowedValues as unknown[];
      const shown = allowed.slice(0, SHOWN_VALUES).map((v) => JSON.stringify(v));
      const more = allowed.length > SHOWN_VALUES ? `, … (${allowed.length} values in all)` : '';
      return { path: at, message: `must be one of ${shown.join(', ')}${more}` };
    }
    case 'const':
      return { path: at, message: `must be ${JSON.stringify(params.allowedValue)}` };
    default:
      return { path: at, message: error.message ?? `fails the schema's "${error.keyword}" rule` };
  }
}

/** Checks a parsed plan against the schema, then its references; the typed plan when all is well. */
export function validatePlan(value: unknown): PlanCheck {
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > PLAN_SCHEMA_VERSION) {
    // Said plainly: the schema's own "must be 1" would read as a mistake in the file.
    return {
      ok: false,
      problems: [
        {
          path: '/schemaVersion',
          message: `this plan was written by a newer version of the product (plan schema ${version} > ${PLAN_SCHEMA_VERSION}); update the server`,
        },
      ],
    };
  }
  const validate = schemaValidator();
  if (!validate(value)) return { ok: false, problems: (validate.errors ?? []).map(describe) };
  const plan = value as ActionPlan;
  const problems = checkIntegrity(plan);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, plan };
}

/** Parses the text of a plan file; a syntax error is one problem at the root. */
export function parsePlanText(text: string): PlanCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  return validatePlan(value);
}
