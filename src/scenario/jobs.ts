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
import type { Recording } from './recording';
import type { Scenario } from './types';

export interface Job {
  file: string;
  /** Seed to run with; omitted = the scenario's own seed. */
  seed?: number;
  /** Render the SVG picture too. */
  plot?: boolean;
  /** An experiment file's group (variant) this job belongs to (src/experiment); it then brings its `scenario`. */
  group?: string;
  /**
   * The scenario to run, already loaded (plain data, so it crosses to worker
   * threads): an experiment's group, built by src/experiment from its file.
   * Omitted = load `file` as a scenario file. (The scenario layer never
   * reads experiment files itself: experiments sit above it.)
   */
  scenario?: Scenario;
  /** Record the body's points this often, ms (experiment --wcon). */
  poseEveryMs?: number;
}

/** Interval of the centroid track an experiment job returns, ms (the report's track plots). */
export const TRACK_EVERY_MS = 100;

/** Every k-th sample of a recording's centroid, about everyMs apart. */
function trackOf(rec: Recording, everyMs: number): NonNullable<JobResult['track']> {
  const k = Math.max(1, Math.round(everyMs / Math.max(1e-9, rec.count > 1 ? (rec.t[rec.count - 1]! - rec.t[0]!) / (rec.count - 1) : everyMs)));
  const track = { t: [] as number[], x: [] as number[], y: [] as number[] };
  for (let i = 0; i < rec.count; i += k) {
    track.t.push(rec.t[i]!);
    track.x.push(rec.cx[i]!);
    track.y.push(rec.cy[i]!);
  }
  return track;
}

export function runJob(job: Job, backend: SimBackend, onProgress?: (simMs: number, durationMs: number) => void): JobResult {
  let name = basename(job.file);
  let seed = job.seed ?? 0;
  try {
    const scenario = job.scenario ?? loadScenarioFile(job.file);
    name = scenario.name;
    seed = job.seed ?? scenario.seed;
    const run = runScenario(scenario, {
      backend,
      seed,
      file: job.file,
      ...(onProgress && { onProgress }),
      ...(job.poseEveryMs !== undefined && { poseEveryMs: job.poseEveryMs }),
    });
    return {
      file: job.file,
      name,
      seed,
      report: run.report,
      ...(job.plot && { svg: renderPlot(scenario, run.report, run.recording) }),
      ...(job.group !== undefined && { group: job.group, track: trackOf(run.recording, TRACK_EVERY_MS) }),
      ...(run.poses && { poses: run.poses }),
    };
  } catch (e) {
    const error = e instanceof ScenarioError ? e.message : e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
    return { file: job.file, name, seed, error, ...(job.group !== undefined && { group: job.group }) };
  }
}
