/**
 * Gives the state matter-js writes on every step its own hidden classes, so
 * V8 keeps those numbers as doubles written in place.
 *
 * Why: matter-js makes its vectors as object literals or by copying into
 * `{}` (`{ x, y }`, `{ x, y, angle }`, vertices `{ x, y, index, body,
 * isInternal }`), and V8 shares a field's representation between every
 * object on the same map path in the process. Where a path turns tagged (or
 * its objects sit on several maps), each store of a double allocates a
 * 16-byte heap number and merged loads box theirs: the constraint solve alone
 * made ~10 KB of them per 10 ms step. Instances of a class have maps nothing
 * else in the process shares; the values are copied as they are (no
 * arithmetic changes).
 */
import Matter from 'matter-js';

class Vec {
  declare x: number;
  declare y: number;
  constructor(x: number, y: number) {
    this.x = x;
    this.y = y;
  }
}

class Impulse {
  declare x: number;
  declare y: number;
  declare angle: number;
  constructor(x: number, y: number, angle: number) {
    this.x = x;
    this.y = y;
    this.angle = angle;
  }
}

class Vertex {
  declare x: number;
  declare y: number;
  declare index: number;
  declare body: Matter.Body;
  declare isInternal: boolean;
  constructor(v: Matter.Vertex) {
    this.x = v.x;
    this.y = v.y;
    this.index = v.index;
    this.body = v.body;
    this.isInternal = v.isInternal;
  }
}

// The first instance fixes each field's representation: made with fractions, the numbers start as
// doubles (a first 0 would start them as small integers, moved to doubles on the first fractional store).
new Vec(0.5, 0.5);
new Impulse(0.5, 0.5, 0.5);
new Vertex({ x: 0.5, y: 0.5, index: 0, body: {} as Matter.Body, isInternal: false });

/** The per-step state of a matter-js 0.20 body (the typings mark some read-only and leave some out). */
interface Stepped {
  position: Matter.Vector;
  positionPrev: Matter.Vector;
  velocity: Matter.Vector;
  force: Matter.Vector;
  positionImpulse: Matter.Vector;
  constraintImpulse: { x: number; y: number; angle: number };
  bounds: Matter.Bounds;
  vertices: Matter.Vertex[];
  axes: Matter.Vector[];
}

const own = (v: Matter.Vector): Vec => new Vec(v.x, v.y);

function ownPart(b: Stepped): void {
  b.position = own(b.position);
  b.positionPrev = own(b.positionPrev);
  b.velocity = own(b.velocity);
  b.force = own(b.force);
  b.positionImpulse = own(b.positionImpulse);
  b.constraintImpulse = new Impulse(b.constraintImpulse.x, b.constraintImpulse.y, b.constraintImpulse.angle);
  b.bounds = { min: own(b.bounds.min), max: own(b.bounds.max) };
  const vs = b.vertices;
  for (let i = 0; i < vs.length; i++) vs[i] = new Vertex(vs[i]);
  const axes = b.axes;
  for (let i = 0; i < axes.length; i++) axes[i] = own(axes[i]);
}

/**
 * Gives a body (every part of a compound one) or a constraint own-class
 * vectors; one already done is left alone. Call before the body collides
 * (matter's collision records keep its vertices): the engines of
 * createPhysics() do it for everything added to their world.
 */
export function ownMaps(object: Matter.Body | Matter.Constraint): void {
  if (object.type === 'constraint') {
    const c = object as Matter.Constraint;
    if (!(c.pointA instanceof Vec)) c.pointA = own(c.pointA);
    if (!(c.pointB instanceof Vec)) c.pointB = own(c.pointB);
    return;
  }
  for (const part of (object as Matter.Body).parts) if (!(part.position instanceof Vec)) ownPart(part as unknown as Stepped);
}

/** Whether a body's or constraint's vectors are own-class (for tests). */
export function hasOwnMaps(object: Matter.Body | Matter.Constraint): boolean {
  if (object.type === 'constraint') return (object as Matter.Constraint).pointA instanceof Vec && (object as Matter.Constraint).pointB instanceof Vec;
  return (object as Matter.Body).parts.every((p) => p.position instanceof Vec && p.vertices.every((v) => v instanceof Vertex));
}

/** Owns the maps of everything added to this world from now on (bodies, constraints, whole composites). */
export function ownMapsOnAdd(world: Matter.World): void {
  Matter.Events.on(world, 'afterAdd', (e: { object: unknown }) => {
    for (const o of [e.object].flat() as (Matter.Body | Matter.Constraint | Matter.Composite)[]) {
      if (o.type === 'composite') {
        for (const b of Matter.Composite.allBodies(o as Matter.Composite)) ownMaps(b);
        for (const c of Matter.Composite.allConstraints(o as Matter.Composite)) ownMaps(c);
      } else ownMaps(o as Matter.Body | Matter.Constraint);
    }
  });
}
