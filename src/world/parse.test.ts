import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../text/diagnostics';
import { ArenaError } from './errors';
import { parseArena } from './parse';
import { seededRand } from './testing';
import { World } from './world';

const minimal = { name: 'tiny', plate: { shape: 'rect', size: [10, 8] }, start: { at: [5, 4] } };

/** The ArenaError thrown for input, with its issues as "path: message" lines. */
function problems(input: unknown, file = 'arenas/test.json'): { error: ArenaError; lines: string[] } {
  try {
    parseArena(input, file);
  } catch (e) {
    if (!(e instanceof ArenaError)) throw e;
    return { error: e, lines: e.issues.map((i) => `${formatPath(i.path)}: ${i.message}`) };
  }
  throw new Error('expected parseArena to refuse the input');
}

describe('parseArena', () => {
  it('fills in every default of a minimal arena', () => {
    const a = parseArena(minimal, 'tiny.json');
    expect(a.version).toBe(1);
    expect(a.plate).toEqual({ shape: 'rect', size: [10, 8], rim: 1 });
    expect(a.chemicals).toEqual({ diffusion: 0.05, decay: 0.005, start: 'steady', sources: [], gradients: [] });
    expect(a.temperature).toEqual({ celsius: 20, gradients: [], spots: [] });
    expect(a.start).toEqual({ at: [5, 4], headingDeg: 0 });
    expect([a.walls, a.obstacles, a.food, a.hazards, a.goals]).toEqual([[], [], [], [], []]);
  });

  it('reads JSON text and names the file when the text is not JSON', () => {
    expect(parseArena(JSON.stringify(minimal)).name).toBe('tiny');
    const { error } = problems('{ "name": ', 'broken.json');
    expect(error.message).toMatch(/^broken\.json: 1 problem in the arena file:\n {2}broken\.json:1:11: \(whole file\): not valid JSON/);
  });

  it('places problems of arena text at their line and refuses a key written twice (JSON.parse kept the last silently)', () => {
    const text = JSON.stringify({ ...minimal, food: [{ at: [1, 1], radius: -1 }] }, null, 2);
    const { error } = problems(text, 'lines.json');
    const line = text.split('\n').findIndex((l) => l.includes('"radius": -1')) + 1;
    expect(error.issues[0]).toMatchObject({ path: ['food', 0, 'radius'], line });
    expect(error.message).toContain(`lines.json:${line}:`);
    const twice = problems('{ "name": "a",\n  "name": "b", "plate": { "shape": "rect", "size": [10, 8] }, "start": { "at": [5, 4] } }', 'twice.json');
    expect(twice.error.message).toMatch(/twice\.json:2:\d+: name: field "name" appears twice/);
  });

  it('names the file, the field and the fix for type, range and unknown-field errors', () => {
    const { error, lines } = problems({
      ...minimal,
      plate: { shape: 'dish', diameter: 10, rimm: 2 },
      food: [{ at: [5, 'x'], radius: -1 }],
      walls: [{ type: 'segmnt', from: [0, 0], to: [1, 1] }],
      chemicals: { start: 'later' },
    });
    expect(lines).toContain('plate: unknown field "rimm" (did you mean "rim"?); remove it or use one of "shape", "diameter" or "rim"');
    expect(lines).toContain('food[0].at[1]: expected a number, got "x"');
    expect(lines).toContain('food[0].radius: must be > 0 (got -1)');
    expect(lines).toContain('walls[0].type: unknown type "segmnt"; use one of "segment" or "rect"');
    expect(lines).toContain('chemicals.start: must be "steady" or "empty" (got "later")');
    expect(error.message.split('\n')[0]).toBe('arenas/test.json: 5 problems in the arena file:');
    for (const l of error.message.split('\n').slice(1)) expect(l).toMatch(/^ {2}arenas\/test\.json: /);
  });

  it('reports missing required fields and a wrong top-level type', () => {
    expect(problems({}).lines).toEqual([
      'name: missing; add it (text in quotes)',
      'plate: missing; add it (an object {...})',
      'start: missing; add it (an object {...})',
    ]);
    const top = problems([], 'list.json');
    expect(top.lines).toEqual([': expected an object {...}, got []']);
    expect(top.error.message).toContain('list.json: (whole file): expected an object {...}, got []');
  });

  it('refuses things off the plate, duplicate ids, concave obstacles and crowded pillars', () => {
    const { lines } = problems({
      ...minimal,
      obstacles: [
        {
          type: 'polygon',
          id: 'L',
          points: [
            [0, 0],
            [4, 0],
            [1, 1],
            [0, 4],
          ],
        },
        { type: 'pillars', id: 'f', from: [6, 0], to: [9, 3], spacing: 0.25, radius: 0.1, jitter: 0.05 },
      ],
      food: [{ id: 'L', at: [12, 2] }],
      goals: [{ id: 'g', zone: { type: 'ring', at: [5, 4], inner: 3, outer: 2 } }],
    });
    expect(lines).toEqual([
      'obstacles[0].points: the polygon is not convex (or has no area); list its vertices in order around a convex shape, or split it into convex polygons',
      'obstacles[1].spacing: spacing 0.25 lets pillars touch (radius 0.1, jitter 0.05); use spacing > 2·radius + 2·jitter = 0.30000000000000004',
      'food[0].id: id "L" is already used by obstacles[0]; give each thing its own id',
      'food[0].at: point [12, 2] is outside the plate (x 0..10, y 0..8); move it onto the plate',
      'goals[0].zone.inner: inner radius 3 must be less than outer radius 2',
    ]);
  });

  it('keeps the worm clear of walls, obstacles and the dish edge at the start', () => {
    expect(problems({ ...minimal, walls: [{ type: 'segment', id: 'w', from: [5.3, 0], to: [5.3, 8] }] }).lines).toEqual([
      "start.at: the worm's body at the start touches walls[0] (w); move the start or the wall",
    ]);
    expect(problems({ ...minimal, plate: { shape: 'dish', diameter: 10 }, start: { at: [9.6, 5], headingDeg: 0 } }).lines[0]).toMatch(
      /^start\.at: the worm's body .* does not fit inside the dish \(centre \[5, 5\], radius 5\)/,
    );
    // Pillars are cleared from around the start instead (see resolve), so they never block it.
    expect(() => parseArena({ ...minimal, obstacles: [{ type: 'pillars', from: [0, 0], to: [10, 8], spacing: 0.5, radius: 0.1 }] })).not.toThrow(); // ...but a field too dense to simulate is refused with the numbers to change.
    expect(problems({ ...minimal, obstacles: [{ type: 'pillars', from: [0, 0], to: [10, 8], spacing: 0.05, radius: 0.02 }] }).lines[0]).toMatch(
      /^obstacles\[0\]\.spacing: the field would hold \d+ pillars \(at most 20000\); use a larger spacing or a smaller region$/,
    );
  });

  it('needs decay for a steady odour start, and a sane grid', () => {
    expect(problems({ ...minimal, food: [{ at: [2, 2] }], chemicals: { decay: 0 } }).lines).toEqual([
      'chemicals.start: odour with no decay never settles, so it has no steady state; set chemicals.decay > 0 or chemicals.start to "empty"',
    ]);
    expect(() => parseArena({ ...minimal, food: [{ at: [2, 2] }], chemicals: { decay: 0, start: 'empty' } })).not.toThrow();
    expect(problems({ ...minimal, grid: { cellMm: 0.01 } }).lines[0]).toMatch(
      /^grid\.cellMm: a 0\.01 mm cell gives a 1000-cell grid side \(at most 512\); use cellMm ≥ 0\.01953125/,
    );
  });
});

describe('docs/world.md', () => {
  it('its example arena parses and makes a world', () => {
    const text = readFileSync(new URL('../../docs/world.md', import.meta.url), 'utf8');
    const section = text.slice(text.indexOf('## Arena file format'));
    const json = section.slice(section.indexOf('```json') + 7, section.indexOf('```', section.indexOf('```json') + 7));
    const a = parseArena(json, 'docs/world.md');
    expect(a.name).toBe('example');
    const w = new World(a, { makeRand: seededRand });
    expect(w.inZone('copper', 4.15, 4)).toBe(true);
    expect(w.solids.some((s) => s.id.startsWith('forest#'))).toBe(true);
  });
});

describe('parseArena inside a larger file', () => {
  it('puts the arena path in front of every reported path', () => {
    const { lines, error } = problems2({ ...minimal, food: [{ at: [1, 1], radius: 0 }] });
    expect(lines).toEqual(['arena.food[0].radius: must be > 0 (got 0)']);
    expect(error.message).toContain('scenario.yaml: arena.food[0].radius: ');
  });
});

function problems2(input: unknown): { error: ArenaError; lines: string[] } {
  try {
    parseArena(input, 'scenario.yaml', ['arena']);
  } catch (e) {
    if (!(e instanceof ArenaError)) throw e;
    return { error: e, lines: e.issues.map((i) => `${formatPath(i.path)}: ${i.message}`) };
  }
  throw new Error('expected parseArena to refuse the input');
}
