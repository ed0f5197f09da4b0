import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../text/diagnostics';
import { ArenaError } from './errors';
import { parseArena } from './parse';
import { MAX_PILLARS, pillarCount } from './pillars';

/**
 * Random valid arenas, valid by construction: the worm starts at the plate's
 * centre, walls and obstacles stay in side bands at least 0.2 × width from it,
 * and everything the worm visits lies in the dish's inscribed square.
 */
const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));

const plateArb = fc.oneof(
  fc.record({ shape: fc.constant('rect' as const), size: fc.tuple(num(4, 20), num(4, 20)), rim: num(0.1, 2) }),
  fc.record({ shape: fc.constant('dish' as const), diameter: num(4, 20), rim: num(0.1, 2) }),
);

type P = [number, number];

function arenaArb() {
  return plateArb.chain((plate) => {
    const w = plate.shape === 'rect' ? plate.size[0] : plate.diameter;
    const h = plate.shape === 'rect' ? plate.size[1] : plate.diameter;
    // A point the worm may visit: in the central 70 % (inside a dish's inscribed square).
    const inner = fc.tuple(num(0.15, 0.85), num(0.15, 0.85)).map(([u, v]): P => [u * w, v * h]);
    // A point for walls and obstacles: in the left or right band, clear of the start.
    const side = (margin: number) =>
      fc
        .tuple(fc.boolean(), num(0, 1), num(0, 1))
        .map(([left, u, v]): P => [left ? margin + u * (0.25 * w - margin) : 0.75 * w + u * (0.25 * w - margin), margin + v * (h - 2 * margin)]);
    const id = (prefix: string, i: number) => fc.option(fc.constant(`${prefix}${i}`), { nil: undefined });
    const list = <T>(arb: (i: number) => fc.Arbitrary<T>, max: number) =>
      fc.integer({ min: 0, max }).chain((n) => (n === 0 ? fc.constant([] as T[]) : fc.tuple(...Array.from({ length: n }, (_, i) => arb(i)))));
    const wall = (i: number) =>
      fc.oneof(
        fc
          .record({ type: fc.constant('segment' as const), id: id('w', i), from: side(0.2), to: side(0.2), thickness: num(0.01, 0.2) })
          .filter((x) => Math.sign(x.from[0] - w / 2) === Math.sign(x.to[0] - w / 2)),
        fc.record({
          type: fc.constant('rect' as const),
          id: id('w', i),
          at: side(0.3),
          size: fc.tuple(num(0.05, 0.3), num(0.05, 0.3)),
          angleDeg: num(-180, 180),
        }),
      );
    const obstacle = (i: number) =>
      fc.oneof(
        fc.record({ type: fc.constant('circle' as const), id: id('o', i), at: side(0.3), radius: num(0.05, 0.25) }),
        fc.tuple(side(0.3), num(0.05, 0.25), fc.integer({ min: 3, max: 8 }), num(0, 6.28), id('o', i)).map(([c, r, n, rot, oid]) => ({
          type: 'polygon' as const,
          id: oid,
          points: Array.from({ length: n }, (_, k): P => [c[0] + r * Math.cos(rot + (2 * Math.PI * k) / n), c[1] + r * Math.sin(rot + (2 * Math.PI * k) / n)]),
        })),
        fc
          .tuple(
            side(0.3),
            side(0.3),
            num(0.02, 0.1),
            num(0, 0.05),
            num(0.05, 0.5),
            fc.constantFrom('hex' as const, 'square' as const),
            fc.nat(1000),
            id('o', i),
          )
          .map(([from, to, radius, jitter, extra, layout, seed, oid]) => ({
            type: 'pillars' as const,
            id: oid,
            from,
            to,
            radius,
            jitter,
            spacing: 2 * radius + 2 * jitter + extra,
            layout,
            seed,
          }))
          .filter((p) => pillarCount(p) <= MAX_PILLARS), // past the limit is a refusal, tested in parse.test.ts
      );
    const gradient = (min: number) =>
      fc.oneof(
        fc
          .record({ type: fc.constant('linear' as const), from: inner, to: inner, fromValue: num(min, 10), toValue: num(min, 10) })
          .filter((g) => g.from[0] !== g.to[0] || g.from[1] !== g.to[1]),
        fc.record({ type: fc.constant('radial' as const), at: inner, radius: num(0.1, 10), centreValue: num(min, 10), edgeValue: num(min, 10) }),
      );
    const zone = fc.oneof(
      fc.record({ type: fc.constant('circle' as const), at: inner, radius: num(0.1, 5) }),
      fc.tuple(inner, num(0, 3), num(0.1, 3)).map(([at, inr, width]) => ({ type: 'ring' as const, at, inner: inr, outer: inr + width })),
      fc.record({ type: fc.constant('rect' as const), at: inner, size: fc.tuple(num(0.1, 5), num(0.1, 5)), angleDeg: num(-90, 90) }),
      fc
        .tuple(inner, inner, inner)
        .filter(([a, b, c]) => Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])) > 1e-3)
        .map((pts) => ({ type: 'polygon' as const, points: pts })),
    );
    return fc.record({
      version: fc.constant(1 as const),
      name: fc.string({ minLength: 1, maxLength: 20 }),
      description: fc.string({ maxLength: 40 }),
      plate: fc.constant(plate),
      grid: fc
        .option(num(Math.max(0.01, Math.max(w, h) / 500), Math.max(w, h) / 5), { nil: undefined })
        .map((cellMm) => (cellMm === undefined ? {} : { cellMm })),
      walls: list(wall, 3),
      obstacles: list(obstacle, 3),
      food: list((i) => fc.record({ id: id('f', i), at: inner, radius: num(0.05, 1), amount: num(0, 5), emission: num(0, 2), eatRate: num(0, 1) }), 3),
      chemicals: fc.record({
        diffusion: num(0.001, 10),
        decay: num(0.0001, 1),
        start: fc.constantFrom('steady' as const, 'empty' as const),
        sources: list((i) => fc.record({ id: id('s', i), at: inner, radius: num(0.05, 1), emission: num(0.01, 2) }), 2),
        gradients: list(() => gradient(0), 2),
      }),
      temperature: fc.record({
        celsius: num(-10, 60),
        gradients: list(() => gradient(-10), 2),
        spots: list(() => fc.record({ at: inner, radius: num(0.1, 3), deltaC: num(-10, 10) }), 2),
      }),
      hazards: list(
        (i) =>
          fc.oneof(
            fc.record({ kind: fc.constant('toxin' as const), id: fc.constant(`h${i}`), zone, level: num(0.01, 5), edgeMm: num(0, 1) }),
            fc.record({ kind: fc.constant('heat' as const), id: fc.constant(`h${i}`), zone, deltaC: num(-10, 10), edgeMm: num(0, 1) }),
          ),
        2,
      ),
      goals: list((i) => fc.record({ id: fc.constant(`g${i}`), zone, label: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }) }), 2),
      start: fc.record({ at: fc.constant([w / 2, h / 2] as P), headingDeg: num(-360, 360) }),
    });
  });
}

/** Drop undefined-valued keys, as JSON does. */
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

/** Every path to a leaf (number, string) of a JSON value. */
function leaves(x: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(x)) return x.flatMap((v, i) => leaves(v, [...path, i]));
  if (x !== null && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

/** Every path to an object (not a list) in a JSON value. */
function objects(x: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(x)) return x.flatMap((v, i) => objects(v, [...path, i]));
  if (x !== null && typeof x === 'object') return [path, ...Object.entries(x).flatMap(([k, v]) => objects(v, [...path, k]))];
  return [];
}

function setAt(x: unknown, path: (string | number)[], value: unknown): void {
  let o = x as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) o = o[p] as Record<string | number, unknown>;
  o[path[path.length - 1]] = value;
}

function getAt(x: unknown, path: (string | number)[]): unknown {
  return path.reduce((o, p) => (o as Record<string | number, unknown>)[p], x);
}

describe('parseArena (property)', () => {
  it('accepts random valid arenas, and its output parses back to itself', () => {
    fc.assert(
      fc.property(arenaArb(), (input) => {
        const a = parseArena(plain(input), 'random.json');
        expect(a.walls.length).toBe(input.walls.length);
        expect(a.obstacles.length).toBe(input.obstacles.length);
        expect(a.food.length).toBe(input.food.length);
        expect(a.hazards.length).toBe(input.hazards.length);
        expect(parseArena(plain(a), 'again.json')).toEqual(a);
        // Nothing in the file is lost or changed.
        expect(plain(a)).toMatchObject(plain(input) as object);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a field of the wrong type, naming the file and its path', () => {
    fc.assert(
      fc.property(arenaArb(), fc.nat(), (input, pick) => {
        const doc = plain(input);
        const paths = leaves(doc);
        const path = paths[pick % paths.length];
        const old = getAt(doc, path);
        // A number becomes text, text becomes a number: always the wrong type for that field.
        setAt(doc, path, typeof old === 'number' ? 'oops' : 42);
        let err: unknown;
        try {
          parseArena(doc, 'corrupt.json');
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(ArenaError);
        const where = formatPath(path);
        expect((err as ArenaError).issues.map((i) => formatPath(i.path))).toContain(where);
        expect((err as ArenaError).message).toContain(`corrupt.json: ${where}: `);
      }),
      { numRuns: 120 },
    );
  });

  it('refuses an unknown field in any object, naming the object', () => {
    fc.assert(
      fc.property(arenaArb(), fc.nat(), (input, pick) => {
        const doc = plain(input);
        const paths = objects(doc);
        const path = paths[pick % paths.length];
        const target = path.length === 0 ? doc : getAt(doc, path);
        (target as Record<string, unknown>).colour = 'red';
        try {
          parseArena(doc, 'extra.json');
          expect.unreachable('an unknown field was accepted');
        } catch (e) {
          expect(e).toBeInstanceOf(ArenaError);
          const issue = (e as ArenaError).issues.find((i) => formatPath(i.path) === formatPath(path));
          expect(issue?.message).toMatch(/^unknown field "colour"/);
        }
      }),
      { numRuns: 100 },
    );
  });
});
