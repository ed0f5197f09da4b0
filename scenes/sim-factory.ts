import { BUILTIN_CIRCUIT_NAMES } from '../src/circuits/builtin';
import { simulationFrom } from '../src/sim/factory';
import type { SimulationOptions } from '../src/sim/types';
import type { LinkedSimulation } from './sim-link';
import { arenaViewFromWorld } from './view/arena-adapter';

/**
 * The circuit the worm runs by default: the full worm (locomotion + touch +
 * senses) when it is built in, else the locomotion circuit. The one place
 * the game names it.
 */
export const WORM_CIRCUIT: string = BUILTIN_CIRCUIT_NAMES.includes('worm') ? 'worm' : 'locomotion';

/** The real simulation core behind sim-link (browser-safe imports only: no src/ index that pulls in node:fs). */
export function createLinkedSimulation(options: SimulationOptions): LinkedSimulation {
  // A player's circuit may come as file text or a document (editor, test hook): validated like a file (src/sim/factory.ts).
  const sim = simulationFrom(options);
  return {
    sim,
    network: sim.circuit.network,
    arena: arenaViewFromWorld(sim.world),
    currentArena: () => arenaViewFromWorld(sim.world),
    isFree: (x, y) => sim.world.isFree(x, y),
  };
}
