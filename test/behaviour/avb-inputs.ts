/**
 * What holds AVB down after a reversal (issue 14, session 17): AVB's membrane input by input on the conductance worms.
 * Every sample, each input as a conductance g (nS) toward its reversal E (mV) — the leak, every chemical synapse
 * (g = w · resource · s∞(V_pre), the release curve of the engine's conductance synapses; AVB's inputs all have τ 0), every
 * gap junction (E = the partner's V; the B units summed), the MOD-1 serotonin channel (gain·C / (E − V_match)) — and
 * the currents (tonic; `ext`, the sensors' input and the noise, averaged over the sample). Per input: its current (pA,
 * + depolarising) and how far the steady state V∞ = (Σ g·E + I) / Σ g would rise without it (mV): the input with the
 * largest rise holds the cell down (the leak's own figure means nothing). `check`: the chemical synapses' and receptors'
 * summed g minus the engine's net.conductance (nS), ~0 when every input is read. Slow synapses (τ ≥ 20 ms) are
 * followed in 5 ms sub-steps. `--cell=RIV` (any argument) breaks down another graded cell without K⁺ or plateau
 * currents instead (RIV, AIB, RIM: the chain above AVB).
 * Modes:
 *   avoid SEED [overrides] [step s]   "Teach the worm to avoid" (avoid-trace.ts's protocol: the learning worm taught
 *                                     on SEED, its first test run, plate 1, test seed 1, 40 s); overrides as avoid-trace's
 *   spont SEED FROM TO [overrides] [step s]   the plain conductance worm off food (spontaneous.test's plate), FROM..TO s
 *   spont SEED list [overrides]       the reversals (start, end) in the first 120 s, to pick a window
 * `npx tsx test/behaviour/avb-inputs.ts avoid 6 '{"learning":{…}}' 2`, `… spont 6 50 60 '{}' 0.5`, `… avoid 6 '{…}' 2 --cell=RIV`
 */
import type { Circuit } from '../../src/circuits/types';
import type { ChemicalSynapseSpec } from '../../src/neural/types';
import { createSimulation, type Simulation } from '../../src/sim/simulation';
import { getArena } from '../../src/world/builtins';
import { challengeById } from '../../scenes/challenges/catalog';
import { testPlates } from '../../scenes/challenges/learning-check';
import { layeredWorm, parseLayerOverrides } from './layer-overrides';
import { teachInChallenge } from './avoid-teaching';
import { builtinOn } from './membrane-builtins';
import { OPEN_FIELD } from './measure';

// `--cell=RIV` (anywhere among the arguments) breaks down another graded cell's inputs instead, e.g. the one holding AVB down.
const cellArg = process.argv.find((a) => a.startsWith('--cell='));
if (cellArg) process.argv.splice(process.argv.indexOf(cellArg), 1);
const TARGET = cellArg?.slice('--cell='.length) ?? 'AVB';
/** Cells whose V is printed beside the breakdown: the reversal's, the turn's and the forward drive's. */
const CELLS = ['AVA', 'RIM', 'AIB', 'RIV', 'PVC', 'DB3', 'VB3', 'DB5', 'VB5'];

const mode = process.argv[2];
const seed = Number(process.argv[3]);
if ((mode !== 'avoid' && mode !== 'spont') || !(Number.isInteger(seed) && seed > 0))
  throw new Error(
    `avb-inputs: give 'avoid SEED [overrides] [step s]' or 'spont SEED FROM TO|list [overrides] [step s]'; got ${process.argv.slice(2).join(' ')}`,
  );

/** AVB's inputs in the circuit, once: each a function of the network now giving [g nS, E mV] or a current. */
interface Input {
  name: string;
  /** Conductance (nS) and reversal (mV) now; or a plain current (pA) with g 0. */
  now: (sim: Simulation) => { g: number; e: number; i: number };
  /** Advanced by the script every SUB_MS: a slow synapse's activation, the external input's running mean. */
  tick?: (dtMs: number) => void;
}

/** The script's sub-step (ms): the slow synapses' activation is followed at this rate (their τ ≥ 20 ms; faster ones read s∞). */
const SUB_MS = 5;

function inputsOf(circuit: Circuit, sim: Simulation): Input[] {
  const net = sim.network;
  const spec = circuit.network;
  const at = (id: string) => net.indexOf(id);
  const me = at(TARGET);
  const p = spec.neurons[me].params as Record<string, number>;
  if ((p.gKNs ?? 0) !== 0 || (p.plateauNs ?? 0) !== 0)
    throw new Error(`avb-inputs: ${TARGET} has a K⁺ or plateau current; this script reads a leaky graded cell`);
  const out: Input[] = [
    { name: 'leak', now: () => ({ g: p.capacitance / p.tauMs, e: p.restMv, i: 0 }) },
    { name: 'tonic', now: () => ({ g: 0, e: 0, i: p.tonicPa ?? 0 }) },
    // The sensors' conductance input and current, and the neurons' noise (set in `input` each step): their mean since
    // the last line, so a slow cell's breakdown is not one noise draw.
    (() => {
      let g = 0;
      let i = 0;
      let n = 0;
      return {
        name: 'ext',
        tick: () => {
          g += net.takesConductance ? net.inputConductance[me] : 0;
          i += net.input[me];
          n++;
        },
        now: () => {
          const mean = n > 0 ? { g: g / n, e: 0, i: i / n } : { g: 0, e: 0, i: net.input[me] };
          g = i = n = 0;
          return mean;
        },
      };
    })(),
  ];
  const resource = (s: ChemicalSynapseSpec) => {
    try {
      return net.synapseResource(s.from, s.to);
    } catch {
      return 1; // neither delayed nor depressing
    }
  };
  for (const s of spec.synapses) {
    if (s.kind === 'chemical' && s.to === TARGET) {
      if (s.model !== 'conductance') throw new Error(`avb-inputs: ${s.from} → ${TARGET} is current-based; run a conductance worm`);
      const pre = at(s.from);
      const half = s.releaseHalfMv ?? -45;
      const slope = s.releaseSlopeMv ?? 8;
      const e = s.reversalMv ?? (s.sign === 'inhibitory' ? -75 : 0);
      const tau = s.tauMs ?? (e < -30 ? 10 : 5);
      const sInf = () => 1 / (1 + Math.exp(-(net.v[pre] - half) / slope));
      // A slow synapse's activation followed in the script's sub-steps (SUB_MS ≪ τ), as the engine relaxes it.
      let act = Number.NaN;
      const tick = (dtMs: number) => {
        act = Number.isNaN(act) || tau === 0 ? sInf() : sInf() + (act - sInf()) * Math.exp(-dtMs / tau);
      };
      out.push({ name: s.from, tick, now: () => ({ g: s.weight * resource(s) * (tau < 20 || Number.isNaN(act) ? sInf() : act), e, i: 0 }) });
    }
  }
  const gaps = spec.synapses.filter((s) => s.kind === 'electrical' && (s.from === TARGET || s.to === TARGET));
  const groups = new Map<string, { g: number; other: number }[]>();
  for (const s of gaps) {
    const other = s.from === TARGET ? s.to : s.from;
    const group = /^[DV][AB]\d+$/.test(other) ? `${other.slice(1, 2)} gaps` : `${other} gap`;
    groups.set(group, [...(groups.get(group) ?? []), { g: s.weight, other: at(other) }]);
  }
  for (const [name, list] of groups) {
    const g = list.reduce((a, x) => a + x.g, 0);
    // One conductance toward the partners' conductance-weighted mean V.
    out.push({ name, now: () => ({ g, e: list.reduce((a, x) => a + x.g * net.v[x.other], 0) / g, i: 0 }) });
  }
  for (const r of spec.receptors ?? []) {
    // Release and plasticity receptors act on the cell's output or learning, not on its membrane.
    if (r.neuron !== TARGET || r.effect === 'release' || r.effect === 'plasticity') continue;
    if (r.effect !== 'excitability' || r.reversalMv === undefined)
      throw new Error(`avb-inputs: ${TARGET}'s ${r.label ?? r.modulator} receptor (${r.effect}) is not read here`);
    const perConc = r.gain / (r.reversalMv - (r.matchMv ?? p.restMv));
    const e = r.reversalMv;
    out.push({ name: r.label ?? r.modulator, now: () => ({ g: perConc * net.modulatorLevel(r.modulator), e, i: 0 }) });
  }
  return out;
}

function header(inputs: Input[]): string {
  return `t s | ${TARGET} V  V∞ check | ${inputs.map((x) => x.name).join(' / ')}: pA (V∞ rise without it, mV) | ${CELLS.join(' ')} mV | x, y mm | along mm/s`;
}

function line(sim: Simulation, inputs: Input[], labelMs: number): string {
  const net = sim.network;
  const me = net.indexOf(TARGET);
  const v = net.v[me];
  const parts = inputs.map((x) => x.now(sim));
  const G = parts.reduce((a, x) => a + x.g, 0);
  const N = parts.reduce((a, x) => a + x.g * x.e + x.i, 0);
  const vInf = N / G;
  // The engine's own sum: synapses' and receptors' conductance plus the leak and the sensors' conductance.
  const chemG = parts.filter((_, k) => !inputs[k].name.endsWith(' gaps') && !inputs[k].name.endsWith(' gap') && k > 2).reduce((a, x) => a + x.g, 0);
  const check = net.conductance[me] - chemG;
  const cols = parts.map((x) => {
    const i = x.g * (x.e - v) + x.i;
    const without = (N - x.g * x.e - x.i) / (G - x.g);
    return `${Math.abs(i) < 1e-4 ? '0' : Math.abs(i) < 0.05 ? i.toPrecision(1) : i.toFixed(2)} (${(without - vInf >= 0 ? '+' : '') + (without - vInf).toFixed(1)})`;
  });
  const [hx, hy] = sim.headPosition();
  const cells = CELLS.map((id) => (net.indexOf(id) < 0 ? '—' : net.v[net.indexOf(id)].toFixed(0))).join(' ');
  return `${(labelMs / 1000).toFixed(1)} | ${v.toFixed(1)} ${vInf.toFixed(1)} ${check.toExponential(0)} | ${cols.join(' / ')} | ${cells} | ${hx.toFixed(1)}, ${hy.toFixed(1)} | ${sim.behaviour().alongMmPerS.toFixed(2)}`;
}

function trace(circuit: Circuit, sim: Simulation, fromMs: number, toMs: number, stepMs: number): void {
  const inputs = inputsOf(circuit, sim);
  const advance = (ms: number) => {
    for (let t = 0; t < ms - 1e-9; t += SUB_MS) {
      sim.run(Math.min(SUB_MS, ms - t));
      for (const x of inputs) x.tick?.(Math.min(SUB_MS, ms - t));
    }
  };
  sim.run(Math.max(0, fromMs - sim.timeMs - 2000));
  advance(fromMs - sim.timeMs);
  const flips: string[] = [];
  sim.events$.subscribe((e) => {
    if (e.type === 'reversal-start' || e.type === 'reversal-end') flips.push(`${e.type} ${(e.timeMs / 1000).toFixed(1)} s`);
  });
  console.log(header(inputs));
  while (sim.timeMs < toMs - 1e-9) {
    advance(stepMs);
    console.log(line(sim, inputs, sim.timeMs) + (flips.length ? ` | ${flips.splice(0).join(', ')}` : ''));
  }
}

if (mode === 'avoid') {
  const over = parseLayerOverrides(process.argv[4], 'avb-inputs', '{"learning":{"crossedMax":4}}');
  const stepMs = Number(process.argv[5] ?? 1) * 1000;
  const c = challengeById('teach-avoid');
  if (c?.win.kind !== 'taught-avoid') throw new Error('avb-inputs: the catalog has no "teach-avoid" challenge of kind taught-avoid');
  const w = c.win;
  const naive = builtinOn(c.worm ?? 'learning-worm', 'conductance', over);
  // Teaching as avoid-trace.ts (the game's 20 s), then the taught worm's first test run on the test plate, test seed 1.
  const { taught } = teachInChallenge(c, naive, seed, w.hoursOffFood, 20_000);
  const plate = testPlates(getArena(w.testArena), w.odour)[0];
  console.log(`learning worm (conductance) taught on seed ${seed}${process.argv[4] ? ` with ${process.argv[4]}` : ''}; test run, plate 1, test seed 1`);
  trace(taught, createSimulation({ circuit: taught, arena: plate, seed: 1 }), 0, w.testMs, stepMs);
} else {
  const over = parseLayerOverrides(process.argv[process.argv[4] === 'list' ? 5 : 6], 'avb-inputs', '{"foraging":{"rimToAib":0.008}}');
  const circuit = layeredWorm(over);
  const sim = createSimulation({ circuit, seed, medium: 'agar', arena: OPEN_FIELD });
  if (process.argv[4] === 'list') {
    const list: string[] = [];
    let start = Number.NaN;
    sim.events$.subscribe((e) => {
      if (e.type === 'reversal-start') start = e.timeMs;
      if (e.type === 'reversal-end') list.push(`${(start / 1000).toFixed(1)}–${(e.timeMs / 1000).toFixed(1)}`);
      if (e.type === 'omega-turn') list.push(`omega ${(e.timeMs / 1000).toFixed(1)}`);
    });
    sim.run(120_000);
    console.log(`seed ${seed}, reversals (s) in 120 s: ${list.join(', ')}`);
  } else {
    const from = Number(process.argv[4]) * 1000;
    const to = Number(process.argv[5]) * 1000;
    if (!(to > from && from >= 0))
      throw new Error(`avb-inputs: spont SEED FROM TO: give FROM < TO in s, e.g. 50 58; got ${process.argv[4]} ${process.argv[5]}`);
    console.log(`conductance worm${process.argv[6] ? ` with ${process.argv[6]}` : ''}, seed ${seed}, open field off food`);
    trace(circuit, sim, from, to, Number(process.argv[7] ?? 0.2) * 1000);
  }
}
