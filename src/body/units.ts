/**
 * Units of the body layer. The public API speaks mm, ms and µN; matter-js
 * sees "matter units" so that its fixed tolerances (collision slop 0.05,
 * minimum constraint length 1e-6) are small against a 0.04 mm radius.
 */

/** Matter-js length units per millimetre: a 1 mm worm is 100 units long, its radius 4 units. */
export const MATTER_UNITS_PER_MM = 100;

/** matter-js warns above this step (ms); the body refuses larger steps. */
export const MAX_STEP_MS = 1000 / 60;

/** The step the defaults are tuned and tested at (ms). */
export const DEFAULT_STEP_MS = 10;

export function mmToMatter(mm: number): number {
  return mm * MATTER_UNITS_PER_MM;
}

export function matterToMm(units: number): number {
  return units / MATTER_UNITS_PER_MM;
}
