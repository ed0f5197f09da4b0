import type { Subscription } from 'rxjs';
import { serializeCircuit } from '../src/circuits/circuit';
import type { Circuit } from '../src/circuits/types';
import { fileNameFor } from '../src/editor/file-name';
import { download } from './download';
import type { Medium, SimClock, SimOutputs, SimSubject } from '../src/sim/types';
import type { TouchKind } from '../src/streams/types';

/**
 * What the player did to a worm, as the recording file `neuroworm scenario
 * record` turns into a scenario (src/scenario/record.ts reads it). Touches and
 * plate taps are taken from the simulation's own stimulus stream — the body
 * position, side, kind and force it received, at the step it received them —
 * so a click, a drag-nudge and a button all replay as the same poke; food,
 * heat, the medium and ablations are noted as the player gives them. Replayed with the
 * same circuit, arena and seed, the scenario runs the worm the player saw,
 * step for step.
 */
export type RecordedAction =
  | { atMs: number; action: 'poke'; position: number; side: 'left' | 'right' | 'both'; kind: TouchKind; force: number }
  | { atMs: number; action: 'tap'; force: number }
  | { atMs: number; action: 'food'; x: number; y: number; amount: number }
  | { atMs: number; action: 'heat'; x: number; y: number; deltaC: number; radius: number }
  | { atMs: number; action: 'medium'; medium: Medium }
  | { atMs: number; action: 'ablate'; neuron: string };

export interface RecordingFile {
  /** A built-in circuit's name, or the file name of the circuit saved beside the recording. */
  circuit: string;
  arena?: string;
  seed: number;
  medium: Medium;
  /** Where the worm started (nose, mm; heading in degrees), when not the arena's own start. */
  worm?: { x: number; y: number; heading: number };
  durationMs: number;
  actions: RecordedAction[];
}

/** A recording ends at least this long after its last action, so a scenario made from it runs past it. */
const TAIL_MS = 100;

export class PlayRecorder {
  private readonly list: RecordedAction[] = [];
  private readonly sub: Subscription;
  private readonly initialMedium: Medium;

  constructor(
    private readonly sim: Pick<SimClock, 'timeMs'> & Pick<SimSubject, 'medium'> & Pick<SimOutputs, 'stimuli$'>,
    private readonly start: Omit<RecordingFile, 'actions' | 'durationMs' | 'medium'>,
  ) {
    this.initialMedium = sim.medium;
    this.sub = sim.stimuli$.subscribe((s) => {
      // Emitted at the start of the step that applies it: sim.timeMs is that step's boundary, where a scenario applies it too.
      if (s.type === 'plate-tap') this.list.push({ atMs: sim.timeMs, action: 'tap', force: s.force });
      else if (s.source === 'poke')
        this.list.push({
          atMs: sim.timeMs,
          action: 'poke',
          position: s.position,
          side: s.side,
          kind: s.kind,
          force: s.force,
        });
    });
  }

  food(x: number, y: number, amount = 1): void {
    this.list.push({ atMs: this.sim.timeMs, action: 'food', x, y, amount });
  }

  heat(x: number, y: number, deltaC: number, radius: number): void {
    this.list.push({ atMs: this.sim.timeMs, action: 'heat', x, y, deltaC, radius });
  }

  medium(medium: Medium): void {
    this.list.push({ atMs: this.sim.timeMs, action: 'medium', medium });
  }

  ablate(neuron: string): void {
    this.list.push({ atMs: this.sim.timeMs, action: 'ablate', neuron });
  }

  /** Actions so far. */
  get count(): number {
    return this.list.length;
  }

  /** The recording up to now. */
  toFile(): RecordingFile {
    const last = this.list.length ? this.list[this.list.length - 1].atMs : 0;
    return {
      ...this.start,
      medium: this.initialMedium,
      durationMs: Math.max(this.sim.timeMs, last + TAIL_MS),
      actions: this.list.map((a) => ({ ...a })),
    };
  }

  dispose(): void {
    this.sub.unsubscribe();
  }
}

/** "recording-worm-12s.json": what the recording was of, and how long. */
export function recordingFileName(r: RecordingFile): string {
  const what = r.circuit.replace(/\.json$/i, '').replace(/[^a-z0-9-]+/gi, '-');
  return `recording-${what}-${Math.round(r.durationMs / 1000)}s.json`;
}

/** What a recording names as its circuit: a built-in by name, else a file (its name and text, saved beside the recording). */
export interface RecordedCircuit {
  name: string;
  text?: string;
}

export function recordedCircuit(c: string | Circuit, fileName?: string): RecordedCircuit {
  if (typeof c === 'string') return { name: c };
  return { name: fileName ?? fileNameFor(c.doc.name ?? 'circuit'), text: serializeCircuit(c) };
}

/** Downloads the recording so far (and the circuit's file when it is not a built-in one); a sentence saying what was saved. */
export function downloadRecording(recorder: PlayRecorder, circuit: RecordedCircuit): { title: string; detail: string } {
  const file = { ...recorder.toFile(), circuit: circuit.name };
  const name = recordingFileName(file);
  download(name, `${JSON.stringify(file, null, 2)}\n`);
  if (circuit.text !== undefined) download(circuit.name, circuit.text);
  const n = file.actions.length;
  return {
    title: `Saved ${name}`,
    detail: `${n} action${n === 1 ? '' : 's'}${circuit.text !== undefined ? `, with ${circuit.name} beside it` : ''} · npx neuroworm scenario record ${name}`,
  };
}
