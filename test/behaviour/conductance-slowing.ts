/**
 * Why the seven-unit conductance worm crawls faster on a lawn (issue 14; docs/biology.md, "Why the
 * seven-unit worm speeds up on food"). The slowing proofs' run (modulation-slowing.ts: 10 s settle, 40 s
 * path speed) on the bare plate and on the lawn, with the lawn's inputs taken apart: dopamine gone
 * (cat-2-like), NSM ablated, and dopamine bathed onto the bare plate at the lawn's level (dopamine without
 * the lawn). Per run: path speed, the gait over the window (head frequency, λ, bend amplitude, from the pose),
 * reversals, time backward, dopamine and serotonin, the mean V of AVB, AVA and the B-type units, AVB's mean release
 * (the drive its chemical synapses pass on) and NSM's mean V (its release midpoint −45 mV).
 * A trial on top of the committed values: a JSON of layer overrides as the third argument, as
 * conductance-fixes.ts takes it, e.g. '{"modulation":{"dop3Pa":-3}}'.
 * `npx tsx test/behaviour/conductance-slowing.ts [seeds 1,2,3] [hoursOffFood 0] [overrides]`
 */
import { buildWorm } from '../../src/circuits/builtin/generate';
import { CONDUCTANCE_LAYERS, type LayerOverrides } from '../../src/circuits/builtin/membrane';
import { circuitFromDoc } from '../../src/circuits/circuit';
import type { Circuit } from '../../src/circuits/types';
import { createSimulation } from '../../src/sim/simulation';
import { BARE, LAWN, mean } from './modulation-slowing';

type Layer = keyof LayerOverrides;
const LAYERS: readonly Layer[] = ['gait', 'touch', 'senses', 'foraging', 'modulation'];
const layers = CONDUCTANCE_LAYERS as Partial<Record<Layer, Record<string, unknown>>>;

function parseArgs(): { seeds: number[]; hours: number; trial: Partial<Record<Layer, Record<string, unknown>>> } {
  const [seedText = '1,2,3', hoursText = '0', json] = process.argv.slice(2);
  const seeds = seedText.split(',').map(Number);
  if (seeds.some((s) => !Number.isInteger(s) || s < 1))
    throw new Error(`conductance-slowing: seeds (argument 1) = "${seedText}": give positive integers separated by commas, e.g. 1,2,3`);
  const hours = Number(hoursText);
  if (!Number.isFinite(hours) || hours < 0)
    throw new Error(`conductance-slowing: hoursOffFood (argument 2) = "${hoursText}": must be a number ≥ 0, e.g. 0 (fed) or 0.5 (starved)`);
  let trial: unknown = {};
  if (json !== undefined) {
    try {
      trial = JSON.parse(json);
    } catch {
      throw new Error(`conductance-slowing: overrides (argument 3) = ${json} is not JSON; give e.g. '{"modulation":{"dop3Pa":-3}}'`);
    }
    if (typeof trial !== 'object' || trial === null) throw new Error('conductance-slowing: overrides (argument 3) must be an object of layers');
    for (const layer of Object.keys(trial))
      if (!LAYERS.includes(layer as Layer)) throw new Error(`conductance-slowing: overrides name a layer "${layer}": must be one of ${LAYERS.join(', ')}`);
  }
  return { seeds, hours, trial: trial as Partial<Record<Layer, Record<string, unknown>>> };
}

const { seeds, hours, trial } = parseArgs();

/** The conductance worm with the trial's overrides, optionally without one modulator (its release and receptors). */
function worm(withoutModulator?: string): Circuit {
  const saved = LAYERS.map((layer) => [layer, layers[layer]] as const);
  try {
    for (const [layer, fields] of Object.entries(trial) as [Layer, Record<string, unknown>][]) layers[layer] = { ...layers[layer], ...fields };
    const doc = buildWorm({ membrane: 'conductance' });
    if (withoutModulator) {
      doc.modulators = (doc.modulators ?? []).filter((m) => m.name !== withoutModulator);
      doc.receptors = (doc.receptors ?? []).filter((r) => r.modulator !== withoutModulator);
    }
    return circuitFromDoc(doc, `worm (conductance${withoutModulator ? `, no ${withoutModulator}` : ''})`);
  } finally {
    for (const [layer, original] of saved) {
      if (original === undefined) delete layers[layer];
      else layers[layer] = original;
    }
  }
}

interface Run {
  mmPerS: number;
  hz: number;
  lambda: number;
  amp: number;
  reversals: number;
  backFrac: number;
  dopamine: number;
  serotonin: number;
  avb: number;
  avbOut: number;
  nsm: number;
  ava: number;
  bUnits: number;
}

/** modulation-slowing.ts's pathSpeed, with the gait and the circuit read along the way (two 20 s gait windows). */
function run(circuit: Circuit, seed: number, lawn: boolean, o: { ablate?: string[]; bathDopamine?: number } = {}): Run {
  const sim = createSimulation({ circuit, seed, arena: lawn ? LAWN : BARE, hoursOffFood: hours });
  for (const id of o.ablate ?? []) sim.ablate(id);
  if (o.bathDopamine !== undefined) sim.bathModulator('dopamine', o.bathDopamine);
  const ids = sim.neuronIds;
  const at = (id: string) => ids.indexOf(id);
  const [avb, ava, nsm] = [at('AVB'), at('AVA'), at('NSM')];
  const units = ids.flatMap((id, i) => (/^[DV]B\d+$/.test(id) ? [i] : []));
  sim.run(10_000);
  const r0 = sim.reversalCount();
  const sums = { path: 0, back: 0, dopamine: 0, serotonin: 0, avb: 0, avbOut: 0, nsm: 0, ava: 0, b: 0, n: 0 };
  const gaits: [number, number, number][] = [];
  const end = sim.timeMs + 40_000;
  let nextGait = sim.timeMs + 20_000;
  while (sim.timeMs < end - 1e-9) {
    sim.step();
    const along = sim.behaviour().alongMmPerS;
    sums.path += (Math.abs(along) * sim.physicsStepMs) / 1000;
    if (along < 0) sums.back += sim.physicsStepMs;
    const levels = sim.modulatorLevels();
    const v = sim.network.v;
    sums.dopamine += levels.dopamine ?? 0;
    sums.serotonin += levels.serotonin ?? 0;
    sums.avb += v[avb];
    sums.avbOut += sim.network.output[avb];
    sums.nsm += v[nsm];
    sums.ava += v[ava];
    sums.b += mean(units.map((i) => v[i]));
    sums.n++;
    if (sim.timeMs >= nextGait - 1e-9) {
      gaits.push([sim.bendingFrequencyHz(20_000), sim.wavelengthBodyLengths(20_000), sim.bendAmplitude(20_000)]);
      nextGait += 20_000;
    }
  }
  const g = (k: number) => mean(gaits.map((x) => x[k]));
  return {
    mmPerS: sums.path / 40,
    hz: g(0),
    lambda: g(1),
    amp: g(2),
    reversals: sim.reversalCount() - r0,
    backFrac: sums.back / 40_000,
    dopamine: sums.dopamine / sums.n,
    serotonin: sums.serotonin / sums.n,
    avb: sums.avb / sums.n,
    avbOut: sums.avbOut / sums.n,
    nsm: sums.nsm / sums.n,
    ava: sums.ava / sums.n,
    bUnits: sums.b / sums.n,
  };
}

const line = (r: Run) =>
  `${r.mmPerS.toFixed(3)} mm/s, ${r.hz.toFixed(2)} Hz, λ ${r.lambda.toFixed(2)}, amp ${r.amp.toFixed(2)}, rev ${r.reversals}, back ${(100 * r.backFrac).toFixed(0)} %, ` +
  `DA ${r.dopamine.toFixed(2)}, 5-HT ${r.serotonin.toFixed(2)}, V AVB ${r.avb.toFixed(1)} (release ${r.avbOut.toFixed(2)}), NSM ${r.nsm.toFixed(1)}, AVA ${r.ava.toFixed(1)}, B ${r.bUnits.toFixed(1)} mV`;

const intact = worm();
const noDopamine = worm('dopamine');
console.log(`hoursOffFood ${hours}, overrides ${JSON.stringify(trial)}`);
const ratios: Record<string, number[]> = {};
const all: Run[] = [];
for (const seed of seeds) {
  const bare = run(intact, seed, false);
  const lawn = run(intact, seed, true);
  const rows: [string, Run][] = [
    ['bare', bare],
    ['lawn', lawn],
    ['lawn, no dopamine', run(noDopamine, seed, true)],
    ['lawn, NSM ablated', run(intact, seed, true, { ablate: ['NSM'] })],
    ['bare, dopamine bathed', run(intact, seed, false, { bathDopamine: lawn.dopamine })],
    ['bare, no dopamine', run(noDopamine, seed, false)],
  ];
  for (const [name, r] of rows) {
    console.log(`s${seed} ${name.padEnd(22)} ${line(r)}`);
    (ratios[name] ??= []).push(r.mmPerS / bare.mmPerS);
    all.push(r);
  }
}
console.log(
  `speed over bare, mean of seeds: ${Object.entries(ratios)
    .map(([k, v]) => `${k} ${mean(v).toFixed(2)}`)
    .join('; ')}`,
);

/** Pearson's r of path speed with each reading, over every run above: what the speed follows. */
function r(xs: number[], ys: number[]): number {
  const [mx, my] = [mean(xs), mean(ys)];
  const cov = mean(xs.map((x, i) => (x - mx) * (ys[i] - my)));
  return cov / Math.sqrt(mean(xs.map((x) => (x - mx) ** 2)) * mean(ys.map((y) => (y - my) ** 2)));
}
const speed = all.map((x) => x.mmPerS);
const readings: [string, (x: Run) => number][] = [
  ['head Hz', (x) => x.hz],
  ['λ', (x) => x.lambda],
  ['bend amplitude', (x) => x.amp],
  ['Hz × amplitude', (x) => x.hz * x.amp],
  ['B-unit V', (x) => x.bUnits],
  ['AVB V', (x) => x.avb],
  ['time backward', (x) => x.backFrac],
];
console.log(`r with path speed, ${all.length} runs: ${readings.map(([k, f]) => `${k} ${r(all.map(f), speed).toFixed(2)}`).join('; ')}`);
