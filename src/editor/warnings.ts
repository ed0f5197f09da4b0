/**
 * Lint warnings placed on the things they are about, so the editor can show
 * each one in place (a badge on a neuron, a mark on a synapse or a binding).
 */
import type { CircuitDoc, CircuitWarning } from '../circuits/types';
import { synapseKey } from './ids';
import type { SynapseKey } from './types';

export interface EditorWarning extends CircuitWarning {
  /** The neuron it is about (also set for a binding's warning: the bound neuron). */
  neuron?: string;
  synapse?: SynapseKey;
  /** Index in doc.sensors. */
  sensor?: number;
  /** Index in doc.muscles. */
  muscle?: number;
}

export function placeWarnings(doc: CircuitDoc, warnings: readonly CircuitWarning[]): EditorWarning[] {
  return warnings.map((w): EditorWarning => {
    const out: EditorWarning = { path: w.path, message: w.message };
    const m = /^(neurons|synapses|sensors|muscles)\[(\d+)\]/.exec(w.path);
    if (!m) return out;
    const i = Number(m[2]);
    switch (m[1]) {
      case 'neurons': {
        const n = doc.neurons[i];
        if (n) out.neuron = n.id;
        break;
      }
      case 'synapses': {
        const s = doc.synapses?.[i];
        if (s) out.synapse = synapseKey(s);
        break;
      }
      case 'sensors': {
        const b = doc.sensors?.[i];
        if (b) {
          out.sensor = i;
          out.neuron = b.neuron;
        }
        break;
      }
      case 'muscles': {
        const b = doc.muscles?.[i];
        if (b) {
          out.muscle = i;
          out.neuron = b.neuron;
        }
        break;
      }
    }
    return out;
  });
}
