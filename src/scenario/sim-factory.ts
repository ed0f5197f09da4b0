/**
 * The one place the scenario runner meets the real simulation. Everything
 * else in src/scenario takes a SimBackend, so tests can run the runner on a
 * test double and the CLI runs it on this one.
 */
import { readFileSync } from 'node:fs';
import { parseCircuit } from '../circuits/circuit';
import type { Circuit } from '../circuits/types';
import { createSimulation } from '../sim/simulation';
import type { SimulationApi, SimulationOptions } from '../sim/types';
import { BUILTIN_ARENA_NAMES, getArena, parseArena, type Arena } from '../world';
import { circuitFilePath } from './load';

export type SimulationFactory = (opts: SimulationOptions) => SimulationApi;

export interface SimBackend {
  createSimulation: SimulationFactory;
  /** Turns a circuit file (the path circuitFilePath gave, else as the scenario wrote it) into what SimulationOptions.circuit accepts; errors should name the file. */
  loadCircuitFile(path: string): unknown;
  /** Where a scenario's circuit path points (Node backends: circuitFilePath of ./load, relative to the scenario file). */
  circuitFilePath?(circuit: string, scenarioFile: string | undefined): string;
  /** Built-in arena names, if the backend can list them (unknown arena names are then refused before a run). */
  arenaNames?: readonly string[];
  /** Zone ids of an arena, if the backend can list them (unknown zones are then refused before a run). */
  zoneIds?(arena: unknown): readonly string[] | undefined;
}

/** A built-in arena by name, or an inline one validated by the world's loader (errors name the path inside the scenario). */
function arenaOf(arena: unknown): Arena | undefined {
  if (arena === undefined) return undefined;
  return typeof arena === 'string' ? getArena(arena) : parseArena(arena, 'scenario arena');
}

export const simBackend: SimBackend = {
  createSimulation: (opts) => {
    const { arena, circuit, ...rest } = opts;
    const resolved = arenaOf(arena);
    // The scenario format hands over a built-in name or a circuit parsed by loadCircuitFile below.
    return createSimulation({ ...rest, circuit: circuit as string | Circuit, ...(resolved && { arena: resolved }) });
  },
  loadCircuitFile: (path) => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new Error(
        `${path}: cannot read the circuit file (${(e as NodeJS.ErrnoException).code ?? String(e)}); check the path in the scenario's "circuit" field`,
      );
    }
    return parseCircuit(text, path);
  },
  circuitFilePath,
  arenaNames: BUILTIN_ARENA_NAMES,
  zoneIds: (arena) => {
    if (typeof arena === 'string' && !BUILTIN_ARENA_NAMES.includes(arena)) return undefined; // refused by name first
    const a = arenaOf(arena) ?? getArena('plate');
    return [...a.hazards.map((h) => h.id), ...a.goals.map((g) => g.id)];
  },
};
