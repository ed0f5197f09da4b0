import { simulationFrom } from '../src/sim/factory';
import type { SimulationOptions } from '../src/sim/types';
import type { LinkedSimulation } from './sim-link';
import { arenaViewFromWorld } from './view/arena-adapter';

/** The circuit the worm runs by default (locomotion + touch + senses): the one place the game names it. */
export const WORM_CIRCUIT = 'worm';

/** The simulation core behind sim-link (browser-safe imports only: no src/ index that pulls in node:fs). */
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
