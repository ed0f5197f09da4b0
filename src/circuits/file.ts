/**
 * Circuit files on disk (Node only: the browser imports circuit.ts, never this).
 */
import { FileReadError, readTextFile, writeTextFileAtomic } from '../text/files';
import { parseCircuit, serializeCircuit } from './circuit';
import { CircuitError } from './errors';
import type { Circuit, ModelTable } from './types';
import type { VersionTable } from './versions';

/** Read and validate a circuit file. Throws CircuitError (also when the file cannot be read). */
export async function loadCircuitFile(path: string, models?: ModelTable, versions?: VersionTable): Promise<Circuit> {
  let text: string;
  try {
    text = readTextFile(path, 'circuit');
  } catch (e) {
    if (!(e instanceof FileReadError)) throw e;
    throw new CircuitError(path, [{ path: [], where: '', message: `cannot read the circuit file: ${e.reason}` }]);
  }
  return parseCircuit(text, path, models, versions);
}

/** Write a circuit atomically (a crash leaves either the old file or the new one, never half of one). */
export async function saveCircuitFile(path: string, circuit: Circuit): Promise<void> {
  writeTextFileAtomic(path, serializeCircuit(circuit));
}
