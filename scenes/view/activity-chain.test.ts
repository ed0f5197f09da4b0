import { describe, expect, test } from 'vitest';
import { createSimulation } from '../../src/sim/simulation';
import { activityChain, ActivityTrace, neuronClass } from './activity-chain';
import { buildCircuitView, circuitViewFromSpec } from './circuit-view';

describe('activityChain', () => {
  // ALML ~ AVDL → AVAL → VA1 → DD1, with a competing weak path PVCL → VA1 and an inhibitory AVBL ⊣ VA1.
  const ids = ['ALML', 'AVDL', 'AVAL', 'VA1', 'PVCL', 'AVBL', 'PLML', 'DD1'];
  const roles = ['sensory', 'inter', 'inter', 'motor', 'inter', 'inter', 'sensory', 'motor'] as const;
  const view = buildCircuitView(
    ids,
    [...roles],
    [
      { pre: 0, post: 1, kind: 1, sign: 0, weight: 3 },
      { pre: 4, post: 3, kind: 0, sign: 1, weight: 0.2 },
      { pre: 5, post: 3, kind: 0, sign: -1, weight: 9 },
      { pre: 1, post: 2, kind: 0, sign: 1, weight: 2 },
      { pre: 2, post: 3, kind: 0, sign: 1, weight: 2 },
      { pre: 6, post: 4, kind: 0, sign: 1, weight: 2 },
      { pre: 3, post: 7, kind: 0, sign: 1, weight: 2 },
    ],
  );

  test('traces back from the motor neuron that rose most, over the strongest rising inputs, to a sensory neuron', () => {
    const rise = [0.9, 0.8, 0.7, 0.6, 0.5, 0.9, 0.4, 0.2];
    expect(activityChain(view, rise)).toEqual(['ALM', 'AVD', 'AVA', 'VA1']);
    expect(activityChain(view, rise, 0.15, 2)).toEqual(['AVD', 'AVA', 'VA1']);
  });

  test('names only neurons that rose: a reversal no sense caused names none, and nothing rising names nothing', () => {
    expect(activityChain(view, [0, 0, 0.7, 0.6, 0, 0, 0, 0])).toEqual(['AVA', 'VA1']);
    expect(activityChain(view, [0.9, 0.1, 0.7, 0.6, 0, 0, 0, 0])).toEqual(['AVA', 'VA1']);
    expect(activityChain(view, [0.9, 0.9, 0.9, 0.1, 0, 0, 0, 0.1])).toEqual([]);
  });

  test('a tonically busy sensory neuron does not rise, and is not named', () => {
    const tr = new ActivityTrace();
    // PLML busy at 0.8 all along; at 5 s ALML, AVDL, AVAL and VA1 answer a touch.
    for (let t = 0; t <= 6000; t += 10) {
      const touched = t >= 5000 ? 1 : 0;
      tr.update([0.9 * touched, 0.8 * touched, 0.7 * touched, 0.6 * touched, 0.8, 0, 0.8, 0], t);
    }
    const rise = tr.rise();
    expect(rise[6]).toBeLessThan(0.05);
    expect(activityChain(view, rise)).toEqual(['ALM', 'AVD', 'AVA', 'VA1']);
  });

  test('class names only where dropping the left/right letter gives a real class', () => {
    // Before: "CHEML" → "CHEM", a class that does not exist.
    expect(['ALML', 'AVAR', 'VA10', 'DD1', 'ASHL', 'RMDDL', 'AVM', 'CHEML', 'AFDR'].map(neuronClass)).toEqual([
      'ALM',
      'AVA',
      'VA10',
      'DD1',
      'ASH',
      'RMDDL',
      'AVM',
      'CHEML',
      'AFD',
    ]);
  });
});

describe('on the worm: the pathway named is the one that carried the reversal', () => {
  /** The chain of each reversal in the first `ms` of a run. */
  function chains(arena: string, seed: number, ms: number): string[][] {
    const sim = createSimulation({ circuit: 'worm', arena, seed });
    const view = circuitViewFromSpec(sim.circuit.network);
    const trace = new ActivityTrace();
    const out: string[][] = [];
    sim.events$.subscribe((e) => {
      if (e.type === 'reversal-start') out.push(activityChain(view, trace.rise()));
    });
    while (sim.timeMs < ms) {
      sim.step();
      const t = sim.telemetry();
      trace.update(t.output, t.timeMs);
    }
    return out;
  }

  test.each([1, 2])('seed %i: walking into the hot band, heat through AFD (before: "CHEM → SMBV → RMDV", the busy chemosensor)', (seed) => {
    const first = chains('hot-zone', seed, 25_000)[0];
    expect(first?.slice(0, 3)).toEqual(['AFD', 'RIM', 'AVA']);
  });

  // Seeds 1 and 5 named ASH → AIB → RIV on the conductance worm (RIV flicked up when AVA dipped for ~0.2 s) until AVA ⊣ RIV
  // became a slow synapse (CONDUCTANCE_LAYERS.touch.avaRivTauMs, 200 ms: `npx tsx test/behaviour/toxin-chain.ts worm 1,2,3,4,5`).
  test.each([1, 2, 3, 4, 5])('seed %i: in the copper ring, the toxin through ASH', (seed) => {
    const first = chains('toxin-ring', seed, 22_000)[0];
    expect(first?.slice(0, 2)).toEqual(['ASH', 'AVA']);
  });
});
