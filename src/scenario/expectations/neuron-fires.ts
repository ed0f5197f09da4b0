/** `neuronFires: {neuron, after, within, threshold}` — the neuron's output reaches the threshold in time. */
import type { z } from 'zod';
import { anchor, neuron, num, strict, time } from '../fields';
import { SCENARIO_RANGES as R } from '../ranges';
import { samplesIn } from '../recording';
import { formatMs, round } from '../units';
import { anchorMs, describeAnchor } from '../windows';
import { anchorDoc, checkAfterWindow, type ExpectationKind, START, span } from './kind';
import { neuronTraces } from './measures';

export const DEFAULT_THRESHOLD = 0.5;

const schema = strict(
  {
    neuron: neuron(),
    after: anchor.optional(),
    within: time('time limit (within)', R['within, for, window']),
    threshold: num('output threshold', R.threshold).optional(),
  },
  'neuronFires',
).transform((r) => ({
  kind: 'neuronFires' as const,
  neuron: r.neuron,
  after: r.after ?? START,
  withinMs: r.within,
  threshold: r.threshold ?? DEFAULT_THRESHOLD,
}));

export type NeuronFires = z.output<typeof schema>;

export const neuronFires: ExpectationKind<'neuronFires', NeuronFires> = {
  kind: 'neuronFires',
  schema,
  check: (e, c) => {
    checkAfterWindow(c, e.after, e.withinMs, 'within');
    return e;
  },
  needs: (e, _s, n) => n.neuron(e.neuron),
  refs: (e) => [{ neuron: e.neuron, field: 'neuron' }],
  evaluate: (e, rec, ctx) => {
    const a = anchorMs(ctx.scenario, e.after);
    const b = a + e.withinMs;
    const name = `${e.neuron} fires within ${formatMs(e.withinMs)} after ${describeAnchor(e.after)}`;
    const { ids, traces } = neuronTraces(rec, ctx, e.neuron);
    const [i0, i1] = samplesIn(rec, a, b);
    let peak = 0;
    for (let j = i0; j <= i1; j++) {
      for (let n = 0; n < traces.length; n++) {
        peak = Math.max(peak, traces[n][j]);
        if (traces[n][j] >= e.threshold)
          return {
            name,
            pass: true,
            measured: rec.t[j] - a,
            bound: `≤ ${e.withinMs}`,
            unit: 'ms',
            detail: `${ids[n]} output ${round(traces[n][j], 4)} ≥ ${e.threshold} at ${formatMs(rec.t[j])}`,
          };
      }
    }
    return {
      name,
      pass: false,
      measured: null,
      bound: `≤ ${e.withinMs}`,
      unit: 'ms',
      detail: `output of ${ids.join(', ')} peaked at ${round(peak, 4)} < ${e.threshold} in ${span(a, b)}`,
    };
  },
  toDoc: (e) => ({ neuron: e.neuron, after: anchorDoc(e.after), within: e.withinMs, threshold: e.threshold }),
  docs: {
    fields: '`neuron`, `after`, `within`, `threshold` (0..1, default 0.5)',
    measured: 'latency (ms) to the first sample whose output (the peak since the previous sample, so short bursts count) reaches the threshold',
    pass: 'crossed in time',
  },
};
