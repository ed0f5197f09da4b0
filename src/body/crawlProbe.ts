/**
 * Drive a body with a prescribed travelling wave and measure how it moves:
 * the probe behind the locomotion tests, the benchmark and docs/body.md's
 * numbers. A diagnostic of the body alone, not the worm's behaviour.
 */
import { createPhysics } from './physics';
import type { WormBodyOptions } from './params';
import { writeTravellingWave, type WaveSpec } from './waveDrive';
import { WormBody } from './wormBody';
import { DEFAULT_STEP_MS } from './units';

export interface CrawlResult {
  /** Centroid speed along the initial heading over the measured window, mm/s (negative = backward). */
  speedMmS: number;
  /** Same in body lengths per second. */
  bodyLengthsPerS: number;
  /** Centroid path speed regardless of direction, mm/s. */
  netSpeedMmS: number;
  /** Wave speed f·λ, mm/s, and speedMmS divided by it (1 = no slip). */
  waveSpeedMmS: number;
  efficiency: number;
  /** Largest |curvature| seen at any joint, 1/mm, and its mean over joints and time (RMS). */
  maxCurvature: number;
  rmsCurvature: number;
  /** Smallest and largest nose-to-tail centreline length seen, as a fraction of lengthMm. */
  minLengthRatio: number;
  maxLengthRatio: number;
}

/**
 * Runs `seconds` of simulated time; the first quarter settles the gait and is
 * not measured.
 */
export function measureCrawl(options: WormBodyOptions, wave: WaveSpec, seconds: number, dtMs: number = DEFAULT_STEP_MS): CrawlResult {
  const body = new WormBody(createPhysics(), options);
  const N = body.segments;
  const act = new Float64Array(2 * N);
  const k = new Float64Array(N - 2);
  const h0 = body.headingRad();
  const steps = Math.round((seconds * 1000) / dtMs);
  const settle = Math.round(steps / 4);
  const start = new Float64Array(2);
  let kMax = 0;
  let k2 = 0;
  let kCount = 0;
  let lMin = Infinity;
  let lMax = 0;
  for (let s = 0; s < steps; s++) {
    body.setActivations(writeTravellingWave(act, N, body.timeMs, wave));
    body.step(dtMs);
    if (s === settle - 1) body.centroid(start);
    if (s >= settle) {
      body.curvature(k);
      for (let j = 0; j < k.length; j++) {
        const a = Math.abs(k[j]);
        if (a > kMax) kMax = a;
        k2 += a * a;
      }
      kCount += k.length;
      const l = body.centrelineLengthMm() / body.lengthMm;
      if (l < lMin) lMin = l;
      if (l > lMax) lMax = l;
    }
  }
  const end = body.centroid();
  const seconds_ = ((steps - settle) * dtMs) / 1000;
  const dx = end[0] - start[0];
  const dy = end[1] - start[1];
  const speed = (dx * Math.cos(h0) + dy * Math.sin(h0)) / seconds_;
  const waveSpeed = wave.frequencyHz * wave.wavelength * body.lengthMm;
  body.destroy();
  return {
    speedMmS: speed,
    bodyLengthsPerS: speed / body.lengthMm,
    netSpeedMmS: Math.hypot(dx, dy) / seconds_,
    waveSpeedMmS: waveSpeed,
    efficiency: speed / waveSpeed,
    maxCurvature: kMax,
    rmsCurvature: Math.sqrt(k2 / Math.max(1, kCount)),
    minLengthRatio: lMin,
    maxLengthRatio: lMax,
  };
}
