import { simulationFrom } from '../src/sim/factory';
import type { NetworkSpec } from '../src/neural/types';
import type { NervousSystemEdits, SimClock, SimLearning, SimMeasures, SimOutputs, SimSubject, SimTools, SimulationOptions } from '../src/sim/types';
import type { ArenaView } from './view/arena-view';
import { arenaViewFromWorld } from './view/arena-adapter';

/**
 * What the playground and challenges use of a simulation (their port): the
 * clock (through the real-time runner), the tools, the challenges' synapse
 * cuts and the Ablate tool, measures, the per-tick streams and the
 * oscilloscope's monitors, and learning (the modulator gauges, freeze and
 * reset of learned weights).
 */
export type GameSim = SimClock &
  SimTools &
  Pick<SimSubject, 'medium' | 'neuronIds' | 'segments' | 'bodyLengthMm'> &
  Pick<NervousSystemEdits, 'cutSynapse' | 'ablate'> &
  Pick<SimMeasures, 'behaviour' | 'inZone' | 'distanceToFoodMm'> &
  Pick<SimOutputs, 'stimuli$' | 'events$' | 'telemetry$' | 'telemetry' | 'monitor'> &
  SimLearning;

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

/** The circuit the worm runs by default (locomotion + touch + senses): the one place the game names it. */
export const WORM_CIRCUIT = 'worm';

/** The simulation core behind sim-link (browser-safe imports only: no src/ index that pulls in node:fs). */
export function createLinkedSimulation(options: SimulationOptions): LinkedSimulation {
  // A player's circuit may come as file text or a document (editor, test hook): validated like a file (src/sim/factory.ts).
  const sim = simulationFrom(options);
  return {
    sim,
    network: sim.circuit.network,
    arena: { ...arenaViewFromWorld(sim.world), medium: sim.medium },
    // The plate as the worm has it now: food dropped or eaten, and the medium it is in.
    currentArena: () => ({ ...arenaViewFromWorld(sim.world), medium: sim.medium }),
    isFree: (x, y) => sim.world.isFree(x, y),
  };
}
