/**
 * The on-worm membrane check's touches (connectome-on-worm.test.ts): a gentle
 * touch at body 0.1 (ALM/AVM), a harsh one at 0.9 (PLM, PVD) and a plate tap,
 * with the extremes of every neuron's V and of muscle activation over the run.
 * From the command line, the extremes of a circuit file (a refit's best) and
 * which neurons reach them:
 *
 *   npx tsx test/behaviour/connectome-touches.ts [circuit.json]   (default: the importer's defaults)
 */
import { readFileSync } from 'node:fs';
import { parseCircuit } from '../../src/circuits';
import { createSimulation, type Simulation } from '../../src/sim/simulation';
import { importWorm } from './connectome-measure';

export interface TouchExtremes {
  lo: number;
  hi: number;
  /** The neurons that reached lo and hi. */
  lowest: string;
  worst: string;
  muscleMax: number;
}

/** Steps the simulation for ms with the touches along the way. */
export function touchExtremes(sim: Simulation, ms: number): TouchExtremes {
  let lo = Infinity;
  let hi = -Infinity;
  let lowest = '';
  let worst = '';
  let muscleMax = 0;
  const steps = ms / sim.physicsStepMs;
  for (let s = 0; s < steps; s++) {
    const t = s * sim.physicsStepMs;
    if (t === 500) sim.poke(0.1, { kind: 'gentle' }); // ALM/AVM
    if (t === 1500) sim.poke(0.9, { kind: 'harsh', force: 1 }); // PLM, PVD
    if (t === 2500) sim.tapPlate(1);
    sim.step();
    const v = sim.network.v;
    for (let i = 0; i < v.length; i++) {
      if (!(v[i] >= lo)) {
        lo = v[i]; // NaN lands here too
        lowest = sim.network.ids[i];
      }
      if (!(v[i] <= hi)) {
        hi = v[i];
        worst = sim.network.ids[i];
      }
    }
    for (const a of sim.telemetry().muscles) muscleMax = Math.max(muscleMax, a);
  }
  return { lo, hi, lowest, worst, muscleMax };
}

if (process.argv[1]?.endsWith('connectome-touches.ts')) {
  const file = process.argv[2];
  const circuit = file ? parseCircuit(readFileSync(file, 'utf8'), file) : importWorm();
  const r = touchExtremes(createSimulation({ circuit, seed: 3 }), 4000);
  console.log(`V ${r.lo.toFixed(1)} mV (${r.lowest}) .. ${r.hi.toFixed(1)} mV (${r.worst}), muscles up to ${r.muscleMax.toFixed(2)} (seed 3, 4 s)`);
}
