/**
 * Where evolution meets the rest of the project: validating a circuit
 * document, and running a scenario on a given circuit with a given seed. The
 * engine calls nothing else of the circuits, the simulation or the scenario
 * runner, so when those change this module is the one edit. Browser-safe
 * (Web Workers run it too).
 */
import { circuitFromDoc, serializeCircuit } from '../circuits/circuit';
import type { Circuit, CircuitDoc } from '../circuits/types';
import { MODELS } from '../neural/models';
import { NetworkCache, withNetworkCache } from '../neural/network-cache';
import { runScenario, type ScenarioReport } from '../scenario/runner';
import type { SimBackend } from '../scenario/backend';
import type { Scenario } from '../scenario/types';
import { arenaFrom } from '../sim/factory';
import { createSimulation } from '../sim/simulation';

export type { Circuit, CircuitDoc, ScenarioReport, Scenario };
export { MODELS };

/** A document through the circuit validator (throws CircuitError naming `label`). */
export function circuitOf(doc: CircuitDoc, label = 'evolved circuit'): Circuit {
  return circuitFromDoc(doc, label, MODELS);
}

/** A circuit's file text, as the editor and `neuroworm` write circuit files. */
export function circuitText(circuit: Circuit): string {
  return serializeCircuit(circuit);
}

/** This thread's finished networks: a genome's runs on other seeds (clones of one network) reuse its compiled kernels (network-cache.ts). */
const networks = new NetworkCache();

/** Run one scenario on `circuit` (whatever circuit the scenario names) with `seed`; instability ends the run as a failed report with `error`. */
export function runOn(circuit: Circuit, scenario: Scenario, seed: number): ScenarioReport {
  const backend: SimBackend = {
    createSimulation: (opts) => {
      const { arena: given, circuit: _named, ...rest } = opts;
      const arena = arenaFrom(given, `scenario "${scenario.name}" arena`);
      return createSimulation({ ...rest, circuit, ...(arena !== undefined && { arena }) });
    },
    loadCircuitFile: () => circuit,
  };
  // The report holds copies of what was recorded, nothing of the simulation: its network can go back to the cache.
  return withNetworkCache(networks, () => runScenario(scenario, { backend, seed }).report);
}
