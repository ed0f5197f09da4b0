import type { Circuit } from '../../src/circuits';
import { classOf } from '../../src/evolve/classes';
import { buildNetwork } from '../../src/neural/network-cache';
import { circuitFromArgs } from './connectome-changes';
import { connectomeWorm } from './connectome-measure';

export const PATH = [
  'ALM',
  'AVM',
  'FLP',
  'OLQ',
  'IL1',
  'AVD',
  'AVA',
  'AIB',
  'RIM',
  'AVE',
  'AVB',
  'PVC',
  'DA',
  'VA',
  'AS',
  'DB',
  'VB',
  'DD',
  'VD',
  'RMD',
  'SMD',
];
const MOTOR = ['DA', 'VA', 'AS', 'DB', 'VB', 'DD', 'VD'];
/** The classes whose membrane potential the gate readout follows, and AVA's junction partners among them. */
const GATE = ['AVA', 'DA', 'VA', 'AS'];
const A_TYPE = ['DA', 'VA', 'AS'];
/** Muscles whose centre lies behind this body fraction count as the body's (the head's SMD/RMD muscles left out). */
const BODY_FROM = 0.15;
const TOUCH_MS = 5000;
const AFTER_MS = 2000;

export interface NosePath {
  /** Per class: mean output over 1 s before the touch, mean and peak over 2 s after. */
  cells: Map<string, { before: number; after: number; peak: number }>;
  /** Per motor class and side (left = dorsal): body muscle drive Σ gain·output, mean before and after. */
  drive: Map<string, { before: number; after: number }>;
  /** Velocity along the body (BL/s, negative backward), mean over 1 s before and 2 s after. */
  alongBefore: number;
  alongAfter: number;
  /** Distance crawled backward and forward along the body in the 3 s after the touch, mm. */
  backMm: number;
  forwardMm: number;
  /** First reversal event after the touch (ms after it), or null. */
  latencyMs: number | null;
  /** Wave direction over the 2 s after (1 head → tail, −1 tail → head). */
  direction: number;
  /** Per GATE class: mean V (mV) at rest (the wiring alone), crawling before the touch, after it (mean, peak). */
  volts: Map<string, { rest: number; before: number; after: number; peak: number }>;
  /** Current AVA's junctions onto DA/VA/AS carry into each AVA cell, pA (mean over the AVA cells), before and after. */
  junctionPa: { before: number; after: number };
}

/** The AVA–A-type junctions (AVA index, A-cell index, nS) of a circuit, indexed as `ids`. */
function avaJunctions(circuit: Circuit, ids: readonly string[]): { ava: number; a: number; g: number }[] {
  const index = new Map(ids.map((id, i) => [id, i]));
  return (circuit.doc.synapses ?? []).flatMap((s) => {
    if (s.kind !== 'electrical') return [];
    const [ava, a] = classOf(s.from) === 'AVA' ? [s.from, s.to] : [s.to, s.from];
    return classOf(ava) === 'AVA' && A_TYPE.includes(classOf(a)) ? [{ ava: index.get(ava)!, a: index.get(a)!, g: s.weight }] : [];
  });
}

/** Mean V of each GATE class in the wiring alone (no body, touch or noise) after 3 s: the circuit's resting point. */
export function restingVolts(circuit: Circuit): Map<string, number> {
  const net = buildNetwork(circuit.network);
  for (let t = 0; t < 3000; t += 0.5) net.step(0.5);
  const { ids, v } = net;
  return new Map(
    GATE.map((c) => {
      const is = ids.flatMap((id, i) => (classOf(id) === c ? [i] : []));
      return [c, is.reduce((a, i) => a + v[i], 0) / is.length];
    }),
  );
}

/**
 * AVA's own leak (C/τ, nS) beside its junctions, per AVA cell: onto each of DA, VA, AS and onto every other partner (nS),
 * and its chemical synapses onto DA, VA, AS (pA at full release), from the circuit's parameters and weights.
 */
export function avaLoad(circuit: Circuit): { leakNs: number; junctionNs: number; byClass: Map<string, number>; otherNs: number; chemicalPa: number } {
  const ava = circuit.doc.neurons.filter((n) => classOf(n.id) === 'AVA');
  const p = ava[0].params ?? {};
  const num = (x: unknown, d: number) => (typeof x === 'number' ? x : d);
  const leakNs = num(p.capacitance, 1) / num(p.tauMs, 10);
  const byClass = new Map(A_TYPE.map((c) => [c, 0]));
  let otherNs = 0;
  let chemicalPa = 0;
  for (const s of circuit.doc.synapses ?? []) {
    const [a, b] = [classOf(s.from), classOf(s.to)];
    if (s.kind === 'chemical') {
      if (a === 'AVA' && A_TYPE.includes(b)) chemicalPa += s.weight;
      continue;
    }
    if (a !== 'AVA' && b !== 'AVA') continue;
    const other = a === 'AVA' ? b : a;
    if (byClass.has(other)) byClass.set(other, byClass.get(other)! + s.weight);
    else otherNs += s.weight;
  }
  const n = ava.length;
  for (const [c, g] of byClass) byClass.set(c, g / n);
  const junctionNs = [...byClass.values()].reduce((x, g) => x + g, 0);
  return { leakNs, junctionNs, byClass, otherNs: otherNs / n, chemicalPa: chemicalPa / n };
}

/** touch = false: the same run without the touch (the control: a slow crawl slips backward within its cycle). */
export function nosePath(circuit: Circuit, seed: number, ablate: readonly string[] = [], touch = true, rest = restingVolts(circuit)): NosePath {
  const { sim, events } = connectomeWorm(circuit, seed, ablate);
  const { ids, output } = sim.network;
  const classIdx = new Map(PATH.map((c) => [c, ids.flatMap((id, i) => (classOf(id) === c ? [i] : []))]));
  const index = new Map(ids.map((id, i) => [id, i]));
  const bindings = circuit.muscles
    .filter((m) => (m.from + m.to) / 2 >= BODY_FROM && MOTOR.includes(classOf(m.neuron)))
    .map((m) => ({ key: `${classOf(m.neuron)} ${m.side === 'left' ? 'dorsal' : 'ventral'}`, i: index.get(m.neuron)!, gain: m.gain }));
  const mean = (c: string) => {
    const is = classIdx.get(c)!;
    return is.length ? is.reduce((s, i) => s + output[i], 0) / is.length : Number.NaN;
  };
  const { v } = sim.network;
  const gateIdx = new Map(GATE.map((c) => [c, ids.flatMap((id, i) => (classOf(id) === c ? [i] : []))]));
  const meanV = (c: string) => {
    const is = gateIdx.get(c)!;
    return is.reduce((s, i) => s + v[i], 0) / is.length;
  };
  const junctions = avaJunctions(circuit, ids);
  const nAva = gateIdx.get('AVA')!.length;
  const junctionPa = () => junctions.reduce((s, j) => s + j.g * (v[j.a] - v[j.ava]), 0) / nAva;
  const vBefore = new Map(GATE.map((c) => [c, 0]));
  const vAfter = new Map(GATE.map((c) => [c, 0]));
  const vPeak = new Map(GATE.map((c) => [c, Number.NEGATIVE_INFINITY]));
  let jBefore = 0;
  let jAfter = 0;
  const drives = (acc: Map<string, number>) => {
    for (const b of bindings) acc.set(b.key, (acc.get(b.key) ?? 0) + b.gain * output[b.i]);
  };
  sim.run(TOUCH_MS - 1000);
  const before = new Map(PATH.map((c) => [c, 0]));
  const driveBefore = new Map<string, number>();
  let alongBefore = 0;
  let n = 0;
  const step = (ms: number, each: () => void) => {
    const steps = Math.round(ms / sim.physicsStepMs);
    for (let s = 0; s < steps; s++) {
      sim.step();
      each();
    }
    return steps;
  };
  n = step(1000, () => {
    for (const c of PATH) before.set(c, before.get(c)! + mean(c));
    drives(driveBefore);
    alongBefore += sim.behaviour().alongMmPerS;
    for (const c of GATE) vBefore.set(c, vBefore.get(c)! + meanV(c));
    jBefore += junctionPa();
  });
  const b0 = sim.behaviour();
  if (touch) sim.poke(0.05, { kind: 'gentle' });
  const after = new Map(PATH.map((c) => [c, 0]));
  const peak = new Map(PATH.map((c) => [c, 0]));
  const driveAfter = new Map<string, number>();
  let alongAfter = 0;
  const m = step(AFTER_MS, () => {
    for (const c of PATH) {
      const v = mean(c);
      after.set(c, after.get(c)! + v);
      peak.set(c, Math.max(peak.get(c)!, v));
    }
    drives(driveAfter);
    alongAfter += sim.behaviour().alongMmPerS;
    for (const c of GATE) {
      const x = meanV(c);
      vAfter.set(c, vAfter.get(c)! + x);
      vPeak.set(c, Math.max(vPeak.get(c)!, x));
    }
    jAfter += junctionPa();
  });
  const direction = sim.waveDirection(AFTER_MS);
  sim.run(1000);
  const b1 = sim.behaviour();
  const start = events.find((e) => e.type === 'reversal-start' && e.timeMs >= TOUCH_MS);
  const bl = sim.bodyLengthMm;
  return {
    cells: new Map(PATH.map((c) => [c, { before: before.get(c)! / n, after: after.get(c)! / m, peak: peak.get(c)! }])),
    drive: new Map([...driveAfter.keys()].map((k) => [k, { before: (driveBefore.get(k) ?? 0) / n, after: driveAfter.get(k)! / m }])),
    alongBefore: alongBefore / n / bl,
    alongAfter: alongAfter / m / bl,
    backMm: b1.backwardMm - b0.backwardMm,
    forwardMm: b1.forwardMm - b0.forwardMm,
    latencyMs: start ? start.timeMs - TOUCH_MS : null,
    direction,
    volts: new Map(GATE.map((c) => [c, { rest: rest.get(c)!, before: vBefore.get(c)! / n, after: vAfter.get(c)! / m, peak: vPeak.get(c)! }])),
    junctionPa: { before: jBefore / n, after: jAfter / m },
  };
}

const latency = (p: NosePath) => (p.latencyMs === null ? 'none' : `at +${p.latencyMs} ms`);

function print(seed: number, p: NosePath, control: NosePath): void {
  const f = (x: number) => x.toFixed(2);
  const cells = PATH.map((c) => {
    const x = p.cells.get(c)!;
    return `${c} ${f(x.before)}→${f(x.after)}^${f(x.peak)}`;
  });
  const drive = [...p.drive.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, d]) => `${k} ${d.before.toFixed(1)}→${d.after.toFixed(1)}`);
  console.log(
    `seed ${seed}: along ${p.alongBefore.toFixed(3)} → ${p.alongAfter.toFixed(3)} BL/s; 5–8 s back ${p.backMm.toFixed(3)} mm, forward ${p.forwardMm.toFixed(3)} mm; reversal ${latency(p)}; wave ${p.direction}`,
  );
  console.log(
    `  untouched: along ${control.alongAfter.toFixed(3)} BL/s; 5–8 s back ${control.backMm.toFixed(3)} mm, forward ${control.forwardMm.toFixed(3)} mm; reversal ${latency(control)}`,
  );
  console.log(`  outputs before→after^peak: ${cells.join('  ')}`);
  console.log(`  body muscle drive before→after: ${drive.join(', ')}`);
  const volts = GATE.map((c) => {
    const x = p.volts.get(c)!;
    return `${c} ${x.rest.toFixed(1)} | ${x.before.toFixed(1)}→${x.after.toFixed(1)}^${x.peak.toFixed(1)}`;
  });
  console.log(
    `  V, mV, rest | crawling→after^peak: ${volts.join('  ')}; AVA–A junctions into each AVA ${p.junctionPa.before.toFixed(3)}→${p.junctionPa.after.toFixed(3)} pA`,
  );
}

/** A reversal event within 1.5 s of the touch. */
const reversesInTime = (p: NosePath) => p.latencyMs !== null && p.latencyMs <= 1500;

if (process.argv[1]?.endsWith('connectome-nose-path.ts')) {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const list = (s: string | undefined) => (s ?? '').split(',').filter(Boolean);
  const file = flag('--circuit');
  const seedsArg = flag('--seeds') ?? '1,2,3,4,5';
  const seeds = list(seedsArg).map(Number);
  if (seeds.length === 0 || seeds.some((s) => !Number.isInteger(s) || s < 0))
    throw new Error(`--seeds: "${seedsArg}" is not a list of whole numbers ≥ 0; e.g. --seeds 1,2,3`);
  const ablateArg = list(flag('--ablate'));
  const out = flag('--out');
  const circuit = circuitFromArgs(file, args, out);
  const ablate = circuit.network.neurons.map((x) => x.id).filter((id) => ablateArg.includes(id) || ablateArg.includes(classOf(id)));
  const unknown = ablateArg.filter((a) => !ablate.some((id) => id === a || classOf(id) === a));
  if (unknown.length) throw new Error(`--ablate: no neuron or class "${unknown.join('", "')}" in this circuit; e.g. --ablate AVB or --ablate AVBL`);
  console.log(
    `${file ?? 'the importer’s defaults'}${args.length ? ` with ${args.join(' ')}` : ''}${ablate.length ? ` (${ablateArg.join(', ')} ablated)` : ''}: gentle nose touch at 5 s`,
  );
  const load = avaLoad(circuit);
  console.log(
    `AVA per cell: leak ${load.leakNs.toFixed(3)} nS, junctions onto DA/VA/AS ${load.junctionNs.toFixed(3)} nS (${(load.junctionNs / load.leakNs).toFixed(1)}× its leak; ${[...load.byClass].map(([c, g]) => `${c} ${g.toFixed(3)}`).join(', ')}), onto every other partner ${load.otherNs.toFixed(3)} nS; chemical onto DA/VA/AS ${load.chemicalPa.toFixed(2)} pA at full release`,
  );
  const rest = restingVolts(circuit);
  let back = 0;
  let backUntouched = 0;
  let reversed = 0;
  let evoked = 0;
  const extra: number[] = [];
  for (const seed of seeds) {
    const p = nosePath(circuit, seed, ablate, true, rest);
    const control = nosePath(circuit, seed, ablate, false, rest);
    print(seed, p, control);
    back += p.backMm;
    backUntouched += control.backMm;
    extra.push(p.backMm - control.backMm);
    if (reversesInTime(p)) reversed++;
    if (reversesInTime(p) && !reversesInTime(control)) evoked++;
  }
  const n = seeds.length;
  console.log(
    `a reversal event within 1.5 s on ${reversed} of ${n} seeds, ${evoked} where the untouched run has none; backward travel 5–8 s mean ${(back / n).toFixed(3)} mm (untouched ${(backUntouched / n).toFixed(3)} mm; extra ${Math.min(...extra).toFixed(3)}..${Math.max(...extra).toFixed(3)} mm)`,
  );
}
