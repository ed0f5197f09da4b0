/**
 * Associative olfactory learning (Torayama et al. 2007; Kauffman et al.
 * 2010; Colbert & Bargmann 1995; Nuttley et al. 2002): butanone met with
 * food becomes more attractive, butanone met while starving less, and the
 * memory fades. Five worms (seeds 1–5), each tested for 40 s with the
 * butanone spot 4 mm to its right and to its left, heading up and down; the
 * chemotaxis index is (A − C)/(A + C) over those 20 runs (A: the nose ended
 * > 1 mm toward the odour, C: > 1 mm away).
 * The plastic site is AIA → AIY (src/circuits/builtin/learning.ts).
 */
import { describe, expect, it } from 'vitest';
import { SEEDS } from './measure';
import { aversiveMax, aversiveWeight, chemotaxisIndex, condition, NEAR, naiveWorm, PAIRING_MS, siteWeight } from './associative';
import type { Circuit } from '../../src/circuits';
import { circuitFromDoc } from '../../src/circuits/circuit';

const memo = (f: (seed: number) => Circuit) => {
  const done = new Map<number, Circuit>();
  return (seed: number): Circuit => {
    let c = done.get(seed);
    if (!c) done.set(seed, (c = f(seed)));
    return c;
  };
};

/** A synapse without its plastic rule: fixed at its file weight. */
const unplastic = <T extends { plastic?: unknown }>({ plastic: _, ...fixed }: T) => fixed;

describe('associative learning (butanone)', () => {
  const naive = naiveWorm();
  const fed = memo((seed) => condition(naive, seed, 'food', PAIRING_MS));
  const ciNaive = chemotaxisIndex(() => naive);

  it('pairing butanone with food (60 s on a lawn) raises the chemotaxis index by at least 0.3 (measured 0.33 → 1.00)', () => {
    const ci = chemotaxisIndex(fed);
    console.log(`food arm: naive ${ciNaive.toFixed(2)}, fed ${ci.toFixed(2)}`);
    expect(ci - ciNaive).toBeGreaterThanOrEqual(0.3);
  });

  // Starvation (octopamine from RIC) weakens the attraction site and builds the aversive one (AIA → the turn relay RIM, learning.ts).
  // Tested with butanone 2 mm away, where the untaught worm goes to it: 4 mm away the odour reaches the repelled worm too late in a 40 s test to show (measured 0.33 naive, 0.43 starved).
  it('pairing it with starvation (60 s off food, starved 2 h) builds the aversive site in every worm and lowers the index by at least 0.2; with the aversive sites cut it does not fall', () => {
    const starved = memo((seed) => condition(naive, seed, 'starvation', PAIRING_MS));
    for (const seed of SEEDS) {
      expect(siteWeight(starved(seed))).toBeLessThan(siteWeight(naive));
      expect(aversiveWeight(starved(seed))).toBeGreaterThan(aversiveWeight(naive) + 0.5 * aversiveMax(naive));
    }
    const ciNear = chemotaxisIndex(() => naive, {}, NEAR);
    const ci = chemotaxisIndex(starved, {}, NEAR);
    console.log(`starvation arm (2 mm): naive ${ciNear.toFixed(2)}, starved ${ci.toFixed(2)}`);
    expect(ciNear - ci).toBeGreaterThanOrEqual(0.2);
    // Every learned aversive route: the relay site cut, and RIA's steering sites where the worm has them (learning.ts's
    // crossedMax, uncrossedRate) held at their naive weights (the crossed ones silent), as without SMB's plasticity
    // receptors: cutting an own-side site would take the naive steering away too.
    const steering = (s: NonNullable<Circuit['doc']['synapses']>[number]) =>
      s.kind === 'chemical' && s.plastic !== undefined && (s.to === 'SMBD' || s.to === 'SMBV');
    const held = circuitFromDoc(
      { ...naive.doc, synapses: (naive.doc.synapses ?? []).map((s) => (s.kind === 'chemical' && steering(s) ? unplastic(s) : s)) },
      'learning-worm, RIA → SMB fixed',
    );
    const fixed = (naive.doc.synapses ?? []).filter(steering).map((s) => `${s.from} → ${s.to}`);
    const cut: readonly (readonly [string, string])[] = [['AIA', 'RIM']];
    const without = memo((seed) => condition(held, seed, 'starvation', PAIRING_MS, { cut }));
    const ciWithout = chemotaxisIndex(without, { cut }, NEAR);
    console.log(`starvation arm (2 mm), aversive sites cut (AIA → RIM) or held (${fixed.join(', ') || 'none'}): ${ciWithout.toFixed(2)}`);
    expect(ciNear - ciWithout).toBeLessThan(0.2);
  });

  it('fades: after 3 minutes on a bare plate the learned weights are back within 15 % of naive (e^−3 of the change: forgetMs 60 s) and the index is nearer naive than trained', () => {
    const rested = memo((seed) => condition(fed(seed), seed, 'rest', 180_000));
    const naiveW = siteWeight(naive);
    for (const seed of SEEDS) {
      expect(siteWeight(fed(seed))).toBeGreaterThan(naiveW * 1.3);
      expect(Math.abs(siteWeight(rested(seed)) - naiveW)).toBeLessThan(0.15 * naiveW);
    }
    // The index of 20 runs swings with small weight changes (the weights are 4 % off naive), so it is asked to be nearer naive than trained (measured: naive 0.33, rested 0.60, trained 1.00).
    const ci = chemotaxisIndex(rested);
    const ciFed = chemotaxisIndex(fed);
    expect(ci).toBeLessThan(ciFed);
    expect(Math.abs(ci - ciNaive)).toBeLessThan(Math.abs(ci - ciFed));
  });

  it('frozen learning: the same pairing leaves the weights as they were, and the index at naive', () => {
    const frozen = memo((seed) => condition(naive, seed, 'food', PAIRING_MS, { frozen: true }));
    for (const seed of SEEDS) expect(siteWeight(frozen(seed))).toBe(siteWeight(naive));
    expect(chemotaxisIndex(frozen)).toBe(ciNaive);
  });

  it('with AIA (the plastic site’s presynaptic cell) ablated, pairing with food changes nothing', () => {
    const ablate = ['AIA'];
    const paired = memo((seed) => condition(naive, seed, 'food', PAIRING_MS, { ablate }));
    expect(chemotaxisIndex(paired, { ablate }) - chemotaxisIndex(() => naive, { ablate })).toBeLessThan(0.3);
  });
});
