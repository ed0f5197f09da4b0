/**
 * Timeline actions: the schedule a scenario expands to, and how each action
 * is applied to a running simulation.
 */
import type { NervousSystemEdits, SimOutputs, SimSubject, SimTools } from '../sim/types';
import { resolveNeuron } from './neurons';
import type { Place } from './timeline-schema';
import type { Action, TimelineItem } from './types';
import { formatLength, lengthMm } from './units';

export interface ScheduledAction {
  atMs: number;
  item: TimelineItem;
  /** 0-based occurrence within a repeated item. */
  occurrence: number;
}

/** Every occurrence of every item, in time order (items at the same time keep their file order). */
export function expandTimeline(timeline: readonly TimelineItem[]): ScheduledAction[] {
  const out: Array<ScheduledAction & { order: number }> = [];
  timeline.forEach((item, order) => {
    if (item.when) return; // triggered items fire on the worm's state (triggers.ts), not on the clock
    for (let k = 0; k < item.times; k++) out.push({ atMs: item.atMs + k * item.everyMs, item, occurrence: k, order });
  });
  out.sort((a, b) => a.atMs - b.atMs || a.order - b.order || a.occurrence - b.occurrence);
  return out.map(({ atMs, item, occurrence }) => ({ atMs, item, occurrence }));
}

/** Apply one action now. Neuron classes (AVA) act on every cell of the class (AVAL, AVAR). */
/** What applying an action needs of a simulation. */
export type ActionTarget = SimTools & NervousSystemEdits & Pick<SimSubject, 'neuronIds' | 'bodyLengthMm'> & Pick<SimOutputs, 'telemetry'>;

/**
 * A place on the plate, mm: as written, or relative to the nose now (ahead
 * along the heading of the head, from the second segment to the nose; left
 * across it, y up as the plate's).
 */
export function plateXY(sim: Pick<ActionTarget, 'telemetry' | 'bodyLengthMm'>, p: Place): [number, number] {
  if ('x' in p) return [p.x, p.y];
  const pose = sim.telemetry().pose;
  const hx = pose[0]!;
  const hy = pose[1]!;
  const dx = hx - pose[2]!;
  const dy = hy - pose[3]!;
  const n = Math.hypot(dx, dy) || 1;
  const ahead = lengthMm(p.ahead, sim.bodyLengthMm);
  const left = (p.left ? lengthMm(p.left, sim.bodyLengthMm) : 0) - (p.right ? lengthMm(p.right, sim.bodyLengthMm) : 0);
  return [hx + (ahead * dx - left * dy) / n, hy + (ahead * dy + left * dx) / n];
}

/** The action with a relative place made absolute (what a run records and plots). */
export function placed(sim: Pick<ActionTarget, 'telemetry' | 'bodyLengthMm'>, a: Action): Action {
  if ((a.type !== 'food' && a.type !== 'heat') || 'x' in a) return a;
  const [x, y] = plateXY(sim, a);
  const { ahead: _a, left: _l, right: _r, ...rest } = a;
  return { ...rest, x, y };
}

export function applyAction(sim: ActionTarget, action: Action): void {
  const a = placed(sim, action);
  switch (a.type) {
    case 'poke':
      sim.poke(a.position, { side: a.side, kind: a.kind, ...(a.force !== undefined && { force: a.force }) });
      return;
    case 'tap':
      sim.tapPlate(a.force);
      return;
    case 'food': {
      const [x, y] = plateXY(sim, a);
      sim.dropFood(x, y, a.amount);
      return;
    }
    case 'heat': {
      const [x, y] = plateXY(sim, a);
      sim.heatSpot(x, y, a.deltaC, a.radius);
      return;
    }
    case 'ablate':
      for (const id of cells(sim, a.neuron)) sim.ablate(id);
      return;
    case 'cut':
      for (const from of cells(sim, a.from)) for (const to of cells(sim, a.to)) sim.cutSynapse(from, to);
      return;
    case 'set':
      for (const id of cells(sim, a.neuron)) sim.setNeuronParam(id, a.param, a.value);
      return;
    case 'medium':
      sim.setMedium(a.medium);
      return;
  }
}

function cells(sim: ActionTarget, ref: string): string[] {
  const ids = resolveNeuron(ref, sim.neuronIds);
  // validateRefs refuses unknown neurons before a run starts; this guards hand-built scenarios.
  if (ids.length === 0) throw new Error(`the circuit has no neuron or neuron class "${ref}"`);
  return ids;
}

/** One line for logs and plots, e.g. "poke 0.05 left gentle". */
export function describeAction(a: Action): string {
  switch (a.type) {
    case 'poke':
      return `poke ${a.position} ${a.side} ${a.kind}${a.force !== undefined ? ` force ${a.force}` : ''}`;
    case 'tap':
      return `tap${a.force !== undefined ? ` force ${a.force}` : ''}`;
    case 'food':
      return `food ${describePlace(a)}${a.amount !== undefined ? ` × ${a.amount}` : ''}`;
    case 'heat':
      return `${a.deltaC > 0 ? 'heat' : 'cool'} ${Math.abs(a.deltaC)} °C ${describePlace(a)}`;
    case 'ablate':
      return `ablate ${a.neuron}`;
    case 'cut':
      return `cut ${a.from} → ${a.to}`;
    case 'set':
      return `set ${a.neuron}.${a.param} = ${a.value}`;
    case 'medium':
      return `medium ${a.medium}`;
  }
}

function describePlace(p: Place): string {
  if ('x' in p) return `at (${p.x}, ${p.y})`;
  return `${formatLength(p.ahead)} ahead of the nose${p.left ? `, ${formatLength(p.left)} left` : ''}${p.right ? `, ${formatLength(p.right)} right` : ''}`;
}
