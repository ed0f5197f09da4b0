import { getBuiltinCircuit } from '../../src/circuits/builtin';
import { parseCircuit } from '../../src/circuits/circuit';
import type { Circuit, CircuitDoc } from '../../src/circuits/types';
import { withoutPositions } from '../../src/editor/templates';
import { STORAGE_KEYS, type KeyValueStore } from '../storage';
import type { Challenge } from './catalog';

/**
 * The circuit a challenge that needs the editor starts from (its built-in
 * base without the cut synapses), and the player's repair of it, kept apart
 * from the circuit the playground runs: a circuit edited for something else
 * never stands in for the repair.
 */
export function brokenCircuitDoc(c: Challenge): CircuitDoc | null {
  if (!c.circuit) return null;
  const base = withoutPositions(getBuiltinCircuit(c.circuit.base).doc);
  const cut = new Set(c.circuit.cut.map(([from, to]) => `${from}>${to}`));
  return {
    ...base,
    name: `${base.name ?? c.circuit.base} (${c.title})`,
    description: `${c.title}: ${c.circuit.hint}.`,
    synapses: (base.synapses ?? []).filter((s) => !(s.kind === 'chemical' && cut.has(`${s.from}>${s.to}`))),
  };
}

const key = (id: string): string => `${STORAGE_KEYS.challengeCircuitPrefix}${id}:v1`;

/** The editor writes the player's version of a challenge's circuit here after each change to the network or its bindings. */
export function writeChallengeCircuit(store: KeyValueStore, id: string, text: string): void {
  try {
    store.setItem(key(id), text);
  } catch (e) {
    console.warn(`neuroworm: could not keep the circuit of challenge ${id}: ${(e as Error).message}`);
  }
}

/** The player's version of a challenge's circuit, or null if there is none or it no longer validates. */
export function readChallengeCircuit(store: KeyValueStore, id: string): Circuit | null {
  const text = store.getItem(key(id));
  if (text === null) return null;
  try {
    return parseCircuit(text, `your circuit for challenge ${id}`);
  } catch (e) {
    console.warn(`neuroworm: ignoring the circuit of challenge ${id}: ${(e as Error).message}`);
    return null;
  }
}

/** Autosave slots of the editor while it edits a challenge's circuit (apart from the editor's own work). */
export function challengeAutosaveKey(id: string): string {
  return `neuroworm.editor.challenge.${id}.autosave`;
}
