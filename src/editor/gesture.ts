/**
 * The canvas's pointer gestures as a state machine with no framework (as
 * xyflow's XYDrag): the view feeds it pointer events in canvas px and draws
 * what `state` says; it edits through the EditorModel and reports through
 * hooks. Pressing on:
 *  - a neuron's rim (or anywhere on it with the Connect tool or Alt) starts a
 *    connection, made where it is released on another neuron;
 *  - a neuron's centre selects it and drags the selection; released over
 *    another neuron, the drag connects the grabbed neuron to that one instead
 *    of dropping one on top of the other (the neurons go back where they were);
 *  - a synapse selects it; empty canvas starts a selection box;
 *  - with the right or middle button anywhere, or in the minimap, it pans.
 * A second press on the same neuron within 350 ms probes it.
 */
import { NODE_RADIUS } from './geometry';
import type { EditorModel } from './model';
import { rectFromPoints, screenToGraph } from './geometry';
import type { Point } from './types';

/** Fraction of the radius from the centre where a press starts a connection instead of a move. */
export const RIM = 0.6;
/** Screen px a press must travel before it is a drag. */
const MOVE_SLOP_PX = 3;
const DOUBLE_CLICK_MS = 350;

export interface GesturePointer {
  /** Canvas px (0,0 = the canvas's top-left corner). */
  x: number;
  y: number;
  /** 0 primary, 1 middle, 2 right. */
  button?: number;
  shift?: boolean;
  ctrl?: boolean;
  alt?: boolean;
  /** A clock in ms (double clicks). */
  timeMs?: number;
}

export interface GestureHooks {
  /** The palette item armed for placing, or null. */
  placing(): unknown | null;
  /** Place a neuron at a graph point (the scene calls the model and reports refusals). */
  place(p: Point, keepArmed: boolean): void;
  /** Whether every press on a neuron connects (the Connect tool), not only presses on its rim. */
  connectMode(): boolean;
  /** Gap junctions by default (Alt flips it). */
  gapMode(): boolean;
  connect(from: string, to: string, gap: boolean): void;
  status(text: string): void;
  /** Double press on a neuron: probe it. */
  probe(id: string): void;
  /** The minimap takes presses in it: whether the point is in it, and where it moves the view. */
  inMinimap(p: Point): boolean;
  minimapJump(p: Point): void;
}

export type Gesture =
  | { kind: 'move'; start: Point; moved: boolean; id: string; wasSelected: boolean; target: string | null }
  | { kind: 'connect'; from: string; at: Point; alt: boolean }
  | { kind: 'box'; a: Point; b: Point; mode: 'replace' | 'add' }
  | { kind: 'pan'; at: Point }
  | { kind: 'minimap' };

export class GraphGestures {
  private current: Gesture | null = null;
  private lastPress = { id: '', t: -Infinity };

  constructor(
    private readonly model: EditorModel,
    private readonly hooks: GestureHooks,
  ) {}

  /** The gesture in progress, for drawing its overlay; null when none. */
  get state(): Readonly<Gesture> | null {
    return this.current;
  }

  down(p: GesturePointer): void {
    const m = this.model;
    if (this.hooks.inMinimap(p)) {
      this.current = { kind: 'minimap' };
      this.hooks.minimapJump(p);
      return;
    }
    if (p.button === 1 || p.button === 2) {
      this.current = { kind: 'pan', at: { x: p.x, y: p.y } };
      return;
    }
    const g = this.graph(p);
    if (this.hooks.placing()) {
      this.hooks.place(g, !!p.shift);
      return;
    }
    const id = m.nodeAt(g.x, g.y);
    if (id) {
      const n = m.neuron(id);
      const dist = n?.position ? Math.hypot(g.x - n.position.x, g.y - n.position.y) : 0;
      if (this.hooks.connectMode() || p.alt || dist > RIM * NODE_RADIUS) {
        this.current = { kind: 'connect', from: id, at: { x: p.x, y: p.y }, alt: !!p.alt };
        this.hooks.status(`Connect ${id} → … (release on another neuron; Alt: gap junction)`);
        return;
      }
      const now = p.timeMs ?? 0;
      if (this.lastPress.id === id && now - this.lastPress.t < DOUBLE_CLICK_MS) {
        this.hooks.probe(id);
        this.lastPress = { id: '', t: -Infinity };
      } else this.lastPress = { id, t: now };
      const wasSelected = m.selection.neurons.has(id);
      if (p.ctrl) m.select({ neurons: [id] }, 'toggle');
      else if (p.shift) m.select({ neurons: [id] }, 'add');
      else if (!wasSelected) m.select({ neurons: [id] });
      if (m.selection.neurons.has(id)) {
        m.beginDrag();
        this.current = { kind: 'move', start: { x: p.x, y: p.y }, moved: false, id, wasSelected: wasSelected && !p.shift && !p.ctrl, target: null };
      }
      return;
    }
    const edge = m.edgeAt(g.x, g.y);
    if (edge) {
      m.select({ synapses: [edge] }, p.ctrl ? 'toggle' : p.shift ? 'add' : 'replace');
      return;
    }
    this.current = { kind: 'box', a: g, b: g, mode: p.shift || p.ctrl ? 'add' : 'replace' };
  }

  move(p: GesturePointer): void {
    const gs = this.current;
    if (!gs) return;
    const m = this.model;
    const z = m.viewport.zoom;
    switch (gs.kind) {
      case 'move': {
        const dx = p.x - gs.start.x;
        const dy = p.y - gs.start.y;
        if (!gs.moved && Math.hypot(dx, dy) < MOVE_SLOP_PX) return;
        gs.moved = true;
        m.dragTo(dx / z, dy / z);
        const target = this.dropTarget(p);
        if (target !== gs.target) {
          gs.target = target;
          if (target) this.hooks.status(`Release to connect ${gs.id} → ${target} (or drag from a neuron's rim to connect without moving it)`);
        }
        break;
      }
      case 'connect':
        gs.at = { x: p.x, y: p.y };
        gs.alt = !!p.alt;
        break;
      case 'box':
        gs.b = this.graph(p);
        break;
      case 'pan':
        m.panBy(p.x - gs.at.x, p.y - gs.at.y);
        gs.at = { x: p.x, y: p.y };
        break;
      case 'minimap':
        this.hooks.minimapJump(p);
        break;
    }
  }

  /** `inside`: whether the release is on the canvas (a connection released elsewhere is cancelled). */
  up(p: GesturePointer, inside = true): void {
    const gs = this.current;
    this.current = null;
    if (!gs) return;
    const m = this.model;
    switch (gs.kind) {
      case 'move':
        if (gs.moved && gs.target) {
          // Dropped on a neuron: connect rather than stack them.
          m.cancelDrag();
          this.hooks.connect(gs.id, gs.target, this.hooks.gapMode() !== !!p.alt);
        } else if (gs.moved) {
          m.endDrag();
          const n = m.selection.neurons.size;
          this.hooks.status(`Moved ${n} neuron${n === 1 ? '' : 's'}`);
        } else {
          m.cancelDrag();
          if (gs.wasSelected) m.select({ neurons: [gs.id] });
        }
        break;
      case 'connect': {
        const g = this.graph(p);
        const to = inside ? m.nodeAt(g.x, g.y) : undefined;
        if (to === undefined) this.hooks.status('Connect cancelled: release the drag on a neuron');
        else this.hooks.connect(gs.from, to, this.hooks.gapMode() !== !!p.alt);
        break;
      }
      case 'box': {
        const r = rectFromPoints(gs.a, gs.b);
        const z = m.viewport.zoom;
        if (r.width * z < 4 && r.height * z < 4) {
          if (gs.mode === 'replace') m.clearSelection();
        } else m.selectInRect(r, gs.mode);
        break;
      }
      default:
        break;
    }
  }

  /** Esc: drop the gesture in progress (a moved selection goes back); true if there was one. */
  cancel(): boolean {
    if (!this.current) return false;
    if (this.current.kind === 'move') this.model.cancelDrag();
    this.current = null;
    return true;
  }

  private graph(p: Point): Point {
    return screenToGraph(this.model.viewport, this.model.screen, p);
  }

  /** The neuron under the pointer other than those being dragged, if any. */
  private dropTarget(p: Point): string | null {
    const g = this.graph(p);
    const moving = this.model.selection.neurons;
    let best: string | null = null;
    let bestD = NODE_RADIUS * NODE_RADIUS;
    for (const n of this.model.geometry().nodes) {
      if (moving.has(n.id)) continue;
      const d = (n.x - g.x) ** 2 + (n.y - g.y) ** 2;
      if (d < bestD) {
        bestD = d;
        best = n.id;
      }
    }
    return best;
  }
}
