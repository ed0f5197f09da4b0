/**
 * A prescribed travelling bending wave on the muscle activations — a test and
 * benchmark input for the body, NOT the worm's behaviour (in the game the
 * wave comes from the nervous system and proprioception).
 *
 * Left activation = max(0, A·sin φ), right = max(0, −A·sin φ) with
 * φ = 2π(f·t ∓ u/λ), u = (i + ½)/N the position along the body (0 = head).
 * 'head-to-tail' makes the phase lag toward the tail (crawling forward).
 */
export interface WaveSpec {
  frequencyHz: number;
  /** Wavelength in body lengths. */
  wavelength: number;
  direction: 'head-to-tail' | 'tail-to-head';
  /** Peak activation 0..1. Default 1. */
  amplitude?: number;
}

export function writeTravellingWave(out: Float64Array, segments: number, timeMs: number, w: WaveSpec): Float64Array {
  const amp = w.amplitude ?? 1;
  const sign = w.direction === 'head-to-tail' ? -1 : 1;
  const ft = (w.frequencyHz * timeMs) / 1000;
  for (let i = 0; i < segments; i++) {
    const u = (i + 0.5) / segments;
    const v = amp * Math.sin(2 * Math.PI * (ft + (sign * u) / w.wavelength));
    out[i] = Math.max(v, 0);
    out[segments + i] = v < 0 ? -v : 0;
  }
  return out;
}
