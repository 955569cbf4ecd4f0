// What a JSON Schema cannot say about a plan: every id is used once, every link names a card of
// the right kind that the plan holds, and every time is a real one. Checked after the schema
// has passed, so the shape is known.
import { isIsoDate } from '../model/index.ts';
import type { PlanAdoption, PlanItems, PlanPerson, PlanProblem, PlanRecord } from './planTypes.ts';

/** What integrity reads of the workshop (versions 1 and 2 have none of the people or adoption). */
interface WorkshopEntry {
  startDate?: string;
  endDate?: string;
  periodStart?: string;
  periodEnd?: string;
  adoption?: PlanAdoption | null;
  participants?: ReadonlyArray<{ group: string; people?: readonly PlanPerson[] }>;
  observers?: readonly PlanPerson[];
}

/** What integrity reads of a validation item (every schema version has these). */
interface ValidationEntry {
  kind: string;
  id: string;
  walkThrough?: { at: string };
}

interface Located {
  path: string;
  record: PlanRecord;
}

/** Every card and link of the plan with the JSON Pointer where it sits. */
function recordsOf(plan: PlanItems): Located[] {
  const out: Located[] = [];
  const add = (base: string, list: readonly PlanRecord[]) => {
    list.forEach((record, i) => {
      out.push({ path: `${base}/${i}`, record });
    });
  };
  add('/objectives', plan.objectives);
  add('/targets', plan.targets);
  add('/interventions', plan.interventions);
  add('/actors', plan.actors);
  add('/interactions', plan.interactions);
  plan.objectives.forEach((objective, i) => {
    add(`/objectives/${i}/targets`, objective.targets);
  });
  plan.interventions.forEach((intervention, i) => {
    add(`/interventions/${i}/targets`, intervention.targets);
    add(`/interventions/${i}/implementedBy`, intervention.implementedBy);
  });
  return out;
}

export function checkIntegrity(
  plan: PlanItems & { validation?: { items: readonly ValidationEntry[] }; workshop?: WorkshopEntry },
): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const realTime = (path: string, value: string) => {
    if (value !== '' && Number.isNaN(Date.parse(value))) {
      problems.push({ path, message: `not a real date and time: "${value}"` });
    }
  };
  const realDate = (path: string, value: string | undefined) => {
    if (value && !isIsoDate(value)) problems.push({ path, message: `not a real date: "${value}"` });
  };
  const workshop = plan.workshop;
  if (workshop) {
    for (const key of ['startDate', 'endDate', 'periodStart', 'periodEnd'] as const) {
      realDate(`/workshop/${key}`, workshop[key]);
    }
    if (workshop.adoption) {
      realDate('/workshop/adoption/date', workshop.adoption.date);
      realTime('/workshop/adoption/recordedAt', workshop.adoption.recordedAt);
    }
    const people = (workshop.participants ?? []).flatMap((group, i) =>
      (group.people ?? []).map((person, j) => ({ path: `/workshop/participants/${i}/people/${j}`, person })),
    );
    (workshop.observers ?? []).forEach((person, j) => {
      people.push({ path: `/workshop/observers/${j}`, person });
    });
    for (const { path, person } of people) {
      realTime(`${path}/firstJoined`, person.firstJoined);
      realTime(`${path}/lastSeen`, person.lastSeen);
    }
  }
  // One id space for cards and links: the board could tell them apart, but a reader of the plan could not.
  const firstUse = new Map<string, string>();
  for (const { path, record } of recordsOf(plan)) {
    const earlier = firstUse.get(record.id);
    if (earlier === undefined) firstUse.set(record.id, path);
    else problems.push({ path: `${path}/id`, message: `duplicate id "${record.id}" (also used at ${earlier}/id)` });
    for (const key of ['createdAt', 'updatedAt'] as const) {
      if (Number.isNaN(Date.parse(record[key]))) {
        problems.push({ path: `${path}/${key}`, message: `not a real date and time: "${record[key]}"` });
      }
    }
  }

  const targets = new Set(plan.targets.map((t) => t.id));
  const interventions = new Set(plan.interventions.map((i) => i.id));
  const actors = new Set(plan.actors.map((a) => a.id));
  const refer = (path: string, id: string, known: ReadonlySet<string>, what: string) => {
    if (!known.has(id)) problems.push({ path, message: `no ${what} with id "${id}" in this plan` });
  };

  plan.objectives.forEach((objective, i) => {
    objective.targets.forEach((link, j) => {
      refer(`/objectives/${i}/targets/${j}/target`, link.target, targets, 'target (in /targets)');
    });
  });
  plan.interventions.forEach((intervention, i) => {
    intervention.targets.forEach((link, j) => {
      refer(`/interventions/${i}/targets/${j}/target`, link.target, targets, 'target (in /targets)');
    });
    intervention.implementedBy.forEach((link, j) => {
      refer(`/interventions/${i}/implementedBy/${j}/actor`, link.actor, actors, 'actor (in /actors)');
    });
  });
  const ends = new Set([...targets, ...interventions]);
  plan.interactions.forEach((link, i) => {
    refer(`/interactions/${i}/from`, link.from, ends, 'target or intervention');
    refer(`/interactions/${i}/to`, link.to, ends, 'target or intervention');
    if (link.from === link.to) {
      problems.push({ path: `/interactions/${i}/to`, message: 'an interaction cannot join a card to itself' });
    }
  });
  // The walk-through decides on interventions only, and import restores its records by id.
  plan.validation?.items.forEach((item, i) => {
    if (!item.walkThrough) return;
    const path = `/validation/items/${i}`;
    if (item.kind !== 'intervention') {
      problems.push({ path: `${path}/walkThrough`, message: 'only an intervention has a walk-through decision' });
    } else refer(`${path}/id`, item.id, interventions, 'intervention (in /interventions)');
    if (item.walkThrough && Number.isNaN(Date.parse(item.walkThrough.at))) {
      problems.push({ path: `${path}/walkThrough/at`, message: `not a real date and time: "${item.walkThrough.at}"` });
    }
  });
  return problems;
}
