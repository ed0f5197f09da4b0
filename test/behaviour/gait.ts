/**
 * Gait measurements shared by the gait proofs (gait.test.ts) and the table in
 * docs/biology.md (`npx tsx test/behaviour/gait-table.ts` prints it): read
 * from the body's pose only, never from the neurons.
 */
import { createSimulation, type Simulation } from '../../src/sim/simulation';
import type { Circuit } from '../../src/circuits';
import { GAIT } from '../../src/circuits/builtin/locomotion';

export interface Gait {
  /** Speed along the path, body lengths/s: the centroid's displacement each second, averaged (a worm swimming in circles counts at its swimming speed). */
  speed: number;
  hz: number;
  /** Wavelength, body lengths. */
  lambda: number;
  /** +1 head → tail. */
  direction: -1 | 0 | 1;
}

/** Settle for settleMs, then measure over windowMs (12 s: the crawl now and then stumbles for a cycle, which a shorter window overweights). */
export function gaitOf(sim: Simulation, settleMs = 4000, windowMs = 12_000): Gait {
  sim.run(settleMs);
  let path = 0;
  let prev = sim.behaviour().centroid;
  for (let t = 0; t < windowMs; t += 1000) {
    sim.run(1000);
    const c = sim.behaviour().centroid;
    path += Math.hypot(c[0] - prev[0], c[1] - prev[1]);
    prev = c;
  }
  return {
    speed: path / sim.bodyLengthMm / (windowMs / 1000),
    hz: sim.bendingFrequencyHz(windowMs),
    lambda: sim.wavelengthBodyLengths(windowMs),
    direction: sim.waveDirection(windowMs),
  };
}

export function gait(circuit: string | Circuit, seed: number, medium: 'agar' | 'water', avbScale = 1, windowMs = 12_000): Gait {
  const sim = createSimulation({ circuit, seed, medium });
  if (avbScale !== 1) sim.setNeuronParam('AVB', 'tonicPa', GAIT.avbTonicPa * avbScale);
  return gaitOf(sim, 4000, windowMs);
}

/** AVB drive, as multiples of its tonic current, for the speed–drive curve. */
export const DRIVES = [0.9, 0.95, 1, 1.05, 1.1];

/** Speed, frequency and wavelength at each of DRIVES, each over 16 s (a shorter window's speed varies by a few per cent with the phase of the gait it starts at). */
export function driveCurve(circuit: string | Circuit, seed: number): Gait[] {
  return DRIVES.map((k) => gait(circuit, seed, 'agar', k, 16_000));
}

/**
 * Bending frequency after switching medium: the worm settles 8 s in `from`,
 * the medium switches, and the frequency is measured from 2 s after the
 * switch over `windowMs` (long enough for ~2 cycles of the new gait).
 */
export function frequencyAfterSwitch(circuit: string | Circuit, seed: number, from: 'agar' | 'water', to: 'agar' | 'water', windowMs: number): number {
  const sim = createSimulation({ circuit, seed, medium: from });
  sim.run(8000);
  sim.setMedium(to);
  sim.run(2000 + windowMs);
  return sim.bendingFrequencyHz(windowMs);
}
