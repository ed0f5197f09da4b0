/**
 * Runs for the winner-takes-all proofs (choice-wta.test.ts) and their table
 * (choice-table.ts): a worm on the odour-choice arena from one of four starts
 * (by seed), until its nose reaches one of the two spots or time runs out.
 * Read from the body (where the nose is), never from the neurons.
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

export interface ChoiceRun {
  /** The spot the nose reached (inside its goal zone, 0.8 mm), or null. */
  reached: Spot | null;
  ms: number;
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
  let [x, y] = sim.headPosition();
  let pathMm = 0;
  while (sim.timeMs < limitMs && !reached) {
    sim.step();
    const [nx, ny] = sim.headPosition();
    pathMm += Math.hypot(nx - x, ny - y);
    [x, y] = [nx, ny];
    reached = SPOTS.find((s) => sim.inZone(`at-${s}`)) ?? null;
  }
  return { reached, ms: sim.timeMs, x, y, pathMm };
}
