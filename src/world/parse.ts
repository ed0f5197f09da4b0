import type { z } from 'zod';
import { checkArena } from './check';
import { listOf, show } from '../text/describe';
import { type LocatedText, readJson } from '../text/located';
import { ArenaError, type ArenaIssue } from './errors';
import { type Arena, ArenaSchema } from './schema';

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text in quotes',
  array: 'a list [...]',
  tuple: 'a point [x, y] (numbers, mm)',
  object: 'an object {...}',
  boolean: 'true or false',
};

/** What a zod issue means for someone editing the file: what is wrong, what was found, the fix. */
function describe(iss: z.core.$ZodIssue): string {
  const input = (iss as { input?: unknown }).input;
  switch (iss.code) {
    case 'invalid_type': {
      const want = TYPE_NAMES[iss.expected] ?? iss.expected;
      if (input === undefined && !('received' in iss)) return `missing; add it (${want})`;
      const got = (iss as { received?: string }).received ?? show(input);
      return `expected ${want}, got ${got}`;
    }
    case 'too_small': {
      const min = String(iss.minimum);
      if (iss.origin === 'array') return `needs at least ${min} items (got ${Array.isArray(input) ? input.length : show(input)})`;
      if (iss.origin === 'string') return 'must not be empty';
      return `must be ${iss.inclusive ? '≥' : '>'} ${min} (got ${show(input)})`;
    }
    case 'too_big': {
      const max = String(iss.maximum);
      if (iss.origin === 'array') return `allows at most ${max} items (got ${Array.isArray(input) ? input.length : show(input)})`;
      if (iss.origin === 'string') return `is too long (at most ${max} characters)`;
      return `must be ${iss.inclusive ? '≤' : '<'} ${max} (got ${show(input)})`;
    }
    case 'invalid_value':
      return `must be ${listOf(iss.values.map((v) => String(v)))} (got ${show(input)})`;
    case 'invalid_union': {
      const u = iss as { discriminator?: string; options?: unknown[] };
      if (u.discriminator !== undefined && u.options) {
        const got = input !== null && typeof input === 'object' ? (input as Record<string, unknown>)[u.discriminator] : input;
        return `unknown ${u.discriminator} ${show(got)}; use one of ${listOf(u.options.map(String))}`;
      }
      return `does not match any allowed form (got ${show(input)})`;
    }
    case 'invalid_format':
      return `${iss.message} (got ${show(input)})`;
    default:
      // unrecognized_keys and custom issues carry the schema's own message.
      return iss.message;
  }
}

/**
 * Parse and check an arena: `input` is the file's text or its parsed JSON.
 * Returns the arena with every default filled in; throws an ArenaError that
 * lists each problem as `fileName:line: path: what is wrong; the fix` (lines
 * when it was given text).
 * `at` is the arena's own path inside a larger file (e.g. `arena` in a
 * scenario), put in front of every reported path.
 */
export function parseArena(input: unknown, fileName = '<arena>', at: readonly (string | number)[] = []): Arena {
  let data = input;
  let located: LocatedText | undefined;
  if (typeof input === 'string') {
    const read = readJson(input);
    if (!read.text || read.issues.length > 0) throw new ArenaError(fileName, read.issues);
    located = read.text;
    data = located.value;
  }
  // Issues at their path (below `at` in an enclosing file) and, for text, their line.
  const issue = (path: readonly (string | number)[], message: string): ArenaIssue => {
    const pos = located?.locate(path);
    return { path: [...at, ...path], ...(pos && { line: pos.line, column: pos.column }), message };
  };
  const r = ArenaSchema.safeParse(data, { reportInput: true });
  if (!r.success)
    throw new ArenaError(
      fileName,
      r.error.issues.map((iss) => issue(iss.path as (string | number)[], describe(iss))),
    );
  const raw = checkArena(r.data);
  if (raw.length > 0) {
    // Report in the order the file's sections come (stable within a section).
    const order = Object.keys(ArenaSchema.shape);
    const rank = (p: readonly (string | number)[]) => order.indexOf(String(p[0]));
    const sorted = raw.map((is, k) => ({ is, k })).sort((a, b) => rank(a.is.path) - rank(b.is.path) || a.k - b.k);
    throw new ArenaError(
      fileName,
      sorted.map(({ is }) => issue(is.path, is.message)),
    );
  }
  return r.data;
}
