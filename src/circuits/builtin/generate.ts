/**
 * Generates the built-in circuit files. The circuits are data (JSON beside
 * this file, editable in the editor); this script is how they are made and
 * kept consistent. Run: `npx tsx src/circuits/builtin/generate.ts`.
 * A test checks that the committed JSON equals what this script produces.
 *
 * The nervous system is graded (non-spiking) neurons throughout, the way most
 * C. elegans neurons signal. Each layer is its own module (locomotion.ts, ...);
 * this file composes them into the circuits the game ships.
 */
import type { CircuitDoc } from '../types';
import { Builder } from './builder';
import { addLocomotion, TUNING } from './locomotion';
import { senseCircuits } from './senses';

export function buildLocomotion(): CircuitDoc {
  const b = new Builder();
  addLocomotion(b);
  return b.doc(
    'Locomotion',
    'Forward and backward crawling from command interneurons (AVB forward, AVA backward), a proprioceptive head oscillator (RMDD/RMDV), ' +
      `${TUNING.units} bistable B-type (DB/VB) and A-type (DA/VA) units that each copy the bend next to them, and GABA D-type (DD/VD) cross-inhibition. ` +
      'Simplifications: one neuron per class instead of left/right pairs, fewer motor units than the real 75 motor neurons, graded neurons throughout.',
  );
}

/** All built-in circuit documents by file name. */
export function builtinDocs(): Record<string, CircuitDoc> {
  return { locomotion: buildLocomotion(), ...senseCircuits() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync } = await import('node:fs');
  const { serializeCircuit, circuitFromDoc } = await import('../circuit');
  for (const [name, doc] of Object.entries(builtinDocs())) {
    const path = new URL(`./${name}.json`, import.meta.url);
    writeFileSync(path, serializeCircuit(circuitFromDoc(doc, `${name}.json`)));
    console.log(`wrote ${path.pathname}`);
  }
}
