// Breaks a plan at a JSON Pointer, for tests of what validation reports.

export const REMOVE = Symbol('remove');

/** Sets (or with REMOVE, deletes) the value at `pointer`, e.g. '/interventions/0/type'. */
export function edit(plan: unknown, pointer: string, value: unknown): void {
  const keys = pointer.split('/').slice(1);
  const last = keys.pop();
  if (last === undefined) throw new Error('cannot edit the root');
  let at = plan as Record<string, unknown>;
  for (const key of keys) at = at[key] as Record<string, unknown>;
  if (value === REMOVE) delete at[last];
  else at[last] = value;
}
