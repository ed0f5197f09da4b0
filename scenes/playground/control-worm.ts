import { ControlPair } from '../../src/sim/control-pair';
import type { SimulationOptions } from '../../src/sim/types';
import type { GameSim, LinkedSimulation } from '../sim-factory';

/** How far beside the player's worm the control starts, mm (to its left, the same heading). */
export const CONTROL_OFFSET_MM = 1.6;

/**
 * The player's worm with an intact control of the same options beside it
 * (src/sim/control-pair.ts): the game drives the pair as one GameSim — its
 * clock steps both, its tools reach both at the same body places — and reads
 * and edits (ablates) the player's worm; the control is `control`.
 */
export interface WithControl {
  sim: GameSim;
  control: GameSim;
  pair: ControlPair<GameSim>;
}

/** Builds the control with `make` (the same factory and options, started beside the player's worm) and pairs them. */
export function addControl(linked: LinkedSimulation, options: SimulationOptions, make: (o: SimulationOptions) => LinkedSimulation): WithControl {
  const treated = linked.sim;
  const pose = treated.telemetry().pose;
  const th = Math.atan2(pose[1] - pose[3], pose[0] - pose[2]);
  const candidates = [CONTROL_OFFSET_MM, -CONTROL_OFFSET_MM, 2 * CONTROL_OFFSET_MM, -2 * CONTROL_OFFSET_MM];
  let made: LinkedSimulation | null = null;
  let lastError: unknown = null;
  for (const d of candidates) {
    const start = { xMm: pose[0] - d * Math.sin(th), yMm: pose[1] + d * Math.cos(th), headingRad: th };
    try {
      made = make({ ...options, start });
      break;
    } catch (e) {
      lastError = e; // off the plate or in a wall there: try the other side
    }
  }
  if (!made) throw new Error(`no room for a control worm beside this one: ${(lastError as Error)?.message ?? ''}`);
  const control = made.sim;
  const pair = new ControlPair(treated, control, made.isFree ?? (() => true));
  return { sim: pairedSim(pair), control, pair };
}

/** The pair as the one GameSim the scene drives: clock and tools go to both worms, everything else is the player's worm's. */
function pairedSim(pair: ControlPair<GameSim>): GameSim {
  const t = pair.treated;
  return {
    get timeMs() {
      return pair.timeMs;
    },
    get physicsStepMs() {
      return pair.physicsStepMs;
    },
    step: () => pair.step(),
    run: (ms) => pair.run(ms),
    poke: (at, opts) => pair.poke(at, opts),
    tapPlate: (f) => pair.tapPlate(f),
    dropFood: (x, y, a) => pair.dropFood(x, y, a),
    heatSpot: (x, y, d, r) => pair.heatSpot(x, y, d, r),
    setMedium: (m) => pair.setMedium(m),
    get medium() {
      return t.medium;
    },
    get neuronIds() {
      return t.neuronIds;
    },
    get segments() {
      return t.segments;
    },
    get bodyLengthMm() {
      return t.bodyLengthMm;
    },
    ablate: (id) => t.ablate(id),
    cutSynapse: (a, b) => t.cutSynapse(a, b),
    behaviour: () => t.behaviour(),
    inZone: (z) => t.inZone(z),
    distanceToFoodMm: () => t.distanceToFoodMm(),
    stimuli$: t.stimuli$,
    events$: t.events$,
    telemetry$: t.telemetry$,
    telemetry: () => t.telemetry(),
    monitor: (spec) => t.monitor(spec),
    // Learning is the player's worm's: the control keeps its own (a bath or a freeze is an intervention on the treated worm).
    plasticWeights: () => t.plasticWeights(),
    setLearning: (on) => t.setLearning(on),
    resetLearnedWeights: () => t.resetLearnedWeights(),
    modulatorLevels: () => t.modulatorLevels(),
    bathModulator: (name, c) => t.bathModulator(name, c),
  };
}
