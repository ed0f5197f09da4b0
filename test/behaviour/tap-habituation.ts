/**
 * The tap's habituation proofs on the conductance worm, read tap by tap (issue 14, session 13): what each of the
 * battery's habituation items measures per seed, and why. Every item runs the test file's own protocol (train, probe,
 * dishabituationProbe of habituation-interval.ts; the lawn of modulation-slowing.ts) on the conductance worm
 * (CONDUCTANCE_LAYERS, or with the layer overrides given), and per tap also reads the cells the tap's reversal passes
 * through: peak AVD and AVA (mV) in the response window and the ALM → AVD synapse's efficacy (its pools' product
 * xF·xS, synapseResource) just before the tap.
 *   short: habituation-interval-short.test.ts, 30 taps at 10 s and a probe 2 min later;
 *   long:  habituation-interval-long.test.ts, 8 taps at 60 s and a probe 2 min later;
 *   dish:  habituation-dishabituation.test.ts, the probe 12 s after 10 taps at 10 s: untouched, after a harsh tail
 *          touch, and after the touch without DOP-1 (the dishabituation experiment's tail_touch group, one worm);
 *   food:  habituation-food.test.ts, 60 s on a lawn or the bare field, then 10 taps at 10 s; before the first tap also
 *          AVA's and AVB's V, the worm's speed, and dopamine;
 *   first: the first tap alone (the tests' > 0.2 mm), on the open field and after 60 s on the lawn, with the body's
 *          bend before it and the tail pair's peaks;
 *   phase: the first tap on the open field after 5, 5.5, … 9 s instead of train's 5 s (the stroke's phase at the tap);
 *   lawnphase: the same on the lawn, after 60, 60.5, … 64 s instead of lawnTrain's 60 s.
 * `npx tsx test/behaviour/tap-habituation.ts short|long|dish|food|first|phase [seeds 1,2,3,4,5] [overrides JSON]`, the
 * overrides per layer over CONDUCTANCE_LAYERS, e.g. '{"touch":{"toCommand":8},"gait":{"aDriveScale":1}}'.
 */
import type { LayerOverrides } from '../../src/circuits/builtin/membrane';
import { circuitFromDoc } from '../../src/circuits/circuit';
import type { Circuit } from '../../src/circuits/types';
import { createSimulation, type Simulation } from '../../src/sim/simulation';
import { dishabituationProbe, lawnTrain, mean, probe, RESPONSE_MS, train, withoutDop1 } from './habituation-interval';
import { backwardMm, OPEN_FIELD } from './measure';
import { LAWN } from './modulation-slowing';
import { layeredWorm, parseLayerOverrides } from './layer-overrides';

const ITEMS = ['short', 'long', 'dish', 'food', 'first', 'phase', 'lawnphase'] as const;
type Item = (typeof ITEMS)[number];

/** Per tap: peak AVD and AVA (mV) in its response window, and the ALM → AVD efficacy just before it. */
interface TapReading {
  avd: number;
  ava: number;
  eff: number;
  /** Peak DA9 and VA12 (mV): whether the tail oscillator, which starts the backward wave, started. */
  da9: number;
  va12: number;
  /** The body's bend amplitude over the 3 s before the tap (sim.bendAmplitude): what the tail pair's stretch receptors feel. */
  bend: number;
}

/**
 * A beforeTap hook for train, probe and lawnTrain that reads every tap: on its first call it starts watching AVD and AVA
 * (motor$, once a step), and each call closes the previous tap's reading. `close()` closes the last one.
 */
function tapReader() {
  const readings: TapReading[] = [];
  const ids = ['AVD', 'AVA', 'DA9', 'VA12'];
  let at: number[] = [];
  let peak = ids.map(() => Number.NEGATIVE_INFINITY);
  let before: { eff: number; bend: number } | undefined;
  let watched: Simulation | undefined;
  const close = () => {
    if (before) readings.push({ avd: peak[0], ava: peak[1], da9: peak[2], va12: peak[3], ...before });
    before = undefined;
  };
  const hook = (sim: Simulation) => {
    if (watched !== sim) {
      watched = sim;
      at = ids.map((id) => sim.network.indexOf(id));
      sim.motor$.subscribe(() => {
        for (let k = 0; k < at.length; k++) peak[k] = Math.max(peak[k], sim.network.v[at[k]]);
      });
    }
    close();
    before = { eff: sim.network.synapseResource('ALM', 'AVD'), bend: sim.bendAmplitude(3000) };
    peak = ids.map(() => Number.NEGATIVE_INFINITY);
  };
  return { readings, hook, close };
}

const f2 = (x: number) => x.toFixed(2);
const f2s = (xs: readonly number[]) => xs.map(f2).join(' ');
/** (peak AVD, peak AVA mV; efficacy before the tap) */
const cells = (r: TapReading) => `(${r.avd.toFixed(0)}, ${r.ava.toFixed(0)}; ${f2(r.eff)})`;
/** mm (peak AVD, peak AVA mV; efficacy before the tap) */
const tapText = (mm: number, r: TapReading) => `${f2(mm)} ${cells(r)}`;

/** A train at isiMs with a probe 2 min after its last tap: every tap read. */
function interval(circuit: Circuit, seed: number, isiMs: number, taps: number, shown: readonly number[]) {
  const reader = tapReader();
  const t = train(circuit, seed, isiMs, taps, undefined, reader.hook);
  const rested = probe(t, 120_000, reader.hook);
  reader.close();
  const r = [...t.responses, rested];
  const first = r[0];
  const line = [...shown.map((k) => `${k + 1}: ${tapText(r[k], reader.readings[k])}`), `2 min: ${tapText(rested, reader.readings[taps])}`].join(', ');
  return { seed, first, responses: t.responses, rested: rested / first, line };
}

function short(circuit: Circuit, seeds: readonly number[]): string[] {
  const rows = seeds.map((seed) => {
    const r = interval(circuit, seed, 10_000, 30, [0, 1, 2, 4, 9, 19, 29]);
    return { ...r, depth: mean(r.responses.slice(5, 10)) / r.first, level: mean(r.responses.slice(-5)) / r.first };
  });
  return [
    'tap: mm reversed in 3 s (peak AVD, peak AVA mV; ALM → AVD efficacy before the tap)',
    ...rows.map((r) => `s${r.seed} ${r.line}`),
    ...rows.map((r) => `s${r.seed} mm per tap ${f2s(r.responses)}`),
    `per seed: first ${f2s(rows.map((r) => r.first))} (each > 0.2); taps 6–10 ${f2s(rows.map((r) => r.depth))}; 26–30 ${f2s(rows.map((r) => r.level))}; 2 min ${f2s(rows.map((r) => r.rested))}`,
    `means: taps 6–10 ${f2(mean(rows.map((r) => r.depth)))} (0.2–0.5), 26–30 ${f2(mean(rows.map((r) => r.level)))} (0.2–0.5), 2 min ${f2(mean(rows.map((r) => r.rested)))} (> 0.8)`,
  ];
}

function long(circuit: Circuit, seeds: readonly number[]): string[] {
  const rows = seeds.map((seed) => {
    const r = interval(circuit, seed, 60_000, 8, [0, 1, 3, 7]);
    return { ...r, depth: mean(r.responses.slice(-5)) / r.first };
  });
  return [
    ...rows.map((r) => `s${r.seed} ${r.line}`),
    `per seed: first ${f2s(rows.map((r) => r.first))} (each > 0.2); last 5 ${f2s(rows.map((r) => r.depth))}; 2 min ${f2s(rows.map((r) => r.rested))}`,
    `means: last 5 ${f2(mean(rows.map((r) => r.depth)))} (> 0.5), 2 min ${f2(mean(rows.map((r) => r.rested)))} (< 0.85)`,
  ];
}

function dish(circuit: Circuit, seeds: readonly number[]): string[] {
  const mutant = circuitFromDoc(withoutDop1(circuit.doc), 'without DOP-1');
  const run = (c: Circuit, seed: number, touch: boolean) => {
    const reader = tapReader();
    const ratio = dishabituationProbe(c, seed, touch, reader.hook);
    reader.close();
    const rs = reader.readings;
    return { ratio, text: `${f2(ratio)} (tap 1 ${rs[0].avd.toFixed(0)}, ${rs[0].ava.toFixed(0)}; 10: ${cells(rs[9])}; probe ${cells(rs[10])})` };
  };
  const rows = seeds.map((seed) => ({ seed, none: run(circuit, seed, false), touched: run(circuit, seed, true), cut: run(mutant, seed, true) }));
  const m = (k: 'none' | 'touched' | 'cut') => mean(rows.map((r) => r[k].ratio));
  return [
    'probe over the first tap (peak AVD, AVA mV; ALM → AVD efficacy before tap 10 and the probe)',
    ...rows.flatMap((r) => [`s${r.seed} untouched ${r.none.text}`, `s${r.seed} touched ${r.touched.text}`, `s${r.seed} touched, no DOP-1 ${r.cut.text}`]),
    `means: touched ${f2(m('touched'))} (> 0.8), − untouched ${f2(m('touched') - m('none'))} (> 0.25), − no DOP-1 ${f2(m('touched') - m('cut'))} (> 0.25)`,
  ];
}

function food(circuit: Circuit, seeds: readonly number[]): string[] {
  const run = (seed: number, lawn: boolean) => {
    const reader = tapReader();
    let before = '';
    const t = lawnTrain(circuit, seed, lawn ? LAWN : OPEN_FIELD, (sim) => {
      if (before === '') {
        const v = (id: string) => sim.network.v[sim.network.indexOf(id)].toFixed(0);
        const b = sim.behaviour();
        before = `before tap 1: AVA ${v('AVA')}, AVB ${v('AVB')}, AVD ${v('AVD')} mV, along ${b.alongMmPerS.toFixed(3)} mm/s (${b.direction}), dopamine ${sim.modulatorLevels().dopamine?.toFixed(3)}`;
      }
      reader.hook(sim);
    });
    reader.close();
    const r = t.responses;
    return {
      first: r[0],
      depth: mean(r.slice(-5)) / r[0],
      text: `${before}; taps 1, 2, 10: ${tapText(r[0], reader.readings[0])}, ${tapText(r[1], reader.readings[1])}, ${tapText(r[9], reader.readings[9])}; mm ${f2s(r)}`,
    };
  };
  const off = seeds.map((seed) => run(seed, false));
  const lawn = seeds.map((seed) => run(seed, true));
  return [
    ...off.map((r, i) => `s${seeds[i]} off food: ${r.text}`),
    ...lawn.map((r, i) => `s${seeds[i]} lawn: ${r.text}`),
    `first taps off ${f2s(off.map((r) => r.first))}, lawn ${f2s(lawn.map((r) => r.first))} (each > 0.2); last five over the first: off ${f2s(off.map((r) => r.depth))}, lawn ${f2s(lawn.map((r) => r.depth))}`,
    `means: lawn ${f2(mean(lawn.map((r) => r.depth)))} (< 0.85), lawn − off ${f2(mean(lawn.map((r) => r.depth)) - mean(off.map((r) => r.depth)))} (> 0.2)`,
  ];
}

/** The first tap, open field and lawn: mm, the body's bend before it and whether the tail pair started (peak DA9, VA12). */
function first(circuit: Circuit, seeds: readonly number[]): string[] {
  const one = (seed: number, lawn: boolean) => {
    const reader = tapReader();
    const mm = lawn ? lawnTrain(circuit, seed, LAWN, reader.hook, 1).responses[0] : train(circuit, seed, 10_000, 1, undefined, reader.hook).responses[0];
    reader.close();
    const r = reader.readings[0];
    return { mm, text: `${f2(mm)} mm (bend before ${f2(r.bend)}; peak AVA ${r.ava.toFixed(0)}, DA9 ${r.da9.toFixed(0)}, VA12 ${r.va12.toFixed(0)} mV)` };
  };
  const rows = seeds.map((seed) => ({ seed, open: one(seed, false), lawn: one(seed, true) }));
  return [
    ...rows.map((r) => `s${r.seed} open field ${r.open.text}; after 60 s on a lawn ${r.lawn.text}`),
    `first tap, mm (> 0.2): open field ${f2s(rows.map((r) => r.open.mm))}; lawn ${f2s(rows.map((r) => r.lawn.mm))}`,
  ];
}

/** The first tap's size against when it comes (the stroke's phase): settle T s on the open field (train's is 5), one tap, mm in 3 s. */
function phase(circuit: Circuit, seeds: readonly number[], lawn = false): string[] {
  const times = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4].map((t) => t + (lawn ? 60 : 5));
  return seeds.map((seed) => {
    const mm = times.map((t) => {
      const sim = createSimulation({ circuit, seed, medium: 'agar', arena: lawn ? LAWN : OPEN_FIELD });
      sim.run(t * 1000);
      sim.tapPlate(1);
      return backwardMm(sim, RESPONSE_MS);
    });
    // What a probe at a random phase reads of a tap at train's 5 s, when nothing has habituated: the tests' ratio ceiling.
    return `s${seed} first tap after ${times.join(', ')} s: ${f2s(mm)} mm; mean over the phases / the tap at 5 s ${f2(mean(mm) / mm[0])}`;
  });
}

const item = process.argv[2] as Item;
if (!ITEMS.includes(item)) throw new Error(`tap-habituation: argument 1 = "${process.argv[2]}": must be one of ${ITEMS.join(', ')}`);
const seeds = (process.argv[3] ?? '1,2,3,4,5').split(',').map((s) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw new Error(`tap-habituation: seeds = "${process.argv[3]}": give positive integers separated by commas, e.g. 1,2,3`);
  return n;
});
const over = parseLayerOverrides(process.argv[4], 'tap-habituation', '{"touch":{"toCommand":8}}') as LayerOverrides;
const circuit = layeredWorm(over, 'worm (conductance, tap study)');
const report = { short, long, dish, food, first, phase, lawnphase: (c: Circuit, s: readonly number[]) => phase(c, s, true) }[item];
console.log(`${item}, seeds ${seeds.join(',')}, overrides ${JSON.stringify(over)}:`);
for (const line of report(circuit, seeds)) console.log(`  ${line}`);
