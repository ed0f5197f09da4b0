/**
 * Issue 18, the connectome worm's nose touch, 5 seeds, through the scenario
 * runner, with the importer's defaults (the class model). Reached: a gentle
 * nose touch switches the backward command neuron AVA on within 1 s and it
 * switches off again by itself, through FLP, the nose's touch cell (Kaplan &
 * Horvitz 1993: FLP, with ASH and OLQ, mediates nose touch); with FLP ablated
 * AVA stays off. Not reached: the body does not reverse (no backward wave:
 * the A-type motor neurons have no rhythm of their own in this model), and
 * body or tail touch does not reach AVA/PVC through this wiring — measured in
 * docs/biology.md, "Whole worm".
 */
import { describe, expect, it } from 'vitest';
import { importWorm } from './connectome-measure';
import { details, onWholeWorm, run } from './connectome-run';
import { SEEDS } from './measure';

const modelled = importWorm();

const noseTouch = (seed: number) =>
  onWholeWorm('a gentle nose touch drives AVA, which lets go by itself', seed)
    .duration('10s')
    .at('5s')
    .label('touch')
    .poke({ position: 0.05, kind: 'gentle' })
    .expect.neuronSilent('AVA', { after: '1s', for: '4s' })
    .expect.neuronFiresWithin('AVA', '1s', { after: 'touch' })
    .expect.neuronSilent('AVA', { after: '7.5s', for: '2.5s' });

describe('the connectome worm feels a nose touch', () => {
  it.each(SEEDS)('seed %i: AVA silent before, on within 1 s of a gentle nose touch, off again 2.5 s later', (seed) => {
    const r = run(noseTouch(seed), modelled);
    expect(r.pass, details(r)).toBe(true);
  });

  it.each(SEEDS)('seed %i: with FLP ablated the touch no longer reaches AVA (the wiring’s path is FLP → AVA)', (seed) => {
    const r = run(noseTouch(seed).at('0s').ablate('FLP'), modelled);
    expect(r.expectations[1].pass, details(r)).toBe(false);
  });
});
