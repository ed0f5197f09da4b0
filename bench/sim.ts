/**
 * Simulation benchmark: simulated seconds per wall second for 1, 10 and 50
 * worms, each a whole Simulation (20-segment body on agar + a 302-neuron
 * graded network + controllers + streams), stepped round-robin on one core,
 * and where the time goes; one worm also without noise, with a scenario's
 * monitor, on the JS kernels alone (no WebAssembly: setWasmKernels('off'),
 * the before of the graded wasm step), and the game's `worm` with and
 * without them, and the current-based `worm-current` (issue 14's cost: the default `worm` is on conductances) with and without them, those eight alternated round by round
 * (bench/measure.ts). Goals (issue 16): one connectome worm ≥ 100× real time, the game's `worm` (69 neurons;
 * 79 when the issue was written) ≥ 200×; 10 connectome worms ≥ 1× (issue 3); issue 14: the conductance
 * `worm` within 20 % of the current-based one.
 *
 * The network is the White/Varshney connectome the project ships in data/,
 * imported with importConnectome.
 *
 * The split (physics / neurons / world / streams+glue) comes from a second,
 * separate run of a subclass that wraps the Simulation's step phases with
 * performance.now(); the real-time factors come from the plain class, so the
 * clock calls never touch the figures that count.
 *
 *   npx tsx bench/sim.ts [--quick] [--counts 1,10,50]   # alone (--counts 1: the one-worm cases only)
 *   npm run bench -- --only sim        # through bench/run.ts
 */
import { pathToFileURL } from 'node:url';
import type { Circuit } from '../src/circuits';
import { importConnectome } from '../src/circuits/connectome';
import { publishedTable, WORM_TABLES } from '../src/circuits/connectome/published-tables';
import { getBuiltinCircuit } from '../src/circuits/builtin';
import { setWasmKernels } from '../src/neural/wasm/lif-arena';
import type { MonitorSpec } from '../src/sim/monitors';
import { Simulation, type SimOptions } from '../src/sim/simulation';
import { alternate, machineLine, type Spread, spread, type Timing } from './measure';
import type { BenchGoal, BenchSuite } from './suite';

/** Imported weights are contact counts; these scales keep the explicit gap-junction coupling stable at a 1 ms step. */
const WEIGHT_SCALE = 0.01;
const MUSCLE_SCALE = 0.05;

export interface SimBenchRow {
  /** What ran: the connectome, or a built-in circuit's name. */
  circuit: string;
  worms: number;
  neuralNoisePa: number;
  /** Each worm records as a scenario does (a monitor of 4 neurons' peak output and 8 body quantities every 20 ms). */
  monitored: boolean;
  /** The engine's WebAssembly kernels (the graded sub-step) on, as by default; false: the JS kernels alone. */
  wasm: boolean;
  neurons: number;
  synapses: number;
  /** Simulated seconds each worm ran while timed (all rounds). */
  simulatedS: number;
  /** Simulated seconds per wall second (every worm advanced by that much): min, median, max over the rounds. */
  realtimeFactor: Spread;
  /**
   * Simulated seconds per second of this process's CPU time (user + system):
   * steadier than the wall-clock factor on a shared machine, since time spent
   * waiting for a core does not count (GC helper threads do, so it can read low).
   */
  cpuRealtimeFactor: Spread;
  /** Best round's wall µs per worm-step. */
  usPerWormStep: number;
  /** Building one Simulation (network compile, body, world), ms. */
  buildMs: number;
  /** Shares of the profiled run's step time (connectome rows only). */
  share?: { physics: number; neurons: number; world: number; glue: number };
}

export interface SimBenchResult {
  network: string;
  rows: SimBenchRow[];
}

/** A Simulation whose step phases are timed: bench only, a separate class so the plain one stays untouched. */
class TimedSimulation extends Simulation {
  static readonly ms = { sense: 0, think: 0, move: 0, world: 0, report: 0 };
  protected override sense(): void {
    const t = performance.now();
    super.sense();
    TimedSimulation.ms.sense += performance.now() - t;
  }
  protected override think(): void {
    const t = performance.now();
    super.think();
    TimedSimulation.ms.think += performance.now() - t;
  }
  protected override move(): void {
    const t = performance.now();
    super.move();
    TimedSimulation.ms.move += performance.now() - t;
  }
  protected override stepWorld(): void {
    const t = performance.now();
    super.stepWorld();
    TimedSimulation.ms.world += performance.now() - t;
  }
  protected override report(): void {
    const t = performance.now();
    super.report();
    TimedSimulation.ms.report += performance.now() - t;
  }
}

/** The White/Varshney connectome the project ships, as a circuit; `network` describes it. */
export function benchCircuit(): { circuit: Circuit; network: string } {
  const r = importConnectome(WORM_TABLES.map(publishedTable), { weightScale: WEIGHT_SCALE, muscleScale: MUSCLE_SCALE });
  const syn = r.circuit.network.synapses;
  const chem = syn.filter((s) => s.kind === 'chemical').length;
  return {
    circuit: r.circuit,
    network: `White/Varshney connectome (${r.summary.neurons} graded neurons, ${chem} chemical synapses, ${syn.length - chem} gap junctions, ${r.circuit.sensors.length} sensor and ${r.circuit.muscles.length} muscle bindings; weights × ${WEIGHT_SCALE})`,
  };
}

/** What a scenario's recorder asks for: the command neurons' peaks and the body's path, every 20 ms. */
const SCENARIO_MONITOR: MonitorSpec = {
  neurons: ['AVAL', 'AVAR', 'AVBL', 'AVBR'],
  variables: ['output'],
  neuronReduce: 'max',
  body: ['centroidX', 'centroidY', 'headX', 'headY', 'forwardMm', 'backwardMm', 'foodDistanceMm', 'muscleMax'],
  everyMs: 20,
};

function makeWorms(
  n: number,
  circuit: Circuit | string,
  Ctor: typeof Simulation,
  neuralNoisePa?: number,
  monitored = false,
  wasm = true,
): { sims: Simulation[]; buildMs: number } {
  const sims: Simulation[] = [];
  const t0 = performance.now();
  if (!wasm) setWasmKernels('off');
  try {
    for (let k = 0; k < n; k++) {
      const opts: SimOptions = { circuit, arena: 'plate', seed: k + 1, neuralNoisePa };
      const sim = new Ctor(opts);
      if (monitored) sim.monitor(SCENARIO_MONITOR);
      sims.push(sim);
    }
  } finally {
    setWasmKernels('auto');
  }
  return { sims, buildMs: (performance.now() - t0) / n };
}

function stepAll(sims: readonly Simulation[], steps: number): void {
  for (let s = 0; s < steps; s++) for (const sim of sims) sim.step();
}

/**
 * A fresh worm's first ~250 steps cost 2–5× a steady one (its own kernels are
 * compiled and optimised then): every worm is warmed this many steps before
 * anything is timed, so the figures are steady speed, not start-up.
 */
const WARM_STEPS = 400;

export interface SimBenchOptions {
  counts?: readonly number[];
  /** Simulated seconds for one worm; more worms run proportionally less (at least 0.5 s). Default 10. */
  simulatedS?: number;
  /** Timed rounds per case (alternated between the one-worm cases). Default 5. */
  rounds?: number;
  log?: (line: string) => void;
}

interface Case {
  label: string;
  circuit: Circuit | string;
  n: number;
  noise?: number;
  monitored?: boolean;
  wasm?: boolean;
}

export function benchSim(o: SimBenchOptions = {}): SimBenchResult {
  const log = o.log ?? console.log;
  const counts = o.counts ?? [1, 10, 50];
  const base = o.simulatedS ?? 10;
  const rounds = o.rounds ?? 5;
  const { circuit, network } = benchCircuit();
  const worm = getBuiltinCircuit('worm');
  // Issue 14's cost: the default worm (conductance synapses, senses and receptors) against the current-based one it replaced.
  log(`  network: ${network}; the game's \`worm\`: ${worm.network.neurons.length} neurons, ${worm.network.synapses.length} synapses`);
  log(`  each worm warmed ${WARM_STEPS} steps, then ${rounds} timed rounds (one-worm cases alternated round by round); best round first, median after`);
  // Warm-up: let the JIT compile the shared code paths (each network also compiles its own kernels on first steps).
  stepAll(makeWorms(2, circuit, Simulation).sims, 200);
  stepAll(makeWorms(2, circuit, TimedSimulation).sims, 100);
  const rows: SimBenchRow[] = [];
  const row = (c: Case, built: { sims: Simulation[]; buildMs: number }, times: Timing[], steps: number): SimBenchRow => {
    const simMs = steps * built.sims[0].physicsStepMs;
    const net = typeof c.circuit === 'string' ? getBuiltinCircuit(c.circuit).network : c.circuit.network;
    const best = Math.min(...times.map((t) => t.wallS));
    return {
      circuit: c.label,
      worms: c.n,
      neuralNoisePa: built.sims[0].neuralNoisePa,
      monitored: c.monitored ?? false,
      wasm: c.wasm ?? true,
      neurons: net.neurons.length,
      synapses: net.synapses.length,
      simulatedS: (simMs * times.length) / 1000,
      realtimeFactor: spread(times.map((t) => simMs / 1000 / t.wallS)),
      cpuRealtimeFactor: spread(times.map((t) => simMs / 1000 / t.cpuS)),
      usPerWormStep: (best * 1e6) / (steps * c.n),
      buildMs: built.buildMs,
    };
  };

  // One worm: the connectome with the default noise, without noise, with a scenario's monitor, on the JS kernels alone, and the game's `worm` (also on JS alone), alternated.
  if (counts.includes(1)) {
    const ones: Case[] = [
      { label: 'connectome', circuit, n: 1 },
      { label: 'connectome', circuit, n: 1, noise: 0 },
      { label: 'connectome', circuit, n: 1, monitored: true },
      { label: 'connectome', circuit, n: 1, wasm: false },
      { label: 'worm', circuit: 'worm', n: 1 },
      { label: 'worm', circuit: 'worm', n: 1, wasm: false },
      { label: 'worm (current)', circuit: 'worm-current', n: 1 },
      { label: 'worm (current)', circuit: 'worm-current', n: 1, wasm: false },
    ];
    const steps = Math.round((base * 1000) / 10 / rounds);
    const built = ones.map((c) => makeWorms(1, c.circuit, Simulation, c.noise, c.monitored, c.wasm));
    for (const b of built) stepAll(b.sims, WARM_STEPS);
    const times = alternate(Object.fromEntries(built.map((b, k) => [String(k), () => stepAll(b.sims, steps)])), rounds);
    ones.forEach((c, k) => {
      const r = row(c, built[k], times[String(k)], steps);
      if (k === 0) r.share = shares(c, steps);
      rows.push(r);
      log(formatRow(r));
    });
  }
  for (const n of counts.filter((x) => x > 1)) {
    const c: Case = { label: 'connectome', circuit, n };
    const steps = Math.round((Math.max(0.5, base / n) * 1000) / 10 / Math.min(rounds, 3));
    const built = makeWorms(n, circuit, Simulation);
    stepAll(built.sims, WARM_STEPS);
    const times = alternate({ only: () => stepAll(built.sims, steps) }, Math.min(rounds, 3)).only;
    const r = row(c, built, times, steps);
    r.share = shares(c, steps);
    rows.push(r);
    log(formatRow(r));
  }
  return { network, rows };
}

/** Where a step's time goes: a separate run of the timed subclass (its clock calls never touch the real-time figures). */
function shares(c: Case, steps: number): NonNullable<SimBenchRow['share']> {
  const timed = makeWorms(c.n, c.circuit, TimedSimulation, c.noise, c.monitored);
  stepAll(timed.sims, WARM_STEPS);
  const ms = TimedSimulation.ms;
  ms.sense = ms.think = ms.move = ms.world = ms.report = 0;
  stepAll(timed.sims, Math.max(1, Math.round(steps / 2)));
  const total = ms.sense + ms.think + ms.move + ms.world + ms.report;
  return { physics: ms.move / total, neurons: ms.think / total, world: ms.world / total, glue: (ms.sense + ms.report) / total };
}

const pct = (x: number): string => `${(100 * x).toFixed(0).padStart(3)}%`;

function formatRow(r: SimBenchRow): string {
  const what = r.circuit === 'connectome' ? '' : ` \`${r.circuit}\` (${r.neurons} neurons)`;
  return (
    `  ${String(r.worms).padStart(3)} worm${r.worms === 1 ? ' ' : 's'}${what}: ${r.realtimeFactor.max.toFixed(1).padStart(6)}× real time (median ${r.realtimeFactor.median.toFixed(1)}×; ` +
    `${r.cpuRealtimeFactor.max.toFixed(1)}× per CPU second${r.neuralNoisePa === 0 ? ', NO neural noise' : ''}${r.monitored ? ', WITH a scenario monitor' : ''}${r.wasm ? '' : ', JS kernels only (no WebAssembly)'}) ` +
    `(${r.usPerWormStep.toFixed(0)} µs per worm-step of 10 ms, ${r.simulatedS.toFixed(1)} s simulated each)` +
    (r.share ? `; physics ${pct(r.share.physics)}, neurons ${pct(r.share.neurons)}, world ${pct(r.share.world)}, streams+glue ${pct(r.share.glue)}` : '') +
    `; build ${r.buildMs.toFixed(1)} ms/worm`
  );
}

function goals(rows: readonly SimBenchRow[]): BenchGoal[] {
  const at = (n: number, circuit = 'connectome') => rows.find((r) => r.circuit === circuit && r.worms === n && r.neuralNoisePa > 0 && !r.monitored && r.wasm);
  const one = at(1);
  const ten = at(10);
  const worm = at(1, 'worm');
  const current = at(1, 'worm (current)');
  const f = (r: SimBenchRow) =>
    `${r.realtimeFactor.max.toFixed(1)}× wall clock, best round (median ${r.realtimeFactor.median.toFixed(1)}×; ${r.cpuRealtimeFactor.max.toFixed(1)}× per CPU second)`;
  return [
    {
      name: 'sim: one connectome worm (body + 302 neurons) ≥ 100× real time',
      met: one ? one.realtimeFactor.max >= 100 : null,
      detail: one ? f(one) : 'not run',
    },
    { name: 'sim: one `worm` (the game circuit) ≥ 200× real time', met: worm ? worm.realtimeFactor.max >= 200 : null, detail: worm ? f(worm) : 'not run' },
    { name: 'sim: 10 connectome worms together ≥ 1× real time', met: ten ? ten.realtimeFactor.max >= 1 : null, detail: ten ? f(ten) : 'not run' },
    {
      name: "sim: the `worm` on conductances within 20 % of the current-based `worm-current`'s speed (issue 14), best rounds",
      met: worm && current ? worm.realtimeFactor.max >= 0.8 * current.realtimeFactor.max : null,
      detail: worm && current ? `×${(worm.realtimeFactor.max / current.realtimeFactor.max).toFixed(2)} (${f(current)} for worm-current)` : 'not run',
    },
  ];
}

export const suite: BenchSuite = {
  name: 'sim',
  description:
    'whole Simulation (body + 302-neuron network + controllers + streams): simulated s per wall s for 1, 10, 50 worms and one game `worm`, steady state, with the time split',
  run({ quick, log }) {
    const result = benchSim({ simulatedS: quick ? 2 : 10, log });
    return { data: result, goals: goals(result.rows) };
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(machineLine());
  const quick = process.argv.includes('--quick');
  const at = process.argv.indexOf('--counts');
  const counts = at > 0 ? (process.argv[at + 1] ?? '').split(',').map(Number) : undefined;
  if (counts && !counts.every((c) => Number.isInteger(c) && c >= 1)) {
    throw new Error(`bench/sim: --counts must be a comma-separated list of worm counts ≥ 1 (e.g. --counts 1,10), got ${JSON.stringify(process.argv[at + 1])}`);
  }
  const r = benchSim({ simulatedS: quick ? 2 : 10, ...(counts ? { counts } : {}) });
  for (const g of goals(r.rows)) console.log(`  ${g.met ? 'met    ' : 'NOT met'} ${g.name}: ${g.detail}`);
}
