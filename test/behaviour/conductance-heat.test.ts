/**
 * Heat avoidance on the conductance worm (issue 14; docs/biology.md, "Enhanced slowing on the short-wave worm"): a
 * 4 °C warm spot dropped at the nose, as the nose-measures scenario drops it. AFD's set point sits in its receptor
 * (SENSES.afdSetPoint 'receptor', CONDUCTANCE_LAYERS.senses), so AFD depolarises past its release midpoint and the worm
 * backs off. The control is the shipped form, a tonic current against a receptor that reads gain × T: as conductances
 * the receptor's standing conductance shunts AFD, which stays under −54 mV, and the worm does not back. A silent worm
 * fails the AFD and the backing checks.
 */
import { describe, expect, it } from 'vitest';
import { buildWorm } from '../../src/circuits/builtin/generate';
import { buildConductance, CONDUCTANCE_LAYERS } from '../../src/circuits/builtin/membrane';
import { circuitFromDoc } from '../../src/circuits/circuit';
import type { Circuit } from '../../src/circuits/types';
import { createSimulation } from '../../src/sim/simulation';
import { backwardMm } from './measure';

const worm = (afdSetPoint: 'tonic' | 'receptor'): Circuit =>
  circuitFromDoc(
    buildConductance(() => buildWorm({ membrane: 'current' }), { ...CONDUCTANCE_LAYERS, senses: { ...CONDUCTANCE_LAYERS.senses, afdSetPoint } }),
    `worm (conductance, AFD ${afdSetPoint})`,
  );

/** AFD's peak V (mV, either side) over the first second after a 4 °C spot is dropped at the nose at 2 s, and mm backed over the next 2 s. */
function warmSpot(circuit: Circuit, seed: number): { afdMv: number; backedMm: number } {
  const sim = createSimulation({ circuit, seed, arena: 'plate' });
  const [l, r] = ['AFDL', 'AFDR'].map((id) => sim.neuronIds.indexOf(id));
  sim.run(2000);
  const [x, y] = sim.headPosition();
  sim.heatSpot(x, y, 4);
  let afdMv = -Infinity;
  const end = sim.timeMs + 1000;
  while (sim.timeMs < end - 1e-9) {
    sim.step();
    afdMv = Math.max(afdMv, sim.network.v[l], sim.network.v[r]);
  }
  return { afdMv, backedMm: backwardMm(sim, 2000) };
}

describe('a warm spot at the nose (the conductance worm)', () => {
  it.each([1, 2])(
    'seed %i: AFD set in its receptor passes −45 mV and the worm backs > 0.2 mm; set by a tonic current it stays under −54 mV and does not back',
    (seed) => {
      const set = warmSpot(worm('receptor'), seed);
      expect(set.afdMv).toBeGreaterThan(-45);
      expect(set.backedMm).toBeGreaterThan(0.2);
      const tonic = warmSpot(worm('tonic'), seed);
      expect(tonic.afdMv).toBeLessThan(-54);
      expect(tonic.backedMm).toBeLessThan(0.05);
    },
  );
});
