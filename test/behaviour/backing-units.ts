/**
 * Where a held backing's one-sided turn comes from (docs/biology.md, "The backing follows the head"): backing-steer.ts's
 * protocol (open field, AVA held from 5 s, 8 s of backing; SMBD or SMBV driven 1 pA, or neither) on a worm built with
 * layer overrides and a variant (worm-variants.ts), read cell by cell. Per seed: the heading's turn with neither, SMBD
 * and SMBV driven (degrees, + counter-clockwise as headingRad turns) and, for the run with neither, the turn per 2 s,
 * the head's mean curvature and RMDD/RMDV's mean output, SMDD − SMDV (mV), SMBD/SMBV and RIV's mean output, and per
 * body unit k its DA/VA mean output (DA9/VA12 for the tail unit), the mean signed curvature over its span (1/mm, + =
 * bent left/dorsal) and the muscles' mean left − right activation. A cause shows as the first place where the dorsal
 * and ventral figures part; the mean of the ten turns (near 0, both signs) and SMBD − SMBV apart are the targets.
 * The first ~1 s of a backing turns the head the way it was bent when AVA came on (the head holds its side that long), so
 * on seeds that all reach 5 s in the same phase of the crawl that kick has one sign; `onsets` (seconds, e.g.
 * 4,4.5,5,5.5,6,6.5,7) holds AVA from each instead and prints, per seed, the turn with neither cell driven from each
 * onset and their mean: the backing's own bias over the crawl's phases.
 * Run: `npx tsx test/behaviour/backing-units.ts [current|conductance] [seeds 1,2,3] [overrides] [variant] [brief|onsets]`
 * (overrides as curve-units.ts's, '{}' for none; `brief` prints the three turns only).
 */
import { createSimulation } from '../../src/sim/simulation';
import { headingTurn } from './circling-plate';
import { holdAva } from './conductance-measure';
import { parseLayerOverrides } from './layer-overrides';
import { OPEN_FIELD } from './measure';
import { builtinOn, membraneArg } from './membrane-builtins';
import { parseSeeds } from './seeds-arg';
import { variantArg, varied } from './worm-variants';
import { spanBend, spanMuscleSide } from './body-spans';

const SCRIPT = 'backing-units.ts';
const membrane = membraneArg(process.argv[2], SCRIPT);
const seeds = parseSeeds(process.argv[3], SCRIPT, 2, '1,2,3');
const overrides = parseLayerOverrides(process.argv[4], SCRIPT, '{"gait":{"tailPairScale":1}}');
const variant = variantArg(process.argv[5], SCRIPT, 4);
const onsets = process.argv[6] && process.argv[6] !== 'brief' ? process.argv[6].split(',').map(Number) : undefined;
if (onsets && !onsets.every((s) => Number.isFinite(s) && s >= 1 && s <= 60))
  throw new Error(`${SCRIPT}: onsets (argument 5) = "${process.argv[6]}": give 'brief' or seconds 1..60, e.g. 4,5,6,7`);
const brief = onsets !== undefined || process.argv[6] === 'brief';
const circuit = varied(builtinOn('worm', membrane, overrides), variant, SCRIPT);
const BACK_MS = 8000;
const f = (x: number, d = 2) => x.toFixed(d);

console.log(`worm on ${membrane}${process.argv[4] ? `, ${process.argv[4]}` : ''}, ${variant}; AVA held from 5 s, ${BACK_MS / 1000} s of backing`);
const all: Record<string, number[]> = { none: [], SMBD: [], SMBV: [] };
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The heading's turn (degrees) over the backing held from `onsetMs` with `cell` driven ('none': neither). */
function turnFrom(seed: number, onsetMs: number): number {
  const sim = createSimulation({ circuit, seed, arena: OPEN_FIELD });
  sim.run(onsetMs);
  holdAva(sim);
  const heading = headingTurn(sim.body.headingRad());
  let turn = 0;
  const end = sim.timeMs + BACK_MS;
  while (sim.timeMs < end - 1e-9) {
    sim.step();
    turn = heading.add(sim.body.headingRad());
  }
  return (turn * 180) / Math.PI;
}

if (onsets) {
  console.log(`AVA held from ${onsets.join(', ')} s`);
  const seedMeans: number[] = [];
  for (const seed of seeds) {
    const turns = onsets.map((s) => turnFrom(seed, Math.round(s * 1000)));
    seedMeans.push(mean(turns));
    console.log(`seed ${seed}: ${turns.map((t) => f(t, 0)).join(', ')}°; mean ${f(mean(turns), 0)}°`);
  }
  const flat = seedMeans.length;
  console.log(`over seeds and onsets: mean ${f(mean(seedMeans), 0)}°; seeds with a negative mean ${seedMeans.filter((x) => x < 0).length} of ${flat}`);
  process.exit(0);
}
for (const seed of seeds) {
  const row: string[] = [];
  const detail: string[] = [];
  for (const cell of ['none', 'SMBD', 'SMBV']) {
    const sim = createSimulation({ circuit, seed, arena: OPEN_FIELD });
    sim.run(5000);
    holdAva(sim);
    if (cell !== 'none') sim.setNeuronParam(cell, 'tonicPa', 1);
    const ids = sim.neuronIds;
    const at = (id: string) => ids.indexOf(id);
    const nSeg = sim.body.segments;
    const units: { k: number; da: number; va: number; from: number; to: number }[] = [];
    for (let k = 1; at(`DB${k}`) >= 0; k++) {
      const m = sim.circuit.muscles.find((x) => x.neuron === `DB${k}`);
      if (!m) throw new Error(`${SCRIPT}: no muscle for DB${k}`);
      const [da, va] = at(`DA${k}`) >= 0 && at(`DB${k + 1}`) >= 0 ? [`DA${k}`, `VA${k}`] : ['DA9', 'VA12'];
      units.push({ k, da: at(da), va: at(va), from: m.from, to: m.to });
    }
    const cells = ['RMDD', 'RMDV', 'SMDD', 'SMDV', 'SMBD', 'SMBV', 'RIV'].map(at);
    const sums = units.map(() => new Float64Array(4)); // DA out, VA out, κ, L−R
    const head = new Float64Array(8); // κ, RMDD out, RMDV out, SMDD − SMDV V, SMBD out, SMBV out, RIV out
    const heading = headingTurn(sim.body.headingRad());
    const c0 = sim.behaviour().centroid;
    const windows: number[] = [];
    let turn = 0;
    let n = 0;
    const end = sim.timeMs + BACK_MS;
    while (sim.timeMs < end - 1e-9) {
      sim.step();
      turn = heading.add(sim.body.headingRad());
      if ((end - sim.timeMs) % 2000 < sim.physicsStepMs - 1e-9) windows.push(turn);
      if (cell !== 'none' || brief) continue;
      const t = sim.telemetry();
      const kappa = sim.body.curvature();
      const from = Math.max(0, Math.ceil(units[0].from * (nSeg - 1)) - 1);
      let hk = 0;
      for (let j = 0; j < from; j++) hk += kappa[j] / Math.max(1, from);
      head[0] += hk;
      head[1] += t.output[cells[0]];
      head[2] += t.output[cells[1]];
      head[3] += t.v[cells[2]] - t.v[cells[3]];
      head[4] += t.output[cells[4]];
      head[5] += t.output[cells[5]];
      head[6] += cells[6] >= 0 ? t.output[cells[6]] : 0;
      units.forEach((u, i) => {
        const s = sums[i];
        s[0] += t.output[u.da];
        s[1] += t.output[u.va];
        s[2] += spanBend(kappa, nSeg, u.from, u.to);
        s[3] += spanMuscleSide(t.muscles, nSeg, u.from, u.to);
      });
      n++;
    }
    const deg = (turn * 180) / Math.PI;
    all[cell].push(deg);
    const c = sim.behaviour().centroid;
    row.push(`${cell} ${f(deg, 0)}° (${f(Math.hypot(c[0] - c0[0], c[1] - c0[1]))} mm)`);
    if (cell === 'none' && !brief) {
      const per = windows.map((w, i) => f(((w - (windows[i - 1] ?? 0)) * 180) / Math.PI, 0));
      const h = [...head].map((x) => x / n);
      detail.push(
        `  per 2 s ${per.join(' ')}°; head κ ${f(h[0])}, RMDD/RMDV out ${f(h[1])}/${f(h[2])}, SMDD−SMDV ${f(h[3], 1)} mV, SMBD/SMBV out ${f(h[4], 3)}/${f(h[5], 3)}, RIV out ${f(h[6], 3)}`,
      );
      units.forEach((u, i) => {
        const s = [...sums[i]].map((x) => x / n);
        detail.push(`  unit ${u.k} [${u.from}–${u.to}]: DA/VA out ${f(s[0], 3)}/${f(s[1], 3)}; κ ${f(s[2], 3)}; L−R ${f(s[3], 3)}`);
      });
    }
  }
  console.log(`seed ${seed}: ${row.join('; ')}`);
  for (const d of detail) console.log(d);
}
const apart = all.SMBD.map((d, i) => d - all.SMBV[i]);
console.log(
  `none: mean ${f(mean(all.none), 0)}°, ${all.none.filter((x) => x < 0).length} of ${all.none.length} negative; SMBD − SMBV: mean ${f(mean(apart), 0)}° (${apart.map((x) => f(x, 0)).join(', ')})`,
);
