import type { TouchKind } from '../../src/streams/types';
import type { OdourName } from '../../src/world/odours';

/**
 * The challenge environments: what the player reads on the intro card, the
 * built-in world arena each one runs in (src/world/arenas), and how a run is
 * won and scored (read from the simulation by the runner, runner.ts).
 */

/** How a run is won; checked against the simulation after every frame. */
export type WinRule =
  /** The nose is inside the arena's zone with this id. */
  | { kind: 'zone'; zone: string }
  /**
   * The worm answered this many of the player's gentle touches on the front
   * half of the body with a reversal (one starting within `withinMs` of the
   * touch), and its circuit answers a head touch when checked against an
   * untouched twin (touch-check.ts): the worm's own spontaneous reversals
   * never count.
   */
  | { kind: 'touch-reversals'; count: number; withinMs: number }
  /**
   * Exactly one neuron ablated, and that ablation abolishes the reversal to a
   * head touch: judged by checkAblation (touch-check.ts) — the intact control
   * of the same seed answers a head touch, the ablated worm answers none — and
   * won at the player's first gentle head touch after the verdict (they watch
   * the two worms answer it).
   */
  | { kind: 'ablation' }
  /**
   * Associative learning (src/circuits/builtin/learning.ts), in two phases.
   * Teaching: the nose in `pairZone` (the odour spot) on a lawn, which the
   * worm's own dopamine turns into a stronger plastic site, is a pairing;
   * each `trialMs` of it is a trial. Test: the taught worm (its learned
   * weights, nothing else) on a fresh plate, `testArena`, and judged by
   * checkLearning (learning-check.ts) against an untaught twin of the same
   * seeds on the same plates: won when the taught worm's chemotaxis index is
   * at least `minIndex` and beats the twin's by `margin`, once the player has
   * watched the test run for `testMs`.
   */
  | ({ kind: 'taught' } & Lesson)
  /**
   * Aversive learning, in the same two phases: the worm starts starved
   * (`hoursOffFood`), and a pairing is the nose in `pairZone` with no food
   * under it, which the worm's own octopamine (RIC, hungry and off food)
   * turns into an aversive site. Won when the taught worm's index is at most
   * −`minIndex` and `margin` below its untaught twin's.
   */
  | ({ kind: 'taught-avoid'; hoursOffFood: number } & Lesson);

/** What both learning rules share: the odour, what a pairing is, and the test. */
export interface Lesson {
  odour: OdourName;
  pairZone: string;
  trialMs: number;
  trials: number;
  testArena: string;
  testMs: number;
  minIndex: number;
  margin: number;
}

/** A rule with a teaching phase and a test (Teach the worm, to seek or to avoid). */
export type TaughtRule = Extract<WinRule, { kind: 'taught' | 'taught-avoid' }>;

export function isTaught(w: WinRule): w is TaughtRule {
  return w.kind === 'taught' || w.kind === 'taught-avoid';
}

/** +1: the lesson is to seek the odour; −1: to avoid it. */
export function lessonSign(w: TaughtRule): 1 | -1 {
  return w.kind === 'taught' ? 1 : -1;
}

/** The circuit a challenge starts from: a built-in circuit with some chemical synapses removed (from, to). */
export interface BrokenCircuit {
  base: string;
  cut: readonly (readonly [string, string])[];
  /** What is broken, for the editor's status line. */
  hint: string;
}

export interface Challenge {
  id: string;
  title: string;
  /** One line on the list card. */
  goal: string;
  /** A short paragraph for the intro card: the situation and the biology behind it. */
  intro: string;
  /** How a run is scored, shown on the intro card. */
  scoring: string;
  difficulty: 1 | 2 | 3;
  /** Won by editing the circuit, not by poking. */
  needsEditor: boolean;
  /** Built-in world arena name (getArena). */
  arena: string;
  win: WinRule;
  /** Simulated time allowed, ms; the run is lost when it runs out. */
  timeLimitMs: number;
  /** Points lost per simulated second with the nose in this zone. */
  penaltyZone?: { zone: string; pointsPerS: number };
  /** Points lost per touch or poke the player gives. */
  touchCost?: number;
  /** Points lost per food patch the player drops. */
  foodCost?: number;
  /** Touch kinds that count as against the rules (the run is lost). */
  forbiddenTouch?: readonly TouchKind[];
  /** The circuit the challenge runs: this broken one, as the player repaired it in the editor. */
  circuit?: BrokenCircuit;
  /** Points lost per neuron the player ablates (undo does not give them back). */
  ablationCost?: number;
  /** Runs with an intact control worm beside the player's. */
  control?: boolean;
  /** The built-in circuit the worm runs (instead of the default worm or the player's circuit from the editor). */
  worm?: string;
}

export const CHALLENGES: readonly Challenge[] = [
  {
    id: 'reach-food',
    title: 'Follow your nose',
    goal: 'Reach the bacterial lawn across the plate.',
    intro:
      'A hungry worm smells food through its amphid neurons (AWC, ASE) and turns up the gradient: more turns when the smell fades, fewer when it grows. Help it along with touches, or just watch it find its lunch. Food you drop is a lawn of its own: the worm stays where it finds one.',
    scoring: '1000 points falling to 100 over the time limit; −40 per food you drop. Only the lawn across the plate counts.',
    difficulty: 1,
    needsEditor: false,
    arena: 'food-gradient',
    win: { kind: 'zone', zone: 'at-food' },
    timeLimitMs: 240_000,
    foodCost: 40,
  },
  {
    id: 'toxin-ring',
    title: 'Ring of copper',
    goal: 'Get out of a ring the worm does not want to cross.',
    intro:
      'Worms back away from copper ions: the nose neuron ASH fires and the command interneuron AVA drives a reversal. The worm starts inside a copper ring with food beyond it. Get it out with as little exposure as possible.',
    scoring: '1000 points falling to 100 over the time limit; −60 per second with the nose in the copper.',
    difficulty: 2,
    needsEditor: false,
    arena: 'toxin-ring',
    win: { kind: 'zone', zone: 'escaped' },
    timeLimitMs: 240_000,
    penaltyZone: { zone: 'copper', pointsPerS: 60 },
  },
  {
    id: 'pillar-forest',
    title: 'Pillar forest',
    goal: 'Cross a field of pillars to the far side.',
    intro:
      'In soil a worm pushes off particles. Here it crawls through a forest of posts: contacts touch its skin, and the touch cells (ALM, PLM) try to turn every bump into a reversal or a sprint. Get it to the green zone.',
    scoring: '1000 points falling to 100 over the time limit; −10 per touch you give.',
    difficulty: 2,
    needsEditor: false,
    arena: 'pillars',
    win: { kind: 'zone', zone: 'across' },
    timeLimitMs: 360_000,
    touchCost: 10,
  },
  {
    id: 'scent-maze',
    title: 'Scent maze',
    goal: 'Find the way through a maze by smell alone.',
    intro:
      'An odour diffuses from the far end of a maze. The worm cannot see the walls; it only knows whether the smell is getting stronger. Chemotaxis plus a little wall-following is all it has — and your touches.',
    scoring: '1000 points falling to 100 over the time limit; −10 per touch, −40 per food you drop.',
    difficulty: 3,
    needsEditor: false,
    arena: 'maze',
    win: { kind: 'zone', zone: 'exit' },
    timeLimitMs: 600_000,
    touchCost: 10,
    foodCost: 40,
  },
  {
    id: 'hot-plate',
    title: 'Hot plate',
    goal: 'Reach the food without getting burned.',
    intro:
      'Between the worm and its food lies a hot band. Heat is sensed by AFD and, when it hurts, by the nociceptors FLP and ASH, which trigger escape. A cool corridor runs along the bottom edge. Get to the food while keeping exposure low.',
    scoring: '1000 points falling to 100 over the time limit; −50 per second with the nose in the hot band.',
    difficulty: 2,
    needsEditor: false,
    arena: 'hot-zone',
    win: { kind: 'zone', zone: 'at-food' },
    timeLimitMs: 360_000,
    penaltyZone: { zone: 'hot', pointsPerS: 50 },
  },
  {
    id: 'gentle-guide',
    title: 'Gentle guidance',
    goal: 'Steer the worm along an obstacle course with gentle touches only.',
    intro:
      'A touch on the head sends the worm backwards; a touch on the tail sends it forwards. With nothing but well-placed gentle touches, guide it past the post and the blocks to the end of the course. A harsh poke ends the run.',
    scoring: '1000 points falling to 100 over the time limit; −15 per touch.',
    difficulty: 3,
    needsEditor: false,
    arena: 'touch-course',
    win: { kind: 'zone', zone: 'end' },
    timeLimitMs: 600_000,
    touchCost: 15,
    forbiddenTouch: ['harsh'],
  },
  {
    id: 'ablation',
    title: 'Which cell?',
    goal: 'Find the one neuron whose loss stops the worm backing away from a head touch.',
    intro:
      'Chalfie and colleagues (1985) found the touch circuit by killing single cells with a laser and touching the worm. Do the same: pick the Ablate tool (K), click a neuron in the neural view to kill it, then touch the head gently. An intact control worm of the same seed gets every touch you give, at the same place on its body. Ctrl+Z brings a neuron back (the experiment starts again).',
    scoring:
      '1000 points falling to 100 over the time limit; −50 per neuron you ablate. Won when exactly one neuron is ablated, a paired check confirms that the intact control backs away from a head touch and the ablated worm never does, and you touch the head to see it.',
    difficulty: 2,
    needsEditor: false,
    arena: 'plate',
    win: { kind: 'ablation' },
    timeLimitMs: 300_000,
    ablationCost: 50,
    control: true,
  },
  {
    id: 'teach',
    title: 'Teach the worm',
    goal: 'Teach the worm that butanone means food, then show it seeks butanone on a fresh plate.',
    intro:
      'Worms learn what smells mean: butanone met with food becomes more attractive (Torayama et al. 2007). Lawn dopamine strengthens AIA (butanone) → AIY, which lifts the steering cells RIAL/RIAR (see the Learning strip).\n1. Teach: with the Food tool (F), drop food on the blue butanone spot under the worm. 20 s of its nose on food there is one pairing; make 3.\n2. Test (N): a fresh plate, butanone to one side. Touch nothing.\n3. Verdict: the taught worm against an untaught twin.',
    scoring:
      '1000 points falling to 100 over the time limit; −20 per food. Won when the taught worm’s chemotaxis index is +0.75 or more and 0.5 above its untaught twin’s.',
    difficulty: 2,
    needsEditor: false,
    arena: 'teach-pairing',
    worm: 'learning-worm',
    win: {
      kind: 'taught',
      odour: 'butanone',
      pairZone: 'butanone',
      trialMs: 20_000,
      trials: 3,
      testArena: 'teach-test',
      testMs: 40_000,
      minIndex: 0.75,
      margin: 0.5,
    },
    timeLimitMs: 300_000,
    foodCost: 20,
  },
  {
    id: 'teach-avoid',
    title: 'Teach the worm to avoid',
    goal: 'Teach a hungry worm that butanone means no food, then show it keeps away from butanone on a fresh plate.',
    intro:
      'A worm that smells butanone while starving learns to avoid it (Colbert & Bargmann 1995; Tsunozaki et al. 2008): hunger makes RIC release octopamine, which strengthens the synapse from AIA (butanone) to the turn relay.\n1. Teach: the worm is starved, on a small plate full of butanone. 20 s there without food is one pairing; one is enough. Food undoes it.\n2. Test (N): a fresh plate, butanone close by. Touch nothing.\n3. Verdict: the taught worm against an untaught twin.',
    scoring:
      '1000 points falling to 100 over the time limit; −20 per food. Won when the taught worm’s chemotaxis index is −0.25 or less (its runs end away from the butanone) and 0.75 below its untaught twin’s.',
    difficulty: 2,
    needsEditor: false,
    arena: 'teach-avoid-pairing',
    worm: 'learning-worm',
    win: {
      kind: 'taught-avoid',
      hoursOffFood: 2,
      odour: 'butanone',
      pairZone: 'butanone',
      trialMs: 20_000,
      trials: 1,
      testArena: 'teach-avoid-test',
      testMs: 40_000,
      // −0.25 or less: runs must end away from the odour; a taught worm that stops moving scores 0 and must not win.
      minIndex: 0.25,
      margin: 0.75,
    },
    timeLimitMs: 300_000,
    foodCost: 20,
  },
  {
    id: 'rewire',
    title: 'Rewire the reflex',
    goal: 'Fix a broken touch circuit so the worm backs away when touched.',
    intro:
      'This worm’s head-touch pathway has been cut (ALM and AVM no longer reach AVD, and AVD no longer reaches AVA): touch its head and it keeps pushing. Open the editor, reconnect the touch cells to the backward command interneuron AVA, press “Test it”, then start the challenge and make it back away from three head touches.',
    scoring:
      '1000 points falling to 100 over the time limit; −5 per touch. Only reversals that answer your gentle touch on the front half of the body count (within 1.5 s), and only once the circuit is checked to answer a head touch. A harsh poke (which reaches AVA through ASH and PVD) ends the run.',
    difficulty: 3,
    needsEditor: true,
    arena: 'plate',
    win: { kind: 'touch-reversals', count: 3, withinMs: 1500 },
    timeLimitMs: 120_000,
    touchCost: 5,
    forbiddenTouch: ['harsh'],
    circuit: {
      base: 'worm',
      cut: [
        ['ALM', 'AVD'],
        ['AVM', 'AVD'],
        ['AVD', 'AVA'],
      ],
      hint: 'the head-touch pathway is cut: ALM and AVM no longer reach AVD, nor AVD AVA',
    },
  },
];

export function challengeById(id: string): Challenge | undefined {
  return CHALLENGES.find((c) => c.id === id);
}
