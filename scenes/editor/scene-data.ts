import { BUILTIN_CIRCUIT_NAMES, getBuiltinCircuit } from '../../src/circuits/builtin';
import type { Circuit } from '../../src/circuits/types';

export interface EditorSceneData {
  /** Where the editor was opened from (Back returns there). */
  from?: string;
  /** A challenge whose broken circuit the player repairs here (its own autosave; Play starts the challenge). */
  challenge?: string;
  /** A circuit another scene hands over (natural selection's champion): opened as a file is, one undo step over the player's circuit. */
  open?: { doc: unknown; fileName: string };
}

/** The built-in circuits, loaded once (a broken one is left out with a console warning rather than breaking the editor). */
export function builtinCircuits(): Circuit[] {
  const out: Circuit[] = [];
  for (const name of BUILTIN_CIRCUIT_NAMES) {
    try {
      out.push(getBuiltinCircuit(name));
    } catch (e) {
      console.warn(`neuroworm: built-in circuit ${name} not offered: ${(e as Error).message}`);
    }
  }
  return out;
}
