/**
 * The connectome worm through the scenario runner: a backend that runs the
 * imported circuit (data/ tables, the importer's defaults unless told
 * otherwise) on an open field, so the proofs read like any scenario file.
 */
import type { Circuit } from '../../src/circuits/types';
import type { SimBackend } from '../../src/scenario/backend';
import { scenario, type ScenarioBuilder } from '../../src/scenario/builder';
import { runScenario, type ScenarioReport } from '../../src/scenario/runner';
import { createSimulation } from '../../src/sim/simulation';
import { OPEN_FIELD } from './measure';

export const backendFor = (circuit: Circuit): SimBackend => ({
  createSimulation: (opts) => createSimulation({ ...opts, circuit, arena: OPEN_FIELD } as Parameters<typeof createSimulation>[0]),
  loadCircuitFile: () => circuit,
});

/** A scenario on the whole worm (its circuit and arena come from the backend). */
export const onWholeWorm = (name: string, seed: number): ScenarioBuilder => scenario(name).circuit('whole-worm').arena('open-field').seed(seed);

export function run(built: ScenarioBuilder, circuit: Circuit): ScenarioReport {
  return runScenario(built.build(), { backend: backendFor(circuit) }).report;
}

/** One line per expectation, for failure messages. */
export const details = (r: ScenarioReport): string => r.expectations.map((e) => `${e.name}: ${e.pass ? 'pass' : 'FAIL'} ${e.detail}`).join('\n');
