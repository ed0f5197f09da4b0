/**
 * JSON with positions, so validation errors can name a line.
 *
 * The value comes from the native JSON.parse (fast). A small scanner walks the
 * same text without building values: once always, to find keys written twice
 * in one object (JSON.parse silently keeps the last), and again only when a
 * caller asks where something is, to index where every value and key starts.
 * On a syntax error the scanner finds the line and column, which JSON.parse's
 * message does not give consistently across engines.
 *
 * No dependency offers this in node_modules; it is ~200 lines.
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

/** Deeper nesting than this is refused rather than risking the call stack (a circuit nests about 5 deep). */
export const MAX_JSON_DEPTH = 256;

export function parseJsonWithLocations(text: string): LocatedJson {
  const lines = lineStarts(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    scan(text, lines, null); // throws JsonSyntaxError with a position
    // The scanner accepts exactly what JSON.parse accepts; this is not reached.
    throw new JsonSyntaxError(e instanceof Error ? e.message : String(e), { line: 1, column: 1 });
  }
  const fast = scan(text, lines, null);
  let index: Index | undefined = fast.duplicates ? record(text, lines) : undefined;
  const indexed = (): Index => (index ??= record(text, lines));
  return {
    value,
    locate(path, opts) {
      const k = pathKey(path);
      const at = opts?.key ? indexed().keyAt.get(k) : indexed().valueAt.get(k);
      return at === undefined ? undefined : position(lines, at);
    },
    duplicateKeys: index ? index.duplicates : [],
  };
}

interface Index {
  valueAt: Map<string, number>;
  keyAt: Map<string, number>;
  duplicates: DuplicateKey[];
}

function record(text: string, lines: number[]): Index {
  const index: Index = { valueAt: new Map(), keyAt: new Map(), duplicates: [] };
  scan(text, lines, index);
  return index;
}

/** Key of a path in the index; unambiguous because keys are JSON-quoted. */
function pathKey(path: JsonPath): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : `.${JSON.stringify(p)}`;
  return s;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  let k = text.indexOf('\n');
  while (k !== -1) {
    starts.push(k + 1);
    k = text.indexOf('\n', k + 1);
  }
  return starts;
}

function position(lines: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lines[lo] + 1 };
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * Walk the text as JSON without building values. Throws JsonSyntaxError where
 * the text stops being JSON. With an index, records where every value and key
 * starts and every key written twice; without one, only says whether any key
 * is written twice.
 */
function scan(text: string, lines: readonly number[], index: Index | null): { duplicates: boolean } {
  let i = 0;
  let duplicates = false;
  const path: Array<string | number> = [];
  const keys: string[] = []; // pathKey of each level of `path`, when recording

  const fail = (reason: string, at = i): never => {
    throw new JsonSyntaxError(reason, position(lines, Math.min(at, text.length)));
  };
  const here = (): string => (i >= text.length ? 'unexpected end of file' : `unexpected ${JSON.stringify(text[i])}`);
  const skipSpace = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else return;
    }
  };
  /** Skips a string starting at i; returns its decoded value when `decode`. */
  const string = (decode: boolean): string => {
    const start = i;
    let escaped = false;
    i++;
    for (;;) {
      if (i >= text.length) fail('unterminated string', start);
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c < 0x20) fail('control character inside a string (write it as an escape such as \\n)');
      if (c === 92) {
        escaped = true;
        i += 2;
      } else i++;
    }
    i++;
    if (!escaped) return decode ? text.slice(start + 1, i - 1) : '';
    try {
      const s = JSON.parse(text.slice(start, i)) as string;
      return decode ? s : '';
    } catch {
      return fail('invalid escape in string', start);
    }
  };
  const enter = (seg: string | number): void => {
    path.push(seg);
    if (index) keys.push(keys[keys.length - 1] + (typeof seg === 'number' ? `[${seg}]` : `.${JSON.stringify(seg)}`));
  };
  const leave = (): void => {
    path.pop();
    if (index) keys.pop();
  };

  const value = (depth: number): void => {
    skipSpace();
    if (index) index.valueAt.set(keys[keys.length - 1], i);
    const c = text.charCodeAt(i);
    if (c === 123 /* { */) {
      if (depth >= MAX_JSON_DEPTH) fail(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
      i++;
      skipSpace();
      if (text.charCodeAt(i) === 125) {
        i++;
        return;
      }
      const seen = new Map<string, number>();
      for (;;) {
        skipSpace();
        if (text.charCodeAt(i) !== 34) fail(`${here()}; expected a field name in double quotes`);
        const keyStart = i;
        const key = string(true);
        skipSpace();
        if (text.charCodeAt(i) !== 58) fail(`${here()}; expected ":" after a field name`);
        i++;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, keyStart);
        else {
          duplicates = true;
          index?.duplicates.push({ path: [...path], key, first: position(lines, first), second: position(lines, keyStart) });
        }
        enter(key);
        if (index) index.keyAt.set(keys[keys.length - 1], keyStart);
        value(depth + 1);
        leave();
        skipSpace();
        const d = text.charCodeAt(i);
        i++;
        if (d === 44) continue;
        if (d === 125) return;
        i--;
        fail(`${here()}; expected "," or "}"`);
      }
    }
    if (c === 91 /* [ */) {
      if (depth >= MAX_JSON_DEPTH) fail(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
      i++;
      skipSpace();
      if (text.charCodeAt(i) === 93) {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        enter(n);
        value(depth + 1);
        leave();
        skipSpace();
        const d = text.charCodeAt(i);
        i++;
        if (d === 44) continue;
        if (d === 93) return;
        i--;
        fail(`${here()}; expected "," or "]"`);
      }
    }
    if (c === 34) {
      string(false);
      return;
    }
    const word = c === 116 ? 'true' : c === 102 ? 'false' : c === 110 ? 'null' : '';
    if (word !== '' && text.startsWith(word, i)) {
      i += word.length;
      return;
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m) {
      i += m[0].length;
      return;
    }
    fail(`${here()}; expected a value (object, list, string, number, true, false or null)`);
  };

  if (index) keys.push('');
  value(0);
  skipSpace();
  if (i < text.length) fail(`${here()} after the end of the JSON value`);
  return { duplicates };
}
