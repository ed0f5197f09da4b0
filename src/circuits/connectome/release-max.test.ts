/**
 * The graded model's release ceiling (releaseMax) in the connectome worm: the
 * default changes no bit of a built-in run, the class model can set it per
 * class, a circuit file outside its range is refused with the line and the
 * allowed range, and evolution can fit it by class.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveGenes } from '../../evolve/genes';
import { MODELS } from '../../neural/models';
import { createSimulation } from '../../sim/simulation';
import { getArena } from '../../world/builtins';
import { circuitFromDoc, parseCircuit } from '../circuit';
import type { Circuit } from '../types';
import { importConnectome } from './import';
import { publishedTable, WORM_TABLES } from './published-tables';
import { applyWormModel, WORM_MODEL } from './worm-model';

/** sha256 of every neuron's V and every muscle's activation, each physics step for ms (seed 3). */
function runHash(circuit: Circuit, ms: number): string {
  const sim = createSimulation({ circuit, arena: getArena('plate'), seed: 3 });
  const h = createHash('sha256');
  while (sim.timeMs < ms) {
    sim.step();
    const t = sim.telemetry();
    h.update(Float64Array.from(t.v));
    h.update(Float64Array.from(t.muscles));
  }
  return h.digest('hex').slice(0, 16);
}

const plain = () => importConnectome(WORM_TABLES.map(publishedTable), { classModel: false }).circuit.doc;

describe('release ceiling (graded releaseMax)', () => {
  // Pinned on a frozen circuit file, not on the default worms: their hashes move with every retune
  // of the built-in circuits or the class model, and a pin re-recorded after each would pin nothing.
  // (engine-golden.test.ts pins the graded kernel itself on 400 random networks.)
  it('at its default changes no bit of a 302-neuron graded worm (2 s)', () => {
    // The class model of 23896f9 frozen in a file, which a new default class model leaves alone.
    const frozen = join(import.meta.dirname, '../../../examples/evolve/connectome-touch-start.circuit.json');
    expect(runHash(parseCircuit(readFileSync(frozen, 'utf8'), 'connectome-touch-start.circuit.json'), 2000)).toBe('0ef1324a14118c04');
  });

  it('is a class-model value: DB at 2.5 scales every DB cell’s output by 2.5 / its default ceiling, its V and the wiring unchanged', () => {
    const k = 2.5 / Number(WORM_MODEL.classes.DB.releaseMax ?? 1);
    const base = applyWormModel(plain(), WORM_MODEL);
    const raised = applyWormModel(plain(), { ...WORM_MODEL, classes: { ...WORM_MODEL.classes, DB: { ...WORM_MODEL.classes.DB, releaseMax: 2.5 } } });
    expect(raised.neurons.filter((n) => /^DB\d\d$/.test(n.id)).map((n) => n.params?.releaseMax)).toEqual(Array(7).fill(2.5));
    expect(raised.synapses).toEqual(base.synapses);
    expect(raised.muscles).toEqual(base.muscles);
    const start = (doc: typeof base) => createSimulation({ circuit: circuitFromDoc(doc, 'w.json'), arena: getArena('plate'), seed: 3 }).network;
    const [a, b] = [start(base), start(raised)];
    let db = 0;
    a.ids.forEach((id, i) => {
      expect(b.v[i]).toBe(a.v[i]);
      if (/^DB\d\d$/.test(id)) {
        db++;
        expect(b.output[i]).toBeGreaterThan(0);
        expect(b.output[i]).toBeCloseTo(k * a.output[i], 15);
      } else expect(b.output[i]).toBe(a.output[i]);
    });
    expect(db).toBe(7);
  });

  it('a circuit file outside 0..20 is refused with its line, field and allowed range', () => {
    const text = JSON.stringify(
      {
        format: 'neuroworm-circuit',
        version: 2,
        name: 'x',
        neurons: [{ id: 'DB01', model: 'graded', params: { releaseMax: 30 } }],
        synapses: [],
        sensors: [],
        muscles: [],
      },
      null,
      2,
    );
    expect(() => parseCircuit(text, 'x.json')).toThrow(/x\.json:10: neurons\[0\] \(DB01\)\.params\.releaseMax: 30 is out of range; allowed: 0 \.\. 20/);
  });

  it('evolution fits it by class: one gene for the seven DB cells', () => {
    const circuit = importConnectome(WORM_TABLES.map(publishedTable)).circuit;
    const genes = resolveGenes(circuit, [{ what: 'param', name: 'releaseMax', of: ['DB', 'VB'], range: [0.5, 5], scale: 'log', share: 'class' }], MODELS);
    expect(genes.map((g) => [g.label, g.targets.length])).toEqual([
      ['releaseMax DB', 7],
      ['releaseMax VB', 11],
    ]);
  });
});
