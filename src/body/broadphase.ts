/**
 * matter-js's broad phase (Detector.collisions) without its garbage.
 *
 * Why: matter-js 0.20 sorts the engine's bodies by their bounds' left edge on
 * every update with Array.prototype.sort and a comparator that returns a
 * difference of doubles. V8's sort copies the array into a new work array,
 * and each comparison's result comes back as a new heap number: with a
 * plate's 50 rim blocks beside the worm's 20 segments that was ~2.5 KB per
 * 10 ms step, a quarter of what an evolution run allocates. Between two steps
 * the order barely changes, so an insertion sort in place does the same work
 * in about n comparisons and makes nothing. Both sorts are stable and the
 * keys are never NaN, so the order is the same (the unique stable order),
 * and the sweep below is matter-js's own, line for line: the same collisions
 * in the same order (broadphase.test.ts compares the two on random scenes).
 * Installed over `Detector.collisions` for the npm matter-js the core uses.
 */
import Matter from 'matter-js';

interface Detector {
  bodies: Matter.Body[];
  pairs: unknown;
  collisions: unknown[];
}

const D = Matter.Detector as unknown as {
  collisions: (d: Detector) => unknown[];
  canCollide: (a: Matter.ICollisionFilter, b: Matter.ICollisionFilter) => boolean;
};
const collides = (Matter.Collision as unknown as { collides: (a: Matter.Body, b: Matter.Body, pairs: unknown) => unknown }).collides;

/** Stable in-place insertion sort by bounds.min.x (matter's order), nothing allocated. */
function sortByMinX(bodies: Matter.Body[]): void {
  for (let i = 1; i < bodies.length; i++) {
    const b = bodies[i];
    const key = b.bounds.min.x;
    let j = i - 1;
    if (!(bodies[j].bounds.min.x > key)) continue;
    while (j >= 0 && bodies[j].bounds.min.x > key) {
      bodies[j + 1] = bodies[j];
      j--;
    }
    bodies[j + 1] = b;
  }
}

/** nextFree[j]: the first sorted index ≥ j whose body moves (neither static nor sleeping), n if none; grown on demand. */
let nextFree = new Int32Array(0);

/**
 * Index the moving bodies of the sorted list, so that a static body's sweep
 * visits only them: two static bodies never collide, and a plate's 50 rim
 * blocks overlap one another in x, so most of the pairs a step visited were
 * static with static. The moving bodies keep their order and the break on
 * min.x holds on them alone (sorted), so the collisions and their order are
 * matter's.
 */
function indexFree(bodies: Matter.Body[]): Int32Array {
  const n = bodies.length;
  if (nextFree.length < n + 1) nextFree = new Int32Array(2 * n + 1);
  const next = nextFree;
  next[n] = n;
  for (let j = n - 1; j >= 0; j--) next[j] = bodies[j].isStatic || bodies[j].isSleeping ? next[j + 1] : j;
  return next;
}

export function detectorCollisions(detector: Detector): unknown[] {
  const { pairs, bodies, collisions } = detector;
  const n = bodies.length;
  const canCollide = D.canCollide;
  let count = 0;
  sortByMinX(bodies);
  const next = indexFree(bodies);
  for (let i = 0; i < n; i++) {
    const bodyA = bodies[i];
    const boundXMax = bodyA.bounds.max.x;
    const boundYMax = bodyA.bounds.max.y;
    const boundYMin = bodyA.bounds.min.y;
    const bodyAStatic = bodyA.isStatic || bodyA.isSleeping;
    const partsALength = bodyA.parts.length;
    const partsASingle = partsALength === 1;
    for (let j = bodyAStatic ? next[i + 1] : i + 1; j < n; j = bodyAStatic ? next[j + 1] : j + 1) {
      const bodyB = bodies[j];
      const boundsB = bodyB.bounds;
      if (boundsB.min.x > boundXMax) break;
      if (boundYMax < boundsB.min.y || boundYMin > boundsB.max.y) continue;
      if (bodyAStatic && (bodyB.isStatic || bodyB.isSleeping)) continue;
      if (!canCollide(bodyA.collisionFilter, bodyB.collisionFilter)) continue;
      const partsBLength = bodyB.parts.length;
      if (partsASingle && partsBLength === 1) {
        const collision = collides(bodyA, bodyB, pairs);
        if (collision) collisions[count++] = collision;
      } else {
        for (let k = partsALength > 1 ? 1 : 0; k < partsALength; k++) {
          const partA = bodyA.parts[k];
          const a = partA.bounds;
          for (let z = partsBLength > 1 ? 1 : 0; z < partsBLength; z++) {
            const partB = bodyB.parts[z];
            const b = partB.bounds;
            if (a.min.x > b.max.x || a.max.x < b.min.x || a.max.y < b.min.y || a.min.y > b.max.y) continue;
            const collision = collides(partA, partB, pairs);
            if (collision) collisions[count++] = collision;
          }
        }
      }
    }
  }
  if (collisions.length !== count) collisions.length = count;
  return collisions;
}

/** matter-js's own, kept for the equivalence test. */
export const matterCollisions = D.collisions;

/** Puts the allocation-free broad phase in place (idempotent). */
export function installBroadphase(): void {
  D.collisions = detectorCollisions;
}
