/** The worm's physical body: matter-js segments, muscles, resistive-force drag. No neurons here. */
export { WormBody, stepBodies, type BodyPoint } from './wormBody';
export { createPhysics } from './physics';
export { BodyInstabilityError, type FiniteIssue } from './errors';
export {
  BODY_DEFAULTS,
  MEDIUM_DRAG,
  radiusProfile,
  resolveBodyOptions,
  type BodyMedium,
  type MediumDrag,
  type ResolvedBodyOptions,
  type WormBodyOptions,
} from './params';
export { DEFAULT_STEP_MS, MATTER_UNITS_PER_MM, MAX_STEP_MS, matterToMm, mmToMatter } from './units';
export { writeTravellingWave, type WaveSpec } from './waveDrive';
