/**
 * Volume transmission in the schedule (modulation.ts holds the state): a
 * kernel that claims no synapse. At `synapses`, after the step's outputs are
 * known, each modulator's concentration moves toward release·Σ output of its
 * releasers, exactly for first-order kinetics (a bath holds it fixed), and
 * the receptors' effects per neuron are refreshed. At `currents` of the next
 * step, after the chemical synapses added their currents and before the gap
 * junctions, receptors act: a neuron's chemical input (current − input) is
 * scaled by its gain, then its excitability current is added (and the
 * conductance of receptors that open channels, which makes the network
 * integrate conductance: `conductance: true`). Plastic
 * three-factor synapses read the per-neuron third factor at `plasticity`.
 */
import { adaptReceptors, applyReceptors } from '../modulation';
import type { SynapseKernel } from './kernel-api';

export const modulators: SynapseKernel = {
  kind: 'modulators',
  claims: () => false,
  build(net) {
    const mod = net.modulation;
    if (!mod) return null;
    const { conc, bath, releaseStart, releasers, release, clearanceMs, inputGain, excite, openG, receptorNeuron, conducts } = mod;
    const { output, current, input, conductance, alive } = net.arrays;
    const decay = new Float64Array(conc.length);
    const neurons = Int32Array.from(new Set(receptorNeuron));
    return {
      kind: 'modulators',
      conductance: conducts,
      steps: [
        {
          name: 'modulators.receptors',
          when: 'currents',
          run() {
            for (let k = 0; k < neurons.length; k++) {
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
          },
        },
        {
          name: 'modulators.release',
          when: 'synapses',
          run() {
            for (let i = 0; i < conc.length; i++) {
              if (!Number.isNaN(bath[i])) {
                conc[i] = bath[i];
                continue;
              }
              let sum = 0;
              for (let r = releaseStart[i]; r < releaseStart[i + 1]; r++) sum += output[releasers[r]];
              const target = release[i] * sum;
              conc[i] = target + (conc[i] - target) * decay[i];
            }
            adaptReceptors(mod);
            applyReceptors(mod);
          },
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
        applyReceptors(mod);
      },
      ablate: () => {},
      cut: () => 0,
      loadWeights: () => {}, // no synapses
    };
  },
};
