/**
 * Class-level changes to a connectome circuit written on the command line, each applied as the evolve
 * gene that would set it (resolveGenes, applyGenes), so a setting here is exactly what a spec's gene
 * with that value gives (connectome-pathways.ts, connectome-nose-path.ts).
 *
 *   scale:KIND:FROM:TO=K    weightScale of that pathway (KIND chemical | electrical | any)
 *   param:NAME:OF=V         a model parameter of those classes (e.g. param:vHalfMv:DD,VD=-45)
 *   stretch:OF=G            the stretch receptors' gain of those classes
 *   sensor:OF=G             the touch receptors' gain of those classes (the binding's gain: 30 in the class model)
 *   muscle:OF=G             every muscle binding of those classes set to gain G (the spec's `gain: muscle`; inhibitory
 *                           GABA bindings take G < 0)
 *   sign:FROM:TO=S          the chemical synapses' sign, S < 0 inhibitory, S > 0 excitatory (e.g. sign:AVA:AVB=-1)
 *   rule:OF:REACH:FOLLOW=G  adds stretch receptors to those classes as the class model builds them (worm-model.ts:
 *                           the bend REACH body lengths ahead of each cell's muscles, negative = behind; FOLLOW same |
 *                           opposite; G pA per κL), e.g. rule:DA,VA:0.2:opposite=5; applied before the other changes
 *   size:OF=K               each cell of those classes K times larger, as the class model's `sizes` makes it (worm-model.ts,
 *                           cell-size.ts: capacitance, leak, K⁺ rectifier and plateau × K, every chemical, sensor and stretch
 *                           input onto it × K; its gap junctions not), e.g. size:AVA=40; applied with the rules
 * Classes comma-separated; every cell of a class shares.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type Circuit, parseCircuit, serializeCircuit } from '../../src/circuits';
import { applyWormModel, type StretchRule } from '../../src/circuits/connectome/worm-model';
import { circuitOf } from '../../src/evolve/adapters';
import { applyGenes, resolveGenes } from '../../src/evolve/genes';
import type { FreeEntry } from '../../src/evolve/spec';
import { MODELS } from '../../src/neural/models';
import { importWorm } from './connectome-measure';

const USAGE =
  'write scale:KIND:FROM:TO=K, param:NAME:OF=V, stretch:OF=G, sensor:OF=G, muscle:OF=G, sign:FROM:TO=±1, rule:OF:REACH:FOLLOW=G or size:OF=K (e.g. scale:electrical:AVB:DB,VB=4)';

export type Change = { entry: FreeEntry; value: number } | { rule: StretchRule } | { size: { classes: readonly string[]; k: number } };

export function parseChange(arg: string): Change {
  const m = /^([^=]+)=(.+)$/.exec(arg);
  const value = Number(m?.[2]);
  if (!m || !Number.isFinite(value)) throw new Error(`change "${arg}": no "=NUMBER" at its end; ${USAGE}`);
  const parts = m[1].split(':');
  const list = (s: string | undefined) => (s ?? '').split(',').filter(Boolean);
  if (parts[0] === 'rule' && parts.length === 4) {
    const reach = Number(parts[2]);
    const follow = parts[3];
    if (!Number.isFinite(reach) || reach <= -1 || reach >= 1) throw new Error(`change "${arg}": REACH "${parts[2]}" must be a number in -1..1 (body lengths)`);
    if (follow !== 'same' && follow !== 'opposite') throw new Error(`change "${arg}": FOLLOW "${follow}" must be same or opposite`);
    if (!(value > 0)) throw new Error(`change "${arg}": the gain must be > 0 pA per κL`);
    return { rule: { classes: list(parts[1]), reach, follow, gain: value } };
  }
  if (parts[0] === 'size' && parts.length === 2) return { size: { classes: list(parts[1]), k: value } };
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
  if (parts[0] === 'muscle' && parts.length === 2) return { entry: { ...common, what: 'muscleGain', of: list(parts[1]) }, value };
  throw new Error(`change "${arg}": not understood; ${USAGE}`);
}

/** The circuit with the changes applied together (the circuit itself when there are none). */
export function withChanges(base: Circuit, changes: readonly Change[]): Circuit {
  if (changes.length === 0) return base;
  const stretch = changes.flatMap((c) => ('rule' in c ? [c.rule] : []));
  const sizes = Object.fromEntries(changes.flatMap((c) => ('size' in c ? c.size.classes.map((cls) => [cls, c.size.k] as const) : [])));
  // The class model with nothing but the rules and sizes: every scale 1, no class values, so only those are applied.
  const ruled =
    stretch.length || Object.keys(sizes).length
      ? circuitOf(
          applyWormModel(base.doc, {
            scales: { chemical: 1, gap: 1, muscle: 1, gabaMuscle: 1 },
            defaults: {},
            classes: {},
            sensorGains: {},
            stretch,
            transduction: 'conductance',
            sizes,
          }),
        )
      : base;
  const genesOnly = changes.flatMap((c) => ('entry' in c ? [c] : []));
  if (genesOnly.length === 0) return ruled;
  const genes = resolveGenes(
    ruled,
    genesOnly.map((c) => c.entry),
    MODELS,
  );
  return circuitOf(
    applyGenes(
      ruled.doc,
      genes,
      genes.map((g) => genesOnly[g.entry].value),
    ),
  );
}

/**
 * The study scripts' circuit: `file` (or the importer's defaults) with `changes` (CHANGE arguments) applied; with
 * `out`, written there as a start circuit and the process ends.
 */
export function circuitFromArgs(file: string | undefined, changes: readonly string[], out?: string): Circuit {
  const base = file ? parseCircuit(readFileSync(file, 'utf8'), file) : importWorm();
  const circuit = withChanges(base, changes.map(parseChange));
  if (out) {
    writeFileSync(out, serializeCircuit(circuit));
    console.log(`wrote ${out}: ${file ?? 'the importer’s defaults'} with ${changes.join(' ') || 'no change'}`);
    process.exit(0);
  }
  return circuit;
}
