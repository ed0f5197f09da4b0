/**
 * Small circuits for the Simulation's tests and benchmark, built in code (not
 * built-ins). Test support only: simulation code never imports this.
 */
import { circuitFromDoc, type Circuit, type CircuitDoc, type MuscleBinding, type NeuronEntry, type SensorBinding } from '../circuits';
import type { SynapseSpec } from '../neural/types';

export interface WaveCircuitOptions {
  /** 'head-to-tail': the delay line starts at the head (forward crawling); 'tail-to-head' starts at the tail. */
  direction: 'head-to-tail' | 'tail-to-head';
  /** Motor units along the body, each a left + right neuron over 1/units of it. Default 10. */
  units?: number;
  /** Delay of the pacemaker's self-inhibition, ms: half a period is about this. Default 1000 (≈ 0.48 Hz). */
  pacemakerDelayMs?: number;
  /** Synaptic delay between neighbouring units, ms. Default 450 (a body wave of 1/units × period/delay ≈ 0.47 body lengths at the default period). */
  unitDelayMs?: number;
  /** Gain of every muscle binding. Default 1. */
  muscleGain?: number;
  /** Extra sensors (e.g. touch receptors) and the neurons they need. */
  sensors?: SensorBinding[];
  extraNeurons?: NeuronEntry[];
}

// Graded neurons with C = 1 pF, τ = 20 ms (R = 20 mV/pA): 2 pA lifts V from −70 to −30 mV
// (output ≈ 0.98), and the 4 mV release slope makes each stage switch cleanly.
const GRADED = { capacitance: 1, tauMs: 20, restMv: -70, vHalfMv: -45, slopeMv: 4 };

/**
 * A pacemaker and a delay line that make a travelling bending wave from neurons alone:
 *
 * - P: tonic 2 pA and its own output back as delayed inhibition (3 pA after
 *   pacemakerDelayMs), so it is on for about that long, then off as long:
 *   a delay oscillator, period ≈ 2 × (delay + switching time).
 * - L0..L(u−1): each excited by the one before it (by P for the first) after
 *   unitDelayMs; each drives the left muscles of its stretch of body.
 * - R0..R(u−1): tonic 2 pA, inhibited by their L: on while L is off; each
 *   drives the right muscles of the same stretch.
 *
 * The line runs from the head (unit 0 over the nose) to the tail, or the
 * other way round, so the bend's phase lags toward the tail or the head.
 */
export function waveCircuitDoc(o: WaveCircuitOptions): CircuitDoc {
  const units = o.units ?? 10;
  const period = o.pacemakerDelayMs ?? 1000;
  const lag = o.unitDelayMs ?? 450;
  const gain = o.muscleGain ?? 1;
  const neurons: NeuronEntry[] = [{ id: 'P', model: 'graded', role: 'inter', transmitter: 'acetylcholine', params: { ...GRADED, tonicPa: 2 } }];
  const synapses: SynapseSpec[] = [{ kind: 'chemical', from: 'P', to: 'P', weight: 3, sign: 'inhibitory', delayMs: period }];
  const muscles: MuscleBinding[] = [];
  // Unit order along the delay line: head first for a head-to-tail wave.
  const order = Array.from({ length: units }, (_, i) => (o.direction === 'head-to-tail' ? i : units - 1 - i));
  let prev = 'P';
  for (const i of order) {
    const l = `L${i}`;
    const r = `R${i}`;
    neurons.push({ id: l, model: 'graded', role: 'motor', transmitter: 'acetylcholine', params: { ...GRADED } });
    neurons.push({ id: r, model: 'graded', role: 'motor', transmitter: 'acetylcholine', params: { ...GRADED, tonicPa: 2 } });
    synapses.push({ kind: 'chemical', from: prev, to: l, weight: 2, delayMs: lag });
    synapses.push({ kind: 'chemical', from: l, to: r, weight: 3, sign: 'inhibitory' });
    const from = Math.round((i / units) * 1000) / 1000;
    const to = Math.round(((i + 1) / units) * 1000) / 1000;
    muscles.push({ neuron: l, side: 'left', from, to, gain });
    muscles.push({ neuron: r, side: 'right', from, to, gain });
    prev = l;
  }
  return {
    format: 'neuroworm-circuit',
    version: 1,
    name: `test wave (${o.direction})`,
    neurons: [...neurons, ...(o.extraNeurons ?? [])],
    synapses,
    sensors: o.sensors ?? [],
    muscles,
  };
}

export function waveCircuit(o: WaveCircuitOptions): Circuit {
  return circuitFromDoc(waveCircuitDoc(o), `test-wave-${o.direction}.json`);
}

/** Touch receptors in the worm's layout: ALM anterior (0–0.5), PLM posterior (0.5–1), PVD harsh over the whole body. */
export const TOUCH_NEURONS: NeuronEntry[] = ['ALM', 'PLM', 'PVD'].map((id) => ({
  id,
  model: 'graded',
  role: 'sensory',
  transmitter: 'glutamate',
  params: { ...GRADED },
}));

export const TOUCH_SENSORS: SensorBinding[] = [
  { neuron: 'ALM', sensor: 'touch', from: 0, to: 0.5, kind: 'gentle', gain: 2 },
  { neuron: 'PLM', sensor: 'touch', from: 0.5, to: 1, kind: 'gentle', gain: 2 },
  { neuron: 'PVD', sensor: 'touch', from: 0, to: 1, kind: 'harsh', gain: 2 },
];

/** Only the touch receptors (no muscles): a worm that lies still and feels. */
export function touchCircuit(): Circuit {
  return circuitFromDoc(
    { format: 'neuroworm-circuit', version: 1, name: 'test touch', neurons: TOUCH_NEURONS, synapses: [], sensors: TOUCH_SENSORS, muscles: [] },
    'test-touch.json',
  );
}
