/**
 * Volume transmission in the schedule (modulation.ts holds the state): a
 * kernel that claims no synapse. At `synapses`, after the step's outputs are
 * known, each modulator's concentration moves toward release·Σ output of its
 * releasers, exactly for first-order kinetics (a bath holds it fixed), and
 * the receptors' effects per neuron are refreshed; release receptors scale
 * their neurons' outputs just before (releaseGainKernel). At `currents` of the next
 * step, after the chemical synapses added their currents and before the gap
 * junctions, receptors act: a neuron's chemical input (current − input) is
 * scaled by its gain, then its excitability current is added (and the
 * conductance of receptors that open channels, which makes the network
 * integrate conductance: `conductance: true`). Plastic
 * three-factor synapses read the per-neuron third factor at `plasticity`.
 */
import { freshKernel } from '../kernel';
import { receptorAdaptKernel, receptorEffectsKernel } from '../modulation';
import type { SynapseKernel } from './kernel-api';

export const modulators: SynapseKernel = {
  kind: 'modulators',
  claims: () => false,
  build(net) {
    const mod = net.modulation;
    if (!mod) return null;
    const { conc, bath, releaseStart, releasers, release, clearanceMs, inputGain, excite, openG, releaseGain, releaseNeurons, receptorNeuron, conducts } = mod;
    const { output, current, input, conductance, alive } = net.arrays;
    const decay = new Float64Array(conc.length);
    const neurons = Int32Array.from(new Set(receptorNeuron));
    const { receptorModulator, receptorAdaptation, receptorKeep, receptorMean } = mod;
    // Fresh copies per network (../kernel.ts): a step closure shared by every network gets generic code once a process holds several.
    const effects = freshKernel(receptorEffectsKernel)(
      mod.teach,
      inputGain,
      excite,
      openG,
      releaseGain,
      conc,
      receptorNeuron,
      receptorModulator,
      mod.receptorEffect,
      mod.receptorGain,
      mod.receptorReversal,
      mod.receptorPerConc,
      receptorAdaptation,
      receptorMean,
    );
    const adapt = freshKernel(receptorAdaptKernel)(conc, receptorModulator, receptorAdaptation, receptorKeep, receptorMean);
    return {
      kind: 'modulators',
      conductance: conducts,
      steps: [
        {
          name: 'modulators.receptors',
          when: 'currents',
          run: freshKernel(receptorsKernel)(neurons, alive, inputGain, current, input, conductance, excite, openG, conducts),
        },
        ...(releaseNeurons.length > 0
          ? [{ name: 'modulators.output', when: 'synapses' as const, run: freshKernel(releaseGainKernel)(releaseNeurons, releaseGain, output) }]
          : []),
        {
          name: 'modulators.release',
          when: 'synapses',
          run: freshKernel(releaseKernel)(conc, bath, releaseStart, releasers, release, decay, output, adapt, effects),
        },
      ],
      layout(dt) {
        for (let i = 0; i < conc.length; i++) decay[i] = Math.exp(-dt / clearanceMs[i]);
        for (let k = 0; k < mod.receptorKeep.length; k++) mod.receptorKeep[k] = Math.exp(-dt / mod.receptorAdaptationMs[k]);
      },
      reset() {
        for (let i = 0; i < conc.length; i++) conc[i] = Number.isNaN(bath[i]) ? 0 : bath[i];
        // Adapted to what is there at the start (a bath held before the run).
        for (let k = 0; k < mod.receptorMean.length; k++) mod.receptorMean[k] = conc[mod.receptorModulator[k]];
        effects();
      },
      ablate: () => {},
      cut: () => 0,
      loadWeights: () => {}, // no synapses
    };
  },
};

/** Receptors act on a neuron's chemical input: gain, then excitability current and channel conductance (self-contained: ../kernel.ts). */
export function receptorsKernel(
  neurons: Int32Array,
  alive: Uint8Array,
  inputGain: Float64Array,
  current: Float64Array,
  input: Float64Array,
  conductance: Float64Array,
  excite: Float64Array,
  openG: Float64Array,
  conducts: boolean,
): () => void {
  const m = neurons.length;
  return () => {
    for (let k = 0; k < m; k++) {
      const g = neurons[k];
      if (alive[g] === 0) continue;
      const a = inputGain[g];
      if (a !== 1) {
        current[g] = input[g] + (current[g] - input[g]) * a;
        conductance[g] *= a;
      }
      current[g] += excite[g];
      if (conducts) conductance[g] += openG[g];
    }
  };
}

/**
 * Release receptors scale their neurons' fresh outputs by the gain of the step before (self-contained: ../kernel.ts),
 * before the modulators read them: so muscles, current-based synapses and modulator release all read the scaled output.
 */
export function releaseGainKernel(neurons: Int32Array, releaseGain: Float64Array, output: Float64Array): () => void {
  const m = neurons.length;
  return () => {
    for (let k = 0; k < m; k++) output[neurons[k]] *= releaseGain[neurons[k]];
  };
}

/**
 * Each modulator's concentration one step toward release·Σ output of its
 * releasers (a bath holds it), the adapting receptors' running means one step
 * toward it (`adapt`, receptorAdaptKernel), then the receptors' effects (`effects`, receptorEffectsKernel)
 * (self-contained: ../kernel.ts).
 */
export function releaseKernel(
  conc: Float64Array,
  bath: Float64Array,
  releaseStart: Int32Array,
  releasers: Int32Array,
  release: Float64Array,
  decay: Float64Array,
  output: Float64Array,
  adapt: () => void,
  effects: () => void,
): () => void {
  const nm = conc.length;
  return () => {
    for (let i = 0; i < nm; i++) {
      if (!Number.isNaN(bath[i])) {
        conc[i] = bath[i];
        continue;
      }
      let sum = 0;
      for (let q = releaseStart[i]; q < releaseStart[i + 1]; q++) sum += output[releasers[q]];
      const target = release[i] * sum;
      conc[i] = target + (conc[i] - target) * decay[i];
    }
    adapt();
    effects();
  };
}
