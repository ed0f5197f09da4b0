/**
 * The network's schedule: the ordered list of named steps one network step
 * runs, built once when the network is compiled (as Brian2's Network orders
 * its objects by `when` slot once before a run). Each step names the slot of
 * the step it belongs to; within a slot, steps keep the order the compiler
 * added them in (synapse kernels in registry order, then the network's own).
 */
import { freshKernel } from '../kernel';

/**
 * The slots of one step, in order:
 * - `start`: the step's current starts as the external input.
 * - `currents`: synapses add their currents (previous step's V and output).
 * - `groups`: every population advances with its current.
 * - `after-groups`: corrections to the new state (exact gap-junction relaxation).
 * - `thresholds`: the network's views (v, output, spiked) and the list of who fired.
 * - `synapses`: spikes propagate (exponential currents, delays).
 * - `plasticity`: weights learn from this step's activity (no built-in kernel yet).
 * - `end`: what the next steps read back (the output history of delays).
 */
export const SLOTS = ['start', 'currents', 'groups', 'after-groups', 'thresholds', 'synapses', 'plasticity', 'end'] as const;
export type Slot = (typeof SLOTS)[number];

/** One step of the schedule: a kernel closure made at compile time. */
export interface ScheduledStep {
  /** `kernel.part` (e.g. `continuous.scatter`, `graded.step`): what `Network.schedule` lists. */
  readonly name: string;
  readonly when: Slot;
  /** Called as a plain function (no `this`). */
  readonly run: (dtMs: number) => void;
}

/** What `Network.schedule` shows of a step. */
export interface ScheduleEntry {
  readonly when: Slot;
  readonly name: string;
}

/** The steps in slot order, each slot keeping the order of `steps` (a stable sort). */
export function orderSteps(steps: readonly ScheduledStep[]): ScheduledStep[] {
  const rank = (s: ScheduledStep) => SLOTS.indexOf(s.when);
  for (const s of steps)
    if (rank(s) < 0) throw new Error(`schedule: step ${JSON.stringify(s.name)} has no slot ${JSON.stringify(s.when)}; slots: ${SLOTS.join(', ')}`);
  const names = new Set<string>();
  for (const s of steps) {
    if (names.has(s.name)) throw new Error(`schedule: two steps are named ${JSON.stringify(s.name)}`);
    names.add(s.name);
  }
  return steps
    .map((s, k) => ({ s, k }))
    .sort((p, q) => rank(p.s) - rank(q.s) || p.k - q.k)
    .map(({ s }) => s);
}

/** The inspectable form of a schedule. */
export function describeSchedule(steps: readonly ScheduledStep[]): readonly ScheduleEntry[] {
  return Object.freeze(steps.map((s) => Object.freeze({ when: s.when, name: s.name })));
}

/** A schedule as one closure, made once per network (scheduleRunner). */
export type Runner = (dtMs: number) => void;

/**
 * Runs steps s0..s15, then `rest` (self-contained: see ../kernel.ts). One
 * call site per step, in a fresh copy per network: each site sees one closure
 * and V8 can inline it. A loop over the steps' `run` was measured 20–35 %
 * slower for a 302-neuron network with gap junctions when it was the only
 * network in the process (its one call site sees every kind of step).
 */
export function scheduleKernel(
  s0: Runner,
  s1: Runner,
  s2: Runner,
  s3: Runner,
  s4: Runner,
  s5: Runner,
  s6: Runner,
  s7: Runner,
  s8: Runner,
  s9: Runner,
  s10: Runner,
  s11: Runner,
  s12: Runner,
  s13: Runner,
  s14: Runner,
  s15: Runner,
  rest: readonly Runner[],
): Runner {
  const m = rest.length;
  return (dt: number) => {
    s0(dt);
    s1(dt);
    s2(dt);
    s3(dt);
    s4(dt);
    s5(dt);
    s6(dt);
    s7(dt);
    s8(dt);
    s9(dt);
    s10(dt);
    s11(dt);
    s12(dt);
    s13(dt);
    s14(dt);
    s15(dt);
    for (let k = 0; k < m; k++) rest[k](dt);
  };
}

const idle: Runner = () => {};

/** The closure that runs `steps` in order (ordered already: orderSteps). */
export function scheduleRunner(steps: readonly ScheduledStep[]): Runner {
  const runs = steps.map((s) => s.run);
  const at = (k: number) => runs[k] ?? idle;
  return freshKernel(scheduleKernel)(
    at(0),
    at(1),
    at(2),
    at(3),
    at(4),
    at(5),
    at(6),
    at(7),
    at(8),
    at(9),
    at(10),
    at(11),
    at(12),
    at(13),
    at(14),
    at(15),
    runs.slice(16),
  );
}
