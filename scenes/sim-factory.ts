import { BUILTIN_CIRCUIT_NAMES } from '../src/circuits/builtin';
import type { Circuit } from '../src/circuits/types';
import { createSimulation } from '../src/sim/simulation';
import type { SimulationOptions } from '../src/sim/types';
import type { Arena } from '../src/world/schema';
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
  const sim = createSimulation(options as SimulationOptions<Circuit, Arena>);
  return {
    sim,
    network: sim.circuit.network,
    arena: arenaViewFromWorld(sim.world),
    currentArena: () => arenaViewFromWorld(sim.world),
    isFree: (x, y) => sim.world.isFree(x, y),
  };
}
