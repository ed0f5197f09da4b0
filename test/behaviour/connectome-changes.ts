/**
 * Class-level changes to a connectome circuit written on the command line, each applied as the evolve
 * gene that would set it (resolveGenes, applyGenes), so a setting here is exactly what a spec's gene
 * with that value gives (connectome-pathways.ts, connectome-nose-path.ts).
 *
 *   scale:KIND:FROM:TO=K    weightScale of that pathway (KIND chemical | electrical | any)
 *   param:NAME:OF=V         a model parameter of those classes (e.g. param:vHalfMv:DD,VD=-45)
 *   stretch:OF=G            the stretch receptors' gain of those classes
 *   sensor:OF=G             the touch receptors' gain of those classes (the binding's gain: 30 in the class model)
 *   sign:FROM:TO=S          the chemical synapses' sign, S < 0 inhibitory, S > 0 excitatory (e.g. sign:AVA:AVB=-1)
 * Classes comma-separated; every cell of a class shares.
 */
import type { Circuit } from '../../src/circuits';
import { circuitOf } from '../../src/evolve/adapters';
import { applyGenes, resolveGenes } from '../../src/evolve/genes';
import type { FreeEntry } from '../../src/evolve/spec';
import { MODELS } from '../../src/neural/models';

const USAGE = 'write scale:KIND:FROM:TO=K, param:NAME:OF=V, stretch:OF=G, sensor:OF=G or sign:FROM:TO=±1 (e.g. scale:electrical:AVB:DB,VB=4)';

export interface Change {
  entry: FreeEntry;
  value: number;
}

export function parseChange(arg: string): Change {
  const m = /^([^=]+)=(.+)$/.exec(arg);
  const value = Number(m?.[2]);
  if (!m || !Number.isFinite(value)) throw new Error(`change "${arg}": no "=NUMBER" at its end; ${USAGE}`);
  const parts = m[1].split(':');
  const list = (s: string | undefined) => (s ?? '').split(',').filter(Boolean);
  // A range from the value up only to pass resolveGenes' checks (the value is set directly); starting at the
  // value keeps a parameter at the bottom of its allowed range (plateauNs 0) inside it.
  const around = [value, value + Math.abs(value) * 1e-9 + 1e-12] as const;
  const common = { range: around, scale: 'linear' as const, share: 'all' as const };
  if (parts[0] === 'scale' && parts.length === 4 && ['chemical', 'electrical', 'any'].includes(parts[1]))
    return {
      entry: {
        ...common,
        what: 'weightScale',
        ...(parts[1] !== 'any' && { kind: parts[1] as 'chemical' | 'electrical' }),
        from: list(parts[2]),
        to: list(parts[3]),
      },
      value,
    };
  if (parts[0] === 'param' && parts.length === 3) return { entry: { ...common, what: 'param', name: parts[1], of: list(parts[2]) }, value };
  if (parts[0] === 'stretch' && parts.length === 2) return { entry: { ...common, what: 'sensorGain', sensor: 'stretch', of: list(parts[1]) }, value };
  if (parts[0] === 'sign' && parts.length === 3) return { entry: { ...common, what: 'sign', from: list(parts[1]), to: list(parts[2]) }, value };
  if (parts[0] === 'sensor' && parts.length === 2) return { entry: { ...common, what: 'sensorGain', sensor: 'touch', of: list(parts[1]) }, value };
  throw new Error(`change "${arg}": not understood; ${USAGE}`);
}

/** The circuit with the changes applied together (the circuit itself when there are none). */
export function withChanges(base: Circuit, changes: readonly Change[]): Circuit {
  if (changes.length === 0) return base;
  const genes = resolveGenes(
    base,
    changes.map((c) => c.entry),
    MODELS,
  );
  return circuitOf(
    applyGenes(
      base.doc,
      genes,
      genes.map((g) => changes[g.entry].value),
    ),
  );
}
