import { Monitor } from '../../src/monitor/monitor';
import type { MonitorSpec, NeuronVariable } from '../../src/sim/monitors';

/** Where an oscilloscope's traces come from: one monitor ring per trace (a neuron index). */
export interface ScopeSource {
  traceMonitor(index: number, capacity: number): Monitor;
}

/** Traces of a simulation: its own monitors, recorded every step inside the step (never per frame, never per spike). */
export function simulationScope(
  sim: { readonly neuronIds: readonly string[]; monitor(spec: MonitorSpec): Monitor },
  variable: NeuronVariable = 'v',
): ScopeSource {
  return { traceMonitor: (index, capacity) => sim.monitor({ neurons: [sim.neuronIds[index]], variables: [variable], keep: capacity }) };
}

/**
 * Traces of values a scene computes itself (the neuron lab's model, the
 * gallery's synthetic activity): record() samples every trace from the array
 * at once. A time earlier than the last (a restarted model) starts over.
 */
export class ArrayScope implements ScopeSource {
  private readonly monitors = new Set<Monitor>();
  private lastMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly values: ArrayLike<number>) {}

  traceMonitor(index: number, capacity: number): Monitor {
    const values = this.values;
    const m = new Monitor([{ name: `#${index}`, reduce: 'last', read: () => values[index] }], { keep: capacity });
    this.monitors.add(m);
    m.attachTo(() => this.monitors.delete(m));
    return m;
  }

  record(timeMs: number): void {
    if (timeMs < this.lastMs) this.clear();
    this.lastMs = timeMs;
    for (const m of this.monitors) m.tick(timeMs);
  }

  clear(): void {
    for (const m of this.monitors) m.clear();
    this.lastMs = Number.NEGATIVE_INFINITY;
  }
}
