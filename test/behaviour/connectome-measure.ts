/**
 * Measurements for the connectome worm's proofs (connectome-*.test.ts) and the
 * "Whole worm" table in docs/biology.md (`npx tsx test/behaviour/connectome-table.ts`):
 * behaviour read from the pose only; neurons read only to report the AVA/AVB
 * response, never to decide a behaviour.
 */
import { execFileSync } from 'node:child_process';
import type { Circuit } from '../../src/circuits';
import { importConnectome, type ImportOptions } from '../../src/circuits/connectome/import';
import { publishedTable, WORM_TABLES } from '../../src/circuits/connectome/published-tables';
import { type WormModelFile, wormModelFromFile } from '../../src/circuits/connectome/worm-model';
import { createSimulation, type Simulation } from '../../src/sim/simulation';
import type { BehaviourEvent } from '../../src/streams/types';
import { OPEN_FIELD } from './measure';

/** The worm tables (White/Varshney + muscles + sensors) imported with these options (default: the importer's defaults). */
export function importWorm(options: ImportOptions = {}): Circuit {
  return importConnectome(WORM_TABLES.map(publishedTable), options).circuit;
}

/** The worm tables imported with the class model of an earlier commit (its worm-model.json), e.g. 8100102: session 8's default. */
export function importWormAt(commit: string): Circuit {
  if (!/^[0-9a-f]{7,40}$/.test(commit)) throw new Error(`model commit: "${commit}" is not a commit id (7–40 hex digits); e.g. 8100102`);
  const json = execFileSync('git', ['show', `${commit}:src/circuits/connectome/worm-model.json`], { encoding: 'utf8' });
  return importWorm({ classModel: wormModelFromFile(JSON.parse(json) as WormModelFile) });
}

export function connectomeWorm(circuit: Circuit, seed: number, ablate: readonly string[] = []): { sim: Simulation; events: BehaviourEvent[] } {
  const sim = createSimulation({ circuit, seed, arena: OPEN_FIELD });
  for (const id of ablate) sim.ablate(id);
  const events: BehaviourEvent[] = [];
  sim.events$.subscribe((e) => events.push(e));
  return { sim, events };
}

/** Mean output of the neurons of a class (AVA = AVAL, AVAR). */
export function classOutput(sim: Simulation, cls: string): number {
  const ids = sim.network.ids;
  const out = sim.network.output;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] === cls || (ids[i].startsWith(cls) && ids[i].length === cls.length + 1 && /[LR]$/.test(ids[i]))) {
      sum += out[i];
      n++;
    }
  }
  return n ? sum / n : Number.NaN;
}

/** Pearson correlation of AVA and AVB output over 60 s (after 3 s), sampled every 100 ms; with a gentle nose touch every 10 s unless `atRest`. */
export function avaAvbCorrelation(circuit: Circuit, seed: number, atRest = false): number {
  const { sim } = connectomeWorm(circuit, seed);
  sim.run(3000);
  const a: number[] = [];
  const b: number[] = [];
  for (let t = 0; t < 60_000; t += 100) {
    if (!atRest && t % 10_000 === 5000) sim.poke(0.05, { kind: 'gentle' });
    sim.run(100);
    a.push(classOutput(sim, 'AVA'));
    b.push(classOutput(sim, 'AVB'));
  }
  const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

export interface Crawl {
  /** Centroid path speed, body lengths/s. */
  speed: number;
  /** Mean velocity along the body, body lengths/s (negative = backward). */
  along: number;
  hz: number;
  /** The body's frequency: the peak of the curvature's summed power along body 0.2–0.8 (`reading: spectrum`). */
  hzSpectrum: number;
  lambda: number;
  /** Wavelength from the spectrum's phase along body 0.2–0.8 (`reading: spectrum`), body lengths. */
  lambdaSpectrum: number;
  direction: -1 | 0 | 1;
  /** Largest muscle activation seen. */
  muscleMax: number;
  /** Bend amplitude over the window, κL (the `minBend` reading). */
  bend: number;
}

/** Settle settleMs, then measure over windowMs. */
export function crawlOf(sim: Simulation, settleMs = 4000, windowMs = 12_000): Crawl {
  sim.run(settleMs);
  let path = 0;
  let along = 0;
  let muscleMax = 0;
  let prev = sim.behaviour().centroid;
  const steps = Math.round(1000 / sim.physicsStepMs);
  for (let t = 0; t < windowMs; t += 1000) {
    for (let s = 0; s < steps; s++) {
      sim.step();
      along += sim.behaviour().alongMmPerS;
      for (const a of sim.telemetry().muscles) if (a > muscleMax) muscleMax = a;
    }
    const c = sim.behaviour().centroid;
    path += Math.hypot(c[0] - prev[0], c[1] - prev[1]);
    prev = c;
  }
  const n = (windowMs / 1000) * steps;
  return {
    speed: path / sim.bodyLengthMm / (windowMs / 1000),
    along: along / n / sim.bodyLengthMm,
    hz: sim.bendingFrequencyHz(windowMs),
    hzSpectrum: sim.bendingFrequencyHz(windowMs, 'spectrum'),
    lambda: sim.wavelengthBodyLengths(windowMs),
    lambdaSpectrum: sim.wavelengthBodyLengths(windowMs, 'spectrum'),
    direction: sim.waveDirection(windowMs),
    muscleMax,
    bend: sim.bendAmplitude(windowMs),
  };
}

export interface TouchResponse {
  /** ms from the touch to the first reversal-start event, or null. */
  latencyMs: number | null;
  /** ms the reversal lasted, or null when it did not end within the run. */
  durationMs: number | null;
  /** Peak AVA and AVB output in the 2 s after the touch, and their values just before. */
  avaBefore: number;
  avaPeak: number;
  avbBefore: number;
  avbMin: number;
  /** Centroid speed (BL/s) in the 4 s before and after the touch. */
  speedBefore: number;
  speedAfter: number;
  reversed: boolean;
}

/** A gentle touch at `at` (body fraction) after settleMs; watched for 10 s. */
export function touchResponse(circuit: Circuit, seed: number, at: number, ablate: readonly string[] = [], settleMs = 5000): TouchResponse {
  const { sim, events } = connectomeWorm(circuit, seed, ablate);
  sim.run(settleMs - 4000);
  const c0 = sim.behaviour().centroid;
  sim.run(4000);
  const c1 = sim.behaviour().centroid;
  const speedBefore = Math.hypot(c1[0] - c0[0], c1[1] - c0[1]) / sim.bodyLengthMm / 4;
  const t0 = sim.timeMs;
  const avaBefore = classOutput(sim, 'AVA');
  const avbBefore = classOutput(sim, 'AVB');
  sim.poke(at, { kind: 'gentle' });
  let avaPeak = avaBefore;
  let avbMin = avbBefore;
  const steps = Math.round(2000 / sim.physicsStepMs);
  for (let s = 0; s < steps; s++) {
    sim.step();
    avaPeak = Math.max(avaPeak, classOutput(sim, 'AVA'));
    avbMin = Math.min(avbMin, classOutput(sim, 'AVB'));
  }
  sim.run(2000);
  const c2 = sim.behaviour().centroid;
  const speedAfter = Math.hypot(c2[0] - c1[0], c2[1] - c1[1]) / sim.bodyLengthMm / 4;
  sim.run(6000);
  const start = events.find((e) => e.type === 'reversal-start' && e.timeMs >= t0);
  const end = start && events.find((e) => e.type === 'reversal-end' && e.timeMs > start.timeMs);
  return {
    latencyMs: start ? start.timeMs - t0 : null,
    durationMs: start && end ? end.timeMs - start.timeMs : null,
    avaBefore,
    avaPeak,
    avbBefore,
    avbMin,
    speedBefore,
    speedAfter,
    reversed: start !== undefined,
  };
}
