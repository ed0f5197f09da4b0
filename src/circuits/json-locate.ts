/**
 * A small JSON parser that also remembers where every value (and every
 * object key) starts, so validation errors can name a line. It accepts
 * exactly what JSON.parse accepts and returns the same value (strings are
 * decoded by JSON.parse itself, numbers by Number), except that it also
 * reports keys that appear twice in one object, which JSON.parse silently
 * resolves to the last one.
 *
 * No dependency offers this in node_modules, and it is ~150 lines.
 */

export type JsonPath = ReadonlyArray<string | number>;

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

export interface DuplicateKey {
  /** Path of the object that holds the key twice. */
  path: JsonPath;
  key: string;
  first: Position;
  second: Position;
}

export interface LocatedJson {
  value: unknown;
  /** Where the value at `path` starts; with `key`, where its key starts (for object members). */
  locate(path: JsonPath, opts?: { key?: boolean }): Position | undefined;
  duplicateKeys: DuplicateKey[];
}

export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly position: Position,
  ) {
    super(`${reason} at line ${position.line}, column ${position.column}`);
    this.name = 'JsonSyntaxError';
  }
}

/** Deeper nesting than this is refused rather than risking the call stack. */
export const MAX_JSON_DEPTH = 256;

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** Key of a path in the location table; unambiguous because keys are JSON-quoted. */
function pathKey(path: JsonPath): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : `.${JSON.stringify(p)}`;
  return s;
}

export function parseJsonWithLocations(text: string): LocatedJson {
  const valueAt = new Map<string, number>();
  const keyAt = new Map<string, number>();
  const duplicateKeys: Array<{ path: JsonPath; key: string; first: number; second: number }> = [];
  let i = 0;

  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) lineStarts.push(k + 1);
  const position = (offset: number): Position => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
  };
  const fail = (reason: string, at = i): never => {
    throw new JsonSyntaxError(reason, position(Math.min(at, text.length)));
  };
  const describeHere = (): string =>
    i >= text.length ? 'unexpected end of file' : `unexpected ${JSON.stringify(text[i])}`;

  const skipSpace = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else return;
    }
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('unterminated string', start);
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c < 0x20) fail('control character inside a string (write it as an escape such as \\n)');
      i += c === 92 ? 2 : 1;
    }
    i++; // closing quote
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail('invalid escape in string', start);
    }
  };

  const parseValue = (path: (string | number)[], depth: number): unknown => {
    skipSpace();
    valueAt.set(pathKey(path), i);
    const c = text[i];
    if (c === '{') {
      if (depth >= MAX_JSON_DEPTH) fail(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
      i++;
      const obj: Record<string, unknown> = {};
      const seen = new Map<string, number>();
      skipSpace();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"') fail(`${describeHere()}; expected a field name in double quotes`);
        const keyStart = i;
        const key = parseString();
        skipSpace();
        if (text[i] !== ':') fail(`${describeHere()}; expected ":" after a field name`);
        i++;
        path.push(key);
        const firstAt = seen.get(key);
        if (firstAt !== undefined) duplicateKeys.push({ path: path.slice(0, -1), key, first: firstAt, second: keyStart });
        else seen.set(key, keyStart);
        keyAt.set(pathKey(path), keyStart);
        const v = parseValue(path, depth + 1);
        path.pop();
        // defineProperty so a "__proto__" key is an own field, as JSON.parse makes it.
        Object.defineProperty(obj, key, { value: v, writable: true, enumerable: true, configurable: true });
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail(`${describeHere()}; expected "," or "}"`);
      }
    }
    if (c === '[') {
      if (depth >= MAX_JSON_DEPTH) fail(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
      i++;
      const arr: unknown[] = [];
      skipSpace();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        path.push(arr.length);
        arr.push(parseValue(path, depth + 1));
        path.pop();
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail(`${describeHere()}; expected "," or "]"`);
      }
    }
    if (c === '"') return parseString();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m) {
      i += m[0].length;
      return Number(m[0]);
    }
    return fail(`${describeHere()}; expected a value (object, list, string, number, true, false or null)`);
  };

  const value = parseValue([], 0);
  skipSpace();
  if (i < text.length) fail(`${describeHere()} after the end of the JSON value`);

  return {
    value,
    locate(path, opts) {
      const k = pathKey(path);
      const at = opts?.key ? keyAt.get(k) : valueAt.get(k);
      return at === undefined ? undefined : position(at);
    },
    duplicateKeys: duplicateKeys.map((d) => ({ path: d.path, key: d.key, first: position(d.first), second: position(d.second) })),
  };
}
