import type { SimulationFactory } from '../src/sim/factory';
import { clearPlaygroundCircuit, readPlaygroundCircuit } from './editor/shared-circuit';
import { createLinkedSimulation, type LinkedSimulation } from './sim-factory';
import { browserStore } from './storage';

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
