import type { CircuitDoc } from '../../src/circuits/types';
import type { NaturalConditions } from '../../src/evolve/natural/conditions';
import type { GenerationSummary } from '../../src/evolve/natural/selection';
import type { NatselFrame, NatselReply, NatselRequest, NatselSpeed, PlateInfo } from './protocol';

/**
 * The page's end of a natural-selection run: the worker, what it last sent
 * (plate, frame), the chart's history. It outlives the scene, so a trip to
 * the editor with the champion and back finds the run where it was (paused).
 */
export class NatselSession {
  readonly history: GenerationSummary[] = [];
  plate: PlateInfo | null = null;
  frame: NatselFrame | null = null;
  error: string | null = null;
  paused = false;
  speed: NatselSpeed = 1;
  private readonly worker: Worker;
  private championWaiters: Array<(c: { doc: CircuitDoc | null; generation: number; eaten: number }) => void> = [];

  constructor(readonly conditions: Partial<NaturalConditions>) {
    this.worker = new Worker(new URL('./natsel.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<NatselReply>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      this.error = e.message || 'the simulation worker failed';
    };
    this.send({ type: 'start', conditions });
    this.send({ type: 'run', paused: this.paused, speed: this.speed });
  }

  private send(m: NatselRequest): void {
    this.worker.postMessage(m);
  }

  private receive(m: NatselReply): void {
    if (m.type === 'error') this.error = m.message;
    else if (m.type === 'champion') {
      const w = this.championWaiters;
      this.championWaiters = [];
      for (const f of w) f(m);
    } else {
      if (m.plate) this.plate = m.plate;
      this.history.push(...m.ended);
      this.frame = m;
    }
  }

  run(paused: boolean, speed: NatselSpeed = this.speed): void {
    this.paused = paused;
    this.speed = speed;
    this.send({ type: 'run', paused, speed });
  }

  champion(): Promise<{ doc: CircuitDoc | null; generation: number; eaten: number }> {
    return new Promise((resolve) => {
      this.championWaiters.push(resolve);
      this.send({ type: 'champion' });
    });
  }

  close(): void {
    this.worker.terminate();
  }
}
