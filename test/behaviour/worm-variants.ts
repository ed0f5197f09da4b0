/**
 * Variants of a built worm that tell a built-in asymmetry from a chosen one (curve-units.ts, backing-units.ts):
 * `mirrored` swaps the side of every muscle and stretch receptor (the circuit's dorsal cells then bend the body right: a
 * worm whose curvature is its wiring turns the other way; one whose curvature is the body's or the world's does not),
 * `start-ventral` starts the head on its ventral side (the two cells' starting V swapped with RMDD's and SMDD's: a
 * curvature picked by the start flips with it), `start-rest` starts all four at rest (the flip-flop's first side left to
 * the noise), `no-riv-muscles` takes RIV's muscles away (RIV, the omega turn's cell, bends the body ventrally at whatever
 * output it has, even its resting one), `no-head-muscles` takes the head's muscles (RMDD/RMDV) away (a backing steered
 * by the head's bend goes straight without them).
 */
import { circuitFromDoc } from '../../src/circuits/circuit';
import type { Circuit, CircuitDoc } from '../../src/circuits/types';

export const VARIANTS = ['as-built', 'mirrored', 'start-ventral', 'start-rest', 'no-riv-muscles', 'no-head-muscles'] as const;
export type Variant = (typeof VARIANTS)[number];

/** `arg` (undefined: as-built) as a variant; `script` names the caller in the error. */
export function variantArg(arg: string | undefined, script: string, argNo: number): Variant {
  const v = (arg ?? 'as-built') as Variant;
  if (!VARIANTS.includes(v)) throw new Error(`${script}: variant (argument ${argNo}) = "${v}": must be one of ${VARIANTS.join(', ')}`);
  return v;
}

/** The built worm as `variant` asks (a copy of its doc, validated again). */
export function varied(c: Circuit, variant: Variant, script: string): Circuit {
  if (variant === 'as-built') return c;
  const doc = structuredClone(c.doc) as CircuitDoc;
  if (variant === 'mirrored') {
    const other = (side: string) => (side === 'left' ? 'right' : side === 'right' ? 'left' : side);
    for (const m of doc.muscles ?? []) m.side = other(m.side) as typeof m.side;
    for (const s of doc.sensors ?? []) if (s.sensor === 'stretch') s.side = other(s.side) as typeof s.side;
  } else if (variant === 'no-riv-muscles') {
    doc.muscles = (doc.muscles ?? []).filter((m) => m.neuron !== 'RIV');
  } else if (variant === 'no-head-muscles') {
    doc.muscles = (doc.muscles ?? []).filter((m) => m.neuron !== 'RMDD' && m.neuron !== 'RMDV');
  } else if (variant === 'start-rest') {
    for (const n of doc.neurons) if (['RMDD', 'RMDV', 'SMDD', 'SMDV'].includes(n.id)) delete n.init;
  } else {
    const byId = new Map(doc.neurons.map((n) => [n.id, n]));
    for (const [d, v] of [
      ['RMDD', 'RMDV'],
      ['SMDD', 'SMDV'],
    ]) {
      const [nd, nv] = [byId.get(d), byId.get(v)];
      if (!nd || !nv) throw new Error(`${script}: start-ventral needs ${d} and ${v}`);
      const [di, vi] = [nd.init, nv.init];
      if (vi) nd.init = vi;
      else delete nd.init;
      if (di) nv.init = di;
      else delete nv.init;
    }
  }
  return circuitFromDoc(doc, `${c.fileName} (${variant})`);
}
