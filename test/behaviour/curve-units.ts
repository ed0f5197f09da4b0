/**
 * Where a one-sided curvature comes from (docs/biology.md, "The conductance gait crawls straight"): circling.ts's plate
 * and 30 s (the odour-choice plate without its spots, choice.ts's starts), read cell by cell. Per seed: the heading's
 * total turn (degrees, + counter-clockwise); the head pair (RMDD/RMDV) and each body unit k's dorsal and ventral B cell
 * (mean V, mV, and mean output), its D-type pair (DD/VD output; unit 7 shares DD6 on the seven-unit worm) and the mean
 * signed curvature over its span (1/mm, + = bent left/dorsal), the muscles' mean left − right activation over its span.
 * A cause shows as the first place along the body where the dorsal and ventral figures part. First it prints the
 * motor circuit's entries that have no dorsal ↔ ventral mirror in the built document.
 * Variants (worm-variants.ts) tell a built-in asymmetry from a chosen one.
 * Run: `npx tsx test/behaviour/curve-units.ts [current|conductance] [seeds 1,2,3] [overrides] [variant: as-built, mirrored, … (worm-variants.ts)]`
 * (the default worm on that membrane; overrides, e.g. '{"gait":{"crossInhibition":2.4}}', change CONDUCTANCE_LAYERS
 * for a study; '{}' for none).
 */
import type { CircuitDoc } from '../../src/circuits/types';
import { createSimulation } from '../../src/sim/simulation';
import { CIRCLING_MS, circlingArena, headingTurn } from './circling-plate';
import { parseLayerOverrides } from './layer-overrides';
import { builtinOn, membraneArg } from './membrane-builtins';
import { parseSeeds } from './seeds-arg';
import { variantArg, varied } from './worm-variants';
import { spanBend, spanMuscleSide } from './body-spans';

const membrane = membraneArg(process.argv[2], 'curve-units.ts');
const seeds = parseSeeds(process.argv[3], 'curve-units.ts', 2, '1,2,3');
const overrides = parseLayerOverrides(process.argv[4], 'curve-units.ts', '{"gait":{"crossInhibition":2.4}}');
const variant = variantArg(process.argv[5], 'curve-units.ts', 4);
const MS = CIRCLING_MS;

const circuit = varied(builtinOn('worm', membrane, overrides), variant, 'curve-units.ts');
const f = (x: number, d = 2) => x.toFixed(d);

/**
 * The motor circuit's entries without a dorsal ↔ ventral mirror (DB ↔ VB, DA ↔ VA, DD ↔ VD with the same number,
 * DA9 ↔ VA12, RMDD ↔ RMDV, SMDD ↔ SMDV, SMBD ↔ SMBV; left ↔ right): neuron starts and parameters, synapses, stretch receptors and
 * muscles. Only what touches a motor cell is compared; a sensory cell's left/right partner (AWAL/AWAR …) is its mirror.
 */
function asymmetries(doc: CircuitDoc): string[] {
  const pairs: Record<string, string> = { DA9: 'VA12', VA12: 'DA9', RMDD: 'RMDV', RMDV: 'RMDD', SMDD: 'SMDV', SMDV: 'SMDD', SMBD: 'SMBV', SMBV: 'SMBD' };
  const ids = new Set(doc.neurons.map((n) => n.id));
  const dv = (id: string): string =>
    pairs[id] ?? id.replace(/^([DV])([BAD])(\d+)$/, (_, side: string, c: string, k: string) => `${side === 'D' ? 'V' : 'D'}${c}${k}`);
  const motor = (id: string) => dv(id) !== id;
  // A left/right pair of sensory cells (AWAL/AWAR …) mirrors too: the body's left is its dorsal side.
  const lr = (id: string) => id.replace(/[LR]$/, (x) => (x === 'L' ? 'R' : 'L'));
  const mirror = (id: string): string => (motor(id) ? dv(id) : /^[A-Z]{3}[LR]$/.test(id) && ids.has(lr(id)) ? lr(id) : id);
  const side = (x: string) => (x === 'left' ? 'right' : x === 'right' ? 'left' : x);
  const out: string[] = [];
  const neurons = new Map(doc.neurons.map((n) => [n.id, n]));
  for (const n of doc.neurons) {
    if (!motor(n.id)) continue;
    const m = neurons.get(mirror(n.id));
    const body = (x: typeof n) => JSON.stringify({ ...x, id: 0, position: 0 });
    if (!m) out.push(`neuron ${n.id}: no ${mirror(n.id)}`);
    else if (body(n) !== body(m)) out.push(`neuron ${n.id} ≠ ${m.id}: ${JSON.stringify({ params: n.params, init: n.init })}`);
  }
  const keyed = <T extends object>(xs: readonly T[], flip: (x: T) => T) => {
    const have = new Set(xs.map((x) => JSON.stringify(x)));
    return xs.filter((x) => !have.has(JSON.stringify(flip(x))));
  };
  const synapses = (doc.synapses ?? []).filter((x) => motor(x.from) || motor(x.to));
  for (const x of keyed(synapses, (x) => ({ ...x, from: mirror(x.from), to: mirror(x.to) }))) out.push(`synapse ${x.from} → ${x.to}: no mirror`);
  const stretch = (doc.sensors ?? []).filter((x) => x.sensor === 'stretch');
  for (const x of keyed(stretch, (x) => ({ ...x, neuron: mirror(x.neuron), side: side(x.side) }) as typeof x))
    out.push(`stretch ${x.neuron} at ${x.at}: no mirror`);
  for (const x of keyed(doc.muscles ?? [], (x) => ({ ...x, neuron: mirror(x.neuron), side: side(x.side) as typeof x.side })))
    out.push(`muscle ${x.neuron} ${x.side} ${x.from}–${x.to} gain ${x.gain}: no mirror`);
  return out;
}
console.log(`asymmetries: ${asymmetries(circuit.doc).join('; ') || 'none'}`);

console.log(`worm on ${membrane}${process.argv[4] ? `, ${process.argv[4]}` : ''}, ${variant}, ${MS / 1000} s, no spots`);
const turns: number[] = [];
for (const seed of seeds) {
  const sim = createSimulation({ circuit, arena: circlingArena(seed), seed });
  const ids = sim.neuronIds;
  const at = (id: string) => ids.indexOf(id);
  const units: { k: number; cells: number[]; from: number; to: number }[] = [];
  for (let k = 1; at(`DB${k}`) >= 0; k++) {
    // A muscle list entry names each unit's span: the DB cell's left muscle.
    const m = sim.circuit.muscles.find((x) => x.neuron === `DB${k}`);
    if (!m) throw new Error(`curve-units.ts: no muscle for DB${k}`);
    const dd = at(`DD${k}`) >= 0 ? `DD${k}` : `DD${ids.filter((i) => /^DD\d+$/.test(i)).length}`;
    const vd = sim.circuit.muscles.find((x) => x.side === 'right' && x.from === m.from && /^VD\d+$/.test(x.neuron))?.neuron ?? `VD${k}`;
    const [da, va] = at(`DA${k}`) >= 0 && at(`DB${k + 1}`) >= 0 ? [`DA${k}`, `VA${k}`] : ['DA9', 'VA12'];
    units.push({ k, cells: [at(`DB${k}`), at(`VB${k}`), at(dd), at(vd), at(da), at(va)], from: m.from, to: m.to });
  }
  const head = [at('RMDD'), at('RMDV')];
  // RIV bends the body ventrally (the omega turn's cell: its muscles contract the right side over most of the body).
  const riv = at('RIV');
  let rivSum = 0;
  let rivMax = 0;
  const smd = [at('SMDD'), at('SMDV')];
  const smdSums = [0, 0];
  // The body's mean curvature over the units' span, per 5 s (1/mm): a curve the worm keeps shows as one sign.
  const kWindows: number[] = [];
  let kWin = 0;
  let kWinN = 0;
  // The head's mean curvature (joints ahead of the first unit) and SMDD − SMDV (mV), per 5 s.
  const hWindows: number[] = [];
  const sWindows: number[] = [];
  let hWin = 0;
  let sWin = 0;
  let wN = 0;
  const nSeg = sim.body.segments;
  const sums = units.map(() => new Float64Array(10)); // DB V, VB V, DB out, VB out, DD out, VD out, κ, L−R, DA out, VA out
  const headSums = new Float64Array(4);
  const heading = headingTurn(sim.body.headingRad());
  let turn = 0;
  const windows: number[] = []; // the turn per 5 s
  let n = 0;
  while (sim.timeMs < MS) {
    sim.step();
    turn = heading.add(sim.body.headingRad());
    const t = sim.telemetry();
    const kappa = sim.body.curvature();
    smdSums[0] += t.v[smd[0]];
    smdSums[1] += t.v[smd[1]];
    const from = Math.ceil(units[0].from * (nSeg - 1)) - 1;
    for (let j = Math.max(0, from); j < kappa.length; j++) kWin += kappa[j];
    kWinN += kappa.length - Math.max(0, from);
    for (let j = 0; j < Math.max(0, from); j++) hWin += kappa[j] / Math.max(1, from);
    sWin += t.v[smd[0]] - t.v[smd[1]];
    wN++;
    if (sim.timeMs % 5000 < sim.physicsStepMs - 1e-9) {
      windows.push(turn - windows.reduce((a, b) => a + b, 0));
      kWindows.push(kWin / kWinN);
      kWin = 0;
      kWinN = 0;
      hWindows.push(hWin / wN);
      sWindows.push(sWin / wN);
      hWin = 0;
      sWin = 0;
      wN = 0;
    }
    headSums[0] += t.v[head[0]];
    headSums[1] += t.v[head[1]];
    headSums[2] += t.output[head[0]];
    headSums[3] += t.output[head[1]];
    if (riv >= 0) {
      rivSum += t.output[riv];
      rivMax = Math.max(rivMax, t.output[riv]);
    }
    units.forEach((u, i) => {
      const s = sums[i];
      s[0] += t.v[u.cells[0]];
      s[1] += t.v[u.cells[1]];
      s[2] += t.output[u.cells[0]];
      s[3] += t.output[u.cells[1]];
      s[4] += t.output[u.cells[2]];
      s[5] += t.output[u.cells[3]];
      s[8] += t.output[u.cells[4]];
      s[9] += t.output[u.cells[5]];
      s[6] += spanBend(kappa, nSeg, u.from, u.to);
      s[7] += spanMuscleSide(t.muscles, nSeg, u.from, u.to);
    });
    n++;
  }
  const deg = (turn * 180) / Math.PI;
  turns.push(deg);
  console.log(
    `seed ${seed}: turn ${f(deg, 0)}° (per 5 s ${windows.map((w) => f((w * 180) / Math.PI, 0)).join(' ')}; body κ ${kWindows.map((k) => f(k)).join(' ')}; head κ ${hWindows.map((k) => f(k)).join(' ')}; SMDD−SMDV ${sWindows.map((k) => f(k, 1)).join(' ')}); SMDD/SMDV V ${f(smdSums[0] / n, 1)}/${f(smdSums[1] / n, 1)}; head RMDD/RMDV V ${f(headSums[0] / n, 1)}/${f(headSums[1] / n, 1)} out ${f(headSums[2] / n)}/${f(headSums[3] / n)}; RIV out mean ${f(rivSum / n, 3)} max ${f(rivMax)}`,
  );
  units.forEach((u, i) => {
    const s = sums[i].map((x) => x / n);
    console.log(
      `  unit ${u.k} [${u.from}–${u.to}]: DB/VB V ${f(s[0], 1)}/${f(s[1], 1)} out ${f(s[2])}/${f(s[3])}; DD/VD out ${f(s[4])}/${f(s[5])}; DA/VA out ${f(s[8], 3)}/${f(s[9], 3)}; κ ${f(s[6], 3)}; L−R ${f(s[7], 3)}`,
    );
  });
}
const mean = turns.reduce((a, b) => a + b, 0) / turns.length;
console.log(`turn: ${turns.filter((t) => t < 0).length} of ${turns.length} negative, mean ${f(mean, 0)}°`);
