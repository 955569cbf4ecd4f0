// The action plan: its schema and types, building it from a board, and importing it back.
export * from './buildPlan.ts';
export * from './importPlan.ts';
export * from './planAnalysis.ts';
export * from './planLayout.ts';
export * from './planLimits.ts';
export * from './planSchema.ts';
export * from './planScope.ts';
export * from './planStanding.ts';
export * from './planTypes.ts';
export * from './validatePlan.ts';
