/**
 * What a change of pathway scales or class values does to the connectome worm's crawl, intact and
 * with AVA+AVD ablated from the start (issue 18: the real worm still crawls forward without them).
 * Each change is written as an evolve gene and applied with the engine's own code (resolveGenes,
 * applyGenes), so a setting here is exactly what a spec's gene with that value gives.
 *
 *   npx tsx test/behaviour/connectome-pathways.ts [--circuit FILE] [--seed N] [CHANGE ...]
 *
 * CHANGE, any number, applied together (classes comma-separated, every cell of a class shares):
 *   scale:KIND:FROM:TO=K    weightScale of that pathway (KIND chemical | electrical | any)
 *   param:NAME:OF=V         a model parameter of those classes (e.g. param:vHalfMv:DD,VD=-45)
 *   stretch:OF=G            the stretch receptors' gain of those classes
 * Without a circuit: the importer's defaults. Prints, for 4–14 s on the open field: velocity along
 * the body (BL/s, negative = backward), bending frequency, bend amplitude (κL), wave direction (1
 * head → tail, −1 tail → head, 0 none), and each command and motor class's output, mean ± SD
 * sampled every 50 ms (the SD shows which cells swing with the wave).
 */
import { readFileSync } from 'node:fs';
import { type Circuit, parseCircuit } from '../../src/circuits';
import { circuitOf } from '../../src/evolve/adapters';
import { classOf } from '../../src/evolve/classes';
import { applyGenes, resolveGenes } from '../../src/evolve/genes';
import type { FreeEntry } from '../../src/evolve/spec';
import { MODELS } from '../../src/neural/models';
import type { Simulation } from '../../src/sim/simulation';
import { meanSd } from './conductance-measure';
import { connectomeWorm, importWorm } from './connectome-measure';

const CLASSES = ['AVA', 'AVB', 'AVD', 'PVC', 'DA', 'VA', 'AS', 'DB', 'VB', 'DD', 'VD', 'SMD', 'RMD'];
const NO_AVA = ['AVAL', 'AVAR', 'AVDL', 'AVDR'];
const USAGE = 'write scale:KIND:FROM:TO=K, param:NAME:OF=V or stretch:OF=G (e.g. scale:electrical:AVB:DB,VB=4)';

function change(arg: string): { entry: FreeEntry; value: number } {
  const m = /^([^=]+)=(.+)$/.exec(arg);
  const value = Number(m?.[2]);
  if (!m || !Number.isFinite(value)) throw new Error(`change "${arg}": no "=NUMBER" at its end; ${USAGE}`);
  const parts = m[1].split(':');
  const list = (s: string | undefined) => (s ?? '').split(',').filter(Boolean);
  // A range around the value only to pass resolveGenes' checks; the value is set directly.
  const around = [value - Math.abs(value) * 1e-9 - 1e-12, value + Math.abs(value) * 1e-9 + 1e-12] as const;
  const common = { range: around, scale: 'linear' as const, share: 'all' as const };
  if (parts[0] === 'scale' && parts.length === 4 && ['chemical', 'electrical', 'any'].includes(parts[1]))
    return {
      entry: {
        ...common,
        what: 'weightScale',
        ...(parts[1] !== 'any' && { kind: parts[1] as 'chemical' | 'electrical' }),
        from: list(parts[2]),
        to: list(parts[3]),
      },
      value,
    };
  if (parts[0] === 'param' && parts.length === 3) return { entry: { ...common, what: 'param', name: parts[1], of: list(parts[2]) }, value };
  if (parts[0] === 'stretch' && parts.length === 2) return { entry: { ...common, what: 'sensorGain', sensor: 'stretch', of: list(parts[1]) }, value };
  throw new Error(`change "${arg}": not understood; ${USAGE}`);
}

function classMean(sim: Simulation, cls: string): number {
  const { ids, output } = sim.network;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < ids.length; i++)
    if (classOf(ids[i]) === cls) {
      sum += output[i];
      n++;
    }
  return n ? sum / n : Number.NaN;
}

function report(circuit: Circuit, seed: number, ablate: readonly string[]): string {
  const { sim } = connectomeWorm(circuit, seed, ablate);
  sim.run(4000);
  const samples = CLASSES.map(() => [] as number[]);
  let along = 0;
  let n = 0;
  for (let t = 0; t < 10_000; t += 50) {
    sim.run(50);
    CLASSES.forEach((c, i) => samples[i].push(classMean(sim, c)));
    along += sim.behaviour().alongMmPerS;
    n++;
  }
  const outputs = CLASSES.map((c, i) => {
    const { mean, sd } = meanSd(samples[i]);
    return `${c} ${mean.toFixed(2)}±${sd.toFixed(2)}`;
  });
  return `along ${(along / n / sim.bodyLengthMm).toFixed(3)} BL/s, ${sim.bendingFrequencyHz(10_000).toFixed(2)} Hz, bend ${sim.bendAmplitude(10_000).toFixed(2)} κL, direction ${sim.waveDirection(10_000)}\n    ${outputs.join('  ')}`;
}

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const file = flag('--circuit');
const seedArg = flag('--seed') ?? '6';
const seed = Number(seedArg);
if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed: "${seedArg}" is not a whole number ≥ 0; e.g. --seed 6`);
const base = file ? parseCircuit(readFileSync(file, 'utf8'), file) : importWorm();
const changes = args.map(change);
const genes = resolveGenes(
  base,
  changes.map((c) => c.entry),
  MODELS,
);
const circuit = changes.length
  ? circuitOf(
      applyGenes(
        base.doc,
        genes,
        genes.map((g) => changes[g.entry].value),
      ),
    )
  : base;
console.log(`${file ?? 'the importer’s defaults'}${args.length ? ` with ${args.join(' ')}` : ''}, seed ${seed}, 4–14 s:`);
console.log(`  intact: ${report(circuit, seed, [])}`);
console.log(`  AVA+AVD ablated: ${report(circuit, seed, NO_AVA)}`);
