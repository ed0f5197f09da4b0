/**
 * The worm's body in a matter-js engine: N circles (head first) joined by
 * rigid distance constraints, driven by two rows of muscles and held by
 * anisotropic resistive-force drag. The mechanics (mechanics.ts) decide each
 * step how far every segment moves; matter-js integrates that motion, keeps
 * the links tight and resolves contacts with walls and obstacles that share
 * the engine.
 *
 * Frame: x right, y up (counter-clockwise angles). "Left" of the worm is the
 * heading turned +90°. A view that draws y downward shows the worm mirrored.
 */
import Matter from 'matter-js';
import type { TouchKind } from '../streams/types';
import { BodyInstabilityError, type FiniteIssue } from './errors';
import { createMechanics, MAX_PUSHES, type Mechanics } from './mechanics';
import { type BodyPoint, nearestPointOf, tangentOf } from './picking';
import { StaticContacts } from './staticContacts';

export type { BodyPoint };
import { MEDIUM_DRAG, resolveBodyOptions, type BodyMedium, type ResolvedBodyOptions, type WormBodyOptions } from './params';
import { DEFAULT_STEP_MS, MATTER_UNITS_PER_MM, MAX_STEP_MS } from './units';

/** matter-js mass of one segment. The motion is overdamped, so it only sets how contacts share corrections. */
const SEGMENT_MASS = 1;
/**
 * Static surfaces closer than this (mm) join the next solve as predicted
 * contacts: more than a harsh poke's largest step (~25 µm), so nothing the
 * body does in one step can reach a wall unseen.
 */
const CONTACT_MARGIN_MM = 0.05;
/** A segment this close to a static surface after a step touches it (matter reports only overlaps), mm. */
const TOUCH_MM = 0.001;
const S = MATTER_UNITS_PER_MM;

/** State matter-js 0.20 keeps on every body that @types/matter-js leaves out. */
type VerletBody = Matter.Body & {
  positionPrev: Matter.Vector;
  deltaTime: number;
  constraintImpulse: { x: number; y: number; angle: number };
  positionImpulse: Matter.Vector;
};

export class WormBody {
  readonly engine: Matter.Engine;
  readonly options: Readonly<ResolvedBodyOptions>;
  readonly segments: number;
  readonly lengthMm: number;
  /** Rest distance between neighbouring segment centres, mm. */
  readonly segmentLengthMm: number;
  /** Body radius at each segment centre, mm (do not modify). */
  readonly radii: Float64Array;
  /** The matter bodies, head first (for views and contact lookups; do not move them directly). */
  readonly parts: readonly Matter.Body[];
  /** The matter constraints joining part i to part i + 1. */
  readonly links: readonly Matter.Constraint[];
  readonly composite: Matter.Composite;

  private readonly mech: Mechanics;
  private readonly verlet: readonly VerletBody[];
  private readonly ids = new Map<number, number>();
  private readonly x: Float64Array;
  private readonly xStart: Float64Array;
  private readonly vel: Float64Array;
  private readonly delta: Float64Array;
  private readonly act: Float64Array;
  // Active pokes (struct of arrays, oldest first; their pushers live in mech).
  private pokes = 0;
  private readonly pokeAge = new Float64Array(MAX_PUSHES);
  private readonly pokeDuration = new Float64Array(MAX_PUSHES);
  /** Peak force of each poke, µN. */
  private readonly pokePeak = new Float64Array(MAX_PUSHES);
  private time = 0;
  private medium_: BodyMedium | 'custom';
  /** Contacts with moving bodies (other worms) from the last update; predicted static contacts follow them in the obstacle arrays. */
  private movingContacts = 0;
  /** Segments that touched anything outside this worm in the last update. */
  private readonly touching: Uint8Array;
  /** Segments that ended the last step against a static surface (predicted contacts). */
  private readonly pressed: Uint8Array;
  private readonly statics: StaticContacts;

  constructor(engine: Matter.Engine, options: WormBodyOptions = {}) {
    const g = engine.gravity;
    if (g.scale !== 0 && (g.x !== 0 || g.y !== 0)) {
      throw new RangeError('WormBody: engine.gravity must be zero (a plate seen from above); make the engine with createPhysics().');
    }
    const o = resolveBodyOptions(options);
    this.engine = engine;
    this.options = o;
    this.segments = o.segments;
    this.lengthMm = o.lengthMm;
    this.mech = createMechanics(o);
    this.medium_ = o.medium;
    this.segmentLengthMm = this.mech.linkMm;
    this.radii = this.mech.radii;
    const N = o.segments;
    this.x = new Float64Array(2 * N);
    this.xStart = new Float64Array(2 * N);
    this.vel = new Float64Array(2 * N);
    this.delta = new Float64Array(2 * N);
    this.act = new Float64Array(2 * N);
    this.touching = new Uint8Array(N);
    this.pressed = new Uint8Array(N);

    this.layOut(o.headXMm, o.headYMm, o.headingRad);
    const group = Matter.Body.nextGroup(true);
    const parts: Matter.Body[] = [];
    for (let i = 0; i < N; i++) {
      const b = Matter.Bodies.circle(this.x[2 * i] * S, this.x[2 * i + 1] * S, this.radii[i] * S, {
        label: 'worm-segment',
        collisionFilter: { group, category: 0x0001, mask: 0xffffffff },
        friction: 0,
        frictionStatic: 0,
        frictionAir: 0,
        restitution: 0,
      });
      Matter.Body.setMass(b, SEGMENT_MASS);
      Matter.Body.setInertia(b, Infinity); // circles need no spin; keeps contacts from rolling them
      parts.push(b);
      this.ids.set(b.id, i);
    }
    const links: Matter.Constraint[] = [];
    for (let i = 0; i < N - 1; i++) {
      links.push(
        Matter.Constraint.create({
          label: 'worm-link',
          bodyA: parts[i],
          bodyB: parts[i + 1],
          length: this.segmentLengthMm * S,
          stiffness: 1,
          damping: 0,
        }),
      );
    }
    this.parts = parts;
    this.verlet = parts as VerletBody[];
    this.links = links;
    this.composite = Matter.Composite.create({ label: 'worm' });
    Matter.Composite.add(this.composite, [...parts, ...links]);
    Matter.Composite.add(engine.world, this.composite);
    this.statics = new StaticContacts(engine, new Set(this.ids.keys()), parts[0].collisionFilter);
  }

  /** Simulated time this body has been stepped, ms. */
  get timeMs(): number {
    return this.time;
  }

  // ---- muscles and medium -------------------------------------------------

  /**
   * Muscle activations 0..1, length 2 × segments: index side·segments + i,
   * side 0 = left (dorsal), 1 = right (ventral) — the MotorFrame layout.
   * Values are clamped to 0..1; NaN or a wrong length is an error.
   */
  setActivations(a: ArrayLike<number>): void {
    const n = this.act.length;
    if (a.length !== n) {
      throw new RangeError(`WormBody.setActivations: got ${a.length} values, need 2 × segments = ${n} (left row, then right row).`);
    }
    for (let m = 0; m < n; m++) {
      const v = a[m];
      if (Number.isNaN(v)) {
        throw new RangeError(`WormBody.setActivations: activation[${m}] is NaN (muscle ${m % this.segments}, side ${m < this.segments ? 'left' : 'right'}).`);
      }
      this.act[m] = v < 0 ? 0 : Math.min(v, 1);
    }
  }

  /** Current muscle activations (copy). */
  activations(out: Float64Array = new Float64Array(this.act.length)): Float64Array {
    out.set(this.act);
    return out;
  }

  /**
   * The medium the body is in now: its drag is read by every step, so a
   * switch takes effect on the next step ('custom' after setDrag).
   */
  get medium(): BodyMedium | 'custom' {
    return this.medium_;
  }

  /** Switch the drag to a medium's preset (see MEDIUM_DRAG); takes effect on the next step. */
  setMedium(medium: BodyMedium): void {
    const m = Object.hasOwn(MEDIUM_DRAG, medium) ? MEDIUM_DRAG[medium] : undefined;
    if (!m) throw new RangeError(`WormBody.setMedium: unknown medium ${String(medium)} (use 'agar' or 'water').`);
    this.mech.setDrag(m.dragNormal, m.dragRatio);
    this.medium_ = medium;
  }

  /** Set the drag directly: C⊥ in µN·ms/mm² and the ratio C⊥/C∥. */
  setDrag(dragNormal: number, dragRatio: number): void {
    resolveBodyOptions({ dragNormal, dragRatio }); // validates with a clear message
    this.mech.setDrag(dragNormal, dragRatio);
    this.medium_ = 'custom';
  }

  /** Current drag per mm of body: across (C⊥) and along (C∥), µN·ms/mm². */
  drag(): { normal: number; tangent: number } {
    const s = this.segmentLengthMm;
    return { normal: this.mech.drag.normal / s, tangent: this.mech.drag.tangent / s };
  }

  // ---- stepping -------------------------------------------------------------

  /**
   * Compute this step's motion and load it into the matter bodies as forces.
   * Call before Engine.update(engine, dtMs) with the same dtMs, then afterUpdate.
   */
  applyForces(dtMs: number): void {
    checkStep(dtMs);
    if (this.engine.timing.timeScale !== 1) {
      throw new RangeError('WormBody: engine.timing.timeScale must stay 1; run slow or fast motion on the simulation clock instead.');
    }
    const N = this.segments;
    const x = this.x;
    this.readPositions(x);
    for (let k = 0; k < 2 * N; k++) {
      if (!Number.isFinite(x[k])) throw new BodyInstabilityError(this.time, issueAt(k, 'position', x[k]));
    }
    this.xStart.set(x);
    this.updatePushes(dtMs);
    const m = this.mech;
    const obstacles = this.statics.predict(x, this.radii, CONTACT_MARGIN_MM, m, this.movingContacts);
    m.setObstacles(obstacles);
    const solved = m.solve(x, this.act, dtMs, this.delta);
    const d = this.delta;
    for (let k = 0; k < 2 * N; k++) {
      if (!solved || !Number.isFinite(d[k])) throw new BodyInstabilityError(this.time, issueAt(solved ? k : -2, 'velocity', d[k] / dtMs));
    }
    this.pressed.fill(0);
    for (let k = this.movingContacts; k < obstacles; k++) {
      const i = m.obsSeg[k];
      if (m.obsGap[k] + d[2 * i] * m.obsNx[k] + d[2 * i + 1] * m.obsNy[k] <= TOUCH_MM) this.pressed[i] = 1;
    }
    const dt2 = dtMs * dtMs;
    for (let i = 0; i < N; i++) {
      const b = this.verlet[i];
      // Force that makes matter's Verlet step land exactly on the overdamped motion
      // (cancels the velocity carried from the last step: there is no inertia).
      const corr = dtMs / (b.deltaTime || dtMs);
      const ux = (b.position.x - b.positionPrev.x) * corr;
      const uy = (b.position.y - b.positionPrev.y) * corr;
      b.force.x += (b.mass * (d[2 * i] * S - ux)) / dt2;
      b.force.y += (b.mass * (d[2 * i + 1] * S - uy)) / dt2;
      // matter re-applies a share of last step's constraint and contact corrections
      // ("warming"); with no inertia those are stale pushes, so start each step clean.
      b.constraintImpulse.x = b.constraintImpulse.y = b.constraintImpulse.angle = 0;
      b.positionImpulse.x = b.positionImpulse.y = 0;
    }
  }

  /** Read the new pose back after Engine.update; throws BodyInstabilityError on NaN/Infinity. */
  afterUpdate(dtMs: number): void {
    const x = this.x;
    this.readPositions(x);
    const v = this.vel;
    for (let k = 0; k < x.length; k++) v[k] = (x[k] - this.xStart[k]) / dtMs;
    this.time += dtMs;
    this.agePokes(dtMs);
    this.collectObstacles();
    const issue = this.checkFinite();
    if (issue) throw new BodyInstabilityError(this.time, issue);
  }

  /** Advance this body alone (its engine must hold no other worm): applyForces, Engine.update, afterUpdate. */
  step(dtMs: number = DEFAULT_STEP_MS): void {
    this.applyForces(dtMs);
    Matter.Engine.update(this.engine, dtMs);
    this.afterUpdate(dtMs);
  }

  // ---- readouts -------------------------------------------------------------

  /** Segment centres in mm, x,y interleaved, head first. */
  positions(out: Float64Array = new Float64Array(this.x.length)): Float64Array {
    out.set(this.x);
    return out;
  }

  /** Segment velocities over the last step, mm/ms (× 1000 for mm/s), x,y interleaved. */
  velocities(out: Float64Array = new Float64Array(this.vel.length)): Float64Array {
    out.set(this.vel);
    return out;
  }

  /** Direction the head points, rad: from the segment ~10 % down the body to the head segment. */
  headingRad(): number {
    const k = Math.max(1, Math.round(this.segments / 10));
    const x = this.x;
    return Math.atan2(x[1] - x[2 * k + 1], x[0] - x[2 * k]);
  }

  /** Mean of the segment centres, mm: [x, y]. */
  centroid(out: Float64Array = new Float64Array(2)): Float64Array {
    let sx = 0;
    let sy = 0;
    const N = this.segments;
    for (let i = 0; i < N; i++) {
      sx += this.x[2 * i];
      sy += this.x[2 * i + 1];
    }
    out[0] = sx / N;
    out[1] = sy / N;
    return out;
  }

  /**
   * Signed curvature at the segments − 2 interior joints, 1/mm; out[k] is at
   * the centre of segment k + 1. Positive = bent to the worm's left.
   */
  curvature(out: Float64Array = new Float64Array(this.segments - 2)): Float64Array {
    return this.mech.curvature(this.x, out);
  }

  /** Nose-tip-to-tail-tip length along the centreline, mm (≈ lengthMm while links hold). */
  centrelineLengthMm(): number {
    const x = this.x;
    let l = this.segmentLengthMm; // the two half segments beyond the end centres
    for (let i = 0; i < this.segments - 1; i++) l += Math.hypot(x[2 * i + 2] - x[2 * i], x[2 * i + 3] - x[2 * i + 1]);
    return l;
  }

  /** Segment index of a matter body of this worm, or −1. */
  segmentOf(body: Matter.Body): number {
    return this.ids.get(body.id) ?? -1;
  }

  /**
   * Which segments touch a body that is not part of this worm (walls,
   * obstacles, other worms) in the last update: out[i] = 1. Returns the count.
   */
  contacts(out: Uint8Array = new Uint8Array(this.segments)): number {
    out.set(this.touching);
    let count = 0;
    for (let i = 0; i < this.segments; i++) count += this.touching[i];
    return count;
  }

  /** Nearest point of the body to (xMm, yMm), for pointer picking. */
  nearestBodyPoint(xMm: number, yMm: number): BodyPoint {
    return nearestPointOf(this.x, this.radii, this.segments, this.segmentLengthMm, xMm, yMm);
  }

  // ---- pokes ---------------------------------------------------------------

  /**
   * A brief physical push at a body point, like a pick pressed into the worm
   * and withdrawn over pokeDurationMs. position 0 = nose tip .. 1 = tail tip;
   * side +1 = touched on its left (pushed rightward), −1 = on its right,
   * 0 = from above: pushes the nearer end axially toward the middle (full at
   * the tips, nothing mid-body). force 0..1 scales how far the pick goes in
   * (harsh 1.0 → pokeHarshMm, gentle → pokeGentleMm). The sensory side of a
   * poke is the Skin controller's job; this is only the mechanics.
   */
  poke(position: number, side: -1 | 0 | 1, force: number, kind: TouchKind): void {
    if (!(position >= 0 && position <= 1)) throw new RangeError(`WormBody.poke: position = ${position} must be in 0..1 (0 nose, 1 tail).`);
    if (side !== -1 && side !== 0 && side !== 1) throw new RangeError(`WormBody.poke: side = ${String(side)} must be -1, 0 or 1.`);
    if (!(force >= 0 && force <= 1)) throw new RangeError(`WormBody.poke: force = ${force} must be in 0..1.`);
    if (kind !== 'gentle' && kind !== 'harsh') throw new RangeError(`WormBody.poke: kind = ${String(kind)} must be 'gentle' or 'harsh'.`);
    const N = this.segments;
    const c = Math.min(N - 1, Math.max(0, position * N - 0.5));
    const i = Math.min(N - 2, Math.floor(c));
    const w0 = 1 - (c - i);
    const t = this.tangentAt(i);
    let nx: number;
    let ny: number;
    let scale = 1;
    if (side === 0) {
      const toward = position < 0.5 ? -1 : 1; // push the nearer end toward the middle
      nx = toward * t[0];
      ny = toward * t[1];
      scale = Math.abs(1 - 2 * position);
    } else {
      // The worm's left normal is (−t_y, t_x); a touch on the left pushes right.
      nx = side * t[1];
      ny = -side * t[0];
    }
    const depth = force * scale * (kind === 'harsh' ? this.options.pokeHarshMm : this.options.pokeGentleMm);
    if (depth <= 0) return;
    // Size the force so the free body point would move `depth` over the pulse:
    // ∫ F sin(πt/T) dt = 2FT/π, times the point's mobility on the pulse's time scale.
    const T = this.options.pokeDurationMs;
    const m = this.mech;
    const mobility = m.pointMobility(this.x, this.act, T / 2, i, w0, nx, ny);
    if (!(mobility > 0 && Number.isFinite(mobility))) {
      throw new BodyInstabilityError(this.time, { segment: i, quantity: 'position', axis: 'x', value: mobility });
    }
    if (this.pokes === MAX_PUSHES) this.dropOldestPoke();
    const k = this.pokes++;
    m.pushSeg[k] = i;
    m.pushW[k] = w0;
    m.pushNx[k] = nx;
    m.pushNy[k] = ny;
    m.pushForce[k] = 0;
    this.pokeAge[k] = 0;
    this.pokeDuration[k] = T;
    this.pokePeak[k] = (depth * Math.PI) / (2 * T * mobility);
  }

  // ---- stability guard ------------------------------------------------------

  /** First non-finite position (matter state) or velocity, or null. */
  checkFinite(): FiniteIssue | null {
    for (let i = 0; i < this.segments; i++) {
      const p = this.parts[i].position;
      if (!Number.isFinite(p.x)) return { segment: i, quantity: 'position', axis: 'x', value: p.x };
      if (!Number.isFinite(p.y)) return { segment: i, quantity: 'position', axis: 'y', value: p.y };
      const vx = this.vel[2 * i];
      const vy = this.vel[2 * i + 1];
      if (!Number.isFinite(vx)) return { segment: i, quantity: 'velocity', axis: 'x', value: vx };
      if (!Number.isFinite(vy)) return { segment: i, quantity: 'velocity', axis: 'y', value: vy };
    }
    return null;
  }

  isFinite(): boolean {
    return this.checkFinite() === null;
  }

  // ---- placement -----------------------------------------------------------

  /** Put the worm down straight with its nose tip at (x, y) mm pointing along headingRad, at rest. */
  place(headXMm: number, headYMm: number, headingRad: number): void {
    resolveBodyOptions({ headXMm, headYMm, headingRad }); // validates
    this.layOut(headXMm, headYMm, headingRad);
    for (let i = 0; i < this.segments; i++) {
      const b = this.verlet[i];
      Matter.Body.setPosition(b, { x: this.x[2 * i] * S, y: this.x[2 * i + 1] * S });
      b.positionPrev.x = b.position.x;
      b.positionPrev.y = b.position.y;
      b.constraintImpulse.x = b.constraintImpulse.y = b.constraintImpulse.angle = 0;
      b.positionImpulse.x = b.positionImpulse.y = 0;
    }
    this.vel.fill(0);
    this.pokes = 0;
    this.mech.setPushes(0);
    this.movingContacts = 0;
    this.touching.fill(0);
    this.pressed.fill(0);
    this.mech.setObstacles(0);
  }

  /** Remove the worm's bodies and constraints from the engine. */
  destroy(): void {
    Matter.Composite.remove(this.engine.world, this.composite);
  }

  // ---- internals -------------------------------------------------------------

  private layOut(hx: number, hy: number, heading: number): void {
    const c = Math.cos(heading);
    const sn = Math.sin(heading);
    const s = this.segmentLengthMm;
    for (let i = 0; i < this.segments; i++) {
      this.x[2 * i] = hx - c * s * (i + 0.5);
      this.x[2 * i + 1] = hy - sn * s * (i + 0.5);
    }
  }

  private readPositions(x: Float64Array): void {
    for (let i = 0; i < this.segments; i++) {
      const p = this.parts[i].position;
      x[2 * i] = p.x / S;
      x[2 * i + 1] = p.y / S;
    }
  }

  /** Unit tangent (toward the head) at segment i. */
  private tangentAt(i: number): [number, number] {
    return tangentOf(this.x, this.segments, i);
  }

  /**
   * Contacts with bodies outside this worm, read from matter's active pairs:
   * every one counts as touch (contacts()); those with moving bodies also
   * keep the segment from moving further into them in the next solve (static
   * bodies are predicted there instead, see StaticContacts).
   */
  private collectObstacles(): void {
    const m = this.mech;
    const cap = m.obsSeg.length;
    this.touching.fill(0);
    let k = 0;
    this.touching.set(this.pressed);
    const list = this.engine.pairs.list;
    for (let p = 0; p < list.length; p++) {
      const pair = list[p];
      if (!pair.isActive || pair.isSensor) continue;
      const ia = this.ids.get(pair.bodyA.id);
      const ib = this.ids.get(pair.bodyB.id);
      if ((ia === undefined) === (ib === undefined)) continue; // not ours, or worm with itself
      const seg = ia ?? (ib as number);
      this.touching[seg] = 1;
      const other = ia !== undefined ? pair.bodyB : pair.bodyA;
      if (other.isStatic || k === cap) continue;
      // matter's collision normal points toward bodyA; we want it pointing at our segment.
      const n = pair.collision.normal;
      const sign = ia !== undefined ? 1 : -1;
      m.obsSeg[k] = seg;
      m.obsNx[k] = sign * n.x;
      m.obsNy[k] = sign * n.y;
      m.obsGap[k] = 0;
      k++;
    }
    this.movingContacts = k;
    m.setObstacles(k);
  }

  /** Poke force follows a half sine over the poke (sampled mid-step). */
  private updatePushes(dtMs: number): void {
    for (let k = 0; k < this.pokes; k++) {
      this.mech.pushForce[k] = this.pokePeak[k] * Math.sin((Math.PI * (this.pokeAge[k] + dtMs / 2)) / this.pokeDuration[k]);
    }
    this.mech.setPushes(this.pokes);
  }

  private agePokes(dtMs: number): void {
    let k = 0;
    while (k < this.pokes) {
      this.pokeAge[k] += dtMs;
      if (this.pokeAge[k] >= this.pokeDuration[k]) this.removePoke(k);
      else k++;
    }
  }

  private dropOldestPoke(): void {
    this.removePoke(0);
  }

  private removePoke(k: number): void {
    const m = this.mech;
    for (let j = k; j < this.pokes - 1; j++) {
      m.pushSeg[j] = m.pushSeg[j + 1];
      m.pushW[j] = m.pushW[j + 1];
      m.pushNx[j] = m.pushNx[j + 1];
      m.pushNy[j] = m.pushNy[j + 1];
      m.pushForce[j] = m.pushForce[j + 1];
      this.pokeAge[j] = this.pokeAge[j + 1];
      this.pokeDuration[j] = this.pokeDuration[j + 1];
      this.pokePeak[j] = this.pokePeak[j + 1];
    }
    this.pokes--;
    m.setPushes(this.pokes);
  }
}

/** Step several worms that share one engine: every worm's forces, one Engine.update, every read-back. */
export function stepBodies(engine: Matter.Engine, bodies: readonly WormBody[], dtMs: number = DEFAULT_STEP_MS): void {
  for (const b of bodies) {
    if (b.engine !== engine) throw new RangeError('stepBodies: every WormBody must live in the given engine.');
    b.applyForces(dtMs);
  }
  Matter.Engine.update(engine, dtMs);
  for (const b of bodies) b.afterUpdate(dtMs);
}

function checkStep(dtMs: number): void {
  if (!(dtMs > 0 && dtMs <= MAX_STEP_MS + 1e-9)) {
    throw new RangeError(`WormBody step dtMs = ${dtMs}: must be in (0, 1000/60 ≈ 16.6667] ms (matter-js is unreliable above; default ${DEFAULT_STEP_MS}).`);
  }
}

function issueAt(k: number, quantity: FiniteIssue['quantity'], value: number): FiniteIssue {
  return { segment: k >> 1, quantity, axis: k & 1 ? 'y' : 'x', value };
}
