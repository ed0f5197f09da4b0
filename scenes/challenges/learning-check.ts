import type { Circuit } from '../../src/circuits/types';
import { chemotaxisIndex } from '../../src/experiment/stats';
import { createSimulation } from '../../src/sim/simulation';
import { getArena } from '../../src/world/builtins';
import type { OdourName } from '../../src/world/odours';
import type { Arena } from '../../src/world/schema';
import { lessonSign, type TaughtRule } from './catalog';

/** What a taught worm does on the test plates, beside an untaught twin (same circuit but for the learned weights, same seeds). */
export interface LearningVerdict {
  /** Test runs per worm (plates × seeds). */
  runs: number;
  /** Chemotaxis index (A − C)/(A + C) of the taught worm and of its untaught twin. */
  taught: number;
  naive: number;
  /** Seeking: taught ≥ minIndex and taught − naive ≥ margin; avoiding (sign −1): taught ≤ −minIndex and naive − taught ≥ margin. */
  pass: boolean;
}

export interface LearningCheckOptions {
  /** The built-in test arena: one spot of `odour` to one side of the start. */
  arena: string;
  odour: OdourName;
  seeds: readonly number[];
  testMs: number;
  minIndex: number;
  margin: number;
  /** +1: the lesson is to seek the odour; −1: to avoid it (catalog.ts lessonSign). */
  sign: 1 | -1;
}

/** The seeds the game's test runs the taught worm and its untaught twin with (each on the test plate and its mirror). */
export const TEST_SEEDS: readonly number[] = [1, 2];

/** The game's check of a taught rule: its test plate, odour, time and thresholds, on TEST_SEEDS. */
export function lessonCheck(w: TaughtRule): LearningCheckOptions {
  return { arena: w.testArena, odour: w.odour, seeds: TEST_SEEDS, testMs: w.testMs, minIndex: w.minIndex, margin: w.margin, sign: lessonSign(w) };
}

/** A run counts toward the odour (A) or away from it (C) when the nose ends more than this far (mm) to that side of the start. */
export const CHOICE_MM = 1;

/**
 * The test plate and its mirror image about the start (the odour on the
 * other side), so a worm whose path drifts to one side by itself scores
 * nothing: only steering toward the odour on both plates raises the index.
 */
export function testPlates(arena: Arena, odour: OdourName): Arena[] {
  odourSide(arena, odour);
  const sx = arena.start.at[0];
  const mirror = structuredClone(arena) as Arena;
  mirror.name = `${arena.name} (mirrored)`;
  for (const s of mirror.chemicals.sources) s.at = [2 * sx - s.at[0], s.at[1]];
  for (const g of mirror.goals) if ('at' in g.zone) g.zone.at = [2 * sx - g.zone.at[0], g.zone.at[1]];
  return [arena, mirror];
}

/** +1 if the plate's `odour` lies to the right (+x) of the start, −1 to the left. */
function odourSide(arena: Arena, odour: OdourName): 1 | -1 {
  const s = arena.chemicals.sources.find((x) => x.odour === odour);
  if (!s || s.at[0] === arena.start.at[0]) throw new Error(`test arena ${arena.name}: it needs one ${odour} spot to one side of the start`);
  return s.at[0] > arena.start.at[0] ? 1 : -1;
}

/** +1 toward the odour, −1 away, 0 undecided, after ms on the plate. */
function choice(circuit: Circuit, arena: Arena, odour: OdourName, seed: number, ms: number): number {
  const sim = createSimulation({ circuit, arena, seed });
  sim.run(ms);
  const d = (sim.headPosition()[0] - arena.start.at[0]) * odourSide(arena, odour);
  return d > CHOICE_MM ? 1 : d < -CHOICE_MM ? -1 : 0;
}

/** The chemotaxis index of one circuit over the plates × seeds (0 when no run decided). */
export function wormIndex(circuit: Circuit, o: Omit<LearningCheckOptions, 'minIndex' | 'margin' | 'sign'>): number {
  const choices = testPlates(getArena(o.arena), o.odour).flatMap((plate) => o.seeds.map((seed) => choice(circuit, plate, o.odour, seed, o.testMs)));
  const index = chemotaxisIndex(choices);
  return Number.isNaN(index) ? 0 : index;
}

/**
 * The test phase's verdict: the taught worm and its untaught twin, each on
 * the test plate and its mirror for every seed. Judging against the twin
 * keeps a worm that heads for the odour by luck (or by what it knew before
 * it was taught) from winning. (2 × plates × seeds) runs of testMs each.
 */
export function checkLearning(taught: Circuit, naive: Circuit, o: LearningCheckOptions): LearningVerdict {
  const n = wormIndex(naive, o);
  // Deterministic runs: a worm taught nothing is its twin, run for run.
  const t = JSON.stringify(taught.doc) === JSON.stringify(naive.doc) ? n : wormIndex(taught, o);
  const k = o.sign;
  return { runs: 2 * o.seeds.length, taught: t, naive: n, pass: k * t >= o.minIndex && k * (t - n) >= o.margin };
}
