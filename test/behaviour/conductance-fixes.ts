/**
 * Each fix of the conductance-membrane worm (CONDUCTANCE_LAYERS in
 * src/circuits/builtin/membrane.ts), before and after: the same seeds with the
 * fix's overrides taken out and put back, read as the behaviour proofs read
 * them (touch.test.ts, spontaneous.test.ts, modulation-slowing-*.test.ts).
 * `habituation` is not a fix: a tap train (AWC cut) with each tap's peak AVD
 * and AVA, on the current worm and on the conductance worm without and with
 * the touch fix. docs/biology.md, "The behaviour battery on the conductance
 * worm", quotes its output.
 * `npx tsx test/behaviour/conductance-fixes.ts touch|spontaneous|slowing|habituation [seeds 1,2,3,4,5]`
 */
import { buildWorm } from '../../src/circuits/builtin/generate';
import { CONDUCTANCE_LAYERS } from '../../src/circuits/builtin/membrane';
import { circuitFromDoc } from '../../src/circuits/circuit';
import type { Circuit } from '../../src/circuits/types';
import { createSimulation } from '../../src/sim/simulation';
import { mean, RESPONSE_MS } from './habituation-interval';
import { OPEN_FIELD, travel } from './measure';
import { DOPAMINERGIC, pathSpeed, STARVED_HOURS } from './modulation-slowing';

type Layer = keyof typeof CONDUCTANCE_LAYERS;

/** Which overrides make up each fix. */
const FIXES: Record<string, [Layer, string[]][]> = {
  touch: [['touch', ['avdSlopeMv', 'toCommand']]],
  spontaneous: [
    ['senses', ['aibToAva']],
    ['foraging', ['awcToRelayMv']],
    ['touch', ['avaToAib']],
  ],
  slowing: [['modulation', ['mod1Pa']]],
  /** Not a fix: how the touch fix changes a tap train (AWC cut), beside the current worm's. */
  habituation: [['touch', ['avdSlopeMv', 'toCommand']]],
};

/** The conductance worm with the fix's overrides taken out (`on` false) or as committed. */
function worm(fix: string, on: boolean): Circuit {
  const layers = CONDUCTANCE_LAYERS as Record<Layer, Record<string, unknown>>;
  const saved = FIXES[fix].map(([layer, keys]) => [layer, { ...layers[layer] }, keys] as const);
  try {
    if (!on) for (const [layer, , keys] of saved) for (const k of keys) delete layers[layer][k];
    return circuitFromDoc(buildWorm({ membrane: 'conductance' }), `worm (conductance, ${fix} fix ${on ? 'on' : 'off'})`);
  } finally {
    for (const [layer, original] of saved) layers[layer] = original;
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

/** 10 plate taps 10 s apart on the open field, AWC cut: per tap the mm reversed in 3 s (peak AVD, peak AVA in mV). */
function tapTrain(circuit: Circuit, seed: number): string {
  const sim = createSimulation({ circuit, seed, arena: OPEN_FIELD });
  const [avd, ava] = ['AVD', 'AVA'].map((id) => circuit.network.neurons.findIndex((n) => n.id === id));
  sim.ablate('AWC');
  sim.run(5000);
  const taps: string[] = [];
  for (let k = 0; k < 10; k++) {
    if (k > 0) sim.run(10_000 - RESPONSE_MS);
    sim.tapPlate(1);
    let [peakAvd, peakAva, back] = [-Infinity, -Infinity, 0];
    const end = sim.timeMs + RESPONSE_MS;
    while (sim.timeMs < end - 1e-9) {
      sim.step();
      peakAvd = Math.max(peakAvd, sim.network.v[avd]);
      peakAva = Math.max(peakAva, sim.network.v[ava]);
      const v = sim.behaviour().alongMmPerS;
      if (v < 0) back -= (v * sim.physicsStepMs) / 1000;
    }
    taps.push(`${back.toFixed(2)} (${peakAvd.toFixed(0)}, ${peakAva.toFixed(0)})`);
  }
  return taps.join(' ');
}

function report(fix: string, seeds: number[], circuit: Circuit): string[] {
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
  if (fix === 'slowing') {
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
  return seeds.map((seed) => `s${seed} ${tapTrain(circuit, seed)}`);
}

const fix = process.argv[2] ?? '';
if (!Object.hasOwn(FIXES, fix)) throw new Error(`conductance-fixes: argument 1 = "${fix}": must be one of ${Object.keys(FIXES).join(', ')}`);
const seeds = (process.argv[3] ?? '1,2,3,4,5').split(',').map((s) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw new Error(`conductance-fixes: seeds = "${process.argv[3]}": give positive integers separated by commas, e.g. 1,2,3`);
  return n;
});
if (fix === 'habituation') {
  console.log('current worm, mm reversed per tap (peak AVD, peak AVA mV):');
  for (const line of report(fix, seeds, circuitFromDoc(buildWorm({ membrane: 'current' }), 'worm (current)'))) console.log(`  ${line}`);
}
for (const on of [false, true]) {
  console.log(`${fix} fix ${on ? 'on' : 'off'} (${FIXES[fix].map(([l, keys]) => `${l}: ${keys.join(', ')}`).join('; ')}):`);
  for (const line of report(fix, seeds, worm(fix, on))) console.log(`  ${line}`);
}
