/**
 * Natural selection selects: a genome that eats more spreads. Two of eight
 * worms carry a strong forward drive (AVB's tonic current at the top of its
 * range, 3 pA) and crawl ~4 mm in 20 s; six carry the weakest (0.3 pA) and
 * crawl ~0.5 mm. Nothing else differs. On a plate strewn with food the fast
 * ones reach more of it, and after a few generations most of the population
 * descends from them — because of what their neurons made them do, not
 * because they were labelled.
 */
import { describe, expect, it } from 'vitest';
import { reflect } from '../../src/evolve/genes';
import type { Genome } from '../../src/evolve/genome';
import { NaturalSelection } from '../../src/evolve/natural/selection';

describe('natural selection favours eaters', () => {
  it('the fast genome (2 of 8 at the start) makes up most of the population three generations later', () => {
    const probe = new NaturalSelection({ population: 8 });
    const genes = probe.problem.context.phenotype.genes;
    expect(genes[0].label).toBe('tonicPa AVB');
    const genome = (drive: number): Genome => ({ x: genes.map((g, k) => (k === 0 ? drive : g.current)), links: [], neurons: [] });
    const start = [genome(1), genome(0), genome(0), genome(0), genome(1), genome(0), genome(0), genome(0)];
    const ns = new NaturalSelection({ seed: 5, population: 8, generationS: 20, plateMm: 16, foodPatches: 16, mutationRate: 0.1 }, { population: start });
    const fast = (g: Genome) => reflect(g.x[0]) > 0.5;
    const first = ns.runGeneration();
    const ate = (want: boolean) => first.eaten.filter((_, i) => fast(start[i]) === want);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(ate(true))).toBeGreaterThan(2 * mean(ate(false)));
    ns.runGeneration();
    ns.runGeneration();
    expect(ns.population.filter(fast).length).toBeGreaterThanOrEqual(6);
  });
});
