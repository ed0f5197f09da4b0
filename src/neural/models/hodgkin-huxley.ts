import type { NeuronModel, ParamValues, Population } from '../types';
import { column } from './param-values';
import { rateTraceDecay } from './rate-trace';

/**
 * Hodgkin–Huxley neuron (modern convention: V in mV, rest near −65 mV), with
 * the optional calcium channel of seed 003:
 *
 *   C dV/dt = I − gNa m³h (V − ENa) − gK n⁴ (V − EK) − gCa ca (V − ECa) − gL (V − EL)
 *   dx/dt = αx(V)(1 − x) − βx(V) x        for x in m, h, n, ca
 *
 * I in µA/cm², g in mS/cm², C in µF/cm². Rate functions (1/ms) are the
 * seed's, which for m, h, n are the standard squid ones; ca is the seed's own.
 *
 * Numerical method, the seed's, step for step: per sub-step of h ms, V is
 * advanced by forward Euler from the old gates, then every gate by forward
 * Euler using the NEW V. A caller's dt is split into equal sub-steps of at
 * most `maxSubstepMs` (default 0.01 ms, the seed's dt), so dt = 0.01 is
 * exactly the seed's scheme and dt = 1 ms is 100 of its steps. Forward Euler
 * on V is stable while h·g_total/C < 2 (g_total peaks near 40 mS/cm² in a
 * squid spike): measured, squid stays stable up to 0.05 ms sub-steps and
 * blows up at 0.1 ms. So that no parameters in range can blow up, the
 * sub-step is also capped at 1.8·C/(gNa + gK + gL + gCa), 90 % of the limit
 * with every channel fully open (0.0115 ms for squid, 0.017 for the seed's
 * neuron: neither changes the default 0.01). Gates are clamped to [0, 1], which
 * never binds in the stable range (it only stops runaway under absurd
 * hyperpolarisation); the ca gate is integrated only where gCa > 0, since it
 * has no effect elsewhere (its column then stays at its initial value).
 *
 * Spike: an upward crossing of 0 mV within the caller's step.
 */

// Rate functions. The three α with a removable singularity use their limit
// within 1e-6 mV of it: x/(1 − e^(−x/k)) → k(1 + x/(2k)).
export function alphaM(v: number): number {
  const x = v + 40;
  if (Math.abs(x) < 1e-6) return 1 + x / 20;
  return (0.1 * (v + 40)) / (1 - Math.exp(-(v + 40) / 10));
}
export function betaM(v: number): number {
  return 4.0 * Math.exp(-(v + 65) / 18);
}
export function alphaH(v: number): number {
  return 0.07 * Math.exp(-(v + 65) / 20);
}
export function betaH(v: number): number {
  return 1 / (1 + Math.exp(-(v + 35) / 10));
}
export function alphaN(v: number): number {
  const x = v + 55;
  if (Math.abs(x) < 1e-6) return 0.1 * (1 + x / 20);
  return (0.01 * (v + 55)) / (1 - Math.exp(-(v + 55) / 10));
}
export function betaN(v: number): number {
  return 0.125 * Math.exp(-(v + 65) / 80);
}
export function alphaCa(v: number): number {
  const x = v + 30;
  if (Math.abs(x) < 1e-6) return 1.8 * (1 + x / 18);
  return (0.2 * (v + 30)) / (1 - Math.exp(-(v + 30) / 9));
}
export function betaCa(v: number): number {
  return 0.1 * Math.exp(-(v + 40) / 10);
}

export const hodgkinHuxleyModel: NeuronModel = {
  kind: 'hodgkin-huxley',
  help: 'Hodgkin–Huxley conductance model (squid axon, optionally with a calcium channel): real spike shapes, fine time step.',
  currentUnit: 'µA/cm²',
  conductanceUnit: 'mS/cm²',
  spiking: true,
  params: {
    cm: { default: 1, min: 0.1, max: 10, unit: 'µF/cm²', help: 'Membrane capacitance: larger = slower voltage changes.' },
    gNa: { default: 120, min: 0, max: 500, unit: 'mS/cm²', help: 'Maximum sodium conductance (the spike upstroke).' },
    gK: { default: 36, min: 0, max: 200, unit: 'mS/cm²', help: 'Maximum potassium conductance (the downstroke).' },
    gL: { default: 0.3, min: 0, max: 10, unit: 'mS/cm²', help: 'Leak conductance.' },
    gCa: { default: 0, min: 0, max: 50, unit: 'mS/cm²', help: 'Maximum calcium conductance (0 = squid, 2 = seed 003).' },
    eNa: { default: 50, min: 0, max: 150, unit: 'mV', help: 'Sodium reversal potential.' },
    eK: { default: -77, min: -120, max: -30, unit: 'mV', help: 'Potassium reversal potential.' },
    eL: { default: -54.387, min: -100, max: 0, unit: 'mV', help: 'Leak reversal potential (−54.387 puts squid rest at −65).' },
    eCa: { default: 140, min: 0, max: 200, unit: 'mV', help: 'Calcium reversal potential.' },
    maxSubstepMs: {
      default: 0.01,
      min: 0.001,
      max: 0.05,
      unit: 'ms',
      help: "Largest internal Euler step (0.01 = the seed's); also capped at 1.8·cm/(sum of g) for stability.",
    },
  },
  init: {
    v: { default: -65, min: -100, max: 50, unit: 'mV', help: 'Membrane potential at the start; gates start at their steady state for it.' },
  },
  presets: {
    // Hodgkin & Huxley 1952, modern convention (rest −65 mV).
    squid: { cm: 1, gNa: 120, gK: 36, gL: 0.3, gCa: 0, eNa: 50, eK: -77, eL: -54.387, v: -65 },
    // Seed 003's calcium-extended neuron, constants as written; starts at −70 mV.
    'seed-calcium': { cm: 1.5, gNa: 120, gK: 36, gL: 0.3, gCa: 2, eNa: 50, eK: -77, eL: -54.387, eCa: 140, v: -70 },
  },
  createPopulation: createHodgkinHuxleyPopulation,
};

function createHodgkinHuxleyPopulation(neurons: ReadonlyArray<{ params: ParamValues; init: ParamValues }>): Population {
  const size = neurons.length;
  const col = (group: 'params' | 'init', key: string) => column(neurons, group, key, 'hodgkin-huxley');
  const cm = col('params', 'cm');
  const gNa = col('params', 'gNa');
  const gK = col('params', 'gK');
  const gL = col('params', 'gL');
  const gCa = col('params', 'gCa');
  const eNa = col('params', 'eNa');
  const eK = col('params', 'eK');
  const eL = col('params', 'eL');
  const eCa = col('params', 'eCa');
  const maxSubstep = col('params', 'maxSubstepMs');
  const v0 = col('init', 'v');

  const v = new Float64Array(size);
  const m = new Float64Array(size);
  const h = new Float64Array(size);
  const n = new Float64Array(size);
  const ca = new Float64Array(size);
  const spiked = new Uint8Array(size);
  const output = new Float64Array(size);
  const spikeCount = new Float64Array(size);
  const substeps = new Int32Array(size);
  const substepMs = new Float64Array(size);
  let lastDt = Number.NaN;
  let traceDecay = 1;

  function prepare(dt: number): void {
    for (let i = 0; i < size; i++) {
      // Forward Euler on V is stable for h < 2C/g; keep 10 % below that with every channel fully open.
      const stable = (1.8 * cm[i]) / (gNa[i] + gK[i] + gL[i] + gCa[i]);
      const largest = Math.min(maxSubstep[i], stable);
      // The 1e-12 keeps dt = k·maxSubstep at k sub-steps despite rounding (1 ms / 0.01 ms → 100).
      const count = Math.max(1, Math.ceil((dt / largest) * (1 - 1e-12)));
      substeps[i] = count;
      substepMs[i] = dt / count;
    }
    traceDecay = rateTraceDecay(dt);
    lastDt = dt;
  }

  function step(dt: number, current: Float64Array, conductance?: Float64Array): void {
    if (dt !== lastDt) prepare(dt);
    for (let i = 0; i < size; i++) {
      let V = v[i];
      let mi = m[i];
      let hi = h[i];
      let ni = n[i];
      let ci = ca[i];
      const input = current[i];
      const dtSub = substepMs[i];
      const gNai = gNa[i],
        gKi = gK[i],
        gLi = gL[i],
        gCai = gCa[i];
      const eNai = eNa[i],
        eKi = eK[i],
        eLi = eL[i],
        eCai = eCa[i],
        cmi = cm[i];
      const withCa = gCai !== 0;
      // Conductance input (current − G·V) taken implicitly in V: stable at any G. Without it keep = 1 exactly (the seed's numbers).
      const keep = conductance ? 1 / (1 + (dtSub * conductance[i]) / cmi) : 1;
      let fired = 0;
      for (let k = substeps[i]; k > 0; k--) {
        // Same operations in the same order as seed 003, so dt = 0.01 reproduces it.
        const iNa = gNai * (mi * mi * mi) * hi * (V - eNai);
        const iK = gKi * (ni * ni * ni * ni) * (V - eKi);
        const iCa = gCai * ci * (V - eCai);
        const iL = gLi * (V - eLi);
        const iIon = input - (iNa + iK + iCa + iL);
        const before = V;
        V = (V + (dtSub * iIon) / cmi) * keep;
        if (before < 0 && V >= 0) fired++;
        mi += dtSub * (alphaM(V) * (1 - mi) - betaM(V) * mi);
        hi += dtSub * (alphaH(V) * (1 - hi) - betaH(V) * hi);
        ni += dtSub * (alphaN(V) * (1 - ni) - betaN(V) * ni);
        // Written so that NaN (0·∞ from an overflowing rate far outside any real voltage) also becomes 0.
        mi = mi > 0 ? Math.min(mi, 1) : 0;
        hi = hi > 0 ? Math.min(hi, 1) : 0;
        ni = ni > 0 ? Math.min(ni, 1) : 0;
        if (withCa) {
          ci += dtSub * (alphaCa(V) * (1 - ci) - betaCa(V) * ci);
          ci = ci > 0 ? Math.min(ci, 1) : 0;
        }
      }
      v[i] = V;
      m[i] = mi;
      h[i] = hi;
      n[i] = ni;
      ca[i] = ci;
      spiked[i] = fired > 0 ? 1 : 0;
      const s = spikeCount[i] * traceDecay + fired;
      spikeCount[i] = s;
      output[i] = s / (1 + s);
    }
  }

  function reset(): void {
    for (let i = 0; i < size; i++) {
      const V = v0[i];
      v[i] = V;
      m[i] = alphaM(V) / (alphaM(V) + betaM(V));
      h[i] = alphaH(V) / (alphaH(V) + betaH(V));
      n[i] = alphaN(V) / (alphaN(V) + betaN(V));
      ca[i] = alphaCa(V) / (alphaCa(V) + betaCa(V));
    }
    spiked.fill(0);
    output.fill(0);
    spikeCount.fill(0);
  }

  const columns: Record<string, Float64Array> = { cm, gNa, gK, gL, gCa, eNa, eK, eL, eCa, maxSubstepMs: maxSubstep };

  /**
   * Live tuning: V, the gates and the rate trace are kept. Capacitance,
   * conductances and the sub-step limit change the stable sub-step, so the
   * sub-step counts are recomputed on the next step.
   */
  function setParam(i: number, name: string, value: number | readonly [number, number]): void {
    const col = Object.hasOwn(columns, name) ? columns[name] : undefined;
    if (!col || typeof value !== 'number') throw new Error(`hodgkin-huxley: cannot set "${name}" to ${JSON.stringify(value)}`);
    col[i] = value;
    lastDt = Number.NaN;
  }

  reset();
  return { kind: 'hodgkin-huxley', size, v, spiked, output, variables: { m, h, n, ca }, step, reset, setParam };
}
