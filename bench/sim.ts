/**
 * Simulation benchmark: simulated seconds per wall second for 1, 10 and 50
 * worms, each a whole Simulation (20-segment body on agar + a 302-neuron
 * graded network + controllers + streams), stepped round-robin on one core,
 * and where the time goes. Goals (issue 3): one worm ≥ 20× real time; 10
 * worms together ≥ 1×.
 *
 * The network is the White/Varshney connectome the project ships in data/,
 * imported with importConnectome.
 *
 * The split (physics / neurons / world / streams+glue) comes from a second,
 * separate run of a subclass that wraps the Simulation's step phases with
 * performance.now(); the real-time factors come from the plain class, so the
 * clock calls never touch the figures that count.
 *
 *   npx tsx bench/sim.ts [--quick]     # alone
 *   npm run bench -- --only sim        # through bench/run.ts
 */
import { pathToFileURL } from 'node:url';
import type { Circuit } from '../src/circuits';
import { importConnectome } from '../src/circuits/connectome';
import { publishedTable, WORM_TABLES } from '../src/circuits/connectome/published-tables';
import type { MonitorSpec } from '../src/sim/monitors';
import { Simulation, type SimOptions } from '../src/sim/simulation';
import type { BenchGoal, BenchSuite } from './suite';

/** Imported weights are contact counts; these scales keep the explicit gap-junction coupling stable at a 1 ms step. */
const WEIGHT_SCALE = 0.01;
const MUSCLE_SCALE = 0.05;

export interface SimBenchRow {
  worms: number;
  neuralNoisePa: number;
  /** Each worm records as a scenario does (a monitor of 4 neurons' peak output and 8 body quantities every 20 ms). */
  monitored: boolean;
  neurons: number;
  synapses: number;
  /** Simulated seconds each worm ran while timed. */
  simulatedS: number;
  wallS: number;
  /** Simulated seconds per wall second (every worm advanced by that much). */
  realtimeFactor: number;
  /**
   * Simulated seconds per second of this process's CPU time (user + system):
   * steadier than the wall-clock factor on a shared machine, since time spent
   * waiting for a core does not count (GC helper threads do, so it can read low).
   */
  cpuRealtimeFactor: number;
  usPerWormStep: number;
  /** Building one Simulation (network compile, body, world), ms. */
  buildMs: number;
  /** Shares of the profiled run's step time. */
  share: { physics: number; neurons: number; world: number; glue: number };
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

function makeWorms(n: number, circuit: Circuit, Ctor: typeof Simulation, neuralNoisePa?: number, monitored = false): { sims: Simulation[]; buildMs: number } {
  const sims: Simulation[] = [];
  const t0 = performance.now();
  for (let k = 0; k < n; k++) {
    const opts: SimOptions = { circuit, arena: 'plate', seed: k + 1, neuralNoisePa };
    const sim = new Ctor(opts);
    if (monitored) sim.monitor(SCENARIO_MONITOR);
    sims.push(sim);
  }
  return { sims, buildMs: (performance.now() - t0) / n };
}

function stepAll(sims: readonly Simulation[], steps: number): void {
  for (let s = 0; s < steps; s++) for (const sim of sims) sim.step();
}

export interface SimBenchOptions {
  counts?: readonly number[];
  /** Simulated seconds for one worm; more worms run proportionally less (at least 0.5 s). Default 10. */
  simulatedS?: number;
  log?: (line: string) => void;
}

export function benchSim(o: SimBenchOptions = {}): SimBenchResult {
  const log = o.log ?? console.log;
  const counts = o.counts ?? [1, 10, 50];
  const base = o.simulatedS ?? 10;
  const { circuit, network } = benchCircuit();
  log(`  network: ${network}`);
  // Warm-up: let the JIT compile the shared code paths (each network also compiles its own kernels on first steps).
  stepAll(makeWorms(2, circuit, Simulation).sims, 200);
  stepAll(makeWorms(2, circuit, TimedSimulation).sims, 100);
  const rows: SimBenchRow[] = [];
  // Every count with the default noise; one worm also without noise and with a scenario's monitor, right after (what each costs, under the same load).
  const cases: { n: number; noise?: number; monitored?: boolean }[] = counts.flatMap((n) =>
    n === 1 ? [{ n }, { n, noise: 0 }, { n, monitored: true }] : [{ n }],
  );
  for (const { n, noise, monitored = false } of cases) {
    const simulatedS = Math.max(0.5, base / n);
    const steps = Math.round((simulatedS * 1000) / 10);
    // A fresh worm's first ~150–250 steps cost 2–5× a steady one (its own kernels are compiled and optimised then):
    // warm each worm 300 steps so the figures are steady speed, not start-up.
    const warm = 300;
    const plain = makeWorms(n, circuit, Simulation, noise, monitored);
    stepAll(plain.sims, warm);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    stepAll(plain.sims, steps);
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const simMs = steps * plain.sims[0].physicsStepMs;

    const timed = makeWorms(n, circuit, TimedSimulation, noise, monitored);
    stepAll(timed.sims, warm);
    const ms = TimedSimulation.ms;
    ms.sense = ms.think = ms.move = ms.world = ms.report = 0;
    stepAll(timed.sims, Math.max(1, Math.round(steps / 2)));
    const total = ms.sense + ms.think + ms.move + ms.world + ms.report;
    const row: SimBenchRow = {
      worms: n,
      neuralNoisePa: plain.sims[0].neuralNoisePa,
      monitored,
      neurons: circuit.network.neurons.length,
      synapses: circuit.network.synapses.length,
      simulatedS: simMs / 1000,
      wallS: wallMs / 1000,
      realtimeFactor: simMs / wallMs,
      cpuRealtimeFactor: simMs / cpuMs,
      usPerWormStep: (wallMs * 1000) / (steps * n),
      buildMs: plain.buildMs,
      share: { physics: ms.move / total, neurons: ms.think / total, world: ms.world / total, glue: (ms.sense + ms.report) / total },
    };
    rows.push(row);
    log(formatRow(row));
  }
  return { network, rows };
}

const pct = (x: number): string => `${(100 * x).toFixed(0).padStart(3)}%`;

function formatRow(r: SimBenchRow): string {
  return (
    `  ${String(r.worms).padStart(3)} worm${r.worms === 1 ? ' ' : 's'}: ${r.realtimeFactor.toFixed(1).padStart(6)}× real time ` +
    `(${r.cpuRealtimeFactor.toFixed(1)}× per CPU second${r.neuralNoisePa === 0 ? ', NO neural noise' : ''}${r.monitored ? ', WITH a scenario monitor' : ''}) ` +
    `(${r.usPerWormStep.toFixed(0)} µs per worm-step of 10 ms, ${r.simulatedS.toFixed(1)} s simulated each); ` +
    `physics ${pct(r.share.physics)}, neurons ${pct(r.share.neurons)}, world ${pct(r.share.world)}, streams+glue ${pct(r.share.glue)}; build ${r.buildMs.toFixed(1)} ms/worm`
  );
}

function goals(rows: readonly SimBenchRow[]): BenchGoal[] {
  const at = (n: number) => rows.find((r) => r.worms === n && r.neuralNoisePa > 0 && !r.monitored);
  const one = at(1);
  const ten = at(10);
  return [
    {
      name: 'sim: one worm (body + 302 neurons) ≥ 20× real time',
      met: one ? one.realtimeFactor >= 20 : null,
      detail: one ? `${one.realtimeFactor.toFixed(1)}× wall clock (${one.cpuRealtimeFactor.toFixed(1)}× per CPU second)` : 'not run',
    },
    {
      name: 'sim: 10 worms together ≥ 1× real time',
      met: ten ? ten.realtimeFactor >= 1 : null,
      detail: ten ? `${ten.realtimeFactor.toFixed(2)}× wall clock (${ten.cpuRealtimeFactor.toFixed(2)}× per CPU second)` : 'not run',
    },
  ];
}

export const suite: BenchSuite = {
  name: 'sim',
  description: 'whole Simulation (body + 302-neuron network + controllers + streams): simulated s per wall s for 1, 10, 50 worms, with the time split',
  run({ quick, log }) {
    const result = benchSim({ simulatedS: quick ? 2 : 10, log });
    return { data: result, goals: goals(result.rows) };
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const r = benchSim({ simulatedS: quick ? 2 : 10 });
  for (const g of goals(r.rows)) console.log(`  ${g.met ? 'met    ' : 'NOT met'} ${g.name}: ${g.detail}`);
}
