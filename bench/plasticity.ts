/**
 * Plasticity benchmark: ns per plastic synapse update for each rule, beside
 * the same network with fixed synapses, measured alternately in one run
 * (minimum of the repeats: the machine is shared, and the minimum is the
 * least disturbed). Spiking rules (stdp, three-factor, short-term) on 1,000
 * LIF neurons firing at ~10–40 Hz with 50,000 synapses; bcm and a graded
 * three-factor on 1,000 graded neurons with 50,000 synapses. "Per update" is
 * the whole step's time divided by synapses × steps, so it includes
 * transmission; "extra" is what the rule adds over fixed synapses.
 *
 *   npm run bench -- --only plasticity
 *   npx tsx bench/plasticity.ts [--quick]
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Network } from '../src/neural/network';
import { Rng } from '../src/neural/rng';
import { allocateSynapses, type CompactSynapses } from '../src/neural/synapses';
import type { NeuronSpec, PlasticSpec } from '../src/neural/types';
import type { BenchSuite } from './suite';

const N = 1000;
const M = 50_000;

export interface PlasticityRow {
  network: string;
  rule: string;
  synapses: number;
  nsPerSynapseStep: number;
  /** Over the same network's fixed synapses. */
  extraNsPerSynapseStep: number;
}

function build(kind: 'lif' | 'graded', plastic: PlasticSpec | null, seed: number): Network {
  const rng = new Rng(seed);
  const neurons: NeuronSpec[] = Array.from({ length: N }, (_, i) => ({
    id: `n${i}`,
    model: kind,
    params: kind === 'graded' ? { tonicPa: rng.uniform(-2, 3) } : {},
    init: {},
  }));
  const base = allocateSynapses(M);
  const rules: (PlasticSpec | undefined)[] = new Array(M).fill(plastic ?? undefined);
  const syn: CompactSynapses = plastic ? { ...base, plastic: rules } : base;
  for (let s = 0; s < M; s++) {
    syn.from[s] = rng.int(N);
    syn.to[s] = rng.int(N);
    syn.weight[s] = kind === 'lif' ? 0.002 : 0.01;
    syn.sign[s] = rng.next() < 0.8 ? 1 : -1;
  }
  const net = Network.fromCompact(neurons, syn, { fastPaths: false });
  // LIF rheobase is 2 nA: 2.05–2.6 nA fire at roughly 10–40 Hz.
  if (kind === 'lif') for (let g = 0; g < N; g++) net.input[g] = rng.uniform(2.05, 2.6);
  return net;
}

function timeSteps(net: Network, steps: number): number {
  const t0 = process.hrtime.bigint();
  for (let k = 0; k < steps; k++) net.step(1);
  return Number(process.hrtime.bigint() - t0);
}

interface Case {
  network: string;
  rule: string;
  make: () => Network;
}

/** A network with a reward modulator whose plasticity receptor sits on every neuron (three-factor needs M ≠ 0 to change w). */
function buildThreeFactor(kind: 'lif' | 'graded', seed: number): Network {
  const rng = new Rng(seed);
  const neurons: NeuronSpec[] = Array.from({ length: N }, (_, i) => ({
    id: `n${i}`,
    model: kind,
    params: kind === 'graded' ? { tonicPa: rng.uniform(-2, 3) } : {},
    init: {},
  }));
  const spec = {
    neurons,
    synapses: Array.from({ length: M }, () => ({
      kind: 'chemical' as const,
      from: `n${rng.int(N)}`,
      to: `n${rng.int(N)}`,
      weight: kind === 'lif' ? 0.002 : 0.01,
      sign: rng.next() < 0.8 ? ('excitatory' as const) : ('inhibitory' as const),
      plastic: { rule: 'three-factor' as const },
    })),
    modulators: [{ name: 'reward', from: [], release: 0, clearanceMs: 100 }],
    receptors: neurons.map((n) => ({ neuron: n.id, modulator: 'reward', effect: 'plasticity' as const, gain: 1 })),
  };
  const net = Network.fromSpec(spec, { fastPaths: false });
  if (kind === 'lif') for (let g = 0; g < N; g++) net.input[g] = rng.uniform(2.05, 2.6);
  net.setBath('reward', 1);
  return net;
}

export function benchPlasticity(options: { quick?: boolean; log?: (line: string) => void } = {}): PlasticityRow[] {
  const log = options.log ?? console.log;
  const steps = options.quick ? 200 : 1000;
  const repeats = options.quick ? 2 : 4;
  const cases: Case[] = [
    { network: 'lif', rule: 'fixed', make: () => build('lif', null, 1) },
    { network: 'lif', rule: 'stdp', make: () => build('lif', { rule: 'stdp', params: { wMax: 0.004 } }, 1) },
    { network: 'lif', rule: 'three-factor', make: () => buildThreeFactor('lif', 1) },
    { network: 'lif', rule: 'short-term', make: () => build('lif', { rule: 'short-term' }, 1) },
    { network: 'graded', rule: 'fixed', make: () => build('graded', null, 2) },
    { network: 'graded', rule: 'bcm', make: () => build('graded', { rule: 'bcm' }, 2) },
    { network: 'graded', rule: 'three-factor', make: () => buildThreeFactor('graded', 2) },
    { network: 'graded', rule: 'short-term', make: () => build('graded', { rule: 'short-term' }, 2) },
  ];
  const nets = cases.map((c) => c.make());
  for (const net of nets) timeSteps(net, steps); // warm-up: let the JIT compile every kernel
  const best = nets.map(() => Number.POSITIVE_INFINITY);
  for (let r = 0; r < repeats; r++) nets.forEach((net, i) => (best[i] = Math.min(best[i], timeSteps(net, steps))));
  const rows = cases.map((c, i): PlasticityRow => {
    const fixed = best[cases.findIndex((d) => d.network === c.network && d.rule === 'fixed')];
    return {
      network: c.network,
      rule: c.rule,
      synapses: M,
      nsPerSynapseStep: best[i] / (steps * M),
      extraNsPerSynapseStep: (best[i] - fixed) / (steps * M),
    };
  });
  log(`plasticity: ${N} neurons, ${M} synapses, dt 1 ms, ${steps} steps, best of ${repeats}; load ${loadavg()[0].toFixed(1)}`);
  log('  network  rule           ns/synapse-step   extra over fixed');
  for (const r of rows)
    log(`  ${r.network.padEnd(8)} ${r.rule.padEnd(14)} ${r.nsPerSynapseStep.toFixed(2).padStart(15)} ${r.extraNsPerSynapseStep.toFixed(2).padStart(18)}`);
  return rows;
}

export const suite: BenchSuite = {
  name: 'plasticity',
  description: 'plastic synapses: ns per synapse update for each learning rule, beside fixed synapses (1,000 neurons, 50,000 synapses)',
  run({ quick, log }) {
    return { data: benchPlasticity({ quick, log }), goals: [] };
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchPlasticity({ quick: process.argv.includes('--quick') });
}
