/**
 * Runs for the associative-learning proofs: a worm conditioned with butanone
 * (on a lawn = paired with food; on a bare plate while starving = paired with
 * starvation), then tested on a fresh plate with a butanone spot 4 mm to one
 * side. Behaviour is read from the body: where the nose ends up.
 */
import { circuitFromDoc, serializeCircuit } from '../../src/circuits/circuit';
import { getBuiltinCircuit } from '../../src/circuits/builtin';
import { withLearnedWeights } from '../../src/circuits/learned';
import type { Circuit } from '../../src/circuits';
import { chemotaxisIndex as populationIndex } from '../../src/experiment/stats';
import { createSimulation } from '../../src/sim/simulation';
import { parseArena } from '../../src/world/parse';
import { SEEDS } from './measure';

const PLATE = { shape: 'rect', size: [14, 10] };
const spot = (x: number) => ({ at: [x, 5], radius: 0.3, emission: 0.2, odour: 'butanone' });
/** The test plates: butanone `mm` to the right or the left of the start, the worm heading across it (up or down). */
const testPlates = (mm: number) =>
  [-90, 90].flatMap((headingDeg) => [
    { arena: parseArena({ name: 'butanone right', plate: PLATE, chemicals: { sources: [spot(7 + mm)] }, start: { at: [7, 5], headingDeg } }), side: 1 },
    { arena: parseArena({ name: 'butanone left', plate: PLATE, chemicals: { sources: [spot(7 - mm)] }, start: { at: [7, 5], headingDeg } }), side: -1 },
  ]);
const TEST = testPlates(4);
/** Plates with butanone 2 mm away, where an untaught worm goes to it, so a repelled one shows (the aversive challenge's test plate). */
export const NEAR = testPlates(2);
type TestPlate = (typeof TEST)[number];
/** Conditioning plates: butanone at the start, on a wide lawn (food) or on bare agar (starvation). */
const WITH_FOOD = parseArena({
  name: 'butanone + food',
  plate: PLATE,
  food: [{ at: [7, 5], radius: 3.5, emission: 0 }],
  chemicals: { sources: [spot(7)] },
  start: { at: [7, 5], headingDeg: -90 },
});
const WITHOUT_FOOD = parseArena({ name: 'butanone, no food', plate: PLATE, chemicals: { sources: [spot(7)] }, start: { at: [7, 5], headingDeg: -90 } });
const BARE = parseArena({ name: 'bare plate', plate: PLATE, start: { at: [7, 5], headingDeg: -90 } });

export const TEST_MS = 40_000;
export const PAIRING_MS = 60_000;
/** A worm starved for 2 h (hunger 0.998): RIC releases octopamine off food. */
export const STARVED_HOURS = 2;

export interface Condition {
  /** Neurons ablated in conditioning and test. */
  ablate?: readonly string[];
  /** Learning frozen while conditioning. */
  frozen?: boolean;
  /** Chemical synapses (from, to) cut in conditioning and test. */
  cut?: readonly (readonly [string, string])[];
}

/** The default worm with the learning layer (src/circuits/builtin/learning.ts). */
export const naiveWorm = (): Circuit => getBuiltinCircuit('learning-worm');

/** Runs `circuit` on `arena` for ms and returns it with the weights it learned written in. */
export function condition(circuit: Circuit, seed: number, how: 'food' | 'starvation' | 'rest', ms: number, c: Condition = {}): Circuit {
  const arena = how === 'food' ? WITH_FOOD : how === 'starvation' ? WITHOUT_FOOD : BARE;
  const sim = createSimulation({ circuit, arena, seed, hoursOffFood: how === 'starvation' ? STARVED_HOURS : 0 });
  for (const id of c.ablate ?? []) sim.ablate(id);
  for (const [from, to] of c.cut ?? []) sim.cutSynapse(from, to);
  if (c.frozen) sim.setLearning(false);
  while (sim.timeMs < ms) sim.step();
  return circuitFromDoc(withLearnedWeights(JSON.parse(serializeCircuit(circuit)), sim.plasticWeights()), 'learned.json');
}

/** The learned AIA → AIY weight of a circuit (the plastic site). */
export function siteWeight(circuit: Circuit): number {
  const doc = JSON.parse(serializeCircuit(circuit)) as { synapses: { from: string; to: string; weight: number }[] };
  return doc.synapses.find((s) => s.from === 'AIA' && s.to === 'AIY')!.weight;
}

/** The aversive site's weight (AIA → the turn relay, RIM). */
export function aversiveWeight(circuit: Circuit): number {
  return aversiveSite(circuit).weight;
}

/** The aversive site's upper bound, in the circuit's own weight unit (pA, or nS on conductances: the conversion scales it as the weight). */
export function aversiveMax(circuit: Circuit): number {
  const wMax = aversiveSite(circuit).plastic?.params?.wMax;
  if (typeof wMax !== 'number') throw new Error('aversiveMax: the AIA → RIM site has no wMax; the learning layer sets one (learning.ts)');
  return wMax;
}

function aversiveSite(circuit: Circuit): { weight: number; plastic?: { params?: Record<string, number> } } {
  const doc = JSON.parse(serializeCircuit(circuit)) as {
    synapses: { from: string; to: string; weight: number; plastic?: { params?: Record<string, number> } }[];
  };
  return doc.synapses.find((s) => s.from === 'AIA' && s.to === 'RIM')!;
}

/** +1 if the nose ended over 1 mm toward the odour, −1 over 1 mm away, else 0. */
function choice(circuit: Circuit, seed: number, t: TestPlate, c: Condition): number {
  const sim = createSimulation({ circuit, arena: t.arena, seed });
  for (const id of c.ablate ?? []) sim.ablate(id);
  for (const [from, to] of c.cut ?? []) sim.cutSynapse(from, to);
  while (sim.timeMs < TEST_MS) sim.step();
  const d = (sim.headPosition()[0] - 7) * t.side;
  return d > 1 ? 1 : d < -1 ? -1 : 0;
}

/** Chemotaxis index (A − C)/(A + C) over 5 worms × the odour on either side × heading up or down (20 runs); `circuitOf(seed)` is each worm's (conditioned) circuit. */
export function chemotaxisIndex(circuitOf: (seed: number) => Circuit, c: Condition = {}, plates: readonly TestPlate[] = TEST): number {
  const choices = SEEDS.flatMap((seed) => {
    const circuit = circuitOf(seed);
    return plates.map((t) => choice(circuit, seed, t, c));
  });
  const index = populationIndex(choices);
  return Number.isNaN(index) ? 0 : index;
}
