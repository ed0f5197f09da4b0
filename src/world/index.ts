/** The world the worm lives in: arena data, geometry, fields, food, zones and static physics bodies. Headless. */
export * from './schema';
export { parseArena } from './parse';
export { ArenaError, type ArenaIssue } from './errors';
export { checkArena, MAX_GRID_SIDE } from './check';
export * from './geometry';
export { pillarField, pillarCount, MAX_PILLARS } from './pillars';
export * from './resolve';
export { FieldGrid } from './grid';
export { DiffusionGrid, MAX_STABLE_R, SUBSTEP_R, type DiffusionOptions, type SteadyResult } from './diffusion';
export { ODOURS, ODOUR_NAMES, DEFAULT_ODOUR, isOdour, unknownOdour, type OdourName } from './odours';
export { Fields, gradientValue, edgeRamp, bump, type Emitter, type HeatSpotHandle } from './fields';
export { World, createWorld, type FoodPatch, type WorldOptions, type AddFoodOptions } from './world';
export { addArenaBodies, ARENA_LABEL, type ArenaBodies, type ArenaBodyInfo, type ArenaBodiesOptions } from './bodies';
export { BUILTIN_ARENAS, BUILTIN_ARENA_NAMES, getArena } from './builtins';
