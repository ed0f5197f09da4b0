/**
 * The slowing experiments shared by the two modulation-slowing test files
 * (Sawin, Ranganathan & Horvitz 2000): one worm on a bacterial lawn or on a
 * bare plate, well fed or starved, intact or with its modulatory cells or
 * transmitters removed; its path speed after it settles. The lawn is large
 * (radius 50 mm around the start) and odourless, so only its feel matters.
 */
import { buildWorm } from '../../src/circuits/builtin/generate';
import { circuitFromDoc } from '../../src/circuits/circuit';
import type { Circuit } from '../../src/circuits/types';
import { createSimulation } from '../../src/sim/simulation';
import { parseArena } from '../../src/world/parse';

const plate = (lawn: boolean) =>
  parseArena(
    {
      version: 1,
      name: lawn ? 'lawn' : 'bare',
      plate: { shape: 'dish', diameter: 200 },
      start: { at: [100, 100], headingDeg: 0 },
      food: lawn ? [{ at: [100, 100], radius: 50, emission: 0 }] : [],
    },
    lawn ? 'lawn' : 'bare',
  );
export const LAWN = plate(true);
export const BARE = plate(false);

/** The default worm without one modulator (its release and every receptor for it): cat-2-like (dopamine) or tph-1-like (serotonin). */
export function without(modulator: 'dopamine' | 'serotonin'): Circuit {
  const doc = buildWorm();
  doc.modulators = (doc.modulators ?? []).filter((m) => m.name !== modulator);
  doc.receptors = (doc.receptors ?? []).filter((r) => r.modulator !== modulator);
  return circuitFromDoc(doc, `worm without ${modulator}`);
}

export interface Condition {
  circuit?: Circuit | string;
  lawn: boolean;
  hoursOffFood?: number;
  ablate?: readonly string[];
}

/** Mean path speed (mm/s: |velocity along the body|) over 40 s after 10 s to settle. */
export function pathSpeed(seed: number, c: Condition): number {
  const sim = createSimulation({ circuit: c.circuit ?? 'worm', seed, arena: c.lawn ? LAWN : BARE, hoursOffFood: c.hoursOffFood ?? 0 });
  for (const id of c.ablate ?? []) sim.ablate(id);
  sim.run(10_000);
  let path = 0;
  const end = sim.timeMs + 40_000;
  while (sim.timeMs < end - 1e-9) {
    sim.step();
    path += (Math.abs(sim.behaviour().alongMmPerS) * sim.physicsStepMs) / 1000;
  }
  return path / 40;
}

export const STARVED_HOURS = 0.5;
export const DOPAMINERGIC = ['CEPD', 'ADE', 'PDE'] as const;
export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
