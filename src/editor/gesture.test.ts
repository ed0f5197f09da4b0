import { describe, expect, it } from 'vitest';
import type { CircuitDoc } from '../circuits';
import { FAKE_MODELS } from '../circuits/fake-models';
import { graphToScreen, NODE_RADIUS } from './geometry';
import { GraphGestures, RIM, type GestureHooks, type GesturePointer } from './gesture';
import { EditorModel } from './model';
import type { Point } from './types';

/** Three neurons in a row, 200 graph units apart, viewed at zoom 1 on an 800 × 600 canvas. */
function setup(over: Partial<GestureHooks> = {}) {
  const doc: CircuitDoc = {
    format: 'neuroworm-circuit',
    version: 1,
    name: 'three',
    neurons: [
      { id: 'A', model: 'graded', role: 'sensory', position: { x: 0, y: 0 } },
      { id: 'B', model: 'graded', role: 'inter', position: { x: 200, y: 0 } },
      { id: 'C', model: 'graded', role: 'motor', position: { x: 400, y: 0 } },
    ],
  };
  const m = new EditorModel({ models: FAKE_MODELS, doc, screen: { width: 800, height: 600 }, viewport: { x: 200, y: 0, zoom: 1 } });
  const log: string[] = [];
  const hooks: GestureHooks = {
    placing: () => null,
    place: (p) => log.push(`place ${p.x},${p.y}`),
    connectMode: () => false,
    gapMode: () => false,
    connect: (a, b, gap) => {
      log.push(`connect ${a}${gap ? '~' : '>'}${b}`);
      m.connect({ from: a, to: b, kind: gap ? 'electrical' : 'chemical', weight: 5 });
    },
    status: (t) => log.push(`status ${t}`),
    probe: (id) => log.push(`probe ${id}`),
    inMinimap: () => false,
    minimapJump: () => {},
    ...over,
  };
  const g = new GraphGestures(m, hooks);
  const at = (id: string, dx = 0, dy = 0, extra: Partial<GesturePointer> = {}): GesturePointer => {
    const p = graphToScreen(m.viewport, m.screen, m.neuron(id)!.position!);
    return { x: p.x + dx, y: p.y + dy, ...extra };
  };
  const pos = (id: string): Point => ({ ...m.neuron(id)!.position! });
  /** A press, a drag in steps and a release. */
  const drag = (from: GesturePointer, to: GesturePointer, steps = 5): void => {
    g.down(from);
    for (let i = 1; i <= steps; i++) g.move({ ...to, x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps });
    g.up(to);
  };
  return { m, g, log, at, pos, drag };
}

describe('graph gestures', () => {
  it('a drag from the rim connects, and the neurons stay where they are', () => {
    const { m, log, at, pos, drag } = setup();
    const rim = NODE_RADIUS * (RIM + 0.2);
    drag(at('A', rim), at('B'));
    expect(log).toContain('connect A>B');
    expect(m.doc.synapses?.map((s) => `${s.from}>${s.to}`)).toEqual(['A>B']);
    expect(pos('A')).toEqual({ x: 0, y: 0 });
  });

  it('a drag from the centre to empty canvas moves the selection, as one undo step', () => {
    const { m, at, pos, drag } = setup();
    drag(at('A'), at('A', 40, 90));
    expect(pos('A')).toEqual({ x: 40, y: 90 });
    expect(m.undoLabel()).toBe('Move 1 neuron');
    m.undo();
    expect(pos('A')).toEqual({ x: 0, y: 0 });
  });

  it('a drag from the centre dropped on another neuron connects them instead of stacking one on the other', () => {
    // Before: A was moved on top of B (the same spot), and nothing was connected.
    const { m, log, at, pos, drag } = setup();
    drag(at('A'), at('B', 3, -2));
    expect(log).toContain('connect A>B');
    expect(log.some((l) => /^status Release to connect A → B/.test(l))).toBe(true);
    expect(pos('A')).toEqual({ x: 0, y: 0 });
    expect(m.doc.synapses?.map((s) => `${s.from}>${s.to}`)).toEqual(['A>B']);
    // One undo step, the connection; no move left behind.
    expect(m.undoLabel()).toMatch(/^Connect A/);
    m.undo();
    expect(m.canUndo()).toBe(false);
  });

  it('Alt, or the gap-junction tool, makes the dropped-on connection a gap junction', () => {
    const { log, at, drag } = setup({ gapMode: () => true });
    drag(at('A'), at('C'));
    expect(log).toContain('connect A~C');
  });

  it('a dragged group dropped on a neuron outside it connects the grabbed neuron; on a neuron of the group it just moves', () => {
    const { m, log, at, pos, drag } = setup();
    m.select({ neurons: ['A', 'B'] });
    drag(at('A'), at('C'));
    expect(log).toContain('connect A>C');
    expect(pos('B')).toEqual({ x: 200, y: 0 });
    m.select({ neurons: ['A', 'B'] });
    drag(at('A'), at('A', 30, 40));
    expect(pos('A')).toEqual({ x: 30, y: 40 });
    expect(pos('B')).toEqual({ x: 230, y: 40 });
  });

  it('Esc during a drag puts the neurons back and leaves no undo step', () => {
    const { m, g, at, pos } = setup();
    g.down(at('A'));
    g.move(at('A', 50, 50));
    expect(pos('A')).toEqual({ x: 50, y: 50 });
    expect(g.cancel()).toBe(true);
    expect(pos('A')).toEqual({ x: 0, y: 0 });
    expect(m.canUndo()).toBe(false);
    expect(g.state).toBeNull();
    expect(g.cancel()).toBe(false);
  });

  it('a connection released on empty canvas, or off the canvas, is cancelled', () => {
    const { m, g, log, at } = setup();
    g.down(at('A', NODE_RADIUS * 0.9));
    g.move(at('A', 100, 100));
    g.up(at('A', 100, 100));
    g.down(at('A', NODE_RADIUS * 0.9));
    g.up(at('B'), false);
    expect(log.filter((l) => l.startsWith('status Connect cancelled'))).toHaveLength(2);
    expect(m.doc.synapses ?? []).toEqual([]);
  });

  it('box select, click on empty canvas clears, right button pans, a second press probes, placing places', () => {
    const placed: Point[] = [];
    const { m, g, log, at, drag } = setup();
    drag({ x: 0, y: 200 }, { x: 520, y: 400 });
    expect([...m.selection.neurons].sort()).toEqual(['A', 'B']);
    g.down({ x: 5, y: 5 });
    g.up({ x: 5, y: 5 });
    expect(m.selection.neurons.size).toBe(0);
    const before = m.viewport.x;
    drag({ x: 100, y: 100, button: 2 }, { x: 160, y: 100, button: 2 });
    expect(m.viewport.x).toBeCloseTo(before - 60, 9);
    g.down(at('C', 0, 0, { timeMs: 1000 }));
    g.up(at('C'));
    g.down(at('C', 0, 0, { timeMs: 1200 }));
    g.up(at('C'));
    expect(log).toContain('probe C');
    const p = setup({ placing: () => ({ role: 'inter' }), place: (q) => placed.push(q) });
    p.g.down({ x: 400, y: 300, shift: true });
    expect(placed).toEqual([{ x: 200, y: 0 }]);
  });
});
