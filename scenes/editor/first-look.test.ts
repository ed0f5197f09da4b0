import { describe, expect, test } from 'vitest';
import { BUILTIN_CIRCUIT_NAMES, getBuiltinCircuit } from '../../src/circuits/builtin';
import { countLayerCrossings, EditorModel, placeLabels, templates } from '../../src/editor';
import { MODELS } from '../../src/neural/models';
import { editorPanels, TOOLBAR_ESTIMATE_H } from './panels';

/**
 * The editor's first look at each built-in circuit: opened in the editor's
 * canvas at common window sizes (with the toolbar on one row or wrapped onto
 * two), fitted, every neuron's name is drawn and none covers another name or
 * another neuron. Before: the worm's generated positions put ALM and ASEL on
 * one spot and left names undrawn at the fit (zoom 0.37); the earlier layout
 * drew them with 34 overlaps.
 */
const WINDOWS = [
  { width: 1280, height: 800, toolbar: TOOLBAR_ESTIMATE_H },
  { width: 1024, height: 768, toolbar: TOOLBAR_ESTIMATE_H },
  { width: 1920, height: 1080, toolbar: TOOLBAR_ESTIMATE_H },
];
const builtins = BUILTIN_CIRCUIT_NAMES.map((n) => getBuiltinCircuit(n));

describe('first look at the built-in circuits', () => {
  for (const w of WINDOWS) {
    test(`${w.width}×${w.height}: every name drawn, none overlapping`, () => {
      const g = editorPanels(w.width, w.height, w.toolbar, 52).graph;
      for (const t of templates(builtins).slice(1)) {
        const m = new EditorModel({ models: MODELS, screen: { width: g.w, height: g.h }, doc: t.doc });
        m.zoomToFit();
        const nodes = m.geometry().nodes;
        const placed = placeLabels(nodes, m.viewport, m.screen);
        expect(placed.hidden, `${t.id}: names left out`).toBe(0);
        expect(
          placed.boxes.every((b) => b !== null),
          `${t.id}: names drawn at zoom ${m.viewport.zoom.toFixed(2)}`,
        ).toBe(true);
        // The whole circuit is in view.
        for (const n of nodes) {
          const x = g.w / 2 + (n.x - m.viewport.x) * m.viewport.zoom;
          const y = g.h / 2 + (n.y - m.viewport.y) * m.viewport.zoom;
          expect(x >= 0 && x <= g.w && y >= 0 && y <= g.h, `${t.id}: ${n.id} in view`).toBe(true);
        }
      }
    });
  }

  test('no built-in circuit carries a warning (before: 34 on the worm, every stretch receptor of a motor neuron; the conductance worm\'s "DA9 excites itself" until VA12 ⊣ DA9, session 16)', () => {
    for (const t of templates(builtins).slice(1)) {
      const m = new EditorModel({ models: MODELS, doc: t.doc });
      expect(
        m.warnings().map((w) => w.message),
        t.id,
      ).toEqual([]);
    }
  });

  test('the layout crosses fewer synapses than the positions the generators wrote', () => {
    // The built-in circuits only (the motifs after them carry their own positions).
    for (const t of templates(builtins).slice(1, 1 + builtins.length)) {
      const c = builtins.find((b) => b.fileName.endsWith(`/${t.id}.json`));
      const saved = new Map(c!.doc.neurons.flatMap((n) => (n.position ? [[n.id, n.position] as const] : [])));
      if (saved.size < c!.doc.neurons.length) continue;
      const m = new EditorModel({ models: MODELS, screen: { width: 728, height: 374 }, doc: t.doc });
      const laid = new Map(m.doc.neurons.map((n) => [n.id, n.position!] as const));
      const syn = m.doc.synapses ?? [];
      expect(countLayerCrossings(m.doc.neurons, syn, laid), t.id).toBeLessThan(countLayerCrossings(m.doc.neurons, syn, saved));
    }
  });
});
