/** Turning a scenario's anchors and windows into sim times. */
import type { Anchor } from './fields';
import type { TimelineItem } from './timeline-schema';

/** What the window arithmetic reads of a scenario. */
export interface ScenarioTimes {
  name: string;
  durationMs: number;
  timeline: readonly TimelineItem[];
}

export function labelled(scenario: ScenarioTimes, label: string): TimelineItem {
  const item = scenario.timeline.find((t) => t.label === label);
  // The schema refuses unknown labels; reaching this is a bug in a hand-built scenario.
  if (!item) throw new Error(`scenario "${scenario.name}": no timeline item is labelled "${label}"`);
  return item;
}

export function anchorMs(scenario: ScenarioTimes, a: Anchor): number {
  return 'ms' in a ? a.ms : labelled(scenario, a.label).atMs;
}

export function describeAnchor(a: Anchor): string {
  return 'ms' in a ? `t = ${a.ms / 1000} s` : a.label;
}

/** [start, end] of an expectation's window, ms. */
export function windowOf(scenario: ScenarioTimes, after: Anchor, lengthMs: number | undefined): [number, number] {
  const a = anchorMs(scenario, after);
  return [a, lengthMs !== undefined ? Math.min(a + lengthMs, scenario.durationMs) : scenario.durationMs];
}

/** Times of each stimulus of a labelled train. */
export function trainTimes(item: TimelineItem): number[] {
  return Array.from({ length: item.times }, (_, i) => item.atMs + i * item.everyMs);
}
