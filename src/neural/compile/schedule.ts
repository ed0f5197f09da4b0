/**
 * The network's schedule: the ordered list of named steps one network step
 * runs, built once when the network is compiled (as Brian2's Network orders
 * its objects by `when` slot once before a run). Each step names the slot of
 * the step it belongs to; within a slot, steps keep the order the compiler
 * added them in (synapse kernels in registry order, then the network's own).
 */

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
  run(dtMs: number): void;
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
