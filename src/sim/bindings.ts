import type { Circuit } from '../circuits';
import type { TransductionFields } from '../circuits/types';
import { CURRENT_TRANSDUCTION, TRANSDUCTION_REVERSAL, type Transduction } from '../controllers/transduction';
import type { FieldBinding, HungerBinding, LawnBinding, MuscleBinding, StretchBinding, TapBinding, TouchBinding } from '../controllers/bindings';
import type { Network } from '../neural/network';

export interface ControllerBindings {
  touch: TouchBinding[];
  tap: TapBinding[];
  stretch: StretchBinding[];
  chemical: FieldBinding[];
  temperature: FieldBinding[];
  toxin: FieldBinding[];
  lawn: LawnBinding[];
  hunger: HungerBinding[];
  muscles: MuscleBinding[];
}

/** A loaded circuit's sensor and muscle bindings with neuron ids resolved to engine indices. */
export function resolveControllerBindings(circuit: Circuit, network: Network): ControllerBindings {
  const idx = (id: string): number => {
    const i = network.indexOf(id);
    // The circuit loader already refuses bindings to unknown neurons; this guards hand-built circuits.
    if (i < 0) throw new Error(`${circuit.fileName}: a binding names neuron "${id}", which the circuit does not have`);
    return i;
  };
  const transduction = (s: TransductionFields, neuron: number): Transduction => {
    if (s.transduction !== 'conductance') return CURRENT_TRANSDUCTION;
    // Matched where the binding says, else at the neuron's rest (its leak reversal; models without one: its starting V).
    const rest = s.matchMv ?? network.paramsOf(neuron).restMv;
    return {
      mode: 'conductance',
      excitatoryMv: s.excitatoryReversalMv ?? TRANSDUCTION_REVERSAL.excitatoryMv,
      inhibitoryMv: s.inhibitoryReversalMv ?? TRANSDUCTION_REVERSAL.inhibitoryMv,
      matchMv: typeof rest === 'number' ? rest : network.v[neuron],
    };
  };
  const out: ControllerBindings = { touch: [], tap: [], stretch: [], chemical: [], temperature: [], toxin: [], lawn: [], hunger: [], muscles: [] };
  for (const s of circuit.sensors) {
    const neuron = idx(s.neuron);
    const t = { transduction: transduction(s, neuron) };
    switch (s.sensor) {
      case 'touch':
        out.touch.push({ neuron, from: s.from, to: s.to, kind: s.kind, side: s.side ?? 'both', gain: s.gain, ...t });
        break;
      case 'tap':
        out.tap.push({ neuron, gain: s.gain, ...t });
        break;
      case 'stretch':
        out.stretch.push({
          neuron,
          at: s.at,
          side: s.side,
          gain: s.gain,
          ...(s.rateMs !== undefined && { rateMs: s.rateMs }),
          ...(s.lagMs !== undefined && { lagMs: s.lagMs }),
          ...t,
        });
        break;
      case 'chemical':
      case 'temperature':
      case 'toxin':
        out[s.sensor].push({
          neuron,
          side: s.side,
          response: s.response,
          gain: s.gain,
          ...(s.odour !== undefined && { odour: s.odour }),
          ...(s.setPointC !== undefined && { setPoint: s.setPointC }),
          ...t,
        });
        break;
      case 'lawn':
        out.lawn.push({ neuron, from: s.from, to: s.to, gain: s.gain, ...t });
        break;
      case 'hunger':
        out.hunger.push({ neuron, gain: s.gain, ...t });
        break;
    }
  }
  for (const m of circuit.muscles) out.muscles.push({ neuron: idx(m.neuron), side: m.side, from: m.from, to: m.to, gain: m.gain });
  return out;
}

/** True when some sensor binding of the circuit transduces by conductance: its network must be compiled to take external conductance. */
export function transducesConductance(circuit: Circuit): boolean {
  return circuit.sensors.some((s) => s.transduction === 'conductance');
}
