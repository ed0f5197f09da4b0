/**
 * What a tap's size is made of, across the stroke phase it meets (issue 14, session 17): is the spread upstream (how
 * long AVA is driven on) or downstream (how far the body backs for the same AVA)? Per tap, the mm reversed in 3 s
 * (backwardMm), AVA's time on (output ≥ 0.5) and ∫ output over the 3 s, peak AVD, DA9 and VA12 (mV), and when the body
 * first moves backward. The protocols, each with the tap moved by each offset (s):
 *   fresh: the first tap on the open field after 5 + offset s (tap-habituation.ts phase, finer);
 *   probe: the dishabituation experiment's protocol (10 taps 10 s apart from 5 s, a harsh poke at 0.85 4 s after the
 *          last, the probe 8 + offset s later); the 10th tap and the probe are printed, the probe over the first tap.
 *   trace, ptrace, ttrace: fresh's tap (probe's, the 10th tap's) per seed and offset, every 100 ms for 3 s: direction, speed along the body,
 *          V of the tail pair, the A and B units ahead of it and AVB, and the turning angle (°) at 0.5–0.9 of the body.
 * Per seed the spread (max/min, and the coefficient of variation) of mm and of AVA's ∫ across the offsets.
 * `npx tsx test/behaviour/tap-anatomy.ts fresh|probe|trace|ptrace|ttrace [seeds 1,2,3] [offsets -1,-0.8,…,1] [overrides JSON]`
 */
import { createSimulation, type Simulation } from '../../src/sim/simulation';
import { layeredWorm, parseLayerOverrides } from './layer-overrides';
import { OPEN_FIELD } from './measure';
import { parseSeeds } from './seeds-arg';

const SCRIPT = 'tap-anatomy.ts';
const [mode, seedText, offText, overText] = process.argv.slice(2);
if (!['fresh', 'probe', 'trace', 'ptrace', 'ttrace'].includes(mode))
  throw new Error(`${SCRIPT}: argument 1 = "${mode}": fresh, probe, trace, ptrace or ttrace`);
const seeds = parseSeeds(seedText, SCRIPT, 2, '1,2,3');
const offsets = (offText ?? '-1,-0.8,-0.6,-0.4,-0.2,0,0.2,0.4,0.6,0.8,1').split(',').map(Number);
if (offsets.some((o) => !Number.isFinite(o) || o < -3.5)) throw new Error(`${SCRIPT}: offsets (argument 3) = "${offText}": seconds ≥ −3.5`);
const circuit = layeredWorm(parseLayerOverrides(overText, SCRIPT, '{"gait":{"tailStretchGain":0.15}}'));
const idx = (id: string) => circuit.doc.neurons.findIndex((n) => n.id === id);
const [AVA, AVB, AVD, DA9, VA12] = ['AVA', 'AVB', 'AVD', 'DA9', 'VA12'].map(idx);

interface Tap {
  /** AVA's and AVB's V (mV) as the tap comes: the state the tap's drive is added to. */
  avaAt: number;
  avbAt: number;
  mm: number;
  avaOnS: number;
  avaInt: number;
  avd: number;
  da9: number;
  va12: number;
  /** s from the tap to the first backward step (NaN: none). */
  backAt: number;
}

function tap(sim: Simulation): Tap {
  const r: Tap = {
    avaAt: sim.network.v[AVA],
    avbAt: sim.network.v[AVB],
    mm: 0,
    avaOnS: 0,
    avaInt: 0,
    avd: -Infinity,
    da9: -Infinity,
    va12: -Infinity,
    backAt: Number.NaN,
  };
  sim.tapPlate(1);
  const t0 = sim.timeMs;
  while (sim.timeMs < t0 + 3000 - 1e-9) {
    sim.step();
    const dt = sim.physicsStepMs / 1000;
    const v = sim.behaviour().alongMmPerS;
    if (v < 0) {
      r.mm -= v * dt;
      if (Number.isNaN(r.backAt)) r.backAt = (sim.timeMs - t0) / 1000;
    }
    const out = sim.telemetry().output[AVA];
    r.avaInt += out * dt;
    if (out >= 0.5) r.avaOnS += dt;
    const V = sim.network.v;
    r.avd = Math.max(r.avd, V[AVD]);
    r.da9 = Math.max(r.da9, V[DA9]);
    r.va12 = Math.max(r.va12, V[VA12]);
  }
  return r;
}

const text = (t: Tap) =>
  `${t.mm.toFixed(2)} mm (AVA, AVB at the tap ${t.avaAt.toFixed(1)}, ${t.avbAt.toFixed(1)}; AVA on ${t.avaOnS.toFixed(2)} s, ∫ ${t.avaInt.toFixed(2)}; AVD ${t.avd.toFixed(0)}, DA9 ${t.da9.toFixed(0)}, VA12 ${t.va12.toFixed(0)}; back at ${t.backAt.toFixed(2)})`;
const cv = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length) / m;
};
const spread = (name: string, xs: number[]) => `${name} ${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)} (CV ${cv(xs).toFixed(2)})`;

/** The probe protocol up to its tap: 10 taps 10 s apart from 5 s, a harsh poke at 0.85 4 s after the last, 8 + off s. */
function toProbe(sim: Simulation, off: number, taps: Tap[] = []) {
  sim.run(5000);
  for (let k = 0; k < 10; k++) {
    if (k > 0) sim.run(7000);
    taps.push(tap(sim));
  }
  sim.run(1000);
  sim.poke(0.85, { kind: 'harsh', side: 'both', force: 1 });
  sim.run(8000 + off * 1000);
  return taps;
}

function trace(seed: number, off: number) {
  const sim = createSimulation({ circuit, seed, medium: 'agar', arena: OPEN_FIELD });
  if (mode === 'ptrace') toProbe(sim, off);
  else if (mode === 'ttrace') {
    sim.run(5000);
    for (let k = 0; k < 9; k++) {
      tap(sim);
      sim.run(7000);
    }
    sim.run(off * 1000);
  } else sim.run((5 + off) * 1000);
  const ids = ['AVA', 'DA9', 'VA12', 'VD12', 'DA6', 'VA6', 'DA5', 'VA5', 'DB7', 'VB7', 'AVB'];
  const at = ids.map(idx);
  console.log(`seed ${seed}, tap at ${(sim.timeMs / 1000).toFixed(1)} s: t dir mm/s | ${ids.join(' ')} | angle 0.5 0.7 0.8 0.9`);
  sim.tapPlate(1);
  const t0 = sim.timeMs;
  while (sim.timeMs < t0 + 3000 - 1e-9) {
    sim.run(100);
    const p = sim.telemetry().pose;
    const n = p.length / 2;
    const ang = (f: number) => {
      const i = Math.max(1, Math.min(n - 2, Math.round(f * (n - 1))));
      const ax = p[2 * i] - p[2 * (i - 1)];
      const ay = p[2 * i + 1] - p[2 * (i - 1) + 1];
      const bx = p[2 * (i + 1)] - p[2 * i];
      const by = p[2 * (i + 1) + 1] - p[2 * i + 1];
      return ((Math.atan2(ax * by - ay * bx, ax * bx + ay * by) * 180) / Math.PI).toFixed(0);
    };
    const b = sim.behaviour();
    console.log(
      `  ${((sim.timeMs - t0) / 1000).toFixed(1)} ${b.direction[0]} ${b.alongMmPerS.toFixed(2)} | ${at.map((k) => sim.network.v[k].toFixed(0)).join(' ')} | ${[0.5, 0.7, 0.8, 0.9].map(ang).join(' ')}`,
    );
  }
}

console.log(`${SCRIPT} ${mode}, seeds ${seeds.join(',')}, offsets ${offsets.join(',')}, ${overText ?? '{}'}`);
for (const seed of mode.endsWith('trace') ? seeds : []) for (const off of offsets) trace(seed, off);
const pooled: { mm: number[]; cv: number[]; ratio: number[] } = { mm: [], cv: [], ratio: [] };
for (const seed of mode.endsWith('trace') ? [] : seeds) {
  const rows: { off: number; t: Tap; first?: Tap; tenth?: Tap }[] = [];
  for (const off of offsets) {
    const sim = createSimulation({ circuit, seed, medium: 'agar', arena: OPEN_FIELD });
    if (mode === 'fresh') {
      sim.run((5 + off) * 1000);
      rows.push({ off, t: tap(sim) });
      continue;
    }
    const taps = toProbe(sim, off);
    rows.push({ off, t: tap(sim), first: taps[0], tenth: taps[9] });
  }
  console.log(`seed ${seed}:`);
  for (const r of rows) {
    const head = r.first
      ? ` first ${text(r.first)}; 10th/first ${(r.tenth!.mm / r.first.mm).toFixed(2)}: ${text(r.tenth!)}; probe/first ${(r.t.mm / r.first.mm).toFixed(2)}:`
      : '';
    console.log(`  ${r.off >= 0 ? '+' : ''}${r.off} s${head} ${text(r.t)}`);
  }
  pooled.mm.push(...rows.map((r) => r.t.mm));
  pooled.cv.push(cv(rows.map((r) => r.t.mm)));
  if (mode === 'probe') pooled.ratio.push(...rows.map((r) => r.t.mm / r.first!.mm));
  console.log(
    `  spread: ${spread(
      'mm',
      rows.map((r) => r.t.mm),
    )}; ${spread(
      'AVA ∫',
      rows.map((r) => r.t.avaInt),
    )}; ${spread(
      'AVA on',
      rows.map((r) => r.t.avaOnS),
    )}`,
  );
}
if (!mode.endsWith('trace')) {
  const m = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const ratios = pooled.ratio.length
    ? `; probe/first mean ${m(pooled.ratio).toFixed(2)}, ≥ 0.8 in ${pooled.ratio.filter((r) => r >= 0.8).length} of ${pooled.ratio.length}`
    : '';
  console.log(
    `all: mm mean ${m(pooled.mm).toFixed(2)}, min ${Math.min(...pooled.mm).toFixed(2)}, < 0.4 mm ${pooled.mm.filter((x) => x < 0.4).length} of ${pooled.mm.length}; per-seed CV mean ${m(pooled.cv).toFixed(2)}${ratios}`,
  );
}
