/**
 * Editor positions for an imported circuit: three layers left to right,
 * sensory → inter → motor, each a block of columns filled top to bottom in
 * the order given (class order, so members of a class sit together and the
 * numbered motor neurons run in body order). Deterministic.
 */
import type { NeuronRole } from '../../neural/types';

export const COLUMN_GAP = 90;
export const ROW_GAP = 40;
export const LAYER_GAP = 220;
const ROLES: readonly NeuronRole[] = ['sensory', 'inter', 'motor'];

export interface Placed {
  x: number;
  y: number;
}

/** Positions for neurons (in order) with the given roles; also the bounding box of the drawing. */
export function layeredLayout(roles: readonly NeuronRole[]): { positions: Placed[]; width: number; height: number } {
  // Rows per column: about square overall, at least 8.
  const rows = Math.max(8, Math.ceil(Math.sqrt(roles.length)));
  const positions: Placed[] = new Array<Placed>(roles.length);
  let x0 = 0;
  let width = 0;
  const height = (Math.min(rows, Math.max(1, roles.length)) - 1) * ROW_GAP;
  for (const role of ROLES) {
    let k = 0;
    roles.forEach((r, i) => {
      if (r !== role) return;
      const col = Math.floor(k / rows);
      const row = k % rows;
      positions[i] = { x: x0 + col * COLUMN_GAP, y: row * ROW_GAP - height / 2 };
      k++;
    });
    if (k === 0) continue;
    const cols = Math.ceil(k / rows);
    width = x0 + (cols - 1) * COLUMN_GAP;
    x0 = width + LAYER_GAP;
  }
  return { positions, width, height };
}
