/**
 * Neuron-model kernels: nanoseconds per neuron-step on a 10,000-neuron
 * population at dt = 1 ms (Hodgkin–Huxley includes its 100 sub-steps of
 * 0.01 ms; Izhikevich its 2 of 0.5 ms). Input is a fixed suprathreshold
 * current with a per-neuron spread, so neurons spike out of phase as in a
 * network. Run alone: `npx tsx bench/models.ts`.
 */
import { pathToFileURL } from 'node:url';
import type { NeuronModel } from '../src/neural/types';
import type { BenchSuite } from './suite';
import { resolveNeuronParams } from '../src/neural/params';
import { hodgkinHuxleyModel } from '../src/neural/models/hodgkin-huxley';
import { izhikevichModel } from '../src/neural/models/izhikevich';
import { lifModel } from '../src/neural/models/lif';

export interface ModelBenchResult {
  name: string;
  neurons: number;
  steps: number;
  nsPerNeuronStep: number;
  /** Simulated ms per wall-clock second for the whole population. */
  msPerSecond: number;
  spikesPerNeuronPerSecond: number;
}

interface Case {
  name: string;
  model: NeuronModel;
  preset?: string;
  /** Current range [lo, hi] spread over the population, in the model's unit. */
  current: [number, number];
  steps: number;
}

const CASES: Case[] = [
  { name: 'lif', model: lifModel, current: [1.5, 4], steps: 2000 },
  { name: 'izhikevich regular-spiking', model: izhikevichModel, preset: 'regular-spiking', current: [0, 15], steps: 2000 },
  { name: 'hodgkin-huxley squid', model: hodgkinHuxleyModel, preset: 'squid', current: [0, 15], steps: 40 },
  { name: 'hodgkin-huxley seed-calcium', model: hodgkinHuxleyModel, preset: 'seed-calcium', current: [0, 15], steps: 40 },
];

export function benchModels(options: { neurons?: number; dtMs?: number; repeats?: number; stepScale?: number } = {}): ModelBenchResult[] {
  const size = options.neurons ?? 10_000;
  const dt = options.dtMs ?? 1;
  const repeats = options.repeats ?? 3;
  const scale = options.stepScale ?? 1;
  const results: ModelBenchResult[] = [];
  for (const c of CASES) {
    const neuron = resolveNeuronParams(c.model, c.preset ? { id: 'x', model: c.model.kind, preset: c.preset } : { id: 'x', model: c.model.kind }, c.name);
    const population = c.model.createPopulation(Array.from({ length: size }, () => neuron));
    const current = new Float64Array(size);
    for (let i = 0; i < size; i++) current[i] = c.current[0] + ((c.current[1] - c.current[0]) * i) / (size - 1);
    const steps = Math.max(1, Math.round(c.steps * scale));
    // Warm-up: let the JIT optimise the kernel.
    for (let k = 0; k < Math.min(steps, 20); k++) population.step(dt, current);
    let best = Infinity;
    let spikes = 0;
    for (let r = 0; r < repeats; r++) {
      population.reset();
      spikes = 0;
      const start = process.hrtime.bigint();
      for (let k = 0; k < steps; k++) {
        population.step(dt, current);
        // Count spikes outside the timed kernel would be fairer, but it is ~1 ns per neuron; keep it cheap.
        if ((k & 15) === 0) for (let i = 0; i < size; i += 97) spikes += population.spiked[i];
      }
      const ns = Number(process.hrtime.bigint() - start);
      best = Math.min(best, ns);
    }
    const perStep = best / (steps * size);
    results.push({
      name: c.name,
      neurons: size,
      steps,
      nsPerNeuronStep: perStep,
      msPerSecond: (dt * 1e9) / (perStep * size),
      spikesPerNeuronPerSecond: (spikes * 97 * 16) / size / ((steps * dt) / 1000),
    });
  }
  return results;
}

export function formatModelBench(results: ModelBenchResult[], repeats = 3): string {
  const lines = [`neuron models: ns per neuron-step, 10,000 neurons, dt = 1 ms (best of ${repeats})`];
  for (const r of results) {
    lines.push(
      `  ${r.name.padEnd(30)} ${r.nsPerNeuronStep.toFixed(1).padStart(9)} ns   ` +
        `${r.msPerSecond.toFixed(1).padStart(9)} simulated ms/s   ~${r.spikesPerNeuronPerSecond.toFixed(0)} Hz mean rate`,
    );
  }
  return lines.join('\n');
}

export const suite: BenchSuite = {
  name: 'models',
  description: 'neuron-model kernels: ns per neuron-step on 10,000-neuron populations at dt = 1 ms',
  run({ quick, log }) {
    const repeats = quick ? 2 : 3;
    const results = benchModels({ repeats, stepScale: quick ? 0.25 : 1 });
    for (const line of formatModelBench(results, repeats).split('\n')) log(line);
    return { data: results, goals: [] };
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatModelBench(benchModels()));
}
