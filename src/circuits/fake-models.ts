/**
 * Small model tables for the circuit tests (the real registry lives in
 * src/neural/models). Shaped like the real models: a graded and a LIF model
 * with scalar params, an Izhikevich-like model with presets (one of which
 * also sets an init value), and a transmitter-like model whose params are
 * [excitatory, inhibitory] pairs and whose init has integer step counters.
 */
import type { ParamSpec } from '../neural/types';
import type { ModelTable } from './types';

const p = (def: number, min: number, max: number, unit: string, help: string, integer?: boolean): ParamSpec =>
  integer ? { default: def, min, max, unit, help, integer } : { default: def, min, max, unit, help };
const pair = (e: number, i: number, min: number, max: number, unit: string, help: string, integer?: boolean): ParamSpec =>
  integer ? { default: [e, i], min, max, unit, help, integer } : { default: [e, i], min, max, unit, help };

export const FAKE_MODELS: ModelTable = {
  graded: {
    params: {
      tauMs: p(10, 0.1, 1000, 'ms', 'membrane time constant'),
      restMv: p(-60, -100, 0, 'mV', 'resting potential'),
      vHalfMv: p(-40, -100, 50, 'mV', 'potential of half release'),
      gKNs: p(0.5, 0, 1000, 'nS', 'K⁺ rectifier conductance (0 = linear); version-1 files migrate to 0'),
    },
    init: { v: p(-60, -120, 60, 'mV', 'initial membrane potential') },
    presets: { fast: { tauMs: 2 }, sluggish: { tauMs: 100, restMv: -70 } },
  },
  lif: {
    params: {
      tauMs: p(20, 0.1, 1000, 'ms', 'membrane time constant'),
      thresholdMv: p(-50, -100, 50, 'mV', 'firing threshold'),
      refractoryMs: p(2, 0, 100, 'ms', 'absolute refractory period'),
    },
    init: { v: p(-65, -120, 60, 'mV', 'initial membrane potential') },
    presets: {},
  },
  izhikevich: {
    params: {
      a: p(0.02, 0, 1, '', 'recovery rate'),
      b: p(0.2, -1, 1, '', 'recovery sensitivity'),
      c: p(-65, -100, 0, 'mV', 'reset potential'),
      d: p(8, 0, 20, '', 'reset of recovery'),
    },
    init: { v: p(-65, -120, 60, 'mV', 'initial membrane potential'), u: p(-13, -100, 100, '', 'initial recovery') },
    presets: {
      'regular-spiking': { a: 0.02, b: 0.2, c: -65, d: 8 },
      'fast-spiking': { a: 0.1, b: 0.2, c: -65, d: 2, v: -70 },
    },
  },
  transmitter: {
    params: {
      threshold: pair(1, 1, 0, 100, '', 'accumulated level that activates the neuron'),
      returnability: pair(0.1, 0.1, 0, 1, '', 'fraction returned each step'),
      reproductivity: pair(1, 0, 0, 10, '', 'transmitter released per activation'),
    },
    init: {
      stepsToActivation: p(5, 0, 1000, 'steps', 'steps from threshold to activation', true),
      stepsToRecovery: p(0, 0, 1000, 'steps', 'steps left in recovery', true),
      accumulated: pair(0, 0, 0, 100, '', 'accumulated transmitter'),
    },
    presets: {},
  },
};
