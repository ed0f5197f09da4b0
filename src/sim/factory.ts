/**
 * Building a simulation from what callers hold: a circuit as a built-in
 * name, a loaded Circuit, circuit file text or a circuit document (editor,
 * test hook); an arena as a built-in name or an inline arena document
 * (scenario files). Documents go through the same validators as files, so a
 * bad one fails with the file format's own messages. Browser-safe (no node:fs).
 */
import { circuitFromDoc, parseCircuit } from '../circuits/circuit';
import type { Circuit } from '../circuits/types';
import { parseArena, type Arena } from '../world';
import { Simulation } from './simulation';
import type { SimulationApi, SimulationOptions } from './types';

/** The one shape of a simulation factory: scenarios ask for their port, the game for its linked views. */
export type SimulationFactory<S = SimulationApi> = (opts: SimulationOptions) => S;

/** A built-in name or a loaded Circuit as is; circuit file text or a circuit document through the circuit validator. */
export function circuitFrom(c: unknown, label = 'player circuit'): string | Circuit {
  if (typeof c === 'string') return c.trimStart().startsWith('{') ? parseCircuit(c, label) : c;
  if (c && typeof c === 'object' && 'network' in c && 'doc' in c) return c as Circuit;
  return circuitFromDoc(c, label);
}

/** A built-in arena by name (checked by the simulation), or an inline arena document through the arena validator (errors name `label`). */
export function arenaFrom(arena: unknown, label = 'inline arena'): string | Arena | undefined {
  if (arena === undefined || typeof arena === 'string') return arena;
  return parseArena(arena, label);
}

/** A Simulation from loose options (see circuitFrom, arenaFrom). */
export function simulationFrom(opts: SimulationOptions, labels: { circuit?: string; arena?: string } = {}): Simulation {
  const { circuit, arena, ...rest } = opts;
  const a = arenaFrom(arena, labels.arena);
  return new Simulation({ ...rest, circuit: circuitFrom(circuit, labels.circuit), ...(a !== undefined && { arena: a }) });
}
