/**
 * Turning a scenario's anchors and windows into sim times, and working out
 * what a run must record for its expectations (so recording stays cheap).
 */
import { METRIC_INFO } from './metrics-names';
import type { ProbeRequest } from './recording';
import type { Anchor, Expectation, Scenario, TimelineItem } from './types';

export function labelled(scenario: Scenario, label: string): TimelineItem {
  const item = scenario.timeline.find((t) => t.label === label);
  // The schema refuses unknown labels; reaching this is a bug in a hand-built scenario.
  if (!item) throw new Error(`scenario "${scenario.name}": no timeline item is labelled "${label}"`);
  return item;
}

export function anchorMs(scenario: Scenario, a: Anchor): number {
  return 'ms' in a ? a.ms : labelled(scenario, a.label).atMs;
}

export function describeAnchor(a: Anchor): string {
  return 'ms' in a ? `t = ${a.ms / 1000} s` : a.label;
}

/** [start, end] of an expectation's window, ms. */
export function windowOf(scenario: Scenario, after: Anchor, lengthMs: number | undefined): [number, number] {
  const a = anchorMs(scenario, after);
  return [a, lengthMs !== undefined ? Math.min(a + lengthMs, scenario.durationMs) : scenario.durationMs];
}

/** Times of each stimulus of a labelled train. */
export function trainTimes(item: TimelineItem): number[] {
  return Array.from({ length: item.times }, (_, i) => item.atMs + i * item.everyMs);
}

export interface Needs {
  food: boolean;
  muscles: boolean;
  zones: string[];
  /** Neuron references (ids or classes) whose output is recorded. */
  neurons: string[];
  probes: ProbeRequest[];
}

/** What the run must record for these expectations and the plot. */
export function needsOf(scenario: Scenario): Needs {
  const zones = new Set<string>();
  const neurons = new Set<string>(scenario.plot?.neurons ?? []);
  const probes = new Map<string, ProbeRequest>();
  let food = false;
  let muscles = false;
  const probe = (e: Expectation & { after: Anchor; forMs?: number }, name: ProbeRequest['name']) => {
    const [a, b] = windowOf(scenario, e.after, e.forMs);
    const p = { name, endMs: b, windowMs: b - a };
    probes.set(`${name}@${b}/${b - a}`, p);
  };
  for (const e of scenario.expect) {
    switch (e.kind) {
      case 'reachesFood':
        food = true;
        break;
      case 'staysOutOfZone':
        zones.add(e.zone);
        break;
      case 'neuronFires':
      case 'neuronSilent':
        neurons.add(e.neuron);
        break;
      case 'bendingFrequency':
        probe(e, 'bendingFrequency');
        break;
      case 'waveDirection':
        probe(e, 'waveDirection');
        break;
      case 'metric': {
        const needs: readonly string[] = METRIC_INFO[e.metric as keyof typeof METRIC_INFO].needs;
        if (needs.includes('food')) food = true;
        if (needs.includes('muscles')) muscles = true;
        if (e.zone !== undefined) zones.add(e.zone);
        if (e.neuron !== undefined) neurons.add(e.neuron);
        if (needs.includes('probe')) {
          const name = e.metric === 'wavelength' ? 'wavelength' : 'bendingFrequency';
          probe(e, name);
          if (e.baseline) {
            const b = anchorMs(scenario, e.baseline.before);
            probes.set(`${name}@${b}/${e.baseline.forMs}`, { name, endMs: b, windowMs: e.baseline.forMs });
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return {
    food,
    muscles,
    zones: [...zones],
    neurons: [...neurons],
    probes: [...probes.values()].sort((p, q) => p.endMs - q.endMs || p.name.localeCompare(q.name)),
  };
}
