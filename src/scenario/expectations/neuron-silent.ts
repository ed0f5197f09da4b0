/** `neuronSilent: {neuron, threshold, after, for}` — the neuron's output stays under the threshold. */
import type { z } from 'zod';
import { anchor, neuron, num, strict, time } from '../fields';
import { SCENARIO_RANGES as R } from '../ranges';
import { samplesIn } from '../recording';
import { formatMs, round } from '../units';
import { windowOf } from '../windows';
import { checkAfterWindow, type ExpectationKind, span, win, windowDoc } from './kind';
import { neuronTraces } from './measures';
import { DEFAULT_THRESHOLD } from './neuron-fires';

const schema = strict(
  {
    neuron: neuron(),
    threshold: num('output threshold', R.threshold).optional(),
    after: anchor.optional(),
    for: time('window length (for)', R['within, for, window']).optional(),
  },
  'neuronSilent',
).transform((r) => ({ kind: 'neuronSilent' as const, neuron: r.neuron, threshold: r.threshold ?? DEFAULT_THRESHOLD, ...win(r) }));

export type NeuronSilent = z.output<typeof schema>;

export const neuronSilent: ExpectationKind<'neuronSilent', NeuronSilent> = {
  kind: 'neuronSilent',
  schema,
  check: (e, c) => {
    checkAfterWindow(c, e.after, e.forMs, 'for');
    return e;
  },
  needs: (e, _s, n) => n.neuron(e.neuron),
  refs: (e) => [{ neuron: e.neuron, field: 'neuron' }],
  evaluate: (e, rec, ctx) => {
    const [a, b] = windowOf(ctx.scenario, e.after, e.forMs);
    const { ids, traces } = neuronTraces(rec, ctx, e.neuron);
    const [i0, i1] = samplesIn(rec, a, b);
    let peak = 0;
    let peakAt = a;
    for (const tr of traces)
      for (let j = i0; j <= i1; j++)
        if (tr[j] > peak) {
          peak = tr[j];
          peakAt = rec.t[j];
        }
    return {
      name: `${e.neuron} is silent in ${span(a, b)}`,
      pass: peak < e.threshold,
      measured: peak,
      bound: `< ${e.threshold}`,
      unit: 'output',
      detail: `peak output of ${ids.join(', ')} ${round(peak, 4)} at ${formatMs(peakAt)}`,
    };
  },
  toDoc: (e) => ({ neuron: e.neuron, threshold: e.threshold, ...windowDoc(e) }),
  docs: { fields: '`neuron`, `threshold` (default 0.5), `after`, `for`', measured: 'peak output in the window', pass: '< threshold' },
};
