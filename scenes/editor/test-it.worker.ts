/// <reference lib="webworker" />
import { circuitFromDoc } from '../../src/circuits/circuit';
import { MODELS } from '../../src/neural/models';
import { runScenario } from '../../src/scenario/runner';
import type { SimBackend } from '../../src/scenario/backend';
import { createSimulation } from '../../src/sim/simulation';
import type { TestRequest, TestMessage } from './test-it';
import { reflexScenarios } from './reflexes';

// Runs the reflex scenarios on the edited circuit off the main thread, one report per scenario.
const post = (m: TestMessage): void => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = (e: MessageEvent<TestRequest>) => {
  const { doc, runId } = e.data;
  let circuit: ReturnType<typeof circuitFromDoc>;
  try {
    circuit = circuitFromDoc(doc, 'edited circuit', MODELS);
  } catch (err) {
    post({ runId, type: 'error', message: (err as Error).message });
    return;
  }
  const backend: SimBackend = {
    // Every scenario runs the edited circuit, whatever circuit name it carries.
    createSimulation: (opts) => createSimulation({ ...opts, circuit, arena: 'plate' } as Parameters<typeof createSimulation>[0]),
    loadCircuitFile: () => circuit,
  };
  const list = reflexScenarios();
  list.forEach((s, i) => {
    post({ runId, type: 'start', index: i, name: s.name, total: list.length });
    try {
      const { report } = runScenario(s, { backend });
      post({
        runId,
        type: 'result',
        index: i,
        name: s.name,
        pass: report.pass,
        wallMs: report.wallMs,
        detail: report.error ?? report.expectations.map((x) => `${x.pass ? '✓' : '✗'} ${x.detail}`).join('\n'),
      });
    } catch (err) {
      post({ runId, type: 'result', index: i, name: s.name, pass: false, wallMs: 0, detail: (err as Error).message });
    }
  });
  post({ runId, type: 'done' });
};
