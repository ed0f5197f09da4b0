/**
 * Plastic synapses against their published forms: the STDP window (Song,
 * Miller & Abbott 2000) sampled and compared to the formula, soft bounds, the
 * BCM threshold, the three-factor sign (Izhikevich 2007), two-timescale
 * depression, bounds under random activity (fast-check), and the network's
 * learned-weights API.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Network } from './network';
import type { ChemicalSynapseSpec, ModulatorSpec, NetworkSpec, NeuronSpec, PlasticSpec, ReceptorSpec } from './types';

const DT = 1;
const lif = (id: string): NeuronSpec => ({ id, model: 'lif', params: {}, init: {} });
const graded = (id: string, params: Record<string, number> = {}): NeuronSpec => ({ id, model: 'graded', params: { gKNs: 0, ...params }, init: {} });
const syn = (from: string, to: string, weight: number, plastic: PlasticSpec): ChemicalSynapseSpec => ({ kind: 'chemical', from, to, weight, plastic });

/** Runs a network, forcing the named neurons to spike at the given steps (1000 nA for one step: a LIF cell fires in that step). */
function runSpikes(net: Network, spikes: Record<string, number[]>, steps: number, each?: (step: number) => void): Record<string, number[]> {
  const fired: Record<string, number[]> = {};
  for (const id of net.ids) fired[id] = [];
  for (let t = 0; t < steps; t++) {
    net.input.fill(0);
    for (const [id, at] of Object.entries(spikes)) if (at.includes(t)) net.input[net.indexOf(id)] = 1000;
    net.step(DT);
    for (let g = 0; g < net.size; g++) if (net.spiked[g]) fired[net.ids[g]].push(t);
    each?.(t);
  }
  return fired;
}

const weight = (net: Network) => net.plasticWeights()[0].weight;

describe('STDP window (Song, Miller & Abbott 2000)', () => {
  const A_PLUS = 0.01,
    A_MINUS = 0.0105,
    TAU_PLUS = 17,
    TAU_MINUS = 34,
    W_MAX = 0.2,
    W0 = 0.1;
  const pair = (dt: number, bounds: 'hard' | 'soft' = 'hard') => {
    const spec: NetworkSpec = {
      neurons: [lif('pre'), lif('post')],
      synapses: [
        syn('pre', 'post', W0, { rule: 'stdp', bounds, params: { aPlus: A_PLUS, aMinus: A_MINUS, tauPlusMs: TAU_PLUS, tauMinusMs: TAU_MINUS, wMax: W_MAX } }),
      ],
    };
    const net = Network.fromSpec(spec);
    const tPre = 100;
    const fired = runSpikes(net, { pre: [tPre], post: [tPre + dt] }, 500);
    expect(fired.pre).toEqual([tPre]);
    expect(fired.post).toEqual([tPre + dt]);
    return weight(net) - W0;
  };

  it('matches Δw = +A+·wMax·e^(−Δt/τ+) for Δt ≥ 0 and −A−·wMax·e^(Δt/τ−) for Δt < 0, sampled from −80 to +80 ms', () => {
    for (let dt = -80; dt <= 80; dt += 4) {
      const expected = dt >= 0 ? A_PLUS * W_MAX * Math.exp(-dt / TAU_PLUS) : -A_MINUS * W_MAX * Math.exp(dt / TAU_MINUS);
      expect(pair(dt), `Δt = ${dt} ms`).toBeCloseTo(expected, 12);
    }
  });

  it('has the window shape: the sign by order, the amplitudes A± at Δt → 0, the time constants at Δt = ±τ', () => {
    expect(pair(1)).toBeGreaterThan(0);
    expect(pair(-1)).toBeLessThan(0);
    expect(pair(0) / W_MAX).toBeCloseTo(A_PLUS, 12);
    expect(pair(TAU_PLUS) / pair(0)).toBeCloseTo(Math.exp(-1), 12);
    expect(pair(-TAU_MINUS) / pair(-1)).toBeCloseTo(Math.exp(-1 + 1 / TAU_MINUS), 12);
    expect(Math.abs(pair(300))).toBeLessThan(1e-10);
  });

  it('soft bounds scale potentiation by the room left (wMax − w) and depression by w − wMin', () => {
    expect(pair(10, 'soft')).toBeCloseTo(A_PLUS * (W_MAX - W0) * Math.exp(-10 / TAU_PLUS), 12);
    expect(pair(-10, 'soft')).toBeCloseTo(-A_MINUS * W0 * Math.exp(-10 / TAU_MINUS), 12);
  });

  it('refuses graded neurons, naming the synapse and the rules that fit', () => {
    const spec: NetworkSpec = { neurons: [graded('a'), graded('b')], synapses: [syn('a', 'b', 1, { rule: 'stdp' })] };
    expect(() => Network.fromSpec(spec)).toThrow(/synapses\[0\] \(a → b\), plastic rule stdp: STDP needs spiking neurons.*"bcm" or "three-factor"/);
  });
});

describe('BCM (sliding threshold)', () => {
  // The postsynaptic cell sits at rest; the synapse (1 pA, pre fully on) lifts it to about −55 mV, output ≈ 0.05.
  const net = (theta0: number) =>
    Network.fromSpec({
      neurons: [graded('pre', { tonicPa: 30 }), graded('post')],
      synapses: [syn('pre', 'post', 1, { rule: 'bcm', params: { rate: 0.01, theta0, tauThetaMs: 1e6, wMax: 5 } })],
    });
  it('strengthens when the postsynaptic output is above θ and weakens below it', () => {
    const high = net(0.01);
    const low = net(0.5);
    for (let t = 0; t < 500; t++) {
      high.step(DT);
      low.step(DT);
    }
    expect(weight(high)).toBeGreaterThan(1);
    expect(weight(low)).toBeLessThan(1);
  });
  it('θ follows post²: a fast threshold ends the change once it has caught up', () => {
    const n = Network.fromSpec({
      neurons: [graded('pre', { tonicPa: 30 }), graded('post', { tonicPa: 40 })],
      synapses: [syn('pre', 'post', 1, { rule: 'bcm', params: { rate: 0.01, theta0: 0.05, tauThetaMs: 50, wMax: 5 } })],
    });
    const w: number[] = [];
    for (let t = 0; t < 3000; t++) {
      n.step(DT);
      w.push(weight(n));
    }
    // y settles near 1 and θ near y² ≈ y: the change per step dies out.
    expect(Math.abs(w[2999] - w[2998])).toBeLessThan(1e-6);
    expect(w[2999]).toBeGreaterThan(1);
  });
});

describe('three-factor (reward-modulated STDP, Izhikevich 2007)', () => {
  const setup = (receptorGain: number | null, rate = 0.001) => {
    const modulators: ModulatorSpec[] = [{ name: 'dopamine', from: ['pre'], release: 0, clearanceMs: 200 }];
    const receptors: ReceptorSpec[] = receptorGain === null ? [] : [{ neuron: 'post', modulator: 'dopamine', effect: 'plasticity', gain: receptorGain }];
    return Network.fromSpec({
      neurons: [lif('pre'), lif('post')],
      synapses: [syn('pre', 'post', 0.1, { rule: 'three-factor', params: { rate, wMax: 0.2, tauEligibilityMs: 1000 } })],
      modulators,
      receptors,
    });
  };
  /** Pairs 5 times (pre then post by `lag` ms), then a 200 ms bath of dopamine 500 ms later. */
  const trial = (receptorGain: number | null, lag: number, bath: boolean, rate?: number) => {
    const net = setup(receptorGain, rate);
    const pre = [0, 50, 100, 150, 200].map((t) => t + 20);
    runSpikes(net, { pre, post: pre.map((t) => t + lag) }, 700);
    const before = weight(net);
    if (bath) net.setBath('dopamine', 1);
    runSpikes(net, {}, 200);
    net.setBath('dopamine', null);
    runSpikes(net, {}, 300);
    return { before, after: weight(net) };
  };

  it('pairing alone changes nothing: the trace only tags the synapse', () => {
    expect(trial(1, 5, false)).toEqual({ before: 0.1, after: 0.1 });
  });
  it('reward after pre → post pairs potentiates', () => {
    const r = trial(1, 5, true);
    expect(r.before).toBe(0.1);
    expect(r.after).toBeGreaterThan(0.1 + 1e-4);
  });
  it('punishment (a receptor of negative gain) after pre → post depresses', () => {
    expect(trial(-1, 5, true).after).toBeLessThan(0.1 - 1e-4);
  });
  it('a negative rate: the same reward depresses this synapse, as much as a receptor of negative gain would', () => {
    expect(trial(1, 5, true, -0.001).after).toBeCloseTo(trial(-1, 5, true).after, 12);
    expect(trial(1, 5, true, -0.001).after).toBeLessThan(0.1 - 1e-4);
  });
  it('reward after post → pre pairs depresses', () => {
    expect(trial(1, -5, true).after).toBeLessThan(0.1 - 1e-4);
  });
  it('no receptor for the modulator: no change, however much of it', () => {
    expect(trial(null, 5, true).after).toBe(0.1);
  });
  it('the change fades with the delay between pairing and reward (eligibility τ)', () => {
    const late = (wait: number) => {
      const net = setup(1);
      runSpikes(net, { pre: [20], post: [25] }, 30 + wait);
      net.setBath('dopamine', 1);
      runSpikes(net, {}, 100);
      return weight(net) - 0.1;
    };
    expect(late(2000) / late(0)).toBeCloseTo(Math.exp(-2000 / 1000), 2);
  });
  it('forgetMs: the learned change fades back to the file’s weight with that time constant; without it the change stays', () => {
    const learned = (forgetMs: number | undefined) => {
      const params = { rate: 0.001, wMax: 0.2, tauEligibilityMs: 1000, ...(forgetMs !== undefined && { forgetMs }) };
      const net = Network.fromSpec({
        neurons: [lif('pre'), lif('post')],
        synapses: [syn('pre', 'post', 0.1, { rule: 'three-factor', params })],
        modulators: [{ name: 'dopamine', from: ['pre'], release: 0, clearanceMs: 200 }],
        receptors: [{ neuron: 'post', modulator: 'dopamine', effect: 'plasticity', gain: 1 }],
      });
      runSpikes(net, { pre: [20, 70, 120], post: [25, 75, 125] }, 150);
      net.setBath('dopamine', 1);
      runSpikes(net, {}, 100);
      net.setBath('dopamine', null);
      runSpikes(net, {}, 3000); // the dopamine clears (τ 200 ms) and the tag fades (τ 1 s): nothing more is learned
      const gained = weight(net) - 0.1;
      runSpikes(net, {}, 3000);
      return { gained, left: weight(net) - 0.1 };
    };
    const kept = learned(undefined);
    expect(kept.gained).toBeGreaterThan(1e-5);
    expect(kept.left / kept.gained).toBeCloseTo(1, 6);
    const fading = learned(1500);
    expect(fading.gained).toBeGreaterThan(1e-5);
    expect(fading.left / fading.gained).toBeCloseTo(Math.exp(-3000 / 1500), 2);
  });
});

describe('two-timescale short-term depression', () => {
  const net = () =>
    Network.fromSpec({
      neurons: [lif('pre'), lif('post')],
      synapses: [syn('pre', 'post', 0.05, { rule: 'short-term', params: { useFast: 0.3, recoveryFastMs: 2000, useSlow: 0.05, recoverySlowMs: 60000 } })],
    });
  it('one spike leaves efficacy (1 − uF·rF^k)(1 − uS·rS^k) k steps later: each pool recovers at its own rate', () => {
    const g = (at: number[]) => {
      const fresh = net();
      let ge = 0;
      runSpikes(fresh, { pre: at }, at[at.length - 1] + 2, (t) => {
        if (t === at[at.length - 1] + 1) ge = fresh.current[1];
      });
      return ge;
    };
    // The current one step after a spike is w·efficacy (the exponential current, not yet decayed).
    const first = g([10]);
    const second = g([10, 13]);
    const rF = Math.exp(-3 / 2000),
      rS = Math.exp(-3 / 60000);
    // The second spike's current rides on the first's, decayed over 3 steps (τe 5 ms): subtract it.
    const decay = Math.exp(-3 / 5);
    expect(first).toBeCloseTo(0.05, 14);
    expect((second - first * decay) / first).toBeCloseTo((1 - 0.3 * rF) * (1 - 0.05 * rS), 10);
    expect(net().plasticWeights()).toEqual([]);
  });
  it('facilitation adds F per spike to the next release, fading with τF', () => {
    const probe = (at: number[]) => {
      const n = Network.fromSpec({
        neurons: [lif('pre'), lif('post')],
        synapses: [syn('pre', 'post', 0.05, { rule: 'short-term', params: { useFast: 0, useSlow: 0, facilitation: 0.5, facilitationMs: 500 } })],
      });
      let I = 0;
      runSpikes(n, { pre: at }, at[at.length - 1] + 2, (t) => {
        if (t === at[at.length - 1] + 1) I = n.current[1];
      });
      return I;
    };
    const first = probe([10]);
    // The spike at 13 uses the efficacy left at the end of step 12: 1 + 0.5·e^(−2/500).
    expect((probe([10, 13]) - first * Math.exp(-3 / 5)) / first).toBeCloseTo(1 + 0.5 * Math.exp(-2 / 500), 10);
  });
  it('a graded presynaptic cell uses its pools by output: xS/(1 + dt·uS·xF·o), xF/(1 + dt·uF·o) per ms, then recovery', () => {
    const n = Network.fromSpec({
      neurons: [{ id: 'pre', model: 'graded', params: { gKNs: 0, vHalfMv: -65 }, init: {} }, graded('post')],
      synapses: [syn('pre', 'post', 1, { rule: 'short-term', params: { useFast: 0.01, recoveryFastMs: 1000, useSlow: 0.001, recoverySlowMs: 1e5 } })],
    });
    let xF = 1,
      xS = 1;
    for (let t = 0; t < 50; t++) {
      n.step(1);
      // The current of this step used the efficacy of the step before, at output 0.5 (vHalf = rest).
      expect(n.current[1]).toBeCloseTo(xF * xS * 0.5, 12);
      xS = 1 - (1 - xS / (1 + 0.001 * xF * 0.5)) * Math.exp(-1 / 1e5);
      xF = 1 - (1 - xF / (1 + 0.01 * 0.5)) * Math.exp(-1 / 1000);
    }
    // synapseResource reads the efficacy the next step will use (a habituation study reads the pools through it).
    expect(n.synapseResource('pre', 'post')).toBeCloseTo(xF * xS, 12);
    expect(xF * xS).toBeLessThan(0.9);
  });
  it('short intervals habituate deeper and recover faster than long ones (rate sensitivity)', () => {
    const train = (isi: number) => {
      const n = net();
      const at = Array.from({ length: 10 }, (_, i) => 10 + i * isi);
      const responses: number[] = [];
      const probe = (t: number) => {
        if (at.includes(t - 1)) responses.push(n.current[1]);
      };
      runSpikes(n, { pre: at }, at[9] + 2, probe);
      // Recovery: a probe spike 20 s after the last.
      let recovered = 0;
      const end = at[9] + 20000;
      runSpikes(n, { pre: [end - at[9] - 2] }, end - at[9], (t) => {
        if (t === end - at[9] - 1) recovered = n.current[1];
      });
      return { depth: responses[9] / responses[0], recovery: recovered / responses[0], last: responses[9] / responses[0] };
    };
    const short = train(1000);
    const long = train(10000);
    expect(short.depth).toBeLessThan(long.depth);
    // Recovery after training: how much of the lost response came back in 20 s.
    const back = (r: { recovery: number; last: number }) => (r.recovery - r.last) / (1 - r.last);
    expect(back(short)).toBeGreaterThan(back(long));
  });
  it('the slow pool is used by what the fast pool releases (a cascade): close stimuli wear it less than spaced ones, so short-interval training leaves less lasting loss', () => {
    // Efficacy 60 s after 10 spikes, when the fast pool (τ 2 s) has refilled: what is left is the slow pool.
    const lasting = (isi: number) => {
      const n = net();
      const at = Array.from({ length: 10 }, (_, i) => 10 + i * isi);
      runSpikes(n, { pre: at }, at[9] + 2);
      let I = 0;
      const probeAt = 60_000;
      runSpikes(n, { pre: [probeAt] }, probeAt + 2, (t) => {
        if (t === probeAt + 1) I = n.current[1];
      });
      return I / 0.05;
    };
    const short = lasting(200);
    const long = lasting(5000);
    // Parallel pools wore the slow pool alike at any interval: 0.854 left after the short train, 0.892 after the long one.
    expect(short).toBeGreaterThan(long + 0.02); // cascade: 0.925 vs 0.894
  });
});

describe('bounds hold under any activity (property)', () => {
  it('every learned weight stays in [wMin, wMax] at every step, for every rule and both bound kinds', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<PlasticSpec['rule']>('stdp', 'bcm', 'three-factor'),
        fc.boolean(),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.tuple(fc.nat(199), fc.nat(2)), { minLength: 1, maxLength: 80 }),
        (rule, soft, aPlus, w0Frac, events) => {
          const wMin = 0.05,
            wMax = 0.5;
          const w0 = wMin + w0Frac * (wMax - wMin);
          const spiking = rule !== 'bcm';
          const mk = (id: string) => (spiking ? lif(id) : graded(id, { tonicPa: 30 }));
          const params: Record<string, number> = { wMin, wMax };
          if (rule === 'bcm') params.rate = aPlus;
          else if (rule === 'stdp') Object.assign(params, { aPlus, aMinus: aPlus });
          else Object.assign(params, { aPlus: 1, aMinus: 1, rate: aPlus });
          const net = Network.fromSpec({
            neurons: [mk('a'), mk('b'), mk('c')],
            synapses: [
              syn('a', 'b', w0, { rule, params, ...(soft && rule !== 'bcm' ? { bounds: 'soft' as const } : {}) }),
              syn('c', 'b', w0, { rule, params }),
            ],
            modulators: [{ name: 'm', from: ['c'], release: 50, clearanceMs: 20 }],
            receptors: [{ neuron: 'b', modulator: 'm', effect: 'plasticity', gain: 10 }],
          });
          const spikes: Record<string, number[]> = { a: [], b: [], c: [] };
          for (const [t, who] of events) spikes['abc'[who]].push(t);
          runSpikes(net, spikes, 200, () => {
            for (const p of net.plasticWeights()) if (!(p.weight >= wMin && p.weight <= wMax)) throw new Error(`weight ${p.weight} out of bounds`);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('learned weights: read, freeze, reset, cut', () => {
  const make = () =>
    Network.fromSpec({
      neurons: [lif('pre'), lif('post')],
      synapses: [syn('pre', 'post', 0.1, { rule: 'stdp', params: { aPlus: 0.05, wMax: 0.2 } })],
    });
  const pairs = { pre: [10, 30, 50], post: [12, 32, 52] };
  it('plasticWeights lists each learning synapse with its spec index, ends and rule; the weight moves during the run', () => {
    const net = make();
    expect(net.plasticWeights()).toEqual([{ synapse: 0, from: 'pre', to: 'post', rule: 'stdp', weight: 0.1 }]);
    runSpikes(net, pairs, 60);
    expect(weight(net)).toBeGreaterThan(0.1);
  });
  it('frozen learning keeps the weight; resetLearnedWeights and reset bring back the circuit’s', () => {
    const net = make();
    net.setLearning(false);
    expect(net.learning).toBe(false);
    runSpikes(net, pairs, 60);
    expect(weight(net)).toBe(0.1);
    net.setLearning(true);
    runSpikes(net, pairs, 60);
    expect(weight(net)).toBeGreaterThan(0.1);
    net.resetLearnedWeights();
    expect(weight(net)).toBe(0.1);
    runSpikes(net, pairs, 60);
    net.reset();
    expect(weight(net)).toBe(0.1);
  });
  it('a cut plastic synapse reads 0 and never learns back', () => {
    const net = make();
    expect(net.cutSynapse('pre', 'post')).toBe(1);
    runSpikes(net, pairs, 60);
    expect(weight(net)).toBe(0);
    net.resetLearnedWeights();
    expect(weight(net)).toBe(0);
  });
  it('the schedule runs the rule’s steps in their slots', () => {
    expect(make().schedule.filter((s) => s.name.startsWith('stdp.'))).toEqual([
      { when: 'currents', name: 'stdp.current' },
      { when: 'synapses', name: 'stdp.propagate' },
      { when: 'plasticity', name: 'stdp.learn' },
    ]);
  });
});

describe('bad plastic fields are refused before any step, naming synapse, field, range and fix', () => {
  const at =
    (plastic: unknown, extra: Partial<ChemicalSynapseSpec> = {}) =>
    () =>
      Network.fromSpec({ neurons: [lif('a'), lif('b')], synapses: [{ ...syn('a', 'b', 1, plastic as PlasticSpec), ...extra }] });
  it.each([
    [{ rule: 'hebb' }, /"plastic.rule" "hebb" is not a rule; allowed: stdp, bcm, three-factor, short-term/],
    [{ rule: 'stdp', params: { tauPlusMs: 0 } }, /"plastic.params.tauPlusMs" must be a number in 0.1 .. 10000 ms/],
    [{ rule: 'stdp', params: { speed: 1 } }, /"plastic.params.speed" is not a parameter of rule stdp; allowed: aPlus/],
    [{ rule: 'stdp', params: { wMax: 0.5 } }, /"weight" 1 lies outside the plastic bounds 0 .. 0.5/],
    [{ rule: 'short-term', bounds: 'soft' }, /"soft" applies to stdp and three-factor/],
  ])('%j', (plastic, message) => {
    expect(at(plastic)).toThrow(message);
  });
  it('a plastic synapse, conductance-based or not, takes no delay and no separate depression', () => {
    expect(at({ rule: 'stdp' }, { model: 'conductance' })).not.toThrow();
    expect(at({ rule: 'stdp' }, { model: 'conductance', delayMs: 2 })).toThrow(/plastic synapses take no delay; remove "delayMs" or "plastic"/);
    expect(at({ rule: 'short-term' }, { model: 'conductance', depression: { use: 0.1, recoveryMs: 100 } })).toThrow(
      /remove "depression" \(the short-term rule holds two-timescale depression\) or "plastic"/,
    );
  });
});
