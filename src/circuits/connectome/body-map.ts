/**
 * Where a body-wall muscle of the real worm lies on the 2-D body.
 *
 * The worm crawls on its side, so the 2-D body's two muscle rows are the
 * dorsal and the ventral muscles: dorsal (left and right quadrants) drive the
 * left row, ventral the right row. Each quadrant has up to 24 muscles from
 * head to tail; muscle k covers the body stretch (k-1)/24 .. k/24 (fractions
 * of the body, 0 = nose tip). Rounded to 4 decimals so adjacent muscles share
 * their boundary exactly.
 */
import type { Transmitter } from '../../neural/types';
import type { MuscleBinding, Side } from '../types';
import { MUSCLES_PER_ROW, type Quadrant } from './names';

export function muscleSide(q: Quadrant): Side {
  return q[0] === 'D' ? 'left' : 'right';
}

/** Body fraction at the head end of muscle k (k = 1..25; 25 is the tail end of muscle 24). */
export function muscleBoundary(k: number): number {
  return Math.round(((k - 1) / MUSCLES_PER_ROW) * 1e4) / 1e4;
}

export function muscleSpan(k: number): { from: number; to: number } {
  return { from: muscleBoundary(k), to: muscleBoundary(k + 1) };
}

/** Neuromuscular contacts of one neuron onto muscle `number` (1..24) of one side. */
export interface NmjConnection {
  neuron: string;
  side: Side;
  number: number;
  contacts: number;
}

/** 12 significant digits: contacts × scale without float noise such as 0.12000000000000001. */
export const clean = (x: number): number => Number(x.toPrecision(12));

/**
 * One binding per neuron, side and run of adjacent muscles with the same
 * contact count: muscle k spans its body stretch; gain = contacts × scale,
 * negative for GABA neurons (they relax their muscles).
 */
export function muscleBindings<C extends NmjConnection>(
  nmj: Map<string, C>,
  keep: (c: C) => boolean,
  transmitters: Map<string, Transmitter>,
  scale: number,
  index: Map<string, number>,
): MuscleBinding[] {
  const kept = [...nmj.values()].filter(keep);
  kept.sort((a, b) => index.get(a.neuron)! - index.get(b.neuron)! || (a.side === b.side ? 0 : a.side === 'left' ? -1 : 1) || a.number - b.number);
  const out: MuscleBinding[] = [];
  let run: { neuron: string; side: Side; first: number; last: number; contacts: number } | undefined;
  const flush = (): void => {
    if (!run) return;
    const sign = transmitters.get(run.neuron) === 'GABA' ? -1 : 1;
    out.push({
      neuron: run.neuron,
      side: run.side,
      from: muscleBoundary(run.first),
      to: muscleBoundary(run.last + 1),
      gain: clean(sign * run.contacts * scale),
    });
    run = undefined;
  };
  for (const c of kept) {
    if (run && run.neuron === c.neuron && run.side === c.side && run.last + 1 === c.number && run.contacts === c.contacts) run.last = c.number;
    else {
      flush();
      run = { neuron: c.neuron, side: c.side, first: c.number, last: c.number, contacts: c.contacts };
    }
  }
  flush();
  return out;
}
