/**
 * The allowed range of every number of the arena format, in one table: the
 * schema checks against it and docs/world.md prints it (its docs test
 * compares). Checks across fields (on the plate, convex, pillar counts, a
 * clear start) are in check.ts.
 */
import type { Range } from '../text/ranges';

const mm = (min: number, max: number, help: string, above = false): Range => ({ min, max, unit: 'mm', help, ...(above && { above }) });

export const ARENA_RANGES = {
  'plate.size[], plate.diameter': mm(0.5, 200, 'plate size (a rect plate’s width and height, a dish’s diameter)'),
  'plate.rim': mm(0, 10, 'physical rim outside the plate', true),
  'points [x, y]': mm(-1000, 1000, 'coordinates; things must also lie on the plate'),
  'sizes [w, h] (walls, zones)': mm(0, 400, 'width and height', true),
  'walls[].thickness': mm(0, 10, 'wall thickness', true),
  'angleDeg, start.headingDeg': { min: -360, max: 360, unit: 'degrees', help: 'from +x towards +y' },
  'radius (obstacles, zones, heat spots)': mm(0, 200, 'radius', true),
  'ring inner': mm(0, 200, 'inner radius of a ring zone'),
  'pillars spacing': mm(0, 200, 'centre-to-centre distance', true),
  'pillars radius': mm(0, 50, 'pillar radius', true),
  'pillars jitter': mm(0, 10, 'largest random offset of a centre'),
  'pillars seed': { min: 0, max: 0xffffffff, int: true, unit: '', help: 'seed of the jitter' },
  'food[].radius, chemicals.sources[].radius': mm(0, 50, 'radius of a food lawn or odour source', true),
  'food[].amount': { min: 0, max: 100, unit: '', help: '1 = a standard spot' },
  'food[].emission': { min: 0, max: 1000, unit: 'a.u.·mm²/s', help: 'odour per unit amount' },
  'food[].eatRate': { min: 0, max: 100, unit: '/s', help: 'amount eaten per second; 0 = never depleted' },
  'chemicals.sources[].emission': { min: 0, above: true, max: 1000, unit: 'a.u.·mm²/s', help: 'odour emitted' },
  'chemicals.diffusion': { min: 0, above: true, max: 10, unit: 'mm²/s', help: 'diffusion coefficient of the odour' },
  'chemicals.decay': { min: 0, max: 100, unit: '/s', help: 'first-order decay (evaporation)' },
  'gradient values (chemical)': { min: -1e6, max: 1e6, unit: 'a.u.', help: 'concentration (the sum must not be negative)' },
  'gradient values (temperature), deltaC': { min: -50, max: 50, unit: '°C', help: 'temperature offset' },
  'temperature.celsius': { min: -10, max: 60, unit: '°C', help: 'base temperature' },
  'hazards[].level': { min: 0, above: true, max: 100, unit: 'a.u.', help: 'toxin level inside the zone (1 = strongly repellent)' },
  'hazards[].edgeMm': mm(0, 10, 'soft edge over which a hazard ramps up'),
  'grid.cellMm': { min: 0.01, max: 5, unit: 'mm', help: 'cell size of the field grids' },
} as const satisfies Record<string, Range>;
