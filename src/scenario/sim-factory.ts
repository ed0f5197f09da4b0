/**
 * The one place the scenario runner meets the real simulation. Everything
 * else in src/scenario takes a SimBackend, so tests can run the runner on a
 * test double and the CLI runs it on this one.
 */
import { readFileSync } from 'node:fs';
import type { SimulationApi, SimulationOptions } from '../sim/types';

export type SimulationFactory = (opts: SimulationOptions) => SimulationApi;

export interface SimBackend {
  createSimulation: SimulationFactory;
  /** Turns a circuit file (absolute path) into what SimulationOptions.circuit accepts; errors should name the file. */
  loadCircuitFile(path: string): unknown;
  /** Built-in arena names, if the backend can list them (unknown arena names are then refused before a run). */
  arenaNames?: readonly string[];
  /** Zone ids of an arena, if the backend can list them (unknown zones are then refused before a run). */
  zoneIds?(arena: unknown): readonly string[] | undefined;
}

const notWired: SimulationFactory = () => {
  throw new Error('the scenario runner is not wired to the simulation yet: see src/scenario/sim-factory.ts');
};

// WIRING (one line): replace the next line with `import { createSimulation } from '../sim/simulation';`
const createSimulation: SimulationFactory = notWired;

export const simBackend: SimBackend = {
  createSimulation,
  // A circuit file is handed over parsed; the circuit loader in src/circuits can replace this to name bad fields by line.
  loadCircuitFile: (path) => JSON.parse(readFileSync(path, 'utf8')) as unknown,
};
