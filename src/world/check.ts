/**
 * Checks of a shape-valid arena that span several fields: unique ids, things
 * on the plate, convex obstacles, sane pillar fields and grids, a start clear
 * of walls. Each problem names its path and the fix.
 */
import type { JsonPath } from './errors';
import { isConvex, polygonArea, polygonFromPoints, segmentClearance } from './geometry';
import { MAX_PILLARS, pillarCount } from './pillars';
import { WORM_RADIUS_MM, defaultCellMm, obstacleShape, onPlate, plateGeometry, startBody, wallShape, type PlateGeometry } from './resolve';
import type { Arena, Gradient, Point, ZoneShape } from './schema';

export interface RawIssue {
  path: JsonPath;
  message: string;
}

/** Largest field grid side, cells (a 512² grid is ~2 MB per field and still updates in a few ms). */
export const MAX_GRID_SIDE = 512;

export function checkArena(a: Arena): RawIssue[] {
  const issues: RawIssue[] = [];
  const add = (path: JsonPath, message: string) => issues.push({ path, message });
  const plate = plateGeometry(a.plate);
  const fmt = (p: Point) => `[${p[0]}, ${p[1]}]`;
  const plateText = plate.dish
    ? `the dish (centre [${plate.dish.x}, ${plate.dish.y}], radius ${plate.dish.r})`
    : `the plate (x 0..${plate.width}, y 0..${plate.height})`;

  /** Anything drawn on the plate must lie within its bounding box. */
  const inBox = (p: Point, path: JsonPath) => {
    if (p[0] < 0 || p[1] < 0 || p[0] > plate.width || p[1] > plate.height)
      add(path, `point ${fmt(p)} is off the plate (x 0..${plate.width}, y 0..${plate.height}); move it onto the plate`);
  };
  /** Things the worm visits (food, sources, spots, the start) must be on the plate itself. */
  const onIt = (p: Point, path: JsonPath) => {
    if (!onPlate(plate, p[0], p[1])) add(path, `point ${fmt(p)} is outside ${plateText}; move it onto the plate`);
  };

  // Ids: one namespace for the whole arena, so a contact, zone or food id names one thing.
  const seen = new Map<string, string>();
  const claim = (id: string | undefined, path: JsonPath, where: string) => {
    if (id === undefined) return;
    const prior = seen.get(id);
    if (prior !== undefined) add([...path, 'id'], `id ${JSON.stringify(id)} is already used by ${prior}; give each thing its own id`);
    else seen.set(id, where);
  };
  a.walls.forEach((w, i) => claim(w.id, ['walls', i], `walls[${i}]`));
  a.obstacles.forEach((o, i) => claim(o.id, ['obstacles', i], `obstacles[${i}]`));
  a.food.forEach((f, i) => claim(f.id, ['food', i], `food[${i}]`));
  a.chemicals.sources.forEach((s, i) => claim(s.id, ['chemicals', 'sources', i], `chemicals.sources[${i}]`));
  a.hazards.forEach((h, i) => claim(h.id, ['hazards', i], `hazards[${i}]`));
  a.goals.forEach((g, i) => claim(g.id, ['goals', i], `goals[${i}]`));

  a.walls.forEach((w, i) => {
    if (w.type === 'segment') {
      inBox(w.from, ['walls', i, 'from']);
      inBox(w.to, ['walls', i, 'to']);
    } else inBox(w.at, ['walls', i, 'at']);
  });

  a.obstacles.forEach((o, i) => {
    const at: JsonPath = ['obstacles', i];
    if (o.type === 'circle') inBox(o.at, [...at, 'at']);
    else if (o.type === 'polygon') {
      o.points.forEach((p, k) => inBox(p, [...at, 'points', k]));
      if (!isConvex(polygonFromPoints(o.points).xy))
        add(
          [...at, 'points'],
          'the polygon is not convex (or has no area); list its vertices in order around a convex shape, or split it into convex polygons',
        );
    } else {
      inBox(o.from, [...at, 'from']);
      inBox(o.to, [...at, 'to']);
      const minSpacing = 2 * o.radius + 2 * o.jitter;
      if (o.spacing <= minSpacing)
        add(
          [...at, 'spacing'],
          `spacing ${o.spacing} lets pillars touch (radius ${o.radius}, jitter ${o.jitter}); use spacing > 2·radius + 2·jitter = ${minSpacing}`,
        );
      else {
        const n = pillarCount(o);
        if (n > MAX_PILLARS) add([...at, 'spacing'], `the field would hold ${n} pillars (at most ${MAX_PILLARS}); use a larger spacing or a smaller region`);
      }
    }
  });

  a.food.forEach((f, i) => onIt(f.at, ['food', i, 'at']));
  a.chemicals.sources.forEach((s, i) => onIt(s.at, ['chemicals', 'sources', i, 'at']));
  a.temperature.spots.forEach((s, i) => inBox(s.at, ['temperature', 'spots', i, 'at']));
  a.chemicals.gradients.forEach((g, i) => {
    checkGradient(g, ['chemicals', 'gradients', i], add);
    const low = g.type === 'linear' ? Math.min(g.fromValue, g.toValue) : Math.min(g.centreValue, g.edgeValue);
    if (low < 0) add(['chemicals', 'gradients', i], `a concentration cannot be negative (lowest value ${low}); use values ≥ 0`);
  });
  a.temperature.gradients.forEach((g, i) => checkGradient(g, ['temperature', 'gradients', i], add));

  const emits = a.food.some((f) => f.emission * f.amount > 0) || a.chemicals.sources.length > 0;
  if (a.chemicals.start === 'steady' && a.chemicals.decay === 0 && emits)
    add(['chemicals', 'start'], 'odour with no decay never settles, so it has no steady state; set chemicals.decay > 0 or chemicals.start to "empty"');

  a.hazards.forEach((h, i) => checkZone(h.zone, ['hazards', i, 'zone'], inBox, add));
  a.goals.forEach((g, i) => checkZone(g.zone, ['goals', i, 'zone'], inBox, add));

  checkGrid(a, plate, add);
  checkStart(a, plate, plateText, add);
  return issues;
}

function checkGradient(g: Gradient, at: JsonPath, add: (p: JsonPath, m: string) => void) {
  if (g.type === 'linear' && g.from[0] === g.to[0] && g.from[1] === g.to[1])
    add([...at, 'to'], 'a linear gradient needs two different points; move `to` away from `from`');
}

function checkZone(z: ZoneShape, at: JsonPath, inBox: (p: Point, path: JsonPath) => void, add: (p: JsonPath, m: string) => void) {
  if (z.type === 'ring' && z.inner >= z.outer) add([...at, 'inner'], `inner radius ${z.inner} must be less than outer radius ${z.outer}`);
  if (z.type === 'polygon') {
    z.points.forEach((p, k) => inBox(p, [...at, 'points', k]));
    if (Math.abs(polygonArea(polygonFromPoints(z.points).xy)) < 1e-12)
      add([...at, 'points'], 'the polygon has no area; give at least three points not on one line');
  } else inBox(z.at, [...at, 'at']);
}

function checkGrid(a: Arena, plate: PlateGeometry, add: (p: JsonPath, m: string) => void) {
  const cell = a.grid.cellMm;
  if (cell === undefined) return;
  const side = Math.max(plate.width, plate.height);
  const cells = Math.ceil(side / cell);
  if (cells > MAX_GRID_SIDE)
    add(
      ['grid', 'cellMm'],
      `a ${cell} mm cell gives a ${cells}-cell grid side (at most ${MAX_GRID_SIDE}); use cellMm ≥ ${side / MAX_GRID_SIDE} (default ${defaultCellMm(plate)})`,
    );
  else if (cells < 4) add(['grid', 'cellMm'], `a ${cell} mm cell leaves fewer than 4 cells across the plate; use cellMm ≤ ${side / 4}`);
}

function checkStart(a: Arena, plate: PlateGeometry, plateText: string, add: (p: JsonPath, m: string) => void) {
  const [tx, ty, hx, hy] = startBody(a.start);
  if (!onPlate(plate, tx, ty, WORM_RADIUS_MM) || !onPlate(plate, hx, hy, WORM_RADIUS_MM)) {
    add(
      ['start', 'at'],
      `the worm's body (1 mm long, centred at [${a.start.at[0]}, ${a.start.at[1]}]) does not fit inside ${plateText}; move the start inwards or turn it`,
    );
    return;
  }
  const check = (shape: Parameters<typeof segmentClearance>[0], what: string) => {
    if (segmentClearance(shape, tx, ty, hx, hy) <= WORM_RADIUS_MM)
      add(['start', 'at'], `the worm's body at the start touches ${what}; move the start or the ${what.startsWith('walls') ? 'wall' : 'obstacle'}`);
  };
  a.walls.forEach((w, i) => check(wallShape(w), `walls[${i}]${w.id ? ` (${w.id})` : ''}`));
  a.obstacles.forEach((o, i) => {
    if (o.type !== 'pillars') check(obstacleShape(o), `obstacles[${i}]${o.id ? ` (${o.id})` : ''}`);
  });
}
