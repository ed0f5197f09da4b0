/**
 * Random sequences of random edits (many of them refused: out-of-range values,
 * duplicates, clashing ids), then undo everything and redo everything.
 * Checked: every document the editor holds validates; a refusal changes
 * nothing; undo walks back through exactly the documents the edits made
 * (same objects, same content as when they were made) to the original; redo
 * walks forward to the same final document.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { circuitDoc } from '../circuits/arbitraries';
import { circuitFromDoc, type CircuitDoc, type ModelInfo } from '../circuits';
import { FAKE_MODELS } from '../circuits/fake-models';
import type { ModelKind } from '../neural/types';
import { EditorModel } from './model';
import type { Result } from './types';

const KINDS = Object.keys(FAKE_MODELS) as ModelKind[];
const pick = fc.nat({ max: 1000 });
const coord = fc.double({ min: -500, max: 500, noNaN: true });
/** Sometimes in range for any model, sometimes far out, sometimes not finite. */
const value = fc.oneof(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -200, max: 200 }), fc.constantFrom(0.5, 2, 1e9, Number.NaN));
const idText = fc.oneof(fc.stringMatching(/^[A-Z][A-Z0-9]{0,3}$/), fc.constantFrom('N1', 'bad id', '', 'AVAL'));

type Cmd =
  | { t: 'add'; model: number; role: number; x: number; y: number; id?: string | undefined }
  | { t: 'move'; who: number[]; dx: number; dy: number }
  | { t: 'drag'; who: number[]; steps: Array<[number, number]>; cancel: boolean }
  | { t: 'delete'; who: number[] }
  | { t: 'rename'; who: number; id: string }
  | { t: 'model'; who: number; model: number }
  | { t: 'param'; who: number; param: number; init: boolean; v: number; pair: boolean }
  | { t: 'clear'; who: number; param: number }
  | { t: 'preset'; who: number; preset: number }
  | { t: 'connect'; a: number; b: number; electrical: boolean; w: number; sign: number }
  | { t: 'unconnect'; s: number }
  | { t: 'synapse'; s: number; w: number; sign: number; delay: number; dep: boolean }
  | { t: 'retype'; s: number; electrical: boolean }
  | { t: 'sensor'; who: number; kind: number; a: number; b: number }
  | { t: 'muscle'; who: number; a: number; b: number; gain: number }
  | { t: 'unbind'; sensors: boolean; i: number }
  | { t: 'meta'; name: string }
  | { t: 'duplicate'; who: number[] }
  | { t: 'paste'; who: number[]; x: number; y: number }
  | { t: 'deleteSelection'; who: number[]; s: number };

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record(
    { t: fc.constant('add' as const), model: pick, role: pick, x: coord, y: coord, id: fc.option(idText, { nil: undefined }) },
    { requiredKeys: ['t', 'model', 'role', 'x', 'y'] },
  ),
  fc.record({ t: fc.constant('move' as const), who: fc.array(pick, { maxLength: 3 }), dx: coord, dy: coord }),
  fc.record({
    t: fc.constant('drag' as const),
    who: fc.array(pick, { minLength: 1, maxLength: 3 }),
    steps: fc.array(fc.tuple(coord, coord), { minLength: 1, maxLength: 4 }),
    cancel: fc.boolean(),
  }),
  fc.record({ t: fc.constant('delete' as const), who: fc.array(pick, { maxLength: 2 }) }),
  fc.record({ t: fc.constant('rename' as const), who: pick, id: idText }),
  fc.record({ t: fc.constant('model' as const), who: pick, model: pick }),
  fc.record({ t: fc.constant('param' as const), who: pick, param: pick, init: fc.boolean(), v: value, pair: fc.boolean() }),
  fc.record({ t: fc.constant('clear' as const), who: pick, param: pick }),
  fc.record({ t: fc.constant('preset' as const), who: pick, preset: pick }),
  fc.record({ t: fc.constant('connect' as const), a: pick, b: pick, electrical: fc.boolean(), w: value, sign: pick }),
  fc.record({ t: fc.constant('unconnect' as const), s: pick }),
  fc.record({ t: fc.constant('synapse' as const), s: pick, w: value, sign: pick, delay: value, dep: fc.boolean() }),
  fc.record({ t: fc.constant('retype' as const), s: pick, electrical: fc.boolean() }),
  fc.record({ t: fc.constant('sensor' as const), who: pick, kind: pick, a: value, b: value }),
  fc.record({ t: fc.constant('muscle' as const), who: pick, a: value, b: value, gain: value }),
  fc.record({ t: fc.constant('unbind' as const), sensors: fc.boolean(), i: pick }),
  fc.record({ t: fc.constant('meta' as const), name: fc.string({ maxLength: 250 }) }),
  fc.record({ t: fc.constant('duplicate' as const), who: fc.array(pick, { minLength: 1, maxLength: 3 }) }),
  fc.record({ t: fc.constant('paste' as const), who: fc.array(pick, { minLength: 1, maxLength: 3 }), x: coord, y: coord }),
  fc.record({ t: fc.constant('deleteSelection' as const), who: fc.array(pick, { maxLength: 2 }), s: pick }),
);

function run(m: EditorModel, c: Cmd): Result<unknown> | undefined {
  const ids = m.doc.neurons.map((n) => n.id);
  const id = (k: number): string => (ids.length === 0 ? 'nobody' : ids[k % ids.length]);
  const synapses = m.doc.synapses ?? [];
  const key = (k: number): string => {
    if (synapses.length === 0) return 'c:x>y';
    const s = synapses[k % synapses.length];
    return m.geometry().edges[k % synapses.length]?.key ?? `c:${s.from}>${s.to}`;
  };
  const sign = (k: number) => [undefined, 'excitatory', 'inhibitory'][k % 3] as 'excitatory' | 'inhibitory' | undefined;
  switch (c.t) {
    case 'add':
      return m.addNeuron({
        model: KINDS[c.model % KINDS.length],
        role: (['sensory', 'inter', 'motor'] as const)[c.role % 3],
        position: { x: c.x, y: c.y },
        ...(c.id !== undefined && { id: c.id }),
      });
    case 'move':
      return m.moveNeurons(c.who.map(id), c.dx, c.dy);
    case 'drag': {
      m.beginDrag(c.who.map(id));
      for (const [dx, dy] of c.steps) m.dragTo(dx, dy);
      if (c.cancel) m.cancelDrag();
      else m.endDrag();
      return undefined;
    }
    case 'delete':
      return m.deleteNeurons(c.who.map(id));
    case 'rename':
      return m.renameNeuron(id(c.who), c.id);
    case 'model':
      return m.setNeuronModel(id(c.who), KINDS[c.model % KINDS.length]);
    case 'param': {
      const n = m.neuron(id(c.who));
      if (!n) return undefined;
      const group = c.init ? 'init' : 'params';
      const names = Object.keys((FAKE_MODELS[n.model] as ModelInfo)[group]);
      const name = names.length > 0 ? names[c.param % names.length] : 'none';
      return m.setNeuronParam(n.id, name, c.pair ? [c.v, c.v / 2] : c.v, group);
    }
    case 'clear': {
      const n = m.neuron(id(c.who));
      if (!n) return undefined;
      const names = Object.keys(n.params ?? { x: 0 });
      return m.clearNeuronParam(n.id, names[c.param % names.length]);
    }
    case 'preset': {
      const n = m.neuron(id(c.who));
      if (!n) return undefined;
      const presets = [undefined, ...Object.keys((FAKE_MODELS[n.model] as ModelInfo).presets), 'no-such-preset'];
      return m.setNeuronPreset(n.id, presets[c.preset % presets.length]);
    }
    case 'connect': {
      const sg = c.electrical ? undefined : sign(c.sign);
      return m.connect({
        from: id(c.a),
        to: id(c.b),
        kind: c.electrical ? 'electrical' : 'chemical',
        weight: c.w,
        ...(sg !== undefined && { sign: sg }),
      });
    }
    case 'unconnect':
      return m.deleteSynapses([key(c.s)]);
    case 'synapse':
      return m.updateSynapse(key(c.s), { weight: c.w, sign: sign(c.sign) ?? null, delayMs: c.delay, depression: c.dep ? { use: 0.2, recoveryMs: 100 } : null });
    case 'retype':
      return m.retypeSynapse(key(c.s), c.electrical ? 'electrical' : 'chemical');
    case 'sensor': {
      const neuron = id(c.who);
      const all = [
        { neuron, sensor: 'touch' as const, from: c.a, to: c.b, kind: 'gentle' as const, gain: 1 },
        { neuron, sensor: 'stretch' as const, at: c.a, side: 'left' as const, gain: c.b },
        { neuron, sensor: 'toxin' as const, side: 'right' as const, response: 'off' as const, gain: c.a },
        { neuron, sensor: 'tap' as const, gain: c.b },
      ];
      return m.addSensor(all[c.kind % all.length]);
    }
    case 'muscle':
      return m.addMuscle({ neuron: id(c.who), side: 'right', from: c.a, to: c.b, gain: c.gain });
    case 'unbind':
      return c.sensors ? m.removeSensor(c.i % 3) : m.removeMuscle(c.i % 3);
    case 'meta':
      return m.setMeta({ name: c.name });
    case 'duplicate':
      m.select({ neurons: c.who.map(id) });
      return m.duplicateSelection();
    case 'paste': {
      m.select({ neurons: c.who.map(id) });
      const text = m.copySelection();
      return text === undefined ? undefined : m.paste(text, { at: { x: c.x, y: c.y } });
    }
    case 'deleteSelection':
      m.select({ neurons: c.who.map(id), synapses: [key(c.s)] });
      return m.deleteSelection();
  }
}

const valid = (doc: CircuitDoc): void => void circuitFromDoc(doc, 'property.json', FAKE_MODELS);

describe('EditorModel undo/redo (property)', () => {
  it('random edits: every document validates; undo all gives the original; redo all gives the final', () => {
    fc.assert(
      fc.property(circuitDoc(FAKE_MODELS), fc.array(cmd, { maxLength: 30 }), (start, cmds) => {
        const m = new EditorModel({ models: FAKE_MODELS, doc: start });
        const states: CircuitDoc[] = [m.doc];
        const copies: CircuitDoc[] = [structuredClone(m.doc)];
        for (const c of cmds) {
          const before = m.doc;
          const r = run(m, c);
          if (r && !r.ok) {
            expect(m.doc).toBe(before);
            expect(r.message.length).toBeGreaterThan(0);
          }
          if (m.doc !== before) {
            valid(m.doc);
            states.push(m.doc);
            copies.push(structuredClone(m.doc));
          }
        }
        const final = m.doc;
        // Undo visits the states in reverse, unchanged since they were made.
        for (let k = states.length - 2; k >= 0; k--) {
          expect(m.undo()).toBe(true);
          expect(m.doc).toBe(states[k]);
          expect(m.doc).toEqual(copies[k]);
        }
        expect(m.undo()).toBe(false);
        for (let k = 1; k < states.length; k++) {
          expect(m.redo()).toBe(true);
          expect(m.doc).toBe(states[k]);
          valid(m.doc);
        }
        expect(m.redo()).toBe(false);
        expect(m.doc).toBe(final);
        expect(m.doc).toEqual(copies[copies.length - 1]);
      }),
      { numRuns: 150 },
    );
  });
});
