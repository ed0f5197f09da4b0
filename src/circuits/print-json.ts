/**
 * Pretty JSON for circuit files: an object or list that fits on one line
 * (up to `width` columns, indentation, key and comma included) is written on one line, so a
 * synapse or a binding is one line and diffs stay small; anything longer is
 * broken up with two-space indentation. Key order is the object's own order
 * (the validator writes it in schema order). Output is deterministic.
 */
export function printJson(value: unknown, width = 140): string {
  return print(value, '', 0, width, true);
}

/** `used` counts what shares the value's line: its indentation, its key and a trailing comma. */
function print(value: unknown, indent: string, used: number, width: number, top: boolean): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const pairs: Array<[string | undefined, unknown]> = Array.isArray(value)
    ? value.map((v): [undefined, unknown] => [undefined, v])
    : Object.entries(value).filter(([, v]) => v !== undefined);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (pairs.length === 0) return open + close;

  if (!top) {
    const flat = flatLine(pairs, open, close, width - used);
    if (flat !== undefined) return flat;
  }
  const inner = `${indent}  `;
  const lines = pairs.map(([k, v]) => {
    const key = k === undefined ? '' : `${JSON.stringify(k)}: `;
    return `${inner}${key}${print(v, inner, inner.length + key.length + 1, width, false)}`;
  });
  return `${open}\n${lines.join(',\n')}\n${indent}${close}`;
}

/** The one-line form if it fits in `room` columns, else undefined. */
function flatLine(pairs: Array<[string | undefined, unknown]>, open: string, _close: string, room: number): string | undefined {
  const parts: string[] = [];
  // "{ " + " }" or "[" + "]", plus ", " between parts (added before each part, one too many).
  let len = (open === '[' ? 2 : 4) - 2;
  for (const [k, v] of pairs) {
    const key = k === undefined ? '' : `${JSON.stringify(k)}: `;
    let s: string | undefined;
    if (v === null || typeof v !== 'object') s = JSON.stringify(v) ?? 'null';
    else {
      const entries: Array<[string | undefined, unknown]> = Array.isArray(v)
        ? v.map((x): [undefined, unknown] => [undefined, x])
        : Object.entries(v).filter(([, x]) => x !== undefined);
      const [o, c] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
      s = entries.length === 0 ? o + c : flatLine(entries, o, c, room - len);
    }
    if (s === undefined) return undefined;
    len += key.length + s.length + 2;
    if (len > room) return undefined;
    parts.push(key + s);
  }
  return open === '[' ? `[${parts.join(', ')}]` : `{ ${parts.join(', ')} }`;
}
