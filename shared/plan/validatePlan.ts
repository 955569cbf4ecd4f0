// The one door for plans: untrusted JSON is `unknown` until the schema (ajv, every error at
// once) and the integrity checks accept it. Problems are JSON Pointers with a sentence each, so
// a planner fixing a hand-edited file can find every mistake in one pass.
import type { ErrorObject } from 'ajv';
import { checksLeftOf, LEGACY_STAKEHOLDER_GROUPS, type ValidationCheck } from '../model/index.ts';
import { type CappedValidator, compileCapped } from './cappedValidator.ts';
import { inlineDefinitions } from './inlineDefinitions.ts';
import { planAnalysis } from './planAnalysis.ts';
import { checkIntegrity } from './planIntegrity.ts';
import { checkPlanLimits } from './planLimits.ts';
import { actionPlanSchema } from './planSchema.ts';
import { countDecisions, standingOf, standingText } from './planStanding.ts';
import {
  type ActionPlan,
  type ActionPlanV1,
  type ActionPlanV2,
  PLAN_SCHEMA_VERSION,
  type PlanProblem,
  type PlanSchemaVersion,
  type PlanValidationItem,
} from './planTypes.ts';

export type PlanCheck = { ok: true; plan: ActionPlan } | { ok: false; problems: PlanProblem[] };

/** More than anyone fixes in one pass; checking stops there, so that a hostile file costs no more. */
export const MAX_PLAN_PROBLEMS = 1_000;

/** The plan's lists, checked entry by entry so that checking can stop (cappedValidator.ts). */
const PLAN_LISTS = [
  '/workshop/participants',
  '/workshop/observers',
  '/validation/outside',
  '/objectives',
  '/targets',
  '/interventions',
  '/actors',
  '/interactions',
  '/analysis/targets',
  '/analysis/clusters',
  '/analysis/synergies',
  '/analysis/tradeOffs',
  '/analysis/coherence',
  '/analysis/duplication',
  '/validation/items',
];

const compiled = new Map<PlanSchemaVersion, CappedValidator>();

/**
 * Compiled on first use: compiling costs milliseconds that a page or server start need not pay.
 * Compiled without references (inlineDefinitions.ts), so that checking is linear in the errors.
 */
function schemaValidator(version: PlanSchemaVersion): CappedValidator {
  let validate = compiled.get(version);
  if (!validate) {
    validate = compileCapped(inlineDefinitions(actionPlanSchema(version)), PLAN_LISTS);
    compiled.set(version, validate);
  }
  return validate;
}

/**
 * Compiles the current version's validator now (about half a second): a server does it once it
 * has started, rather than in the middle of a workshop's first export.
 */
export function preparePlanValidation(): void {
  schemaValidator(PLAN_SCHEMA_VERSION);
}

/**
 * A version 1 or 2 plan as the current version: the same items (actors of a merged stakeholder
 * group in the merged one), its analysis derived when it had none, the walk-through's records
 * with the checks they left, and the standing derived from what the plan holds. Its participants
 * were authors' names without an attendance record: they become people without times.
 */
export function upgradePlan(plan: ActionPlanV1 | ActionPlanV2): ActionPlan {
  const items: PlanValidationItem[] = plan.validation.items.map(({ walkThrough, ...item }) => {
    if (item.kind !== 'intervention') return item;
    const decision =
      item.status === 'agreed' ? 'agreed' : walkThrough?.decision === 'sent-back' ? 'sent-back' : 'not-reviewed';
    const checks: Partial<Record<ValidationCheck, boolean>> = {};
    for (const c of walkThrough?.checks ?? []) checks[c] = true;
    return {
      ...item,
      decision,
      ...(walkThrough && walkThrough.decision === decision
        ? { walkThrough: { ...walkThrough, checksLeft: checksLeftOf(checks) } }
        : {}),
    };
  });
  const decisions = countDecisions(items.flatMap((i) => (i.decision ? [i.decision] : [])));
  const standing = standingOf(decisions, false);
  const participants = plan.workshop.participants.map((group) => ({
    group: Object.hasOwn(LEGACY_STAKEHOLDER_GROUPS, group.group)
      ? (LEGACY_STAKEHOLDER_GROUPS[group.group] as string)
      : group.group,
    label: group.label,
    count: group.count,
    people: group.names.map((name) => ({
      id: '',
      name,
      group: group.group,
      groupDetail: '',
      role: 'participant' as const,
      firstJoined: '',
      lastSeen: '',
      minutesConnected: 0,
      contributions: { cards: 0, links: 0, comments: 0, dots: 0 },
    })),
  }));
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    workshop: {
      ...plan.workshop,
      periodStart: '',
      periodEnd: '',
      participants,
      observers: [],
      adoption: null,
    },
    objectives: plan.objectives,
    targets: plan.targets,
    interventions: plan.interventions,
    actors: plan.actors.map((actor) =>
      Object.hasOwn(LEGACY_STAKEHOLDER_GROUPS, actor.group)
        ? { ...actor, group: LEGACY_STAKEHOLDER_GROUPS[actor.group] as typeof actor.group }
        : actor,
    ),
    interactions: plan.interactions,
    analysis: 'analysis' in plan ? plan.analysis : planAnalysis(plan),
    validation: {
      status: standing,
      summary: standingText(standing, decisions),
      decisions,
      counts: plan.validation.counts,
      items,
      outside: [],
    },
    provenance: plan.provenance,
  };
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

/**
 * Checks a parsed plan against the schema of its version, then its references; the typed plan,
 * in the current version, when all is well. The analysis of a current plan is checked for shape
 * only: it is derived data, which import never reads.
 */
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
  // Anything but an older version is checked as the current one (its "must be 3" then says why).
  const older = version === 1 || version === 2;
  const validate = schemaValidator(older ? version : PLAN_SCHEMA_VERSION);
  const { errors, stopped } = validate(value, MAX_PLAN_PROBLEMS);
  if (errors.length > 0) {
    const problems = errors.map(describe);
    if (stopped) problems.push({ path: '', message: `checking stopped after ${MAX_PLAN_PROBLEMS} problems` });
    return { ok: false, problems };
  }
  const problems = checkIntegrity(value as ActionPlan | ActionPlanV1 | ActionPlanV2);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, plan: older ? upgradePlan(value as ActionPlanV1 | ActionPlanV2) : (value as ActionPlan) };
}

/**
 * Parses the text of a plan file; a syntax error is one problem at the root. A file over an
 * import limit (planLimits.ts) is refused before it is parsed: parsing and checking a hostile
 * file within the byte limit could otherwise take minutes.
 */
export function parsePlanText(text: string): PlanCheck {
  const over = checkPlanLimits(new TextEncoder().encode(text));
  if (over) return { ok: false, problems: [{ path: over.path, message: over.message }] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  return validatePlan(value);
}
