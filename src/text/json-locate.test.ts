import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, MAX_JSON_DEPTH, parseJsonWithLocations, type JsonPath } from './json-locate';

describe('parseJsonWithLocations', () => {
  const text = ['{', '  "a": 1,', '  "list": [', '    true,', '    {"x": "y"}', '  ],', '  "b": null', '}'].join('\n');

  it('locates values and keys by path', () => {
    const j = parseJsonWithLocations(text);
    expect(j.locate([])).toEqual({ line: 1, column: 1 });
    expect(j.locate(['a'])).toEqual({ line: 2, column: 8 });
    expect(j.locate(['a'], { key: true })).toEqual({ line: 2, column: 3 });
    expect(j.locate(['list', 0])).toEqual({ line: 4, column: 5 });
    expect(j.locate(['list', 1, 'x'])).toEqual({ line: 5, column: 11 });
    expect(j.locate(['b'])?.line).toBe(7);
    expect(j.locate(['nope'])).toBeUndefined();
  });

  it('tells a key "0" from an index 0', () => {
    const j = parseJsonWithLocations('{"0":\n[\n1]}');
    expect(j.locate(['0'])?.line).toBe(2);
    expect(j.locate(['0', 0])?.line).toBe(3);
    expect(j.locate([0])).toBeUndefined();
  });

  it('reports keys that appear twice, with both lines, and keeps the last value like JSON.parse', () => {
    const j = parseJsonWithLocations('{"o": {"k": 1,\n"k": 2}}');
    expect(j.value).toEqual({ o: { k: 2 } });
    expect(j.duplicateKeys).toEqual([{ path: ['o'], key: 'k', first: { line: 1, column: 8 }, second: { line: 2, column: 1 } }]);
  });

  it('keeps "__proto__" as an own field, as JSON.parse does', () => {
    const v = parseJsonWithLocations('{"__proto__": {"polluted": 1}}').value as object;
    expect(Object.hasOwn(v, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the line and column of a syntax error', () => {
    const bad = '{\n  "a": 1,\n  "b": tru\n}';
    try {
      parseJsonWithLocations(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(JsonSyntaxError);
      expect((e as JsonSyntaxError).position).toEqual({ line: 3, column: 8 });
    }
    expect(() => parseJsonWithLocations('{"a": 1,}')).toThrow(/line 1, column 9/);
    expect(() => parseJsonWithLocations('"abc')).toThrow(/unterminated string/);
  });

  it('refuses nesting deeper than the limit instead of overflowing the stack', () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    expect(() => parseJsonWithLocations(deep)).toThrow(/nesting deeper/);
    const ok = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(parseJsonWithLocations(ok).value).toEqual(JSON.parse(ok));
  });

  it('reads any JSON text, to the same value as JSON.parse', () => {
    fc.assert(
      fc.property(fc.json(), (t) => {
        expect(parseJsonWithLocations(t).value).toEqual(JSON.parse(t));
      }),
      { numRuns: 300 },
    );
  });

  it('accepts exactly what JSON.parse accepts', () => {
    const almostJson = fc.oneof(
      fc.string(),
      fc.json().chain((t) => fc.tuple(fc.nat(t.length), fc.string({ maxLength: 2 })).map(([at, s]) => t.slice(0, at) + s + t.slice(at + 1))),
    );
    fc.assert(
      fc.property(almostJson, (t) => {
        let expected: unknown;
        let ok = true;
        try {
          expected = JSON.parse(t);
        } catch {
          ok = false;
        }
        if (ok) expect(parseJsonWithLocations(t).value).toEqual(expected);
        else expect(() => parseJsonWithLocations(t)).toThrow(JsonSyntaxError);
      }),
      { numRuns: 500 },
    );
  });

  it('locates every value of pretty-printed JSON at the text of that value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const t = JSON.stringify(value, null, 2);
        const lines = t.split('\n');
        const j = parseJsonWithLocations(t);
        const visit = (v: unknown, path: JsonPath): void => {
          const at = j.locate(path);
          expect(at).toBeDefined();
          const rest = lines[at!.line - 1].slice(at!.column - 1);
          if (Array.isArray(v)) {
            expect(rest.startsWith('[')).toBe(true);
            v.forEach((x, i) => visit(x, [...path, i]));
          } else if (v !== null && typeof v === 'object') {
            expect(rest.startsWith('{')).toBe(true);
            for (const [k, x] of Object.entries(v)) visit(x, [...path, k]);
          } else {
            expect(rest.startsWith(JSON.stringify(v))).toBe(true);
          }
        };
        visit(JSON.parse(t), []);
      }),
      { numRuns: 200 },
    );
  });
});
