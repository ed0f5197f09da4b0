/**
 * matter-js's `Bounds.update` with the running extremes in locals.
 *
 * Why: matter-js keeps them in the bounds object itself (`bounds.max.x` read
 * and written for every vertex), and V8 cannot hold an object's field in a
 * register across the stores, so each of a worm segment's 10 vertices cost
 * four loads and up to four stores; it runs for every moving body at least
 * three times a physics step (the Verlet update and both constraint
 * passes). The extremes are the same values (a comparison picks one of the
 * doubles it compares, with NaN never picked, as before), written once.
 * Installed over `Bounds.update` for the npm matter-js the core uses
 * (Phaser bundles its own fork: untouched); bounds.test.ts compares the two.
 */
import Matter from 'matter-js';

const B = Matter.Bounds as unknown as { update: (bounds: Matter.Bounds, vertices: Matter.Vector[], velocity?: Matter.Vector) => void };

export function updateBounds(bounds: Matter.Bounds, vertices: Matter.Vector[], velocity?: Matter.Vector): void {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < vertices.length; i++) {
    const vertex = vertices[i];
    if (vertex.x > maxX) maxX = vertex.x;
    if (vertex.x < minX) minX = vertex.x;
    if (vertex.y > maxY) maxY = vertex.y;
    if (vertex.y < minY) minY = vertex.y;
  }
  if (velocity) {
    if (velocity.x > 0) maxX += velocity.x;
    else minX += velocity.x;
    if (velocity.y > 0) maxY += velocity.y;
    else minY += velocity.y;
  }
  bounds.min.x = minX;
  bounds.max.x = maxX;
  bounds.min.y = minY;
  bounds.max.y = maxY;
}

/** matter-js's own, kept for the equivalence test. */
export const matterUpdateBounds = B.update;

/** Puts the local-extremes version in place (idempotent). */
export function installBounds(): void {
  B.update = updateBounds;
}
