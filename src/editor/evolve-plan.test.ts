import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getBuiltinCircuit } from '../circuits/builtin';
import { circuitFromDoc, serializeCircuit } from '../circuits/circuit';
import type { CircuitDoc } from '../circuits/types';
import { type EvolveResult, evolve } from '../evolve/engine';
import { localEvaluator } from '../evolve/local';
import { loadEvolveProblem } from '../evolve/node/load';
import { MODELS } from '../neural/models';
import { scenario } from '../scenario/builder';
import { stringifyScenario } from '../scenario/serialize';
import { crawlGoal, type EvolveGoal, type EvolveRequest, planEvolution } from './evolve-plan';

const loco = getBuiltinCircuit('locomotion');
/** The rule the panel applies: a fifth to five times the synapse's weight in the circuit, to 3 significant figures. */
const rangeOf = (from: string, to: string): [number, number] => {
  const w = Math.abs(loco.doc.synapses!.find((s) => s.kind === 'chemical' && s.from === from && s.to === to)!.weight);
  return [Number((w / 5).toPrecision(3)), Number((w * 5).toPrecision(3))];
};
/** A goal cheap enough for a unit test: 1.5 s of crawling, asking more than any worm does (so partial credit differs and the target never ends it early). */
const quick: EvolveGoal = {
  name: 'quick crawl',
  scenarios: [
    {
      file: 'quick.scenario.yaml',
      scenario: scenario('quick crawl').circuit('edited').arena('plate').seed(1).duration('1.5s').expect.movesForward('2mm', { after: '0.5s' }).build(),
    },
  ],
};
const request = (over: Partial<EvolveRequest> = {}): EvolveRequest => ({
  circuit: loco,
  circuitFile: 'circuit.json',
  selection: { neurons: [], synapses: ['c:AVB>DB1', 'c:AVB>VB1', 'c:AVA>AVB'] },
  scope: 'selection',
  goal: quick,
  optimiser: 'cmaes',
  generations: 2,
  population: 4,
  seed: 7,
  seeds: [1],
  ...over,
});

describe('the Evolve panel plan', () => {
  it('frees one weight per selected synapse, ranged around its value, starting from the circuit', () => {
    const p = planEvolution(request());
    if (!p.ok) throw new Error(p.problems.join('\n'));
    expect(p.spec.start).toBe('circuit');
    // A fifth to five times each synapse's weight (read from the circuit, whose tuning may change).
    expect(p.spec.free.map((e) => (e.what === 'weight' ? `${e.from}>${e.to} ${e.share} ${e.range.join('..')}` : e.what)).sort()).toEqual([
      `AVA>AVB neuron ${rangeOf('AVA', 'AVB').join('..')}`,
      `AVB>DB1 neuron ${rangeOf('AVB', 'DB1').join('..')}`,
      `AVB>VB1 neuron ${rangeOf('AVB', 'VB1').join('..')}`,
    ]);
    // Not a degenerate rule: the three ranges are not all equal.
    expect(new Set([rangeOf('AVA', 'AVB')[0], rangeOf('AVB', 'DB1')[0]]).size).toBe(2);
    expect(p.problem.context.phenotype.genes).toHaveLength(3);
  });

  it('"all weights of this class" frees one value per class pair, covering every synapse between the classes', () => {
    const p = planEvolution(request({ scope: 'class' }));
    if (!p.ok) throw new Error(p.problems.join('\n'));
    const genes = p.problem.context.phenotype.genes;
    // AVB → DB, AVB → VB and AVA → AVB: three values; the DB one sets all eight AVB → DBn synapses.
    expect(genes.map((g) => g.label).sort()).toEqual(['weight AVA→AVB', 'weight AVB→DB', 'weight AVB→VB']);
    expect(genes.find((g) => g.label === 'weight AVB→DB')!.targets).toHaveLength(
      (loco.doc.synapses ?? []).filter((s) => s.from === 'AVB' && /^DB\d$/.test(s.to)).length,
    );
    expect(genes.find((g) => g.label === 'weight AVB→DB')!.targets.length).toBeGreaterThan(1);
  });

  it('a selected neuron frees its synapses in and out; NEAT may link the neurons involved', () => {
    const p = planEvolution(request({ selection: { neurons: ['AVA'], synapses: [] }, optimiser: 'neat', population: 6 }));
    if (!p.ok) throw new Error(p.problems.join('\n'));
    const n = (loco.doc.synapses ?? []).filter((s) => s.from === 'AVA' || s.to === 'AVA').length;
    expect(p.spec.free).toHaveLength(n);
    expect(p.spec.optimiser).toMatchObject({ kind: 'neat', population: 6 });
    expect(p.spec.topology?.links[0].from).toContain('AVA');
    expect(p.spec.topology?.links[0].from.length).toBeGreaterThan(1);
  });

  it("with neuronParams the selected neurons' time constant and drive are free too, inside the model's ranges", () => {
    const p = planEvolution(request({ selection: { neurons: ['AVB', 'DB3'], synapses: [] }, neuronParams: true, scope: 'class' }));
    if (!p.ok) throw new Error(p.problems.join('\n'));
    const params = p.spec.free.filter((e) => e.what === 'param');
    expect(params.map((e) => (e.what === 'param' ? `${e.name} ${e.of} ${e.share}` : ''))).toEqual([
      'tauMs AVB class',
      'tonicPa AVB class',
      'tauMs DB class',
      'tonicPa DB class',
    ]);
    const tau = params.find((e) => e.what === 'param' && e.name === 'tauMs' && e.of[0] === 'DB')!;
    const dbTau = loco.network.neurons.filter((_, i) => /^DB\d$/.test(loco.doc.neurons[i].id)).map((n) => Number(n.params.tauMs));
    expect(tau.range[0]).toBeLessThanOrEqual(Math.min(...dbTau));
    expect(tau.range[1]).toBeGreaterThanOrEqual(Math.max(...dbTau));
    expect(p.problem.context.phenotype.genes.map((g) => g.label)).toEqual(expect.arrayContaining(['tauMs AVB', 'tonicPa DB']));
    // Without it, only weights.
    const w = planEvolution(request({ selection: { neurons: ['AVB', 'DB3'], synapses: [] }, scope: 'class' }));
    expect(w.ok && w.spec.free.every((e) => e.what === 'weight')).toBe(true);
  });

  it('a NEAT plan runs: links among the involved neurons may appear, the best circuit is valid', async () => {
    const p = planEvolution(request({ selection: { neurons: ['AVA', 'AVB'], synapses: [] }, optimiser: 'neat', population: 6, generations: 2 }));
    if (!p.ok) throw new Error(p.problems.join('\n'));
    const r = await evolve(p.problem, { evaluator: localEvaluator() });
    expect(r.state.log).toHaveLength(2);
    expect(r.best?.doc.synapses?.length).toBeGreaterThan(0);
    expect(() => circuitFromDoc(r.best!.doc, 'best.json', MODELS)).not.toThrow();
  }, 120_000);

  it('refuses with the reason: nothing selected, no muscles, a touch no neuron feels, a neuron the circuit lacks', () => {
    const none = planEvolution(request({ selection: { neurons: [], synapses: [] } }));
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.problems.join('\n')).toMatch(/nothing is selected/);

    const touch: EvolveGoal = {
      name: 'touch',
      scenarios: [
        {
          file: 't.scenario.yaml',
          scenario: scenario('head touch')
            .circuit('edited')
            .arena('plate')
            .seed(1)
            .duration('3s')
            .at('1s')
            .poke({ position: 0.05, kind: 'gentle' })
            .expect.reversesWithin('1.5s')
            .build(),
        },
      ],
    };
    const noSkin = planEvolution(request({ goal: touch }));
    expect(noSkin.ok).toBe(false);
    if (!noSkin.ok) expect(noSkin.problems.join('\n')).toMatch(/touches the body at 0\.05 \(gentle\) but no sensory neuron feels gentle touch there/);

    const noMuscles: CircuitDoc = { ...loco.doc, muscles: [] };
    const still = planEvolution(request({ circuit: circuitFromDoc(noMuscles, 'm.json', MODELS) }));
    expect(still.ok).toBe(false);
    if (!still.ok) expect(still.problems.join('\n')).toMatch(/no motor neuron drives a muscle/);

    const needsAlm: EvolveGoal = {
      name: 'ALM',
      scenarios: [
        {
          file: 'a.scenario.yaml',
          scenario: scenario('ALM fires').circuit('edited').arena('plate').seed(1).duration('1s').expect.neuronFiresWithin('ALM', '1s', { after: 0 }).build(),
        },
      ],
    };
    const missing = planEvolution(request({ goal: needsAlm }));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problems.join('\n')).toMatch(/ALM/);
  });

  it('the crawl goal runs on the built-in circuit (its scenario names no neuron)', () => {
    const p = planEvolution(request({ goal: crawlGoal() }));
    expect(p.ok).toBe(true);
  });
});

describe('the same seed and selection give the same run as neuroworm evolve with the equivalent spec', () => {
  let dir = '';
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('spec parsed from the file equals the panel spec, and both evolve to the same generations and best genome', async () => {
    const plan = planEvolution(request());
    if (!plan.ok) throw new Error(plan.problems.join('\n'));
    dir = mkdtempSync(join(tmpdir(), 'evolve-plan-'));
    writeFileSync(join(dir, 'circuit.json'), serializeCircuit(loco));
    writeFileSync(join(dir, 'quick.scenario.yaml'), stringifyScenario(quick.scenarios[0].scenario));
    // Written by hand, as a player would write the spec of what they selected in the panel.
    writeFileSync(
      join(dir, 'run.evolve.yaml'),
      [
        'format: neuroworm-evolve',
        'version: 1',
        'name: quick crawl (editor)',
        'circuit: ./circuit.json',
        'seed: 7',
        'start: circuit',
        'free:',
        `  - {weight: chemical, from: AVA, to: AVB, range: [${rangeOf('AVA', 'AVB').join(', ')}], scale: log, share: neuron}`,
        `  - {weight: chemical, from: AVB, to: DB1, range: [${rangeOf('AVB', 'DB1').join(', ')}], scale: log, share: neuron}`,
        `  - {weight: chemical, from: AVB, to: VB1, range: [${rangeOf('AVB', 'VB1').join(', ')}], scale: log, share: neuron}`,
        'fitness: {scenarios: [quick.scenario.yaml], seeds: [1]}',
        'optimiser: {cmaes: {population: 4}}',
        'budget: {generations: 2, target: 1}',
      ].join('\n'),
    );
    const cli = loadEvolveProblem(join(dir, 'run.evolve.yaml'));
    expect(plan.spec).toEqual(cli.spec);
    const run = (p: typeof cli | typeof plan.problem): Promise<EvolveResult> => evolve(p, { evaluator: localEvaluator(), now: () => 0 });
    const [a, b] = [await run(plan.problem), await run(cli)];
    expect(a.state.log).toHaveLength(2);
    expect(a.state.log).toEqual(b.state.log);
    expect(a.best?.genome).toEqual(b.best?.genome);
    expect(a.best?.doc).toEqual(b.best?.doc);
    // Not a constant: the generations differ in fitness, so the comparison compares something.
    expect(new Set(a.state.log.flatMap((g) => [g.best, g.worst])).size).toBeGreaterThan(1);
  }, 120_000);
});
