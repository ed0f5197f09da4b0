/**
 * The one place the scenario runner meets the real simulation. Everything
 * else in src/scenario takes a SimBackend, so tests can run the runner on a
 * test double and the CLI runs it on this one.
 */
import { readTextFile } from '../text/files';
import { BUILTIN_CIRCUIT_NAMES } from '../circuits/builtin';
import { parseCircuit } from '../circuits/circuit';
import { arenaFrom, simulationFrom, type SimulationFactory } from '../sim/factory';
import type { NervousSystemEdits, SimClock, SimMeasures, SimOutputs, SimSubject, SimTools } from '../sim/types';
import { BUILTIN_ARENA_NAMES, getArena, signedDistance, zoneShape, type Arena } from '../world';
import { circuitFilePath } from './load';

/**
 * What the runner uses of a simulation, its port: the clock, the tools and
 * nervous-system edits the timeline applies, a monitor for the recording, the
 * events, and the windowed gait measures. A test double implements this.
 */
export type ScenarioSim = SimClock &
  SimTools &
  NervousSystemEdits &
  Pick<SimSubject, 'neuronIds' | 'bodyLengthMm'> &
  Pick<
    SimMeasures,
    'bendingFrequencyHz' | 'wavelengthBodyLengths' | 'waveDirection' | 'bendAmplitude' | 'headPosition' | 'behaviour' | 'inZone' | 'distanceToFoodMm'
  > &
  Pick<SimOutputs, 'events$' | 'monitor' | 'telemetry'>;

export interface SimBackend {
  createSimulation: SimulationFactory<ScenarioSim>;
  /** Turns a circuit file (the path circuitFilePath gave, else as the scenario wrote it) into what SimulationOptions.circuit accepts; errors should name the file. */
  loadCircuitFile(path: string): unknown;
  /** Where a scenario's circuit path points (Node backends: circuitFilePath of ./load, relative to the scenario file). */
  circuitFilePath?(circuit: string, scenarioFile: string | undefined): string;
  /** Built-in circuit names, if the backend can list them (unknown circuit names are then refused before a run, with a suggestion). */
  circuitNames?: readonly string[];
  /** Built-in arena names, if the backend can list them (unknown arena names are then refused before a run). */
  arenaNames?: readonly string[];
  /** Zone ids of an arena, if the backend can list them (unknown zones are then refused before a run). */
  zoneIds?(arena: unknown): readonly string[] | undefined;
  /** Distance from a point to an arena's zone, mm (0 inside), if the backend can measure it. */
  zoneDistanceMm?(arena: unknown): (zoneId: string, x: number, y: number) => number;
}

/** Inline arenas are validated by the world's loader; errors name the path inside the scenario. */
const ARENA_LABEL = 'scenario arena';

export const simBackend: SimBackend = {
  // The scenario format hands over a built-in name or a circuit parsed by loadCircuitFile below.
  createSimulation: (opts) => simulationFrom(opts, { arena: ARENA_LABEL }),
  loadCircuitFile: (path) => {
    return parseCircuit(readTextFile(path, 'circuit'), path);
  },
  circuitFilePath,
  circuitNames: BUILTIN_CIRCUIT_NAMES,
  arenaNames: BUILTIN_ARENA_NAMES,
  zoneDistanceMm: (arena) => {
    const a = arenaOf(arena);
    const zones = new Map([...a.hazards, ...a.goals].map((z) => [z.id, zoneShape(z.zone)]));
    return (id, x, y) => {
      const shape = zones.get(id);
      if (!shape) throw new Error(`the arena has no zone "${id}"`);
      return Math.max(0, signedDistance(shape, x, y));
    };
  },
  zoneIds: (arena) => {
    if (typeof arena === 'string' && !BUILTIN_ARENA_NAMES.includes(arena)) return undefined; // refused by name first
    const resolved = arenaOf(arena);
    return [...resolved.hazards.map((h) => h.id), ...resolved.goals.map((g) => g.id)];
  },
};

/** The scenario's arena (a built-in name or an inline document), the plate when it names none. */
function arenaOf(arena: unknown): Arena {
  const a = arenaFrom(arena, ARENA_LABEL) ?? 'plate';
  return typeof a === 'string' ? getArena(a) : a;
}
