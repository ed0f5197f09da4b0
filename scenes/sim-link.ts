import type { NetworkSpec } from '../src/neural/types';
import type { SimulationFactory } from '../src/sim/factory';
import type { NervousSystemEdits, SimClock, SimMeasures, SimOutputs, SimSubject, SimTools } from '../src/sim/types';
import type { ArenaView } from './view/arena-view';
import { clearPlaygroundCircuit, readPlaygroundCircuit } from './editor/shared-circuit';
import { createLinkedSimulation } from './sim-factory';
import { browserStore } from './storage';

/**
 * What the playground and challenges use of a simulation (their port): the
 * clock (through the real-time runner), the tools, the challenges' synapse
 * cuts and measures, the per-tick streams and the oscilloscope's monitors.
 */
export type GameSim = SimClock &
  SimTools &
  Pick<SimSubject, 'medium' | 'neuronIds' | 'segments' | 'bodyLengthMm'> &
  Pick<NervousSystemEdits, 'cutSynapse'> &
  Pick<SimMeasures, 'behaviour' | 'inZone' | 'distanceToFoodMm'> &
  Pick<SimOutputs, 'stimuli$' | 'events$' | 'telemetry$' | 'telemetry' | 'monitor'>;

/** A running simulation with what the scenes draw beside it. */
export interface LinkedSimulation {
  sim: GameSim;
  /** The running circuit (neurons in the order of Telemetry.v), for the neural view. */
  network?: NetworkSpec;
  /** Saved node positions of the circuit, 0..1, by neuron id. */
  layout?: Readonly<Record<string, { x: number; y: number }>>;
  /** The arena as the plate renderer draws it (an adapter from src/world's Arena). */
  arena?: ArenaView;
  /** The arena as it is now (food added or eaten), for a redraw. */
  currentArena?(): ArenaView;
  /** Whether food can be dropped at a point (on the plate, not inside a wall). */
  isFree?(xMm: number, yMm: number): boolean;
}

/** The real core (sim-factory.ts); an end-to-end test may swap in a scripted double through the test hook. */
let factory: SimulationFactory<LinkedSimulation> = createLinkedSimulation;

export function provideSimulation(f: SimulationFactory<LinkedSimulation>): void {
  factory = f;
}

export function simulationFactory(): SimulationFactory<LinkedSimulation> {
  return factory;
}

/**
 * The circuit the player built or edited (a parsed Circuit, or a circuit
 * document the core accepts), run by the playground and challenges instead
 * of the built-in worm until cleared: one set here (the test hook's
 * loadCircuit), else the one the editor shared through storage
 * (scenes/editor/shared-circuit.ts), so an edit survives a reload.
 */
let playerCircuit_: unknown = null;

export function setPlayerCircuit(circuit: unknown): void {
  playerCircuit_ = circuit;
  if (circuit === null) clearPlaygroundCircuit(browserStore());
}

export function playerCircuit(): unknown {
  return playerCircuit_ ?? readPlaygroundCircuit(browserStore());
}
