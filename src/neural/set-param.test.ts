import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODELS } from './models/index';
import { Network } from './network';
import type { ModelKind, NetworkSpec, NeuronSpec, ParamValues } from './types';

/** Two neurons of one model driven by a constant input, so every model does something in 40 steps. */
const DRIVE: Record<ModelKind, { input: number; dt: number }> = {
  transmitter: { input: 3, dt: 1 },
  graded: { input: 30, dt: 1 },
  lif: { input: 3, dt: 0.5 },
  izhikevich: { input: 10, dt: 0.5 },
  'hodgkin-huxley': { input: 10, dt: 0.05 },
};

function spec(kind: ModelKind, params: ParamValues = {}): NetworkSpec {
  const neuron = (id: string): NeuronSpec => ({ id, model: kind, params, init: {} });
  return { neurons: [neuron('a'), neuron('b')], synapses: [{ kind: 'electrical', from: 'a', to: 'b', weight: 0.01 }] };
}

function run(net: Network, kind: ModelKind, steps: number): number[] {
  const { input, dt } = DRIVE[kind];
  net.input.fill(input);
  const trace: number[] = [];
  for (let s = 0; s < steps; s++) {
    net.step(dt);
    trace.push(net.v[0], net.v[1], net.spiked[0]);
  }
  return trace;
}

const KINDS = Object.keys(MODELS) as ModelKind[];

describe('Network.setParam on every model', () => {
  it('property: setting any parameter of any model, then reset(), equals building the network with it', () => {
    const pick = fc.constantFrom(...KINDS).chain((kind) =>
      fc.constantFrom(...Object.keys(MODELS[kind].params)).chain((name) => {
        const p = MODELS[kind].params[name];
        const one = p.integer ? fc.integer({ min: p.min, max: Math.min(p.max, 20) }) : fc.double({ min: p.min, max: p.max, noNaN: true });
        return fc.tuple(fc.constant(kind), fc.constant(name), Array.isArray(p.default) ? fc.tuple(one, one) : one);
      }),
    );
    fc.assert(
      fc.property(pick, ([kind, name, value]) => {
        let built: Network;
        try {
          built = Network.fromSpec(spec(kind, { [name]: value }));
        } catch {
          // A combination the model refuses at build time (LIF reset ≥ threshold) must be refused live too.
          expect(() => Network.fromSpec(spec(kind)).setParam('a', name, value)).toThrow();
          return;
        }
        const tuned = Network.fromSpec(spec(kind));
        tuned.setParam('a', name, value);
        tuned.setParam('b', name, value);
        // reset() restarts from the initial state the current parameters give (izhikevich u₀ = b·v₀).
        tuned.reset();
        expect(tuned.paramsOf(0)[name]).toEqual(value);
        expect(run(tuned, kind, 40)).toEqual(run(built, kind, 40));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the state and changes the dynamics from the next step (lif threshold, izhikevich d, squid gNa)', () => {
    const lif = Network.fromSpec(spec('lif'));
    const lifSpikes = (steps: number) =>
      run(lif, 'lif', steps)
        .filter((_, k) => k % 3 === 2)
        .reduce((x, y) => x + y, 0);
    expect(lifSpikes(200)).toBeGreaterThan(0);
    const v = lif.v[0];
    lif.setParam('a', 'thresholdMv', -30); // above V∞ = −70 + 10·3 = −40: silent from now on
    expect(lif.v[0]).toBe(v);
    expect(lifSpikes(400)).toBe(0);

    const squid = Network.fromSpec({ neurons: [{ id: 'a', model: 'hodgkin-huxley', preset: 'squid', params: {}, init: {} }], synapses: [] });
    squid.input[0] = 10;
    let spikes = 0;
    for (let s = 0; s < 2000; s++) {
      squid.step(0.05);
      spikes += squid.spiked[0];
    }
    expect(spikes).toBeGreaterThan(5);
    squid.setParam('a', 'gNa', 0);
    spikes = 0;
    for (let s = 0; s < 2000; s++) {
      squid.step(0.05);
      spikes += squid.spiked[0];
    }
    expect(spikes).toBe(0);

    const izh = Network.fromSpec({ neurons: [{ id: 'a', model: 'izhikevich', preset: 'regular-spiking', params: {}, init: {} }], synapses: [] });
    izh.input[0] = 10;
    const count = () => {
      let n = 0;
      for (let s = 0; s < 1000; s++) {
        izh.step(1);
        n += izh.spiked[0];
      }
      return n;
    };
    const adapted = count();
    izh.setParam('a', 'd', 2); // weaker adaptation: fires faster
    expect(count()).toBeGreaterThan(adapted);
  });

  it('refuses a LIF reset at or above its threshold, naming the neuron, and leaves the parameter as it was', () => {
    const net = Network.fromSpec(spec('lif'));
    expect(() => net.setParam('a', 'resetMv', -55)).not.toThrow();
    expect(() => net.setParam('a', 'thresholdMv', -55)).toThrow(/setParam "a": lif: neuron 0: resetMv \(-55\) must be below thresholdMv \(-55\)/);
    expect(net.paramsOf(0).thresholdMv).toBe(-50);
  });
});
