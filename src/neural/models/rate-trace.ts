/**
 * The `output` of the spiking models (lif, izhikevich, hodgkin-huxley): a
 * smoothed firing rate in 0..1 that graded synapses, muscles and views read.
 *
 * Each neuron keeps a leaky spike count s: every step s decays by
 * exp(-dt / RATE_TRACE_TAU_MS) and then gains one per spike fired in the step;
 * output = s / (1 + s). At a steady rate r (spikes per ms) s averages r·τ, so
 * output ≈ rτ / (1 + rτ): 0.2 at 5 Hz, 0.5 at 20 Hz, 0.83 at 100 Hz, never 1.
 * The saturating map costs a division, not an exp; the decay factor is computed
 * once per dt, not per step. (LIF stores s against one global decaying scale
 * instead of decaying each neuron's count: the same trace, see lifKernel.)
 */
export const RATE_TRACE_TAU_MS = 50;

/** Per-step decay factor of the spike count for a step of dtMs. */
export function rateTraceDecay(dtMs: number): number {
  return Math.exp(-dtMs / RATE_TRACE_TAU_MS);
}
