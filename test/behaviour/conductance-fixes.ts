/**
 * Each fix of the conductance-membrane worm (CONDUCTANCE_LAYERS in
 * src/circuits/builtin/membrane.ts), before and after: the same seeds with the
 * fix's overrides taken out and put back, read as the behaviour proofs read
 * them (touch.test.ts, spontaneous.test.ts, modulation-slowing-*.test.ts).
 * `habituation`: the tests' tap train (10 taps at 10 s, AWC intact: the first
 * response, taps 6–10 over it, a probe 2 min later), then a train with AWC cut
 * and each tap's peak AVD and AVA, on the current worm first. `start`: the
 * head's start (reversals logged in the first minute with AWC cut, as
 * spontaneous.test.ts's control reads them, and in 8 s on a food lawn). docs/biology.md, "The behaviour
 * battery on the conductance worm" and its session-9 section, quote the output.
 * A trial on top of the committed values: a JSON of layer overrides as the
 * third argument, e.g. '{"touch":{"toCommand":12}}' (it applies to both runs).
 * `backward` (not a fix; the current worm first, and the start fix off and on): the backward crawl with AVA held on.
 * `tap` (not a fix; the current worm first): the habituation proofs' first tap, what AVA and AVD see and how the body moves.
 * `npx tsx test/behaviour/conductance-fixes.ts touch|spontaneous|slowing|dop3|habituation|start|backward|tap [seeds 1,2,3,4,5] [overrides]`
 */
import { buildLocomotion, buildWorm } from '../../src/circuits/builtin/generate';
import { buildConductance, CONDUCTANCE_LAYERS, type LayerOverrides } from '../../src/circuits/builtin/membrane';
import { circuitFromDoc } from '../../src/circuits/circuit';
import type { Circuit } from '../../src/circuits/types';
import { createSimulation, type Simulation } from '../../src/sim/simulation';
import { holdAva } from './conductance-measure';
import { mean, probe, RESPONSE_MS, train } from './habituation-interval';
import { OPEN_FIELD, travel } from './measure';
import { DOPAMINERGIC, LAWN, pathSpeed, STARVED_HOURS } from './modulation-slowing';
import { LAYERS, type Layer, parseLayerOverrides } from './layer-overrides';

/** CONDUCTANCE_LAYERS as one mutable record per layer (a layer it does not override is absent). */
const layers = CONDUCTANCE_LAYERS as Partial<Record<Layer, Record<string, unknown>>>;

/** Which overrides make up each fix. */
const FIXES: Record<string, [Layer, string[]][]> = {
  touch: [['touch', ['avdSlopeMv', 'toCommand']]],
  spontaneous: [['touch', ['avaToAib']]],
  slowing: [['modulation', ['mod1Pa']]],
  // The slowing proofs again, with DOP-3's gain taken out (the current worm's −2.15 pA) and put back.
  dop3: [['modulation', ['dop3Pa']]],
  habituation: [['touch', ['habituation']]],
  start: [['gait', ['timerStartMv', 'timerVentralStartMv']]],
  // Not a fix: the backward crawl with AVA held on, the current worm first (the tap's reversal rides on it).
  backward: [['gait', ['timerStartMv', 'timerVentralStartMv']]],
  // Not a fix either: the first tap alone (the habituation fix off and on; it barely touches a first tap).
  tap: [['touch', ['habituation']]],
};

/** The conductance worm with the fix's overrides taken out (`on` false) or as committed, and the trial's on top. */
function worm(fix: string, on: boolean): Circuit {
  const saved = LAYERS.map((layer) => [layer, layers[layer]] as const);
  try {
    for (const [layer, fields] of Object.entries(trial) as [Layer, Record<string, unknown>][]) layers[layer] = { ...layers[layer], ...fields };
    if (!on) for (const [layer, keys] of FIXES[fix]) layers[layer] = Object.fromEntries(Object.entries(layers[layer] ?? {}).filter(([k]) => !keys.includes(k)));
    return circuitFromDoc(buildWorm({ membrane: 'conductance' }), `worm (conductance, ${fix} fix ${on ? 'on' : 'off'})`);
  } finally {
    for (const [layer, original] of saved) {
      if (original === undefined) delete layers[layer];
      else layers[layer] = original;
    }
  }
}

const f2 = (xs: readonly number[]) => xs.map((x) => x.toFixed(2)).join(' ');

/** touch.test.ts's anterior proof on the full worm (AWC cut): latency, backward speed 1.5 s after, duration, forward 10 s after. */
function touch(circuit: Circuit, seed: number): string {
  const sim = createSimulation({ circuit, seed });
  const events: { type: string; timeMs: number }[] = [];
  sim.events$.subscribe((e) => events.push(e));
  sim.ablate('AWC');
  sim.run(5000);
  const t0 = sim.timeMs;
  sim.poke(0.05, { kind: 'gentle' });
  sim.run(1500);
  const along = sim.behaviour().alongMmPerS;
  sim.run(8500);
  const start = events.find((e) => e.type === 'reversal-start' && e.timeMs >= t0);
  const end = start && events.find((e) => e.type === 'reversal-end' && e.timeMs > start.timeMs);
  const forward = sim.behaviour().direction === 'forward' && travel(sim, 3000) > 0.03;
  const ok = start !== undefined && start.timeMs - t0 <= 1500 && along < 0 && end !== undefined && end.timeMs - start.timeMs > 1000 && forward;
  const s = (ms: number | undefined) => (ms === undefined ? '-' : (ms / 1000).toFixed(2));
  return `s${seed} latency ${s(start && start.timeMs - t0)} s, along at 1.5 s ${along.toFixed(3)} mm/s, reversal ${s(end && start && end.timeMs - start.timeMs)} s, forward after: ${forward} → ${ok ? 'pass' : 'FAIL'}`;
}

/** spontaneous.test.ts's run: reversals per minute over 5 open-field minutes, omega turns, durations. */
function spontaneous(circuit: Circuit, seed: number): { perMinute: number[]; omegas: number; durations: number[] } {
  const sim = createSimulation({ circuit, seed, arena: OPEN_FIELD });
  const events: { type: string; timeMs: number }[] = [];
  sim.events$.subscribe((e) => events.push(e));
  const starts = () => events.filter((e) => e.type === 'reversal-start').length;
  const perMinute: number[] = [];
  for (let m = 0; m < 5; m++) {
    const n0 = starts();
    sim.run(60_000);
    perMinute.push(starts() - n0);
  }
  const durations = events
    .filter((e) => e.type === 'reversal-start')
    .map((s) => events.find((e) => e.type === 'reversal-end' && e.timeMs > s.timeMs))
    .flatMap((e, i) => (e ? [(e.timeMs - events.filter((x) => x.type === 'reversal-start')[i].timeMs) / 1000] : []));
  return { perMinute, omegas: events.filter((e) => e.type === 'omega-turn').length, durations };
}

/** One plate tap and the RESPONSE_MS after it: peak AVD and AVA (mV), mm travelled backward, along-body speed each 0.5 s. */
function tapResponse(sim: Simulation, avd: number, ava: number): { peakAvd: number; peakAva: number; back: number; along: number[] } {
  sim.tapPlate(1);
  let [peakAvd, peakAva, back, step] = [-Infinity, -Infinity, 0, 0];
  const along: number[] = [];
  const end = sim.timeMs + RESPONSE_MS;
  while (sim.timeMs < end - 1e-9) {
    sim.step();
    peakAvd = Math.max(peakAvd, sim.network.v[avd]);
    peakAva = Math.max(peakAva, sim.network.v[ava]);
    const v = sim.behaviour().alongMmPerS;
    if (v < 0) back -= (v * sim.physicsStepMs) / 1000;
    if (++step % Math.round(500 / sim.physicsStepMs) === 0) along.push(v);
  }
  return { peakAvd, peakAva, back, along };
}

/** 10 plate taps 10 s apart on the open field, AWC cut: per tap the mm reversed in 3 s (peak AVD, peak AVA in mV). */
function tapTrain(circuit: Circuit, seed: number): string {
  const sim = createSimulation({ circuit, seed, arena: OPEN_FIELD });
  const [avd, ava] = ['AVD', 'AVA'].map((id) => circuit.network.neurons.findIndex((n) => n.id === id));
  sim.ablate('AWC');
  sim.run(5000);
  const taps: string[] = [];
  for (let k = 0; k < 10; k++) {
    if (k > 0) sim.run(10_000 - RESPONSE_MS);
    const { peakAvd, peakAva, back } = tapResponse(sim, avd, ava);
    taps.push(`${back.toFixed(2)} (${peakAvd.toFixed(0)}, ${peakAva.toFixed(0)})`);
  }
  return taps.join(' ');
}

/** habituation-interval-short.test.ts's train, 10 taps: mm reversed per tap, taps 6–10 over the first (test: mean 0.2–0.5), a probe 2 min later over the first (> 0.8). */
function tapTest(circuit: Circuit, seed: number): { line: string; depth: number; recovered: number } {
  const t = train(circuit, seed, 10_000, 10);
  const first = t.responses[0];
  const depth = mean(t.responses.slice(5, 10)) / first;
  const recovered = probe(t, 120_000) / first;
  return { line: `s${seed} ${f2(t.responses)}: 6–10 ${depth.toFixed(2)}, 2 min ${recovered.toFixed(2)}`, depth, recovered };
}

/**
 * The backward crawl itself: AVA held on (holdAva: 3 pA on the shipped AVA, as locomotion.test.ts drives the core; ×avaSizeScale on a larger one) from 5 s, AWC cut. Mean
 * along-body speed over the first 2 s and the next 6 s (negative = backward), and at the end the A-type units' V
 * (DA/VA per unit, mV), the tail oscillator's (DA9/VA12) and the B-type units' (DB/VB): a wave runs if the units
 * alternate along the body; a latch holds one side everywhere. Then the same with the tail oscillator forced (±5 pA,
 * DA9 and VA12 in turn each second): whether the A units pass a tail rhythm on toward the head; and with every B-type
 * unit ablated: whether the B units' latch holds the A units. The converted locomotion core alone is run too. The wave's
 * direction over 2–8 s (behaviour's waveDirection: −1 tail → head, as a backing worm's; 0 unclear).
 */
function backward(circuit: Circuit, seed: number, variant: 'intact' | 'tail forced' | 'B ablated'): string {
  const sim = createSimulation({ circuit, seed, arena: OPEN_FIELD });
  const v = (id: string) => sim.network.v[circuit.network.neurons.findIndex((n) => n.id === id)];
  const forceTailPa = variant === 'tail forced' ? 5 : 0;
  if (circuit.network.neurons.some((n) => n.id === 'AWC')) sim.ablate('AWC');
  sim.run(5000);
  holdAva(sim);
  if (variant === 'B ablated') for (const n of circuit.network.neurons) if (/^[DV]B\d$/.test(n.id)) sim.ablate(n.id);
  const along: number[] = [];
  for (let k = 0; k < 16; k++) {
    // With forceTailPa, the tail oscillator is driven from outside, DA9 and VA12 in turn each second.
    if (forceTailPa > 0 && k % 2 === 0) {
      const dorsal = k % 4 === 0;
      sim.setNeuronParam('DA9', 'tonicPa', dorsal ? forceTailPa : -forceTailPa);
      sim.setNeuronParam('VA12', 'tonicPa', dorsal ? -forceTailPa : forceTailPa);
    }
    sim.run(500);
    along.push(sim.behaviour().alongMmPerS);
  }
  // +1 head → tail, −1 tail → head, 0 unclear (the phase slope along the body over the last 6 s).
  const wave = sim.waveDirection(6000);
  const pairs = (d: string, w: string) =>
    circuit.network.neurons
      .map((n) => n.id)
      .filter((id) => new RegExp(`^${d}[1-8]$`).test(id))
      .map((id) => `${v(id).toFixed(0)}/${v(`${w}${id.slice(2)}`).toFixed(0)}`)
      .join(' ');
  return `s${seed} ${variant === 'tail forced' ? `tail forced ±${forceTailPa} pA` : variant}: AVA ${v('AVA').toFixed(0)}, AVB ${v('AVB').toFixed(0)} mV; along 0–2 s ${mean(along.slice(0, 4)).toFixed(3)}, 2–8 s ${mean(along.slice(4)).toFixed(3)} mm/s, wave over 2–8 s ${wave}; DA/VA ${pairs('DA', 'VA')}; tail ${v('DA9').toFixed(0)}/${v('VA12').toFixed(0)}; DB/VB ${pairs('DB', 'VB')}`;
}

/**
 * The first tap of the habituation proofs (open field, AWC intact, 5 s settle): mm reversed in 3 s (the tests need
 * > 0.2), when the reversal starts, peak AVD and AVA, and the along-body speed each 0.5 s after the tap.
 */
function firstTap(circuit: Circuit, seed: number): string {
  const sim = createSimulation({ circuit, seed, arena: OPEN_FIELD });
  const [avd, ava] = ['AVD', 'AVA'].map((id) => circuit.network.neurons.findIndex((n) => n.id === id));
  const events: { type: string; timeMs: number }[] = [];
  sim.events$.subscribe((e) => events.push(e));
  sim.run(5000);
  const { peakAvd, peakAva, back, along } = tapResponse(sim, avd, ava);
  const start = events.find((e) => e.type === 'reversal-start' && e.timeMs >= 5000);
  return `s${seed} ${back.toFixed(3)} mm; reversal from ${start ? ((start.timeMs - 5000) / 1000).toFixed(2) : '-'} s; peak AVD ${peakAvd.toFixed(0)}, AVA ${peakAva.toFixed(0)} mV; along each 0.5 s ${f2(along)}`;
}

/** The first minute with AWC cut (spontaneous.test.ts's control: no reversal), and the speed over the first 8 s. */
function start(circuit: Circuit, seed: number): string {
  const sim = createSimulation({ circuit, seed, arena: OPEN_FIELD });
  const events: { type: string; timeMs: number }[] = [];
  sim.events$.subscribe((e) => events.push(e));
  sim.ablate('AWC');
  const along: number[] = [];
  for (let k = 0; k < 8; k++) {
    sim.run(1000);
    along.push(sim.behaviour().alongMmPerS);
  }
  sim.run(52_000);
  const times = (es: typeof events) =>
    es
      .filter((e) => e.type === 'reversal-start')
      .map((e) => `${(e.timeMs / 1000).toFixed(2)} s`)
      .join(', ') || 'none';
  // The slowing proofs' food lawn (nothing ablated): food lowers AVB, and with it the head's drive.
  const fed = createSimulation({ circuit, seed, arena: LAWN });
  const onFood: typeof events = [];
  fed.events$.subscribe((e) => onFood.push(e));
  fed.run(8000);
  return `s${seed} mm/s at 1..8 s ${f2(along)}; reversals ${times(events)}; on a lawn, reversals in 8 s ${times(onFood)}`;
}

function report(fix: string, seeds: number[], circuit: Circuit): string[] {
  if (fix === 'tap') return seeds.map((seed) => firstTap(circuit, seed));
  if (fix === 'backward') return seeds.flatMap((seed) => (['intact', 'tail forced', 'B ablated'] as const).map((variant) => backward(circuit, seed, variant)));
  if (fix === 'start') return seeds.map((seed) => start(circuit, seed));
  if (fix === 'touch') return seeds.map((seed) => touch(circuit, seed));
  if (fix === 'spontaneous') {
    const runs = seeds.map((seed) => spontaneous(circuit, seed));
    const early = mean(runs.flatMap((r) => r.perMinute.slice(0, 2)));
    const late = mean(runs.flatMap((r) => r.perMinute.slice(3)));
    const d = runs.flatMap((r) => r.durations).sort((a, b) => a - b);
    return [
      ...runs.map((r, i) => `s${seeds[i]} per minute ${r.perMinute.join(' ')}, omega turns ${r.omegas}`),
      `early ${early.toFixed(2)}/min (1–3), late ${late.toFixed(2)} (< 0.75 × early), worms with an omega turn ${runs.filter((r) => r.omegas > 0).length} (≥ 3 of 5), median reversal ${d[Math.floor(d.length / 2)]?.toFixed(2)} s (0.5–3), longest ${d.at(-1)?.toFixed(2)} s (< 15)`,
    ];
  }
  if (fix === 'slowing' || fix === 'dop3') {
    const v = (lawn: boolean, hoursOffFood: number, ablate: string[] = []) => seeds.map((seed) => pathSpeed(seed, { circuit, lawn, hoursOffFood, ablate }));
    const [fedOff, fedOn, starvedOff, starvedOn, nsm] = [
      v(false, 0),
      v(true, 0),
      v(false, STARVED_HOURS),
      v(true, STARVED_HOURS),
      v(true, STARVED_HOURS, ['NSM']),
    ];
    const noDopamine = v(true, 0, [...DOPAMINERGIC]).map((x, i) => x / fedOff[i]);
    return [
      `mm/s fed off ${f2(fedOff)}; fed on ${f2(fedOn)}; starved off ${f2(starvedOff)}; starved on ${f2(starvedOn)}; starved on, NSM ablated ${f2(nsm)}`,
      `fed on/off with CEP, ADE, PDE ablated ${f2(noDopamine)} (each > 0.85)`,
      `basal on/off ${mean(fedOn.map((x, i) => x / fedOff[i])).toFixed(2)} (< 0.7); enhanced on/off ${mean(starvedOn.map((x, i) => x / starvedOff[i])).toFixed(2)} (< 0.45); starved/fed on food ${(mean(starvedOn) / mean(fedOn)).toFixed(2)} (< 0.75); NSM ablated/fed ${(mean(nsm) / mean(fedOn)).toFixed(2)} (0.8–1.4), /starved ${(mean(nsm) / mean(starvedOn)).toFixed(2)} (> 1.5)`,
    ];
  }
  const rows = seeds.map((seed) => tapTest(circuit, seed));
  return [
    ...rows.map((r) => r.line),
    `taps 6–10 over the first ${mean(rows.map((r) => r.depth)).toFixed(2)} (0.2–0.5); 2 min later ${mean(rows.map((r) => r.recovered)).toFixed(2)} (> 0.8)`,
    'AWC cut, mm reversed per tap (peak AVD, peak AVA mV):',
    ...seeds.map((seed) => `s${seed} ${tapTrain(circuit, seed)}`),
  ];
}

const fix = process.argv[2] ?? '';
if (!Object.hasOwn(FIXES, fix)) throw new Error(`conductance-fixes: argument 1 = "${fix}": must be one of ${Object.keys(FIXES).join(', ')}`);
const seeds = (process.argv[3] ?? '1,2,3,4,5').split(',').map((s) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw new Error(`conductance-fixes: seeds = "${process.argv[3]}": give positive integers separated by commas, e.g. 1,2,3`);
  return n;
});
const trial = parseLayerOverrides(process.argv[4], 'conductance-fixes');
if (fix === 'habituation' || fix === 'backward' || fix === 'tap') {
  const what: Record<string, string> = { backward: 'AVA held on', tap: 'the first tap', habituation: 'mm reversed per tap (peak AVD, peak AVA mV)' };
  console.log(`current worm, ${what[fix]}:`);
  for (const line of report(fix, seeds, circuitFromDoc(buildWorm({ membrane: 'current' }), 'worm (current)'))) console.log(`  ${line}`);
}
if (fix === 'backward') {
  // The converted locomotion core alone: whether another layer holds the A units, or the core does.
  const gait: NonNullable<LayerOverrides['gait']> = { ...CONDUCTANCE_LAYERS.gait, ...trial.gait };
  console.log('conductance locomotion core alone (CONDUCTANCE_LAYERS.gait, no other layer), AVA held on:');
  for (const line of report(fix, seeds, circuitFromDoc(buildConductance(buildLocomotion, { gait }), 'locomotion (conductance)'))) console.log(`  ${line}`);
}
for (const on of [false, true]) {
  console.log(`${fix} fix ${on ? 'on' : 'off'} (${FIXES[fix].map(([l, keys]) => `${l}: ${keys.join(', ')}`).join('; ')}):`);
  for (const line of report(fix, seeds, worm(fix, on))) console.log(`  ${line}`);
}
