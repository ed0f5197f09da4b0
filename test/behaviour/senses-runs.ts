/**
 * Shared runs for the sensory behaviour proofs: one worm from a given start,
 * intact or with named neurons ablated, default neural noise, and what its
 * pose did. Behaviour is read from the body (nose position, zones), never
 * from neurons.
 */
import { createSimulation } from '../../src/sim/simulation';

export interface Start {
  /** Nose position, mm, and heading, rad (0 = +x, y down). */
  x: number;
  y: number;
  heading: number;
}

export interface RunResult {
  startDistanceMm: number;
  endDistanceMm: number;
  /** Fraction of physics steps with the nose in the zone (if one was watched). */
  zoneFraction: number;
  /** Whether the nose ever entered the goal zone (if one was given). */
  reachedGoal: boolean;
  /** Highest temperature the nose met, °C. */
  maxTemperatureC: number;
}

export function runWorm(opts: {
  circuit: string;
  arena: string;
  seed: number;
  start: Start;
  durationMs: number;
  ablate?: readonly string[];
  zone?: string;
  goal?: string;
}): RunResult {
  const sim = createSimulation({
    circuit: opts.circuit,
    arena: opts.arena,
    seed: opts.seed,
    start: { xMm: opts.start.x, yMm: opts.start.y, headingRad: opts.start.heading },
  });
  for (const id of opts.ablate ?? []) sim.ablate(id);
  const startDistanceMm = sim.distanceToFoodMm();
  let inZone = 0;
  let steps = 0;
  let reachedGoal = false;
  let maxTemperatureC = -Infinity;
  while (sim.timeMs < opts.durationMs) {
    sim.step();
    steps++;
    const [x, y] = sim.headPosition();
    maxTemperatureC = Math.max(maxTemperatureC, sim.world.temperature(x, y));
    if (opts.zone && sim.inZone(opts.zone)) inZone++;
    if (opts.goal && !reachedGoal && sim.inZone(opts.goal)) reachedGoal = true;
  }
  return { startDistanceMm, endDistanceMm: sim.distanceToFoodMm(), zoneFraction: steps ? inZone / steps : 0, reachedGoal, maxTemperatureC };
}

/** Long proofs: minutes of simulated worm; on a loaded machine a file can take over a minute of wall time. */
export const PROOF_TIMEOUT_MS = 300_000;

export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
