/// <reference lib="webworker" />
import { circuitFromDoc } from '../../src/circuits/circuit';
import type { CircuitDoc } from '../../src/circuits/types';
import { MODELS } from '../../src/neural/models';
import { checkAblation, checkTouchAnswer, type AblationVerdict, type TouchCheck } from './touch-check';

export interface TouchCheckRequest {
  doc: CircuitDoc;
  arena: string;
  seed: number;
  /** Given: judge these ablations against an intact control (checkAblation) instead of the circuit alone. */
  ablate?: readonly string[];
}

export type TouchCheckReply = { ok: true; check: TouchCheck; verdict?: AblationVerdict } | { ok: false; message: string };

// The paired touch check (a few thousand physics steps) off the main thread, so the challenge keeps running.
self.onmessage = (e: MessageEvent<TouchCheckRequest>) => {
  const post = (m: TouchCheckReply): void => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
  try {
    const circuit = circuitFromDoc(e.data.doc, 'challenge circuit', MODELS);
    const { arena, seed, ablate } = e.data;
    if (ablate) {
      const verdict = checkAblation(circuit, ablate, { arena, seed });
      post({ ok: true, check: verdict.treated, verdict });
    } else post({ ok: true, check: checkTouchAnswer(circuit, { arena, seed }) });
  } catch (err) {
    post({ ok: false, message: (err as Error).message });
  }
};
