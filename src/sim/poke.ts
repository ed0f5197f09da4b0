/**
 * Tool physics: what a poke is, decided once for every caller. A click in the
 * game, a scenario's poke and a replayed recording name a target and how the
 * tool was used (held, dragged); this turns that into the touch the skin feels
 * and the push the body gets, so the same gesture is the same poke everywhere.
 */
import type { BodyPoint } from '../body';
import type { TouchKind, TouchSide } from '../streams/types';

/** Where a poke lands: a body position (0 = nose tip .. 1 = tail tip) or a point of the world, mm. */
export type PokeTarget = number | { readonly xMm: number; readonly yMm: number };

export interface PokeOptions {
  /** Side of a body-position poke (default 'both': from above). A world point's side is the side of the body it lies on. */
  side?: TouchSide;
  /** Default: 'harsh' when held longer than HARSH_HOLD_MS, else 'gentle'; a push is always harsh. */
  kind?: TouchKind;
  /** Strength 0..1. Default: the kind's (gentle 0.4, harsh 1), or the push's. */
  force?: number;
  /** How long the pointer was held on the worm, ms. */
  heldMs?: number;
  /**
   * A push (a drag of the body) in world mm: the pick touches the side facing
   * away from the push, harshly (a push that moves the body is a harsh
   * stimulus), with a force that grows with the drag to full at half a body length.
   */
  push?: { readonly dxMm: number; readonly dyMm: number };
}

/** The touch the skin feels and the body receives. */
export interface ResolvedPoke {
  position: number;
  side: TouchSide;
  kind: TouchKind;
  force: number;
}

/** A press held longer than this is a harsh poke, ms. */
export const HARSH_HOLD_MS = 450;
/** How far from the body surface a world point still counts as touching it, mm. */
export const POKE_REACH_MM = 0.08;
/** Default strength of each kind. */
export const POKE_FORCE: Readonly<Record<TouchKind, number>> = { gentle: 0.4, harsh: 1 };
/** The weakest push, as a force 0..1: a tiny drag still pushes a little. */
const MIN_PUSH_FORCE = 0.2;

/** What resolving a poke reads of the worm. */
export interface PokedBody {
  /** Segment centres, x,y interleaved, head first, mm. */
  readonly pose: Float64Array;
  readonly lengthMm: number;
  nearestBodyPoint(xMm: number, yMm: number): BodyPoint;
}

/** The touch a gesture makes, or null when a world point misses the body. Throws RangeError for a target or option out of range. */
export function resolvePoke(target: PokeTarget, opts: PokeOptions, body: PokedBody): ResolvedPoke | null {
  let position: number;
  let side = opts.side ?? 'both';
  if (typeof target === 'number') {
    if (!(target >= 0 && target <= 1)) throw new RangeError(`poke: body position ${target} must be in 0..1 (0 = nose tip, 1 = tail tip)`);
    position = target;
  } else {
    if (!Number.isFinite(target.xMm) || !Number.isFinite(target.yMm)) {
      throw new RangeError(`poke: world point (${target.xMm}, ${target.yMm}) must be finite numbers, mm`);
    }
    const p = body.nearestBodyPoint(target.xMm, target.yMm);
    if (p.distanceMm > POKE_REACH_MM) return null;
    position = p.position;
    if (opts.side === undefined) side = p.side > 0 ? 'left' : p.side < 0 ? 'right' : 'both';
  }
  if (opts.heldMs !== undefined && !(opts.heldMs >= 0)) throw new RangeError(`poke: heldMs = ${opts.heldMs} must be a number ≥ 0 (ms the pointer was held)`);
  if (opts.force !== undefined && !(opts.force >= 0 && opts.force <= 1)) throw new RangeError(`poke: force = ${opts.force} must be in 0..1`);
  if (opts.push) {
    const push = pushOf(position, opts.push, body);
    return { position, side: push.side, kind: opts.kind ?? 'harsh', force: opts.force ?? push.force };
  }
  const kind = opts.kind ?? ((opts.heldMs ?? 0) > HARSH_HOLD_MS ? 'harsh' : 'gentle');
  return { position, side, kind, force: opts.force ?? POKE_FORCE[kind] };
}

/** The side facing away from a drag at body position s, and the drag's strength. */
function pushOf(s: number, push: { dxMm: number; dyMm: number }, body: PokedBody): { side: 'left' | 'right'; force: number } {
  const { dxMm, dyMm } = push;
  if (!Number.isFinite(dxMm) || !Number.isFinite(dyMm)) throw new RangeError(`poke: push (${dxMm}, ${dyMm}) must be finite numbers, mm`);
  const pose = body.pose;
  const n = pose.length / 2;
  const i = Math.min(n - 2, Math.max(0, Math.round(s * (n - 1))));
  // Body direction towards the head there; its left normal is (−ty, tx) (docs/simulation.md: left = heading + 90°).
  const tx = pose[2 * i] - pose[2 * i + 2];
  const ty = pose[2 * i + 1] - pose[2 * i + 3];
  const towardLeft = -ty * dxMm + tx * dyMm > 0;
  // Half a body length of drag = the strongest push (a free point moves ~0.08 mm: a poke is a bounded force, not a drag of the body).
  const force = Math.min(1, Math.max(MIN_PUSH_FORCE, Math.hypot(dxMm, dyMm) / Math.max(1e-6, 0.5 * body.lengthMm)));
  // Touched on the left ⇒ pushed right, so a push to the left is a touch on the right.
  return { side: towardLeft ? 'right' : 'left', force };
}

/** The body's mechanics speak signs: +1 = touched on the left (pushed right), −1 = on the right, 0 = from above. */
export function sideSign(side: TouchSide): -1 | 0 | 1 {
  return side === 'left' ? 1 : side === 'right' ? -1 : 0;
}
