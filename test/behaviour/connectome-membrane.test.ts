/**
 * Issue 18: every neuron of the connectome worm stays within real membrane
 * potentials (about −90 mV, E_K, to +40 mV) while it crawls and is touched at
 * the nose and the tail, 5 seeds, through the scenario runner. The class model's
 * stretch and touch receptors are conductances (worm-model.json, transduction);
 * with linear currents the same model took DB cells to −608 mV, which the
 * control below shows the check catches.
 */
import { describe, expect, it } from 'vitest';
import { WORM_MODEL } from '../../src/circuits/connectome/worm-model';
import { importWorm } from './connectome-measure';
import { details, onWholeWorm, run } from './connectome-run';
import { SEEDS } from './measure';

const touched = (seed: number) =>
  onWholeWorm('every neuron within -90..+40 mV through a crawl, a nose and a tail touch', seed)
    .duration('16s')
    .at('5s')
    .poke({ position: 0.05, kind: 'gentle' })
    .at('10s')
    .poke({ position: 0.9, kind: 'gentle' })
    .expect.metric('membraneMin', { atLeast: -90 })
    .expect.metric('membraneMax', { atMost: 40 });

describe('the connectome worm’s membrane potentials stay physiological', () => {
  const modelled = importWorm();
  it.each(SEEDS)('seed %i: lowest ≥ −90 mV, highest ≤ +40 mV over 16 s', (seed) => {
    const r = run(touched(seed), modelled);
    expect(r.pass, details(r)).toBe(true);
  });

  it('control: with linear stretch currents the lowest falls far below −90 mV', () => {
    const r = run(touched(1), importWorm({ classModel: { ...WORM_MODEL, transduction: 'current' } }));
    expect(r.expectations[0].pass, details(r)).toBe(false);
    expect(r.expectations[0].measured as number).toBeLessThan(-200);
  });
});
