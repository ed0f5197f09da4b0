/**
 * A small builder for the generated built-in circuits: neurons, synapses and
 * sensor/muscle bindings appended in order, then one circuit document.
 */
import type { CircuitDoc, MuscleBinding, NeuronEntry, SensorBinding } from '../types';
import type { ModulatorSpec, ReceptorSpec, SynapseSpec } from '../../neural/types';

export type Role = 'sensory' | 'inter' | 'motor';

/** Body fractions in files are kept to 3 decimals (readable, and never 1.0000000000000002). */
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export class Builder {
  readonly neurons: NeuronEntry[] = [];
  readonly synapses: SynapseSpec[] = [];
  readonly sensors: SensorBinding[] = [];
  readonly muscles: MuscleBinding[] = [];
  readonly modulators: ModulatorSpec[] = [];
  readonly receptors: ReceptorSpec[] = [];

  neuron(id: string, role: Role, transmitter: NeuronEntry['transmitter'], params: Record<string, number> = {}, v?: number, x = 0, y = 0): this {
    const e: NeuronEntry = { id, model: 'graded', role, ...(transmitter !== undefined && { transmitter }), params };
    if (v !== undefined) e.init = { v };
    e.position = { x: Math.round(x), y: Math.round(y) };
    this.neurons.push(e);
    return this;
  }
  chem(from: string, to: string, weight: number, extra: Partial<Extract<SynapseSpec, { kind: 'chemical' }>> = {}): this {
    this.synapses.push({ from, to, kind: 'chemical', weight, ...extra });
    return this;
  }
  gap(from: string, to: string, weight: number): this {
    this.synapses.push({ from, to, kind: 'electrical', weight });
    return this;
  }
  has(id: string): boolean {
    return this.neurons.some((n) => n.id === id);
  }
  doc(name: string, description: string): CircuitDoc {
    return {
      format: 'neuroworm-circuit',
      version: 1,
      name,
      description,
      neurons: this.neurons,
      synapses: this.synapses,
      sensors: this.sensors,
      muscles: this.muscles,
      // Only circuits with volume transmission carry the fields (the others' files stay as they were).
      ...(this.modulators.length > 0 && { modulators: this.modulators }),
      ...(this.receptors.length > 0 && { receptors: this.receptors }),
    };
  }
}
