/**
 * Text read with positions, so every loader's issues can name a line: the
 * value, and where any path in it is. Two readers give the same thing:
 *
 * - JSON (circuits, arenas, sign overrides): the native JSON.parse for the
 *   value and a small scanner (json-locate.ts) for positions and keys written
 *   twice. The yaml package reads JSON too, but 200 times slower (measured on
 *   the 302-neuron connectome, 268 KB: 656 ms against 3.3 ms; 129 against 1.7
 *   ms on the built-in worm), and circuits load on every game start.
 * - YAML (scenarios, recordings, which are JSON or YAML): the yaml package,
 *   strict, with duplicate keys refused and aliases capped.
 *
 * Problems of the text itself come back as issues (syntax at its line, keys
 * written twice, an alias bomb, nesting too deep); the loader turns them
 * into its own error beside its own checks.
 */
import { isMap, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import type { Issue, Path } from './diagnostics';
import { JsonSyntaxError, parseJsonWithLocations } from './json-locate';

export interface Position {
  line: number;
  column: number;
}

export interface LocatedText {
  value: unknown;
  /** Where the value at `path` starts (its key with `key`), or its nearest parent that exists; undefined when nothing is known. */
  locate(path: Path, key?: boolean): Position | undefined;
}

export interface ReadText {
  /** Undefined when the text is not valid (issues say where). */
  text: LocatedText | undefined;
  /** Problems of the text itself; with a text, keys written twice. */
  issues: Issue[];
}

/** Copies one YAML anchor may be expanded into (the yaml package's guard against alias bombs). */
export const MAX_ALIAS_COUNT = 100;

/** JSON text (a byte-order mark is skipped). */
export function readJson(raw: string): ReadText {
  // Editors on some systems start UTF-8 files with a byte-order mark; it is not content.
  const body = raw.charCodeAt(0) === 0xfeff ? ` ${raw.slice(1)}` : raw;
  let located: ReturnType<typeof parseJsonWithLocations>;
  try {
    located = parseJsonWithLocations(body);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const { line, column } = e.position;
    return {
      text: undefined,
      issues: [{ path: [], line, column, message: `not valid JSON: ${e.reason}`, fix: 'fix the JSON syntax there (quotes, commas, brackets)' }],
    };
  }
  const locate = (path: Path, key = false): Position | undefined => {
    if (key) {
      const k = located.locate(path, { key: true });
      if (k) return k;
    }
    for (let n = path.length; n >= 0; n--) {
      const p = located.locate(path.slice(0, n));
      if (p) return p;
    }
    return undefined;
  };
  const issues = located.duplicateKeys.map(
    (d): Issue => ({
      path: [...d.path, d.key],
      line: d.second.line,
      column: d.second.column,
      message: `field "${d.key}" appears twice in one object (lines ${d.first.line} and ${d.second.line}); JSON keeps only the last one`,
      fix: 'remove the other',
    }),
  );
  return { text: { value: located.value, locate }, issues };
}

/** YAML (or JSON, YAML's flow syntax) text, strict: duplicate keys and syntax errors are issues, aliases capped. */
export function readYaml(raw: string): ReadText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(raw, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e): Issue => {
      const pos = at(e.pos[0]);
      const dup = e.code === 'DUPLICATE_KEY';
      const deep = /call stack/i.test(e.message);
      return {
        path: [],
        ...pos,
        message: dup
          ? 'a key appears twice in the same mapping'
          : deep
            ? 'nested too deeply to read (thousands of brackets or indents)'
            : `not valid YAML/JSON: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
        fix: dup ? 'keep one of the two keys' : 'fix the syntax at this line (indentation, brackets, quotes)',
      };
    });
    return { text: undefined, issues };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // An alias bomb (aliases of aliases that expand exponentially), refused before it expands.
    if (!(e instanceof ReferenceError)) throw e;
    let offset: number | undefined;
    visit(doc, {
      Alias: (_k, node) => {
        offset = node.range?.[0];
        return visit.BREAK;
      },
    });
    return {
      text: undefined,
      issues: [
        {
          path: [],
          ...(offset !== undefined && at(offset)),
          message: `its aliases (*name) expand to too many copies (more than ${MAX_ALIAS_COUNT} per anchor): a YAML "alias bomb"`,
          fix: 'write the values out, or use fewer aliases',
        },
      ],
    };
  }
  return { text: { value, locate: (path, key = false) => locateIn(doc, path, key, at) }, issues: [] };
}

/** Line and column of the node at path (its key when `key`), or of the deepest existing parent. */
function locateIn(doc: Document, path: Path, key: boolean, at: (offset: number) => Position): Position | undefined {
  let node: unknown = doc.contents;
  let found: YamlNode | null = (doc.contents as YamlNode | null) ?? null;
  for (let depth = 0; depth < path.length; depth++) {
    const step = path[depth];
    const last = depth === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => {
        const k = p.key as { value?: unknown } | null;
        return (k && typeof k === 'object' && 'value' in k ? k.value : k) === step;
      });
      if (!pair) break;
      if (last && key && pair.key && typeof pair.key === 'object') {
        found = pair.key as YamlNode;
        break;
      }
      node = pair.value;
      // A key with no value (`tap:`) has a null value node: point at its key.
      found = (pair.value as YamlNode | null) ?? (pair.key as YamlNode | null) ?? found;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (item === undefined) break;
      node = item;
      found = (item as YamlNode | null) ?? found;
    } else break;
  }
  const range = found?.range;
  return range ? at(range[0]) : undefined;
}
