/**
 * The converted default worm's steady gait and posterior touch, shared by
 * conductance-seeds.ts and conductance-search.ts. Read on the open field (no
 * rim to meet) with AWC cut (no foraging reversal inside a window, as
 * locomotion.test.ts reads the full worm), after a 12 s settle: the gait at
 * 4 s can still be a transient (the earlier best point's λ 0.74 at 4–16 s fell
 * to 0.32 by 16 s on 9 of seeds 1–10).
 */
import { mean, standardDeviation } from 'simple-statistics';
import { buildWorm } from '../../src/circuits/builtin/generate';
import { CONDUCTANCE_GAIT } from '../../src/circuits/builtin/conductance-gait';
import { GAIT } from '../../src/circuits/builtin/locomotion';
import { circuitFromDoc } from '../../src/circuits/circuit';
import { buildConductance } from '../../src/circuits/builtin/membrane';
import type { Circuit } from '../../src/circuits/types';
import { createSimulation, type Simulation } from '../../src/sim/simulation';
import { type Gait, gaitOf } from './gait';
import { OPEN_FIELD, travel } from './measure';

/** Settle before a gait or a touch is read, ms. */
export const STEADY_SETTLE_MS = 12_000;

/**
 * The steady gait of the converted worm on the open field (no rim to meet), with AWC cut so no
 * foraging reversal falls in the window (as locomotion.test.ts reads the full worm): 12 s settle, 12 s window.
 * `avbScale` scales AVB's tonic drive; `bTonicPa` is a tonic current into every B-type unit (DB/VB), the way
 * dopamine's DOP-3 inhibits them (negative = inhibition).
 */
export function steadyGait(circuit: Circuit, seed: number, medium: 'agar' | 'water', avbScale = 1, bTonicPa = 0): Gait {
  const sim = createSimulation({ circuit, seed, medium, arena: OPEN_FIELD });
  sim.ablate('AWC');
  if (avbScale !== 1) sim.setNeuronParam('AVB', 'tonicPa', avbTonicPa(circuit) * avbScale);
  if (bTonicPa !== 0) for (const id of bTypeUnits(circuit)) sim.setNeuronParam(id, 'tonicPa', bTonicPa);
  return gaitOf(sim, STEADY_SETTLE_MS, 12_000);
}

/** The B-type motor neurons of a circuit's body units (DB1…, VB1…). */
export function bTypeUnits(circuit: Circuit): string[] {
  const ids = circuit.network.neurons.map((n) => n.id).filter((id) => /^[DV]B\d+$/.test(id));
  if (ids.length === 0) throw new Error(`${circuit.fileName}: no B-type units (DB1…, VB1…) to inhibit`);
  return ids;
}

/**
 * The head oscillator over the next `windowMs`: how often RMDD crossed its release midpoint, and the
 * half-cycles between those crossings (ms each; the partial ones at either end left out). Their spread says how regular the head's clock is: a head that flips
 * at a shallow part of the neck's bend flips early or late with small differences in the body (and the seed's noise).
 */
export function headHalfPeriods(sim: Simulation, windowMs: number): { flips: number; half: number[] } {
  const rmdd = sim.neuronIds.indexOf('RMDD');
  if (rmdd < 0) throw new Error(`${sim.circuit.fileName}: no RMDD, the head oscillator whose half-cycles are read`);
  const headHalfMv = releaseMidpointMv(sim.circuit, 'RMDD');
  let up = sim.network.v[rmdd] > headHalfMv;
  let last = Number.NaN;
  let flips = 0;
  const half: number[] = [];
  const end = sim.timeMs + windowMs;
  while (sim.timeMs < end - 1e-9) {
    sim.step();
    const now = sim.network.v[rmdd] > headHalfMv;
    if (now !== up) {
      flips++;
      if (!Number.isNaN(last)) half.push(sim.timeMs - last);
      last = sim.timeMs;
      up = now;
    }
  }
  return { flips, half };
}

/**
 * The steady crawl read from the body (bending frequency, λ), from AVB (its mean release, the drive the units take) and
 * from the B units: per unit (DB/VBk), its share of the window on the dorsal side and its side changes per second.
 */
export interface UnitSides {
  hz: number;
  lambda: number;
  avbOutput: number;
  dorsal: number[];
  switchesPerS: number[];
}

/**
 * The B units over the steady crawl (open field, AWC cut, 12 s settle, 12 s window; AVB's tonic × avbScale). A unit is
 * dorsal while DBk's release is above half and VBk's below, ventral the other way round (else it keeps its side).
 * A travelling wave switches every unit twice a cycle at about half its time on each side; a share near 0 or 1 is a
 * latched unit (its segment held bent), and far more than twice the body's frequency a chattering one. Either shortens
 * the λ the body reads without any unit lagging the one ahead longer (conductance-units.ts prints it).
 */
export function unitSides(circuit: Circuit, seed: number, avbScale = 1, windowMs = 12_000): UnitSides {
  const sim = createSimulation({ circuit, seed, arena: OPEN_FIELD });
  sim.ablate('AWC');
  if (avbScale !== 1) sim.setNeuronParam('AVB', 'tonicPa', avbTonicPa(circuit) * avbScale);
  sim.run(STEADY_SETTLE_MS);
  const count = circuit.network.neurons.filter((n) => /^DB\d+$/.test(n.id)).length;
  if (count === 0) throw new Error(`${circuit.fileName}: no B-type units (DB1…) to read`);
  const pairs = Array.from({ length: count }, (_, i) => [sim.neuronIds.indexOf(`DB${i + 1}`), sim.neuronIds.indexOf(`VB${i + 1}`)]);
  const side = pairs.map(() => 0);
  const dorsal = pairs.map(() => 0);
  const switches = pairs.map(() => 0);
  const avb = sim.neuronIds.indexOf('AVB');
  let avbSum = 0;
  let steps = 0;
  const end = sim.timeMs + windowMs;
  while (sim.timeMs < end - 1e-9) {
    sim.step();
    steps++;
    const out = sim.network.output;
    avbSum += out[avb];
    pairs.forEach(([d, v], k) => {
      const now = out[d] > 0.5 && out[v] < 0.5 ? 1 : out[v] > 0.5 && out[d] < 0.5 ? -1 : side[k];
      if (side[k] !== 0 && now !== side[k]) switches[k]++;
      if (now === 1) dorsal[k]++;
      side[k] = now;
    });
  }
  return {
    hz: sim.bendingFrequencyHz(windowMs),
    lambda: sim.wavelengthBodyLengths(windowMs),
    avbOutput: avbSum / steps,
    dorsal: dorsal.map((x) => x / steps),
    switchesPerS: switches.map((x) => x / (windowMs / 1000)),
  };
}

/** Mean and (population) standard deviation of a list (ms); NaN for an empty one, where simple-statistics throws. */
export function meanSd(x: number[]): { mean: number; sd: number } {
  if (x.length === 0) return { mean: Number.NaN, sd: Number.NaN };
  return { mean: mean(x), sd: standardDeviation(x) };
}

/** Issue 14's six gait checks, true where met: agar 0.3–0.6 Hz, λ 0.55–0.8 BL, 0.1–0.3 BL/s; water ≥ 1.6 Hz, ≥ 3.5× agar's, ≥ 0.2 BL/s. */
export function gaitChecks(agar: Gait, water: Gait): boolean[] {
  return [
    agar.hz >= 0.3 && agar.hz <= 0.6,
    agar.lambda >= 0.55 && agar.lambda <= 0.8,
    agar.speed >= 0.1 && agar.speed <= 0.3,
    water.hz >= 1.6,
    water.hz / agar.hz >= 3.5,
    water.speed >= 0.2,
  ];
}

/** Speed over 4 s after a gentle touch at `at` (0.9: the switch rule's), over the same seed's untouched speed over the same window (open field, AWC cut). */
export function pairedPosterior(circuit: Circuit, seed: number, at = 0.9): number {
  const after = (touch: boolean) => {
    const sim = createSimulation({ circuit, seed, arena: OPEN_FIELD });
    sim.ablate('AWC');
    sim.run(STEADY_SETTLE_MS);
    if (touch) sim.poke(at, { kind: 'gentle' });
    return travel(sim, 4000);
  };
  return after(true) / after(false);
}

/** AVB's tonic current in a circuit (pA): the resting drive the speed–drive curve scales. */
export function avbTonicPa(circuit: Circuit): number {
  const tonic = circuit.network.neurons.find((n) => n.id === 'AVB')?.params?.tonicPa;
  if (typeof tonic !== 'number') throw new Error(`${circuit.fileName}: AVB has no tonicPa to scale`);
  return tonic;
}

/** A working point of the converted worm: GAIT fields to override (the shipped GAIT elsewhere). */
export type GaitPoint = Partial<typeof GAIT>;

/**
 * A command-line JSON object whose keys are numeric GAIT fields (the scripts' points and ranges);
 * `script` and `what` name the argument in the error.
 */
export function parseGaitJson(script: string, what: string, text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`${script}: ${what} is not JSON (${(e as Error).message}); pass GAIT overrides such as '{"headDrive":0.45}'`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${script}: ${what} must be a JSON object of GAIT fields`);
  for (const k of Object.keys(parsed))
    if (typeof (GAIT as Record<string, unknown>)[k] !== 'number')
      throw new Error(`${script}: "${k}" in ${what} is not a numeric GAIT field (src/circuits/builtin/locomotion.ts)`);
  return parsed as Record<string, unknown>;
}

/** A working point from the command line: parseGaitJson with every value a finite number. */
export function parseGaitPoint(script: string, what: string, text: string): GaitPoint {
  const point = parseGaitJson(script, what, text);
  for (const [k, v] of Object.entries(point))
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${script}: "${k}" in ${what} must be a number, got ${JSON.stringify(v)}`);
  return point as GaitPoint;
}

/**
 * The converted default worm (synapses, senses and receptors) built at GAIT with `point` over it
 * (by default CONDUCTANCE_GAIT, the working point issue 14's scripts and tests read); GAIT is left as it was.
 */
export function convertedWorm(point: GaitPoint = CONDUCTANCE_GAIT): Circuit {
  // The layers' own conductance fixes left out: the gait alone, as the gait study reads it.
  return circuitFromDoc(
    buildConductance(() => buildWorm({ membrane: 'current' }), { gait: point }),
    'worm (conductance)',
  );
}

/** A reading of the backward crawl with AVA held on (heldBackward). */
export interface HeldBackward {
  /** Mean along-body speed over 2–8 s after AVA came on, mm/s (negative = backward). */
  alongMmPerS: number;
  /** The same over 0–1 s and 1–2 s: how fast the crawl builds up (a tap's reversal lasts about that long). */
  firstMmPerS: [number, number];
  /** Centroid displacement over 2–8 s, mm/s: a body sliding round a held C moves along itself but its centroid little. */
  displacementMmPerS: number;
  /** Wave direction over 2–8 s (+1 head → tail, −1 tail → head as a backing worm's, 0 unclear). */
  wave: number;
  /** How long DA9 (the tail's dorsal A cell) stayed on or off each time over 2–8 s, ms (its crossings of its release midpoint, −45 mV). */
  tailSidesMs: number[];
  /** AVA's mean V over 2–8 s, mV, against its release midpoint: AVA–A junctions pull a held AVA toward the A units' V. */
  avaMv: number;
  avaHalfMv: number;
}

/** A cell's release midpoint (its vHalfMv), read from the circuit, so a reading follows whatever the model builds. */
function releaseMidpointMv(circuit: Circuit, id: string): number {
  const v = circuit.network.neurons.find((n) => n.id === id)?.params.vHalfMv;
  if (typeof v !== 'number') throw new Error(`${circuit.fileName}: ${id} has no single vHalfMv to read its release midpoint from`);
  return v;
}

/**
 * How far a held AVA's steady V sits above its rest, mV: the battery's hold, 3 pA on the shipped AVA (leak C/τ = 0.05 nS).
 * A hold is a depolarisation, not a current: on a larger AVA (GAIT.avaSizeScale) the same 60 mV takes k times the current.
 */
export const AVA_HOLD_MV = 60;

/** Holds AVA on: the tonic current that lifts it AVA_HOLD_MV above rest at its own leak (3 pA at the shipped size). */
export function holdAva(sim: Simulation): void {
  const p = sim.circuit.network.neurons.find((n) => n.id === 'AVA')?.params;
  if (typeof p?.capacitance !== 'number' || typeof p.tauMs !== 'number') throw new Error(`${sim.circuit.fileName}: no AVA with capacitance and tauMs to hold`);
  sim.setNeuronParam('AVA', 'tonicPa', (AVA_HOLD_MV * p.capacitance) / p.tauMs);
}

/**
 * The backward crawl with AVA held on (holdAva: 3 pA on the shipped AVA, from 5 s, as locomotion.test.ts drives the core; open field, AWC
 * cut), read over 8 s: along-body speed, centroid displacement, the wave's direction and the tail's half-cycles.
 * conductance-fixes.ts `backward` prints the same run with every unit's V; backward-crawl.ts prints these readings.
 * `watch`, if given, sees the simulation after every step of the 8 s window (riv-backing.ts reads the cells there).
 */
export function heldBackward(circuit: Circuit, seed: number, watch?: (sim: Simulation) => void): HeldBackward {
  const sim = createSimulation({ circuit, seed, arena: OPEN_FIELD });
  if (circuit.network.neurons.some((n) => n.id === 'AWC')) sim.ablate('AWC');
  sim.run(5000);
  holdAva(sim);
  const da9 = sim.neuronIds.indexOf('DA9');
  if (da9 < 0) throw new Error(`${circuit.fileName}: no DA9, the tail oscillator whose half-cycles are read`);
  const tailHalfMv = releaseMidpointMv(circuit, 'DA9');
  const on = () => sim.network.v[da9] > tailHalfMv;
  let up = on();
  let last = Number.NaN;
  const tailSidesMs: number[] = [];
  const along: number[] = [];
  let from: [number, number] = [0, 0];
  const start = sim.timeMs;
  const every = Math.round(500 / sim.physicsStepMs);
  const ava = sim.neuronIds.indexOf('AVA');
  let avaSum = 0;
  let avaSteps = 0;
  for (let step = 1; sim.timeMs < start + 8000 - 1e-9; step++) {
    sim.step();
    watch?.(sim);
    if (step > 4 * every) {
      avaSum += sim.network.v[ava];
      avaSteps++;
    }
    const now = on();
    if (now !== up) {
      if (!Number.isNaN(last)) tailSidesMs.push(sim.timeMs - last);
      // Only half-cycles that start inside 2–8 s count; the first one of the window is partial.
      last = sim.timeMs - start >= 2000 ? sim.timeMs : Number.NaN;
      up = now;
    }
    if (step === 4 * every) from = [...sim.behaviour().centroid];
    if (step % every === 0) along.push(sim.behaviour().alongMmPerS);
  }
  const to = sim.behaviour().centroid;
  return {
    alongMmPerS: mean(along.slice(4)),
    firstMmPerS: [mean(along.slice(0, 2)), mean(along.slice(2, 4))],
    displacementMmPerS: Math.hypot(to[0] - from[0], to[1] - from[1]) / 6,
    wave: sim.waveDirection(6000),
    tailSidesMs,
    avaMv: avaSum / avaSteps,
    avaHalfMv: releaseMidpointMv(circuit, 'AVA'),
  };
}

/**
 * The body's A units going forward (open field, agar, AWC cut, 12 s settle, 12 s window): the share of 10 ms samples with
 * DAk/VAk (the tail pair DA9/VA12 left out) above its own release midpoint. A forward crawl in which the A units take no
 * part reads 0; at TAIL_POINT a bend wakes them a fifth of the time (docs/biology.md, "AVA–A gap junctions").
 * `watch`, if given, sees the simulation at every 10 ms sample.
 */
export function forwardAShare(circuit: Circuit, seed: number, watch?: (sim: Simulation) => void): number {
  const cells = circuit.network.neurons.filter((n) => /^(DA[1-8]|VA([1-9]|1[01]))$/.test(n.id));
  if (cells.length === 0) throw new Error(`${circuit.fileName}: no body A units (DA1…, VA1…) to read`);
  const sim = createSimulation({ circuit, seed, medium: 'agar', arena: OPEN_FIELD });
  sim.ablate('AWC');
  sim.run(STEADY_SETTLE_MS);
  const ix = cells.map((n) => sim.neuronIds.indexOf(n.id));
  const half = cells.map((n) => releaseMidpointMv(circuit, n.id));
  let on = 0;
  const samples = 1200;
  for (let s = 0; s < samples; s++) {
    sim.run(10);
    watch?.(sim);
    for (let j = 0; j < ix.length; j++) if (sim.network.v[ix[j]] > half[j]) on++;
  }
  return on / (samples * ix.length);
}
