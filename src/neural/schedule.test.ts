/**
 * The network's schedule: what `network.schedule` shows for each kind of
 * network (the pictures in docs/neural.md are these), and a synapse kernel
 * added from outside the engine (one module + one registry entry) taking its
 * synapses, running at its slot and reached by the edits.
 */
import { describe, expect, it } from 'vitest';
import type { CompileContext, SynapseKernel, SynapseKernelInstance } from './compile/kernel-api';
import { zeroingEdits } from './compile/kernel-api';
import { SYNAPSE_KERNELS } from './compile/registry';
import { orderSteps, type ScheduledStep, scheduleKernel, scheduleRunner } from './compile/schedule';
import { freshKernel } from './kernel';
import { Network } from './network';
import type { ModelKind, NetworkSpec, NeuronSpec, SynapseSpec } from './types';

const cell = (id: string, model: ModelKind, params: NeuronSpec['params'] = {}): NeuronSpec => ({ id, model, params, init: {} });
const listed = (net: Network) => net.schedule.map((s) => `${s.when}: ${s.name}`);

describe('network.schedule', () => {
  it('a graded network with every kind of synapse it can have (the connectome worm)', () => {
    const spec: NetworkSpec = {
      neurons: ['A', 'B', 'C'].map((id) => cell(id, 'graded')),
      synapses: [
        { kind: 'chemical', from: 'A', to: 'B', weight: 1 },
        { kind: 'chemical', from: 'B', to: 'C', weight: 1, delayMs: 2, depression: { use: 0.1, recoveryMs: 50 } },
        { kind: 'electrical', from: 'A', to: 'C', weight: 0.1 },
      ],
    };
    expect(listed(Network.fromSpec(spec))).toEqual([
      'start: input',
      'currents: continuous.scatter',
      'currents: continuous.slow',
      'currents: gap.explicit',
      'groups: graded.step',
      'after-groups: gap.relax',
      'thresholds: gather',
      'end: continuous.history',
    ]);
  });

  it('CUBA: the fused LIF schedule, and the general one after an ablation', () => {
    const spec: NetworkSpec = {
      neurons: ['A', 'B'].map((id) => cell(id, 'lif')),
      synapses: [
        { kind: 'chemical', from: 'A', to: 'B', weight: 1 },
        { kind: 'chemical', from: 'B', to: 'A', weight: 1 },
      ],
    };
    const net = Network.fromSpec(spec);
    expect(listed(net)).toEqual(['groups: lif.fused', 'synapses: exponential.deliver']);
    expect(listed(Network.fromSpec(spec, { fastPaths: false }))).toEqual([
      'start: input',
      'currents: exponential.current',
      'groups: lif.step',
      'thresholds: gather',
      'synapses: exponential.propagate',
    ]);
    net.ablate('A');
    expect(listed(net)).toEqual(listed(Network.fromSpec(spec, { fastPaths: false })));
  });

  it('a mixed network: the seed cycle first among the groups, each population its own step', () => {
    const spec: NetworkSpec = {
      neurons: [cell('G', 'graded'), cell('T', 'transmitter'), cell('L', 'lif'), cell('Z', 'izhikevich')],
      synapses: [
        { kind: 'chemical', from: 'T', to: 'G', weight: 1 },
        { kind: 'chemical', from: 'G', to: 'T', weight: 1 },
        { kind: 'chemical', from: 'L', to: 'Z', weight: 1, delayMs: 1 },
        { kind: 'electrical', from: 'G', to: 'L', weight: 0.01 },
      ],
    };
    expect(listed(Network.fromSpec(spec))).toEqual([
      'start: input',
      'currents: continuous.slow',
      'currents: exponential.current',
      'currents: gap.explicit',
      'groups: transmitter.cycle',
      'groups: graded.step',
      'groups: lif.step',
      'groups: izhikevich.step',
      'after-groups: gap.relax',
      'thresholds: gather',
      'synapses: exponential.propagate',
    ]);
  });

  it('no synapses: the input, the populations and the views only', () => {
    expect(listed(Network.fromSpec({ neurons: [cell('A', 'graded')], synapses: [] }))).toEqual(['start: input', 'groups: graded.step', 'thresholds: gather']);
  });
});

describe('orderSteps', () => {
  const step = (name: string, when: ScheduledStep['when']): ScheduledStep => ({ name, when, run: () => {} });

  it('orders by slot and keeps the given order within a slot', () => {
    const order = orderSteps([step('c', 'end'), step('a1', 'currents'), step('s', 'start'), step('a2', 'currents'), step('g', 'groups')]);
    expect(order.map((s) => s.name)).toEqual(['s', 'a1', 'a2', 'g', 'c']);
  });

  it('the runner calls every step once per step in order, beyond its 16 unrolled calls too, and compiles fresh per network', () => {
    for (const count of [0, 1, 15, 16, 17, 40]) {
      const seen: string[] = [];
      const steps = Array.from({ length: count }, (_, k) => ({ name: `s${k}`, when: 'currents' as const, run: (dt: number) => seen.push(`s${k}@${dt}`) }));
      scheduleRunner(steps)(0.5);
      expect(seen).toEqual(steps.map((s) => `${s.name}@0.5`));
    }
    expect(freshKernel(scheduleKernel)).not.toBe(scheduleKernel);
  });

  it('refuses a step without a known slot, and two steps of one name', () => {
    expect(() => orderSteps([step('x', 'later' as ScheduledStep['when'])])).toThrow(/step "x" has no slot "later"; slots: start, currents, groups/);
    expect(() => orderSteps([step('x', 'start'), step('x', 'end')])).toThrow(/two steps are named "x"/);
  });
});

/**
 * A kind of synapse the engine does not have, added the way docs/neural.md
 * says: a threshold-linear synapse (I_post += w·max(0, V_pre − θ), previous
 * step's V) for chemical synapses whose presynaptic neuron's id starts with
 * "R". One module (this object) and one registry entry (its place in the list).
 */
const THETA = -50;
const rectified: SynapseKernel = {
  kind: 'rectified',
  claims: (net, s) => net.synapses.kind[s] === 0 && net.ids[net.synapses.from[s]].startsWith('R'),
  build(net: CompileContext, members: Int32Array): SynapseKernelInstance | null {
    if (members.length === 0) return null;
    const pre = Int32Array.from(members, (s) => net.synapses.from[s]);
    const post = Int32Array.from(members, (s) => net.synapses.to[s]);
    const w = Float64Array.from(members, (s) => net.synapses.weight[s]);
    const { v, current } = net.arrays;
    return {
      kind: 'rectified',
      steps: [
        {
          name: 'rectified.current',
          when: 'currents',
          run() {
            for (let k = 0; k < w.length; k++) current[post[k]] += w[k] * Math.max(0, v[pre[k]] - THETA);
          },
        },
      ],
      ...zeroingEdits(net, members, 'chemical', (j) => (w[j] = 0)),
      loadWeights() {
        members.forEach((s, j) => (w[j] = net.synapses.weight[s]));
      },
    };
  },
};

describe('a synapse kernel from outside the engine', () => {
  const spec = (extra: SynapseSpec[] = []): NetworkSpec => ({
    neurons: [cell('R1', 'graded', { tonicPa: 30, tauMs: 5 }), cell('B', 'graded'), cell('C', 'graded')],
    synapses: [{ kind: 'chemical', from: 'R1', to: 'B', weight: 0.5 }, { kind: 'chemical', from: 'C', to: 'B', weight: 2 }, ...extra],
  });
  const build = (s: NetworkSpec) => Network.fromSpec(s, { synapseKernels: [rectified, ...SYNAPSE_KERNELS] });

  it('takes the synapses it claims, runs at its slot, and the others keep theirs', () => {
    const net = build(spec());
    expect(listed(net)).toEqual(['start: input', 'currents: rectified.current', 'currents: continuous.scatter', 'groups: graded.step', 'thresholds: gather']);
    const R = net.indexOf('R1'),
      B = net.indexOf('B'),
      C = net.indexOf('C');
    for (let s = 0; s < 200; s++) {
      const vR = net.v[R];
      const outC = net.output[C];
      net.step(0.5);
      // B's current: the rectified synapse on R1's V, then the continuous one on C's output, in schedule order.
      expect(net.current[B]).toBe(0 + 0.5 * Math.max(0, vR - THETA) + 2 * outC);
    }
    expect(net.v[R]).toBeGreaterThan(THETA); // R1 is driven above θ, so the synapse carried something
  });

  it('is reached by cutSynapse and ablate', () => {
    const cut = build(spec());
    expect(cut.cutSynapse('R1', 'B')).toBe(1);
    const alone = Network.fromSpec({ ...spec(), synapses: spec().synapses.slice(1) });
    for (let s = 0; s < 50; s++) {
      cut.step(0.5);
      alone.step(0.5);
    }
    expect(Array.from(cut.v)).toEqual(Array.from(alone.v));
    const ablated = build(spec());
    ablated.step(0.5);
    ablated.ablate('R1');
    const outC = ablated.output[ablated.indexOf('C')];
    ablated.step(0.5);
    expect(ablated.current[ablated.indexOf('B')]).toBe(2 * outC); // R1's synapse carries nothing
  });

  it('a synapse no kernel claims is refused by name', () => {
    const only: SynapseKernel[] = [rectified];
    expect(() => Network.fromSpec(spec(), { synapseKernels: only })).toThrow(/synapses\[1\] \(C → B\): no synapse kernel takes it; kernels: rectified/);
  });
});
