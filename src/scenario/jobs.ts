/**
 * One job = one scenario file run with one seed. Shared by the in-process
 * path and the worker threads, so both produce the same results.
 */
import { basename } from 'node:path';
import { ScenarioError } from './errors';
import { loadScenarioFile } from './load';
import { renderPlot } from './plot';
import type { JobResult } from './report';
import { runScenario } from './runner';
import type { SimBackend } from './backend';

export interface Job {
  file: string;
  /** Seed to run with; omitted = the scenario's own seed. */
  seed?: number;
  /** Render the SVG picture too. */
  plot?: boolean;
}

export function runJob(job: Job, backend: SimBackend, onProgress?: (simMs: number, durationMs: number) => void): JobResult {
  let name = basename(job.file);
  let seed = job.seed ?? 0;
  try {
    const scenario = loadScenarioFile(job.file);
    name = scenario.name;
    seed = job.seed ?? scenario.seed;
    const run = runScenario(scenario, { backend, seed, file: job.file, ...(onProgress && { onProgress }) });
    return { file: job.file, name, seed, report: run.report, ...(job.plot && { svg: renderPlot(scenario, run.report, run.recording) }) };
  } catch (e) {
    const error = e instanceof ScenarioError ? e.message : e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
    return { file: job.file, name, seed, error };
  }
}
