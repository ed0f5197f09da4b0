/// <reference lib="webworker" />
import { circuitFromDoc } from '../../src/circuits/circuit';
import type { CircuitDoc } from '../../src/circuits/types';
import { MODELS } from '../../src/neural/models';
import { checkLearning, type LearningCheckOptions, type LearningVerdict } from './learning-check';

export interface LearningCheckRequest {
  taught: CircuitDoc;
  naive: CircuitDoc;
  options: LearningCheckOptions;
}

export type LearningCheckReply = { ok: true; verdict: LearningVerdict } | { ok: false; message: string };

// The test phase's paired check (the taught worm and its untaught twin on the test plates) off the main thread.
self.onmessage = (e: MessageEvent<LearningCheckRequest>) => {
  const post = (m: LearningCheckReply): void => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
  try {
    const { taught, naive, options } = e.data;
    const load = (doc: CircuitDoc, name: string) => circuitFromDoc(doc, name, MODELS);
    post({ ok: true, verdict: checkLearning(load(taught, 'taught worm'), load(naive, 'untaught twin'), options) });
  } catch (err) {
    post({ ok: false, message: (err as Error).message });
  }
};
