/**
 * Triggered timeline items (`when:`): stimuli fired on the worm's state, read
 * each physics step from the simulation's behaviour tracker and measures
 * (reversal and omega events of the pose, the direction of crawling, the
 * nose in a zone or near food, a neuron's output), never from a scene.
 *
 * An item fires `delayMs` after its state *starts* (a rising edge: the
 * reversal-start event, which the tracker raises once a reversal has held
 * 250 ms; an omega-turn event; the step the nose enters the zone, the
 * direction turns forward, the output crosses the level), at most `times`
 * times, and never twice within `refractoryMs`. Edges before the item is
 * armed (its `at`) are ignored.
 */
import type { BehaviourEvent } from '../streams/types';
import type { ScenarioSim } from './backend';
import { resolveNeuron } from './neurons';
import type { Trigger, TimelineItem } from './timeline-schema';
import { lengthMm } from './units';

interface Armed {
  item: TimelineItem;
  trigger: Trigger;
  /** Neuron indices for a neuron condition. */
  cells: number[];
  /** Whether the state held at the last step. */
  was: boolean;
  /** Fire times accepted so far (pending or done), ms. */
  fires: number[];
  /** How many have been applied. */
  applied: number;
}

export interface DueFiring {
  item: TimelineItem;
  atMs: number;
  occurrence: number;
}

export class Triggers {
  private readonly armed: Armed[];
  /** The tracker's reversal state, from its events. */
  private reversing = false;

  constructor(
    timeline: readonly TimelineItem[],
    private readonly sim: ScenarioSim,
    private readonly durationMs: number,
  ) {
    this.armed = timeline
      .filter((item) => item.when)
      .map((item) => {
        const trigger = item.when!.trigger;
        return { item, trigger, cells: trigger.on === 'neuron' ? this.cellsOf(trigger.neuron) : [], was: false, fires: [], applied: 0 };
      });
  }

  get any(): boolean {
    return this.armed.length > 0;
  }

  private cellsOf(ref: string): number[] {
    const ids = new Set(resolveNeuron(ref, this.sim.neuronIds));
    return this.sim.neuronIds.flatMap((id, i) => (ids.has(id) ? [i] : []));
  }

  /** The state of one condition now; `pulse` is true for an event that happened this step (omega). */
  private holds(a: Armed, events: readonly BehaviourEvent[]): boolean {
    const t = a.trigger;
    switch (t.on) {
      case 'reversing':
        return this.reversing;
      case 'omega':
        return events.some((e) => e.type === 'omega-turn');
      case 'forward':
        return this.sim.behaviour().direction === 'forward';
      case 'inZone':
        return this.sim.inZone(t.zone);
      case 'nearFood':
        return this.sim.distanceToFoodMm() <= lengthMm(t.within, this.sim.bodyLengthMm);
      case 'neuron': {
        const out = this.sim.telemetry().output;
        return a.cells.some((i) => out[i]! > t.above);
      }
    }
  }

  /** After a physics step: the events it raised; accepts the firings whose state just started. */
  update(events: readonly BehaviourEvent[]): void {
    const now = this.sim.timeMs;
    const started = events.some((e) => e.type === 'reversal-start');
    for (const e of events) {
      if (e.type === 'reversal-start') this.reversing = true;
      else if (e.type === 'reversal-end') this.reversing = false;
    }
    for (const a of this.armed) {
      // A reversal that ended and began again within one step still starts anew.
      const is = this.holds(a, events);
      const edge = (is && !a.was) || (a.trigger.on === 'reversing' && started && a.was);
      a.was = is && a.trigger.on !== 'omega';
      if (!edge || now < a.item.atMs - 1e-6 || a.fires.length >= a.item.times) continue;
      const at = now + a.item.when!.delayMs;
      const last = a.fires.at(-1);
      if (last !== undefined && at - last < a.item.when!.refractoryMs) continue;
      if (at < this.durationMs) a.fires.push(at);
    }
  }

  /** Firings due by the simulation's time, in time order (file order at the same time). */
  due(epsMs: number): DueFiring[] {
    const out: Array<DueFiring & { order: number }> = [];
    this.armed.forEach((a, order) => {
      while (a.applied < a.fires.length && a.fires[a.applied]! <= this.sim.timeMs + epsMs) {
        out.push({ item: a.item, atMs: a.fires[a.applied]!, occurrence: a.applied, order });
        a.applied++;
      }
    });
    return out.sort((x, y) => x.atMs - y.atMs || x.order - y.order);
  }
}
