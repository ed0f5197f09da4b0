/**
 * Timeline actions: the schedule a scenario expands to, and how each action
 * is applied to a running simulation.
 */
import type { NervousSystemEdits, SimSubject, SimTools } from '../sim/types';
import { resolveNeuron } from './neurons';
import type { Action, TimelineItem } from './types';

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
    for (let k = 0; k < item.times; k++) out.push({ atMs: item.atMs + k * item.everyMs, item, occurrence: k, order });
  });
  out.sort((a, b) => a.atMs - b.atMs || a.order - b.order || a.occurrence - b.occurrence);
  return out.map(({ atMs, item, occurrence }) => ({ atMs, item, occurrence }));
}

/** Apply one action now. Neuron classes (AVA) act on every cell of the class (AVAL, AVAR). */
/** What applying an action needs of a simulation. */
export type ActionTarget = SimTools & NervousSystemEdits & Pick<SimSubject, 'neuronIds'>;

export function applyAction(sim: ActionTarget, a: Action): void {
  switch (a.type) {
    case 'poke':
      sim.poke(a.position, { side: a.side, kind: a.kind, ...(a.force !== undefined && { force: a.force }) });
      return;
    case 'tap':
      sim.tapPlate(a.force);
      return;
    case 'food':
      sim.dropFood(a.x, a.y, a.amount);
      return;
    case 'heat':
      sim.heatSpot(a.x, a.y, a.deltaC, a.radius);
      return;
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
      return `food at (${a.x}, ${a.y})${a.amount !== undefined ? ` × ${a.amount}` : ''}`;
    case 'heat':
      return `${a.deltaC > 0 ? 'heat' : 'cool'} ${Math.abs(a.deltaC)} °C at (${a.x}, ${a.y})`;
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
