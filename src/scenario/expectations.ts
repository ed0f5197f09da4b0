/**
 * Evaluating a scenario's expectations: each is handed to its kind's module
 * (expectations/), a pure function of the scenario, the recording of its run
 * and the circuit's neuron ids. None throws: a broken measurement fails the
 * expectation and says why.
 */
import type { Expectation } from './expectations/index';
import { kindModule } from './expectations/index';
import type { EvalContext, ExpectationResult } from './expectations/kind';
import type { Recording } from './recording';
import type { Scenario } from './types';

export type { EvalContext, ExpectationResult } from './expectations/kind';
export { response } from './expectations/measures';

export function evaluateAll(ctx: EvalContext & { scenario: Scenario }, rec: Recording): ExpectationResult[] {
  return ctx.scenario.expect.map((e) => evaluateExpectation(e, rec, ctx));
}

export function evaluateExpectation(e: Expectation, rec: Recording, ctx: EvalContext): ExpectationResult {
  try {
    const r = { ...kindModule(e).evaluate(e, rec, ctx), kind: e.kind };
    return e.name !== undefined ? { ...r, name: e.name } : r;
  } catch (err) {
    return {
      name: e.name ?? e.kind,
      kind: e.kind,
      pass: false,
      measured: null,
      bound: '',
      unit: '',
      detail: `could not measure: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}
