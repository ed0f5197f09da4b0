/**
 * Seeds derived from a run's seed, so every random choice of a generation can
 * be redrawn from (seed, generation) alone: a checkpoint needs no generator
 * state, and a resumed run draws exactly what the uninterrupted run drew.
 */
import { Rng } from '../neural/rng';

/** A 32-bit hash of a list of whole numbers (murmur3's finaliser over a running mix). */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193) >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** The generator for one purpose (`stream`) of one generation of a run. */
export function rngFor(seed: number, generation: number, stream = 0): Rng {
  return new Rng(mixSeed(seed, generation, stream));
}

/** A 53-bit hash of a text, as 14 hex digits (cyrb53): identifies a spec or an evaluation context without node:crypto (browser-safe). */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
