/// <reference lib="webworker" />
import { circuitFromDoc } from '../../src/circuits/circuit';
import type { CircuitDoc } from '../../src/circuits/types';
import { MODELS } from '../../src/neural/models';
import { checkTouchAnswer, type TouchCheck } from './touch-check';

export interface TouchCheckRequest {
  doc: CircuitDoc;
  arena: string;
  seed: number;
}

export type TouchCheckReply = { ok: true; check: TouchCheck } | { ok: false; message: string };

// The paired touch check (a few thousand physics steps) off the main thread, so the challenge keeps running.
self.onmessage = (e: MessageEvent<TouchCheckRequest>) => {
  const post = (m: TouchCheckReply): void => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
  try {
    const circuit = circuitFromDoc(e.data.doc, 'challenge circuit', MODELS);
    post({ ok: true, check: checkTouchAnswer(circuit, { arena: e.data.arena, seed: e.data.seed }) });
  } catch (err) {
    post({ ok: false, message: (err as Error).message });
  }
};
