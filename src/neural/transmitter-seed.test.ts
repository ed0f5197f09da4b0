/**
 * The transmitter model against the seed article's own code: random networks
 * run through test/fixtures/seed_neuron.py (a faithful transcription) and
 * through the engine must agree on every neuron, every cycle, every number.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Network } from './network';
import type { NetworkSpec, ParamValues } from './types';

const SEED_PY = fileURLToPath(new URL('../../test/fixtures/seed_neuron.py', import.meta.url));

interface SeedNeuron {
  name: string;
  params: Record<string, number | [number, number]>;
  init: Record<string, number | [number, number]>;
}
interface SeedNetwork {
  neurons: SeedNeuron[];
  /** [cycle, from, to]: toggled with link() just before that cycle. */
  links: [number, number, number][];
  cycles: number;
}
interface SeedRecord {
  phase: string;
  accepted: number;
  sta: number;
  str: number;
  accumulated: [number, number];
  synapse: [number, number];
  dendrite: [number, number];
  current: [number, number];
  last: [number, number];
}

function runPython(networks: SeedNetwork[]): SeedRecord[][][] {
  const out = execFileSync('python3', [SEED_PY], { input: JSON.stringify({ networks }), maxBuffer: 1 << 30 });
  return (JSON.parse(out.toString()) as { results: SeedRecord[][][] }).results;
}

const num = (min: number, max: number) =>
  fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
const pair = (min: number, max: number) => fc.tuple(num(min, max), num(min, max));

const neuronArb = (i: number) =>
  fc
    .record(
      {
        threshold: num(-5, 30),
        returnability: fc.double({ min: 0, max: 1, noNaN: true }),
        speed: fc.integer({ min: 0, max: 8 }),
        recovery: fc.integer({ min: 0, max: 8 }),
        reproductivity: pair(-2, 2),
        stepsToActivation: fc.integer({ min: 0, max: 8 }),
        stepsToRecovery: fc.integer({ min: 0, max: 5 }),
        accumulated: pair(-5, 5),
      },
      { requiredKeys: [] }, // missing keys test the defaults too
    )
    .map(({ stepsToActivation, stepsToRecovery, accumulated, ...params }): SeedNeuron => {
      const init: SeedNeuron['init'] = {};
      if (stepsToActivation !== undefined) init.stepsToActivation = stepsToActivation;
      if (stepsToRecovery !== undefined) init.stepsToRecovery = stepsToRecovery;
      if (accumulated !== undefined) init.accumulated = accumulated;
      const p: SeedNeuron['params'] = {};
      for (const [k, v] of Object.entries(params)) if (v !== undefined) p[k] = v;
      return { name: `N${i}`, params: p, init };
    });

const networkArb: fc.Arbitrary<SeedNetwork> = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    neurons: fc.tuple(...Array.from({ length: n }, (_, i) => neuronArb(i))),
    cycles: fc.integer({ min: 1, max: 40 }),
    links: fc.array(
      fc.tuple(
        fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 39 }) }),
        fc.integer({ min: 0, max: n - 1 }),
        fc.integer({ min: 0, max: n - 1 }),
      ),
      { maxLength: 3 * n * n }, // enough to repeat pairs: repeated toggles remove links again
    ),
  }),
);

/** Cycle-0 toggles resolved the seed's way: the target lists, then as a synapse list in list order. */
function resolvedSynapses(net: SeedNetwork): NetworkSpec['synapses'] {
  const lists = net.neurons.map(() => [] as number[]);
  for (const [at, a, b] of net.links) {
    if (at !== 0) continue;
    const i = lists[a].indexOf(b);
    if (i >= 0) lists[a].splice(i, 1);
    else lists[a].push(b);
  }
  return lists.flatMap((targets, a) => targets.map((b) => ({ kind: 'chemical' as const, from: net.neurons[a].name, to: net.neurons[b].name, weight: 1 })));
}

function specOf(net: SeedNetwork, synapses: NetworkSpec['synapses'] = []): NetworkSpec {
  return {
    neurons: net.neurons.map((x) => ({ id: x.name, model: 'transmitter' as const, params: x.params as ParamValues, init: x.init as ParamValues })),
    synapses,
  };
}

/** Runs the engine; `viaSpec` builds the cycle-0 links into the spec instead of toggling them with link(). */
function runEngine(net: SeedNetwork, viaSpec: boolean): SeedRecord[][] {
  const network = Network.fromSpec(specOf(net, viaSpec ? resolvedSynapses(net) : []));
  const ids = net.neurons.map((x) => x.name);
  const records: SeedRecord[][] = [];
  for (let c = 0; c < net.cycles; c++) {
    for (const [at, a, b] of net.links) if (at === c && !(viaSpec && c === 0)) network.link(ids[a], ids[b]);
    network.step(1);
    const accepted = ids.map(() => 0);
    ids.forEach((_, i) => network.transmitterTargets(i).forEach((t) => accepted[t]++));
    records.push(
      ids.map((_, i) => {
        const s = network.transmitterState(i);
        if (network.v[i] !== s.last[0] + s.last[1]) throw new Error(`cycle ${c + 1}, neuron ${i}: v ≠ last e + i`);
        if (network.spiked[i] !== (s.phase === 'release' ? 1 : 0)) throw new Error(`cycle ${c + 1}, neuron ${i}: spiked ≠ (phase = release)`);
        return {
          phase: s.phase ?? 'none',
          accepted: accepted[i],
          sta: s.stepsToActivation,
          str: s.stepsToRecovery,
          accumulated: s.accumulated,
          synapse: s.synapse,
          dendrite: s.dendrite,
          current: s.current,
          last: s.last,
        };
      }),
    );
  }
  return records;
}

/** First difference between two runs, compared with === (the same IEEE operations in the same order). */
function firstDifference(expected: SeedRecord[][], actual: SeedRecord[][]): string | null {
  if (expected.length !== actual.length) return `cycle count ${actual.length} ≠ ${expected.length}`;
  for (let c = 0; c < expected.length; c++) {
    for (let i = 0; i < expected[c].length; i++) {
      const e = expected[c][i],
        a = actual[c][i];
      for (const key of Object.keys(e) as (keyof SeedRecord)[]) {
        const ev = e[key],
          av = a[key];
        const same = Array.isArray(ev) && Array.isArray(av) ? ev[0] === av[0] && ev[1] === av[1] : ev === av;
        if (!same) return `cycle ${c + 1}, neuron ${i}: ${key} is ${JSON.stringify(av)}, the seed has ${JSON.stringify(ev)}`;
      }
    }
  }
  return null;
}

describe('transmitter model = the seed article, step for step', () => {
  it('matches the Python reference on many random networks, every number at every cycle', () => {
    const seed = fc.readConfigureGlobal().seed ?? 1;
    // The same JSON goes to Python and to the engine (JSON.stringify drops −0's sign, so both see the same numbers).
    const networks = JSON.parse(JSON.stringify(fc.sample(networkArb, { numRuns: 200, seed }))) as SeedNetwork[];
    const reference = runPython(networks);
    expect(reference.length).toBe(networks.length);
    let phasesSeen = new Set<string>();
    networks.forEach((net, k) => {
      for (const viaSpec of [false, true]) {
        const diff = firstDifference(reference[k], runEngine(net, viaSpec));
        if (diff) throw new Error(`fast-check seed ${seed}, network #${k} (${viaSpec ? 'links in spec' : 'link()'}): ${diff}\n${JSON.stringify(net)}`);
      }
      phasesSeen = new Set([...phasesSeen, ...reference[k].flat().map((r) => r.phase)]);
    });
    // The generator must reach every branch of step(), or the comparison proves little.
    expect([...phasesSeen].sort()).toEqual(['accumulate', 'activate', 'recover', 'release', 'transfer']);
  });

  it("runs the article's two-neuron example: FIRST → SECOND with the defaults", () => {
    const net: SeedNetwork = {
      neurons: [
        { name: 'FIRST', params: {}, init: {} },
        { name: 'SECOND', params: {}, init: {} },
      ],
      links: [[0, 0, 1]],
      cycles: 12,
    };
    const records = runEngine(net, false);
    const log = records.map((r) => [r[0].phase, r[1].accepted, r[1].phase]);
    // The article prints cycles 1–7: transfer ×4, release, recover, recover ("etc.");
    // recovery lasts `recovery` = 5 steps, then both accumulate (SECOND's input stays far below 10).
    const expected = [
      ...Array(4).fill(['transfer', 1, 'transfer']),
      ['release', 1, 'release'],
      ...Array(5).fill(['recover', 1, 'recover']),
      ...Array(2).fill(['accumulate', 1, 'accumulate']),
    ];
    expect(log).toEqual(expected);
    expect(records.map((r) => r[0].accepted)).toEqual(Array(12).fill(0));
    // And the numbers are the seed's own.
    expect(firstDifference(runPython([net])[0], records)).toBeNull();
  });

  it('link() toggles: twice removes the link again', () => {
    const net = Network.fromSpec(
      specOf({
        neurons: [
          { name: 'A', params: {}, init: {} },
          { name: 'B', params: {}, init: {} },
        ],
        links: [],
        cycles: 0,
      }),
    );
    expect(net.link('A', 'B')).toBe(true);
    expect(net.transmitterTargets(0)).toEqual([1]);
    expect(net.link('A', 'A')).toBe(true);
    expect(net.transmitterTargets(0)).toEqual([1, 0]);
    expect(net.link('A', 'B')).toBe(false);
    expect(net.transmitterTargets(0)).toEqual([0]);
  });
});
