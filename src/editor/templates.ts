/**
 * Starting points for a new circuit: a blank one, and the built-in circuits
 * (passed in by the app, which loads them; they are written elsewhere). A
 * built-in circuit opens laid out by the editor's own layout (layout.ts),
 * for the view it opens in: the positions its generator wrote put several
 * neurons of the combined worm on one spot.
 */
import { CIRCUIT_FORMAT, type Circuit, type CircuitDoc } from '../circuits/types';
import { CURRENT_VERSION } from '../circuits/versions';
import { winnerTakesAllDoc } from './wta-template';

export interface Template {
  /** Stable id: "blank", or the built-in circuit's file name without ".json". */
  id: string;
  name: string;
  description: string;
  doc: CircuitDoc;
}

export function blankDoc(name = 'Untitled circuit'): CircuitDoc {
  return { format: CIRCUIT_FORMAT, version: CURRENT_VERSION, name, neurons: [] };
}

/** The blank circuit first, then each built-in circuit in the order given, then the motifs (winner takes all). */
export function templates(builtins: readonly Circuit[] = []): Template[] {
  const out: Template[] = [{ id: 'blank', name: 'Blank circuit', description: 'An empty circuit: add neurons from the palette.', doc: blankDoc() }];
  for (const c of builtins) {
    const id = c.fileName.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');
    out.push({ id, name: c.doc.name ?? id, description: c.doc.description ?? '', doc: withoutPositions(c.doc) });
  }
  const wta = winnerTakesAllDoc();
  out.push({ id: 'winner-takes-all', name: wta.name as string, description: wta.description as string, doc: wta });
  return out;
}

/** The document with no neuron positions (and no saved view), so whoever opens it lays it out. */
export function withoutPositions(doc: CircuitDoc): CircuitDoc {
  const { editor: _view, ...rest } = doc;
  return { ...rest, neurons: doc.neurons.map(({ position: _p, ...n }) => n) };
}
