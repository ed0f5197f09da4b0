import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CircuitDoc } from '../circuits/types';
import { reflect } from './genes';
import type { Genome } from './genome';
import { apportion, Neat, type NeatInit } from './neat';
import { type LinkCandidate, phenotype, type Topology } from './phenotype';
import { NEAT_DEFAULTS } from './spec-schema';

const groups = ['S', 'A', 'B', 'M1', 'M2'];
const candidates: LinkCandidate[] = groups.flatMap((from) => groups.filter((to) => to !== from).map((to) => ({ kind: 'chemical' as const, from, to })));
const topology: Topology = {
  share: 'neuron',
  weight: { lo: 0.1, hi: 10, scale: 'log' },
  signFree: true,
  candidates,
  pool: [{ id: 'P', model: 'graded' }],
  members: Object.fromEntries([...groups, 'P'].map((g) => [g, [g]])),
};
const init = (over: Partial<NeatInit> = {}): NeatInit => ({
  settings: { kind: 'neat', ...NEAT_DEFAULTS, population: 30 },
  topology,
  baseIds: groups,
  genes: 2,
  start: null,
  seed: 5,
  ...over,
});

/** A toy task: the genome should hold S→A excitatory, A→M1 excitatory and S→B inhibitory, and nothing else; value gene 0 near 0.8. */
function toyFitness(g: Genome): number {
  const want = new Map([
    ['S>A', 'e'],
    ['A>M1', 'e'],
    ['S>B', 'i'],
  ]);
  let f = 0;
  for (const l of g.links) {
    const w = want.get(`${l.from}>${l.to}`);
    if (w === undefined) f -= 0.3;
    else f += w === (reflect(l.s) < 0.5 ? 'i' : 'e') ? 1 : 0.2;
  }
  return f - Math.abs(reflect(g.x[0]) - 0.8);
}

describe('NEAT', () => {
  it('complexifies from one link toward the wanted wiring, and keeps several species', () => {
    const neat = Neat.create(init());
    let best = -Infinity;
    let maxSpecies = 0;
    for (let gen = 0; gen < 60; gen++) {
      const pop = neat.ask();
      const f = pop.map(toyFitness);
      best = Math.max(best, ...f);
      neat.tell(f);
      maxSpecies = Math.max(maxSpecies, neat.speciesCount);
    }
    expect(best).toBeGreaterThan(2.7);
    expect(maxSpecies).toBeGreaterThan(1);
    expect(neat.ask()).toHaveLength(30);
  });

  it('carries the generation’s best genome unchanged into the next, whatever the size of its species', () => {
    // Small species: a threshold so low that nearly every genome is its own species (below eliteFrom members).
    const neat = Neat.create(init({ settings: { kind: 'neat', ...NEAT_DEFAULTS, population: 30, threshold: 0.01, species: 0 } }));
    for (let gen = 0; gen < 15; gen++) {
      const pop = neat.ask();
      const f = pop.map(toyFitness);
      const best = pop[f.indexOf(Math.max(...f))];
      neat.tell(f);
      expect(neat.ask(), `generation ${gen}`).toContainEqual(best);
    }
  });

  it('is deterministic and resumes from its JSON state bit for bit', () => {
    const run = (restoreAt: number) => {
      let neat = Neat.create(init());
      for (let gen = 0; gen < 12; gen++) {
        neat.tell(neat.ask().map(toyFitness));
        if (gen === restoreAt) neat = Neat.restore(init(), JSON.parse(JSON.stringify(neat.state())));
      }
      return neat.state();
    };
    expect(run(5)).toEqual(run(-1));
  });

  it('gives the same structural link the same innovation number in every genome', () => {
    const neat = Neat.create(init());
    for (let gen = 0; gen < 10; gen++) neat.tell(neat.ask().map(toyFitness));
    const seen = new Map<string, number>();
    for (const g of neat.ask())
      for (const l of g.links) {
        const k = `${l.kind}:${l.from}>${l.to}`;
        if (seen.has(k)) expect(l.innovation).toBe(seen.get(k));
        seen.set(k, l.innovation);
        expect(candidates.some((c) => c.from === l.from && c.to === l.to) || l.from === 'P' || l.to === 'P').toBe(true);
      }
  });

  it('compatibility distance is 0 to itself and symmetric (property)', () => {
    const neat = Neat.create(init());
    for (let gen = 0; gen < 5; gen++) neat.tell(neat.ask().map(toyFitness));
    const pop = neat.ask();
    fc.assert(
      fc.property(fc.nat(pop.length - 1), fc.nat(pop.length - 1), (i, j) => {
        expect(neat.distance(pop[i], pop[i])).toBe(0);
        expect(neat.distance(pop[i], pop[j])).toBeCloseTo(neat.distance(pop[j], pop[i]), 12);
      }),
    );
  });

  it('apportions offspring in whole numbers that add up', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 200 }),
        (shares, total) => {
          const n = apportion(shares, total);
          expect(n.reduce((a, b) => a + b, 0)).toBe(total);
          expect(n.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
        },
      ),
    );
    expect(apportion([3, 1], 8)).toEqual([6, 2]);
    expect(apportion([0, 0], 3)).toEqual([2, 1]);
  });
});

describe('phenotype', () => {
  const base: CircuitDoc = {
    format: 'neuroworm-circuit',
    version: 1,
    neurons: ['ALML', 'ALMR', 'AVAL', 'AVAR', 'DA1', 'DA2'].map((id) => ({ id, model: 'graded' as const })),
    synapses: [{ from: 'AVAL', to: 'DA1', kind: 'chemical', weight: 0.3 }],
  };
  const t: Topology = {
    ...topology,
    share: 'class',
    candidates: [],
    pool: [{ id: 'AVDL', model: 'graded' }],
    members: { ALM: ['ALML', 'ALMR'], AVA: ['AVAL', 'AVAR'], DA: ['DA1', 'DA2'], AVD: ['AVDL'] },
  };

  it('expands a class link to every member pair, joins gap junctions once, and sets a synapse the base already has', () => {
    const g: Genome = {
      x: [],
      neurons: ['AVDL'],
      links: [
        { innovation: 1, kind: 'chemical', from: 'AVA', to: 'DA', w: 0.5, s: 0.2 },
        { innovation: 2, kind: 'electrical', from: 'ALM', to: 'AVD', w: 0, s: 0 },
        { innovation: 3, kind: 'electrical', from: 'ALM', to: 'ALM', w: 1, s: 0 },
      ],
    };
    const doc = phenotype({ base, genes: [], topology: t }, g);
    expect(doc.neurons.map((n) => n.id)).toContain('AVDL');
    const chem = doc.synapses!.filter((s) => s.kind === 'chemical');
    expect(chem).toHaveLength(4);
    expect(chem.every((s) => s.weight === 1 && s.kind === 'chemical' && s.sign === 'inhibitory')).toBe(true);
    const gaps = doc.synapses!.filter((s) => s.kind === 'electrical');
    expect(gaps.map((s) => `${s.from}-${s.to}:${s.weight}`).sort()).toEqual(['ALML-ALMR:10', 'ALML-AVDL:0.1', 'ALMR-AVDL:0.1']);
    expect(base.synapses).toHaveLength(1);
  });

  it('joins only the cells the scopes named, and no cell of an absent pool neuron', () => {
    const g: Genome = {
      x: [],
      neurons: [],
      links: [
        { innovation: 1, kind: 'chemical', from: 'AVA', to: 'DA', w: 0.5, s: 0.9 },
        { innovation: 2, kind: 'chemical', from: 'ALM', to: 'AVD', w: 0.5, s: 0.9 },
      ],
    };
    const doc = phenotype({ base, genes: [], topology: { ...t, members: { ...t.members, DA: ['DA1'] } } }, g);
    expect(doc.synapses!.map((s) => `${s.from}>${s.to}`)).toEqual(['AVAL>DA1', 'AVAR>DA1']);
  });
});
