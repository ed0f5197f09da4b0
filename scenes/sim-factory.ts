import { circuitFromDoc, parseCircuit } from '../src/circuits/circuit';
import type { Circuit } from '../src/circuits/types';
import { createSimulation } from '../src/sim/simulation';
import type { SimulationOptions } from '../src/sim/types';
import type { Arena } from '../src/world/schema';
import type { LinkedSimulation } from './sim-link';
import { arenaViewFromWorld } from './view/arena-adapter';

/** The circuit the worm runs by default (locomotion + touch + senses): the one place the game names it. */
export const WORM_CIRCUIT = 'worm';

/** The simulation core behind sim-link (browser-safe imports only: no src/ index that pulls in node:fs). */
export function createLinkedSimulation(options: SimulationOptions): LinkedSimulation {
  const sim = createSimulation({ ...(options as SimulationOptions<Circuit, Arena>), circuit: asCircuit(options.circuit) });
  return {
    sim,
    network: sim.circuit.network,
    arena: arenaViewFromWorld(sim.world),
    currentArena: () => arenaViewFromWorld(sim.world),
    isFree: (x, y) => sim.world.isFree(x, y),
  };
}

/**
 * A built-in name or a parsed Circuit as is; circuit file text or a circuit
 * document (what an editor or a test hands over) through the same validator
 * as a file, so a bad one fails with the file's own error messages.
 */
export function asCircuit(c: unknown): string | Circuit {
  if (typeof c === 'string') return c.trimStart().startsWith('{') ? parseCircuit(c, 'player circuit') : c;
  if (c && typeof c === 'object' && 'network' in c && 'doc' in c) return c as Circuit;
  return circuitFromDoc(c, 'player circuit');
}
