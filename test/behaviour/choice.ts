/**
 * Runs for the winner-takes-all proofs (choice-wta.test.ts) and their table
 * (choice-table.ts): a worm on the odour-choice arena from one of four starts
 * (by seed), until its nose reaches one of the two spots or time runs out
 * (or, with toEnd, for the whole time). Read from the body (where the nose
 * is), never from the neurons.
 */
import type { Circuit } from '../../src/circuits/types';
import { createSimulation } from '../../src/sim/simulation';
import { getArena, type Arena } from '../../src/world';

export const SPOTS = ['diacetyl', 'isoamyl-alcohol'] as const;
export type Spot = (typeof SPOTS)[number];

/** Body centre and heading of each worm's start, by seed % 4: straight at the gap between the spots, or a little off it. */
export const STARTS: readonly [number, number, number][] = [
  [7, 8, -90],
  [6.5, 8.5, -80],
  [7.5, 8.5, -100],
  [7, 9, -90],
];

/** "Near" a spot: the nose within this distance (mm) of its goal zone's edge. */
export const NEAR_MM = 2;

export interface ChoiceRun {
  /** The spot the nose reached first (inside its goal zone, 0.8 mm), or null. */
  reached: Spot | null;
  /** When it reached it, or the end of the run. */
  ms: number;
  /** The nose's closest approach to each spot's goal zone over the run (mm, 0 inside it). */
  closestMm: Record<Spot, number>;
  /** Nose at the end, and the length of its path (mm). */
  x: number;
  y: number;
  pathMm: number;
}

export interface ChoiceOptions {
  /** Cut the lateral inhibition RIR ⇄ AIA. */
  cut?: boolean;
  /** Only this spot on the plate. */
  only?: Spot;
  /** Both spots smell of food (the default worm's odour) instead of their own odours. */
  foodOdour?: boolean;
  /** The two spots (and their goal zones) swap sides: diacetyl on the right, isoamyl alcohol on the left. */
  swapped?: boolean;
  /** Run on to the limit after the nose reaches a spot (for closestMm over the whole run). */
  toEnd?: boolean;
}

/**
 * Winner takes all as the body shows it: the nose reaches one spot and in the whole run never comes within NEAR_MM
 * of the other's zone. A worm pulled both ways nears both, or reaches neither.
 */
export function commits(run: Pick<ChoiceRun, 'reached' | 'closestMm'>): boolean {
  return run.reached !== null && SPOTS.every((s) => s === run.reached || run.closestMm[s] >= NEAR_MM);
}

export function choiceArena(seed: number, o: ChoiceOptions = {}): Arena {
  const a = structuredClone(getArena('odour-choice')) as Arena;
  const [x, y, headingDeg] = STARTS[seed % STARTS.length];
  a.start = { ...a.start, at: [x, y], headingDeg };
  if (o.only) a.food = a.food.filter((f) => f.id === o.only);
  if (o.foodOdour) a.food = a.food.map(({ odour: _o, ...f }) => f);
  if (o.swapped) {
    // About the plate's middle (x 7 mm on odour-choice's 14 mm plate), where the starts are.
    const width = a.plate.shape === 'rect' ? a.plate.size[0] : a.plate.diameter;
    const mirror = ([x, y]: readonly [number, number]): [number, number] => [width - x, y];
    a.food = a.food.map((f) => ({ ...f, at: mirror(f.at) }));
    a.goals = a.goals.map((g) => (g.zone.type === 'circle' ? { ...g, zone: { ...g.zone, at: mirror(g.zone.at) } } : g));
  }
  return a;
}

export function runChoice(circuit: Circuit, seed: number, limitMs: number, o: ChoiceOptions = {}): ChoiceRun {
  const sim = createSimulation({ circuit, arena: choiceArena(seed, o), seed });
  if (o.cut) {
    sim.cutSynapse('RIR', 'AIA');
    sim.cutSynapse('AIA', 'RIR');
  }
  let reached: Spot | null = null;
  let ms = limitMs;
  const closestMm = Object.fromEntries(SPOTS.map((s) => [s, Number.POSITIVE_INFINITY])) as Record<Spot, number>;
  let [x, y] = sim.headPosition();
  let pathMm = 0;
  while (sim.timeMs < limitMs && (o.toEnd || !reached)) {
    sim.step();
    const [nx, ny] = sim.headPosition();
    pathMm += Math.hypot(nx - x, ny - y);
    [x, y] = [nx, ny];
    for (const s of SPOTS) closestMm[s] = Math.min(closestMm[s], sim.world.distanceToZone(`at-${s}`, x, y));
    if (!reached) {
      reached = SPOTS.find((s) => sim.inZone(`at-${s}`)) ?? null;
      if (reached) ms = sim.timeMs;
    }
  }
  return { reached, ms, closestMm, x, y, pathMm };
}
