import type { ArenaView } from './arena-view';

/**
 * The playground's plate until the world core provides arenas: a 6 mm field
 * of agar with one bacterial lawn. Shapes in mm, origin at the plate centre.
 */
export const PLAYGROUND_ARENA: ArenaView = {
  bounds: { kind: 'circle', x: 0, y: 0, r: 3 },
  medium: 'agar',
  food: [{ x: 1.35, y: -0.9, r: 0.55, amount: 0.9 }],
  odors: [{ x: 1.35, y: -0.9, sigma: 0.7, peak: 0.6 }],
};
