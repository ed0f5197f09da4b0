import { type EditorModel, graphToScreen, pathMiddle, type Point } from '../../src/editor';
import type { SceneProbe } from '../testing-hook';
import type { BodyDiagram } from './BodyDiagram';
import type { EvolvePanel } from './evolve-panel';
import type { GraphView } from './GraphView';
import type { LiveWorm } from './LiveWorm';
import type { TestRunner } from './test-it';

/** What the editor's test hook reads. */
export interface EditorHookParts {
  model: EditorModel;
  live: LiveWorm;
  graph: GraphView;
  body: BodyDiagram;
  tests: TestRunner;
  evolve: EvolvePanel;
  status(): string;
  probes(): readonly string[];
}

/** window.neuroworm in the editor: the live worm's simulation, the editor's state (info) and neuron positions on screen. */
export function editorProbe(p: EditorHookParts): SceneProbe {
  const { model: m, live, graph } = p;
  return {
    simTimeMs: () => live.sim?.timeMs ?? 0,
    pose: () => {
      const sim = live.sim;
      if (!sim) return { mm: [], px: [] };
      const mm = Array.from(sim.telemetry().pose);
      const px: number[] = [];
      for (let i = 0; i < mm.length / 2; i++) {
        const q = live.bodyScreen(i / (mm.length / 2 - 1));
        px.push(q?.x ?? NaN, q?.y ?? NaN);
      }
      return { mm, px };
    },
    activity: () => {
      const sim = live.sim;
      if (!sim) return { ids: [], output: [], v: [] };
      const t = sim.telemetry();
      return { ids: [...sim.neuronIds], output: Array.from(t.output), v: Array.from(t.v) };
    },
    advance: (ms) => live.sim?.run(ms),
    loadCircuit: (c) => {
      const r = m.load(c, 'test.json');
      if (!r.ok) throw new Error(r.message);
    },
    neuronScreen: (id) => graph.neuronScreen(id),
    synapseScreen: (key) => {
      const e = m.geometry().edges.find((x) => x.key === key);
      if (!e) return null;
      const s = graphToScreen(m.viewport, m.screen, pathMiddle(e.path));
      return { x: graph.bounds.x + s.x, y: graph.bounds.y + s.y };
    },
    info: () => {
      const sim = live.sim;
      const doc = m.doc;
      const g = graph.stats;
      return {
        name: doc.name ?? '',
        fileName: m.fileName,
        neurons: doc.neurons.map((n) => n.id),
        synapses: (doc.synapses ?? []).map((s) => `${s.kind}:${s.from}>${s.to}`),
        sensors: (doc.sensors ?? []).length,
        muscles: (doc.muscles ?? []).length,
        warnings: m.warnings().map((w) => w.message),
        selection: { neurons: [...m.selection.neurons], synapses: [...m.selection.synapses] },
        canUndo: m.canUndo(),
        canRedo: m.canRedo(),
        undoLabel: m.undoLabel() ?? null,
        dirty: m.isDirty(),
        status: p.status(),
        viewport: m.viewport,
        graphRect: graph.bounds,
        bodyRect: bodyRect(p.body),
        wormError: live.error,
        liveArena: live.arena,
        liveView: live.view,
        liveBoxes: live.screenBoxes(),
        liveSolids: live.solidsShown,
        wormMuscles: sim ? Array.from(sim.telemetry().muscles) : [],
        segments: sim?.segments ?? 0,
        wormHead: live.bodyScreen(0.03),
        pokes: [...live.pokeLog],
        musclePeakSincePoke: { ...live.peakSincePoke },
        probes: [...p.probes()],
        paused: sim ? live.paused : null,
        graphFrames: g.frames,
        graphDrawMsAvg: g.frames ? g.drawMs / g.frames : 0,
        graphStaticMs: g.lastStaticMs,
        labelsHidden: g.labelsHidden,
        labelsShown: g.labelsShown,
        tests: p.tests.results(),
        docJson: JSON.stringify(doc),
        evolve: p.evolve.state(),
      };
    },
  };
}

function bodyRect(body: BodyDiagram): { x: number; y: number; w: number; h: number; nose: Point; tail: Point; leftY: number; rightY: number } {
  const nose = body.pointOf(0, 'left');
  const tail = body.pointOf(1, 'left');
  return { ...body.bounds, nose, tail, leftY: nose.y, rightY: body.pointOf(0, 'right').y };
}
