/**
 * The canonical form of a scenario: what a file loads into, what the typed
 * builder produces, and what the runner runs. Times are ms of simulated time,
 * positions mm, headings degrees; every default is filled in, so two equal
 * scenarios are deep-equal. The file form (docs/scenarios.md) is the same
 * data with friendlier spellings ("2s", "0.5bl", one key per action). The
 * types come from the zod schemas that produce them (schema.ts and each
 * expectation kind's module), not declared a second time.
 */
import type { z } from 'zod';
import type { scenarioSchema } from './schema';
import type { Action } from './timeline-schema';

export type { Expectation, ExpectationKindName as ExpectationKind } from './expectations/index';
export type { ExpectationResult } from './expectations/kind';

export { SCENARIO_FORMAT, SCENARIO_VERSION } from './schema';
export type { InlineArena } from './schema';

export type { Anchor } from './fields';
export type { Action, TimelineItem } from './timeline-schema';
export type { ResponseMeasure } from './expectations/measures';
export type ActionType = Action['type'];

export type Scenario = z.output<typeof scenarioSchema>;

/** Whether a circuit reference names a file (relative path) rather than a built-in circuit. */
export function isCircuitPath(circuit: string): boolean {
  return /[\\/]/.test(circuit) || /\.json$/i.test(circuit);
}
