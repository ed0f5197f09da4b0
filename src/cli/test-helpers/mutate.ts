/**
 * TEST DATA — fast-check arbitraries that damage a valid file: a value at a
 * random path replaced by something nasty (NaN, infinities, 1e308, a huge
 * string, deep nesting, the wrong type), a field deleted or an unknown one
 * added, or the text itself cut, doubled or sprinkled with bytes.
 */
import fc from 'fast-check';

type Json = unknown;
type Path = Array<string | number>;

/** Stand-ins JSON cannot write, swapped into the text after stringify. */
const NAN = '"\u0000NaN"';
const INF = '"\u0000Inf"';
const NINF = '"\u0000-Inf"';

export const NASTY: readonly Json[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e308,
  -1e308,
  -1,
  0,
  5e-324,
  2 ** 53 + 1,
  1e12,
  '',
  ' ',
  'x'.repeat(5000),
  '1e999',
  'NaN',
  '../../etc/passwd',
  'AVAL',
  null,
  true,
  [],
  {},
  [1, 2, 3],
  { x: 1 },
  JSON.parse('['.repeat(60) + ']'.repeat(60)) as Json,
];

/** Every path into a JSON value (objects' keys and lists' indices), the root included. */
export function paths(v: Json, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

function setAt(v: Json, path: Path, f: (old: Json, parent: Record<string | number, Json> | Json[], key: string | number) => void): Json {
  const copy = structuredClone(v);
  if (path.length === 0) return copy;
  let node = copy as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, Json>;
  const key = path[path.length - 1];
  f(node[key], node, key);
  return copy;
}

export type Damage = { kind: 'replace'; path: Path; value: Json } | { kind: 'delete'; path: Path } | { kind: 'add'; path: Path; key: string; value: Json };

/** One damage to a value. */
export function damage(v: Json): fc.Arbitrary<{ value: Json; what: Damage }> {
  const all = paths(v);
  const keyed = all.filter((p) => p.length > 0);
  const objects = all.filter((p) => {
    let node = v as Record<string | number, Json>;
    for (const k of p) node = node[k] as Record<string | number, Json>;
    return node !== null && typeof node === 'object' && !Array.isArray(node);
  });
  const nasty = fc.oneof(fc.constantFrom(...NASTY), fc.double(), fc.integer(), fc.string({ maxLength: 12 }));
  return fc.oneof(
    fc.tuple(fc.constantFrom(...all), nasty).map(([path, value]) => ({
      value: path.length === 0 ? value : setAt(v, path, (_old, parent, key) => ((parent as Record<string | number, Json>)[key] = value)),
      what: { kind: 'replace' as const, path, value },
    })),
    ...(keyed.length
      ? [
          fc.constantFrom(...keyed).map((path) => ({
            value: setAt(v, path, (_old, parent, key) => {
              if (Array.isArray(parent)) parent.splice(Number(key), 1);
              else delete (parent as Record<string, Json>)[key];
            }),
            what: { kind: 'delete' as const, path },
          })),
        ]
      : []),
    ...(objects.length
      ? [
          fc.tuple(fc.constantFrom(...objects), fc.constantFrom('extra', 'weigth', '__proto__', 'constructor', 'at'), nasty).map(([path, key, value]) => {
            const copy = structuredClone(v) as Record<string | number, Json>;
            let node = copy;
            for (const k of path) node = node[k] as Record<string | number, Json>;
            Object.defineProperty(node, key, { value, enumerable: true, configurable: true, writable: true });
            return { value: copy as Json, what: { kind: 'add' as const, path, key, value } };
          }),
        ]
      : []),
  );
}

/** JSON text of a value, writing NaN and infinities the way a hand-edited file would (NaN, 1e999, -1e999). */
export function jsonText(v: Json): string {
  return JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? (Number.isNaN(x) ? NAN : x > 0 ? INF : NINF) : x))
    .replaceAll(NAN, 'NaN')
    .replaceAll(INF, '1e999')
    .replaceAll(NINF, '-1e999');
}

/** The text itself damaged: cut short, a stretch doubled, or random characters put in. */
export function damageText(text: string): fc.Arbitrary<string> {
  const at = fc.integer({ min: 0, max: Math.max(0, text.length - 1) });
  return fc.oneof(
    at.map((i) => text.slice(0, i)),
    fc.tuple(at, at).map(([a, b]) => text.slice(0, Math.max(a, b)) + text.slice(Math.min(a, b))),
    fc.tuple(at, fc.string({ unit: 'binary', minLength: 1, maxLength: 4 })).map(([i, s]) => text.slice(0, i) + s + text.slice(i)),
  );
}
