import { parseCircuit } from '../../src/circuits/circuit';
import type { Circuit } from '../../src/circuits/types';
import { STORAGE_KEYS, type KeyValueStore } from '../storage';

/**
 * The circuit the playground worm runs when the player has edited one: the
 * editor writes the circuit file's text under STORAGE_KEYS.playgroundCircuit
 * after each change to the network or its bindings; the playground reads it
 * when it builds its simulation (falling back to its built-in circuit).
 */
export function writePlaygroundCircuit(store: KeyValueStore, text: string): void {
  try {
    store.setItem(STORAGE_KEYS.playgroundCircuit, text);
  } catch (e) {
    console.warn(`neuroworm: could not share the edited circuit with the playground: ${(e as Error).message}`);
  }
}

/** The edited circuit, or null if there is none or it no longer validates (then the built-in one runs). */
export function readPlaygroundCircuit(store: KeyValueStore): Circuit | null {
  const text = store.getItem(STORAGE_KEYS.playgroundCircuit);
  if (text === null) return null;
  try {
    return parseCircuit(text, 'edited circuit (from the editor)');
  } catch (e) {
    console.warn(`neuroworm: ignoring the edited circuit: ${(e as Error).message}`);
    return null;
  }
}

export function clearPlaygroundCircuit(store: KeyValueStore): void {
  store.removeItem(STORAGE_KEYS.playgroundCircuit);
}
