/**
 * Dishabituation on the default worm (issue 19; Rankin, Beck & Chiba 1990): after
 * 10 plate taps 10 s apart, a harsh touch at the tail restores the tap response.
 * The mechanism: the harsh touch excites the dopaminergic PDE (Li et al. 2011),
 * and dopamine on DOP-1 in the gentle touch cells (Sanyal et al. 2004; Kindt et
 * al. 2007) refills their short-term pools (touch.ts, addDishabituation). The
 * probe tap comes 12 s after the last training tap, 8 s after the tail touch.
 * 5 individuals; the same touch in a worm without DOP-1 restores less, and a
 * silent worm fails (no first response).
 */
import { describe, expect, it } from 'vitest';
import { buildWorm } from '../../src/circuits/builtin/generate';
import { circuitFromDoc } from '../../src/circuits/circuit';
import { dishabituationProbe, mean, withoutDop1 } from './habituation-interval';
import { SEEDS } from './measure';

describe('dishabituation of tap habituation (default worm)', () => {
  it('5 worms: a harsh tail touch brings the habituated tap response back; without DOP-1 on the touch cells it does not', () => {
    const none = SEEDS.map((s) => dishabituationProbe('worm', s, false));
    const touched = SEEDS.map((s) => dishabituationProbe('worm', s, true));
    const mutant = circuitFromDoc(withoutDop1(buildWorm()), 'worm without DOP-1');
    const cut = SEEDS.map((s) => dishabituationProbe(mutant, s, true));
    const show = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ');
    expect(mean(touched), `touched ${show(touched)}`).toBeGreaterThan(0.8);
    expect(mean(touched) - mean(none), `none ${show(none)}, touched ${show(touched)}`).toBeGreaterThan(0.25);
    expect(mean(touched) - mean(cut), `without DOP-1 ${show(cut)}`).toBeGreaterThan(0.25);
  }, 600_000);
});
