/**
 * What a change of pathway scales or class values does to the connectome worm's crawl, intact and
 * with AVA+AVD ablated from the start (issue 18: the real worm still crawls forward without them).
 * Each change is written as an evolve gene and applied with the engine's own code (resolveGenes,
 * applyGenes), so a setting here is exactly what a spec's gene with that value gives.
 *
 *   npx tsx test/behaviour/connectome-pathways.ts [--circuit FILE] [--seed N] [--ablate CELLS] [--cells IDS] [CHANGE ...]
 *
 * CHANGE, any number, applied together: scale:KIND:FROM:TO=K, param:NAME:OF=V, stretch:OF=G, sensor:OF=G,
 * sign:FROM:TO=±1, rule:OF:REACH:FOLLOW=G, size:OF=K (connectome-changes.ts).
 * Without a circuit: the importer's defaults. Prints, for 4–14 s on the open field: velocity along
 * the body (BL/s, negative = backward), bending frequency, bend amplitude (κL), wave direction (1
 * head → tail, −1 tail → head, 0 none), and each command and motor class's output, mean ± SD
 * sampled every 50 ms (the SD shows which cells swing with the wave); then the bend over 4 more s: the
 * head's (body 0.1) and the body's (0.2–0.8) swing (RMS about the mean) and mean κL (< 0 ventral), which
 * tell a head latched in a held bend from one that swings.
 * --ablate CELLS (comma-separated classes or cells, e.g. VB or VB01,VB02) ablates them in both runs, from the
 * start; --cells IDS (e.g. RMDDL,RMDVL) prints those cells' mean output too.
 */
import { readFileSync } from 'node:fs';
import { type Circuit, parseCircuit } from '../../src/circuits';
import { classOf } from '../../src/evolve/classes';
import type { Simulation } from '../../src/sim/simulation';
import { parseChange, withChanges } from './connectome-changes';
import { meanSd } from './conductance-measure';
import { connectomeWorm, importWorm } from './connectome-measure';
import { bendAmplitude } from './connectome-stretch';

const CLASSES = ['AVA', 'AVB', 'AVD', 'PVC', 'DA', 'VA', 'AS', 'DB', 'VB', 'DD', 'VD', 'SMD', 'RMD'];
const NO_AVA = ['AVAL', 'AVAR', 'AVDL', 'AVDR'];
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

function report(circuit: Circuit, seed: number, ablate: readonly string[], cells: readonly string[]): string {
  const { sim } = connectomeWorm(circuit, seed, ablate);
  sim.run(4000);
  const cellIndex = cells.map((id) => {
    const i = sim.network.ids.indexOf(id);
    if (i < 0) throw new Error(`--cells: "${id}" is not a neuron of this circuit; e.g. --cells RMDDL,RMDVL`);
    return i;
  });
  const cellSums = cells.map(() => 0);
  const samples = CLASSES.map(() => [] as number[]);
  let along = 0;
  let n = 0;
  for (let t = 0; t < 10_000; t += 50) {
    sim.run(50);
    CLASSES.forEach((c, i) => samples[i].push(classMean(sim, c)));
    cellIndex.forEach((k, i) => (cellSums[i] += sim.network.output[k]));
    along += sim.behaviour().alongMmPerS;
    n++;
  }
  const motion = `along ${(along / n / sim.bodyLengthMm).toFixed(3)} BL/s, ${sim.bendingFrequencyHz(10_000).toFixed(2)} Hz, bend ${sim.bendAmplitude(10_000).toFixed(2)} κL, direction ${sim.waveDirection(10_000)}`;
  const bend = bendAmplitude(sim, 4000);
  const outputs = CLASSES.map((c, i) => {
    const { mean, sd } = meanSd(samples[i]);
    return `${c} ${mean.toFixed(2)}±${sd.toFixed(2)}`;
  });
  const named = cells.map((id, i) => `${id} ${(cellSums[i] / n).toFixed(2)}`);
  return `${motion}\n    head (body 0.1) swing ${bend.profile[1].toFixed(2)} κL, mean ${bend.means[1].toFixed(2)}; body swing ${bend.amplitude.toFixed(2)}, mean ${bend.offset.toFixed(2)} (14–18 s)\n    ${outputs.join('  ')}${named.length ? `\n    ${named.join('  ')}` : ''}`;
}

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const file = flag('--circuit');
const seedArg = flag('--seed') ?? '6';
const seed = Number(seedArg);
const list = (s: string | undefined) => (s ?? '').split(',').filter(Boolean);
const ablateArg = list(flag('--ablate'));
const cells = list(flag('--cells'));
if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed: "${seedArg}" is not a whole number ≥ 0; e.g. --seed 6`);
const base = file ? parseCircuit(readFileSync(file, 'utf8'), file) : importWorm();
const circuit = withChanges(base, args.map(parseChange));
console.log(`${file ?? 'the importer’s defaults'}${args.length ? ` with ${args.join(' ')}` : ''}, seed ${seed}, 4–14 s:`);
const extra = circuit.network.neurons.map((n) => n.id).filter((id) => ablateArg.includes(id) || ablateArg.includes(classOf(id)));
const unknown = ablateArg.filter((a) => !extra.some((id) => id === a || classOf(id) === a));
if (unknown.length) throw new Error(`--ablate: no neuron or class "${unknown.join('", "')}" in this circuit; e.g. --ablate VB or --ablate VB01,VB02`);
const also = extra.length ? ` (and ${ablateArg.join(', ')} ablated)` : '';
console.log(`  intact${also}: ${report(circuit, seed, extra, cells)}`);
console.log(`  AVA+AVD ablated${also}: ${report(circuit, seed, [...NO_AVA, ...extra], cells)}`);
