/**
 * matter-js's distance-constraint step without its garbage.
 *
 * Why: matter-js 0.20's `Constraint.solve` builds four to eight small vector
 * objects per constraint per iteration (Vector.add, sub, mult, div); with the
 * worm's ~40 constraints × 4 iterations per physics step that was about half
 * of everything a simulation allocates (~50 KB per step, heap-sampled), and
 * the young-generation collections it forces run partly on V8's helper
 * threads: a population worker kept ~1.3 cores busy. This is the same
 * function with the vectors as scalars: every operation, operand and order as
 * in matter-js (so the same bits: constraint-solve.test.ts compares the two
 * on random chains), and no object made. Installed over `Constraint.solve`
 * for the npm matter-js the core uses (Phaser bundles its own fork: untouched).
 */
import Matter from 'matter-js';

type Vec = { x: number; y: number };
type SolvedBody = Matter.Body & { positionPrev: Vec; constraintImpulse: Vec & { angle: number } };
interface SolvedConstraint {
  bodyA: SolvedBody | null;
  bodyB: SolvedBody | null;
  pointA: Vec;
  pointB: Vec;
  angleA: number;
  angleB: number;
  length: number;
  stiffness: number;
  damping: number;
  angularStiffness: number;
}

/** matter-js's own constants, read where it keeps them (private in its types). */
const C = Matter.Constraint as unknown as { _minLength: number; _torqueDampen: number; solve: (c: SolvedConstraint, timeScale: number) => void };

/**
 * Rotates p in place by `angle`, as Vector.rotate(p, angle, p). The worm's
 * segments never turn (infinite inertia), so the angle is almost always ±0,
 * where cos and sin are exactly 1 and ±0 by the language's definition: taken
 * without the two calls (a third of this function's time), the same bits.
 */
function rotateInPlace(p: Vec, angle: number): void {
  const cos = angle === 0 ? 1 : Math.cos(angle),
    sin = angle === 0 ? angle : Math.sin(angle);
  const x = p.x * cos - p.y * sin;
  p.y = p.x * sin + p.y * cos;
  p.x = x;
}

export function solveConstraint(constraint: SolvedConstraint, timeScale: number): void {
  const { bodyA, bodyB, pointA, pointB } = constraint;
  if (bodyA && bodyB && !bodyA.isStatic && !bodyB.isStatic && bodyA.inverseInertia === 0 && bodyB.inverseInertia === 0 && constraint.damping === 0) {
    solveLink(constraint, bodyA, bodyB, timeScale);
    return;
  }
  if (!bodyA && !bodyB) return;
  if (bodyA && !bodyA.isStatic) {
    rotateInPlace(pointA, bodyA.angle - constraint.angleA);
    constraint.angleA = bodyA.angle;
  }
  if (bodyB && !bodyB.isStatic) {
    rotateInPlace(pointB, bodyB.angle - constraint.angleB);
    constraint.angleB = bodyB.angle;
  }
  // matter-js returns when a world point is missing; pointA and pointB always exist on a created constraint.
  if (!pointA || !pointB) return;
  const ax = bodyA ? bodyA.position.x + pointA.x : pointA.x,
    ay = bodyA ? bodyA.position.y + pointA.y : pointA.y;
  const bx = bodyB ? bodyB.position.x + pointB.x : pointB.x,
    by = bodyB ? bodyB.position.y + pointB.y : pointB.y;
  const dx = ax - bx,
    dy = ay - by;
  let currentLength = Math.sqrt(dx * dx + dy * dy);
  if (currentLength < C._minLength) currentLength = C._minLength;

  const difference = (currentLength - constraint.length) / currentLength;
  const isRigid = constraint.stiffness >= 1 || constraint.length === 0;
  const stiffness = isRigid ? constraint.stiffness * timeScale : constraint.stiffness * timeScale * timeScale;
  const damping = constraint.damping * timeScale;
  const k = difference * stiffness;
  const fx = dx * k,
    fy = dy * k;
  const massTotal = (bodyA ? bodyA.inverseMass : 0) + (bodyB ? bodyB.inverseMass : 0);
  const inertiaTotal = (bodyA ? bodyA.inverseInertia : 0) + (bodyB ? bodyB.inverseInertia : 0);
  const resistanceTotal = massTotal + inertiaTotal;
  let nx = 0,
    ny = 0,
    normalVelocity = 0;
  if (damping > 0) {
    nx = dx / currentLength;
    ny = dy / currentLength;
    const vbx = bodyB ? bodyB.position.x - bodyB.positionPrev.x : 0,
      vby = bodyB ? bodyB.position.y - bodyB.positionPrev.y : 0;
    const vax = bodyA ? bodyA.position.x - bodyA.positionPrev.x : 0,
      vay = bodyA ? bodyA.position.y - bodyA.positionPrev.y : 0;
    normalVelocity = nx * (vbx - vax) + ny * (vby - vay);
  }
  if (bodyA && !bodyA.isStatic) {
    const share = bodyA.inverseMass / massTotal;
    bodyA.constraintImpulse.x -= fx * share;
    bodyA.constraintImpulse.y -= fy * share;
    bodyA.position.x -= fx * share;
    bodyA.position.y -= fy * share;
    if (damping > 0) {
      bodyA.positionPrev.x -= damping * nx * normalVelocity * share;
      bodyA.positionPrev.y -= damping * ny * normalVelocity * share;
    }
    const torque = ((pointA.x * fy - pointA.y * fx) / resistanceTotal) * C._torqueDampen * bodyA.inverseInertia * (1 - constraint.angularStiffness);
    bodyA.constraintImpulse.angle -= torque;
    bodyA.angle -= torque;
  }
  if (bodyB && !bodyB.isStatic) {
    const share = bodyB.inverseMass / massTotal;
    bodyB.constraintImpulse.x += fx * share;
    bodyB.constraintImpulse.y += fy * share;
    bodyB.position.x += fx * share;
    bodyB.position.y += fy * share;
    if (damping > 0) {
      bodyB.positionPrev.x += damping * nx * normalVelocity * share;
      bodyB.positionPrev.y += damping * ny * normalVelocity * share;
    }
    const torque = ((pointB.x * fy - pointB.y * fx) / resistanceTotal) * C._torqueDampen * bodyB.inverseInertia * (1 - constraint.angularStiffness);
    bodyB.constraintImpulse.angle += torque;
    bodyB.angle += torque;
  }
}

/**
 * The worm's case: a link between two free bodies that cannot turn (infinite
 * inertia) and no damping: the same operations in the same order as the
 * general path, less its branches and the torque, which is 0 × a finite
 * number there (the angle, +0, stays +0 either way). It runs 8 passes over
 * the worm's 19 links a physics step (docs/benchmarks.md, session 9).
 */
function solveLink(constraint: SolvedConstraint, bodyA: SolvedBody, bodyB: SolvedBody, timeScale: number): void {
  const { pointA, pointB } = constraint;
  rotateInPlace(pointA, bodyA.angle - constraint.angleA);
  constraint.angleA = bodyA.angle;
  rotateInPlace(pointB, bodyB.angle - constraint.angleB);
  constraint.angleB = bodyB.angle;
  const dx = bodyA.position.x + pointA.x - (bodyB.position.x + pointB.x),
    dy = bodyA.position.y + pointA.y - (bodyB.position.y + pointB.y);
  let currentLength = Math.sqrt(dx * dx + dy * dy);
  if (currentLength < C._minLength) currentLength = C._minLength;
  const difference = (currentLength - constraint.length) / currentLength;
  const stiffness = constraint.stiffness >= 1 || constraint.length === 0 ? constraint.stiffness * timeScale : constraint.stiffness * timeScale * timeScale;
  const k = difference * stiffness;
  const fx = dx * k,
    fy = dy * k;
  const massTotal = bodyA.inverseMass + bodyB.inverseMass;
  const shareA = bodyA.inverseMass / massTotal;
  bodyA.constraintImpulse.x -= fx * shareA;
  bodyA.constraintImpulse.y -= fy * shareA;
  bodyA.position.x -= fx * shareA;
  bodyA.position.y -= fy * shareA;
  const shareB = bodyB.inverseMass / massTotal;
  bodyB.constraintImpulse.x += fx * shareB;
  bodyB.constraintImpulse.y += fy * shareB;
  bodyB.position.x += fx * shareB;
  bodyB.position.y += fy * shareB;
}

/** matter-js's own solve, kept for the equivalence test. */
export const matterSolve = C.solve;

/** Puts the allocation-free solve in place (idempotent). */
export function installConstraintSolve(): void {
  C.solve = solveConstraint;
}
