/**
 * The leaves every circuit-schema field is built from (numbers with ranges and
 * units, names, one-of lists, strict objects, lists, tagged unions), each
 * wording its own refusal, and the turning of zod's issues into the loader's
 * RawIssues (the unknown-field marker set here is read back there).
 */
import * as z from 'zod';
import { didYouMean, listOf, show, type RawIssue } from './errors';
import type { JsonPath } from '../text/json-locate';
// ---------------------------------------------------------------- leaves

export interface NumRule {
  min?: number;
  /** Exclusive lower bound. */
  above?: number;
  max?: number;
  int?: boolean;
  unit?: string;
  /** What the number means, shown after the allowed range. */
  help?: string;
}

export function rangeText(r: NumRule): string {
  const u = r.unit ? ` ${r.unit}` : '';
  const lo = r.above !== undefined ? `> ${r.above}` : r.min !== undefined ? `${r.min}` : undefined;
  let s: string;
  if (lo !== undefined && r.max !== undefined) s = r.above !== undefined ? `${lo} and ≤ ${r.max}${u}` : `${lo} .. ${r.max}${u}`;
  else if (r.above !== undefined) s = `${lo}${u}`;
  else if (r.min !== undefined) s = `≥ ${r.min}${u}`;
  else if (r.max !== undefined) s = `≤ ${r.max}${u}`;
  else s = `any number${u}`;
  return (r.int ? `whole numbers ${s}` : s) + (r.help ? ` (${r.help})` : '');
}

/** A finite number with a range; messages give the value, the range and the unit. */
export function num(r: NumRule) {
  const allowed = rangeText(r);
  const typeMsg = (input: unknown): string => {
    if (input === undefined) return `missing; required: ${allowed}`;
    if (typeof input === 'number' && !Number.isFinite(input))
      return `${show(input)} is not a finite number (a JSON number too large to hold, such as 1e999); allowed: ${allowed}`;
    if (typeof input === 'number') return `${show(input)} is not a whole number; allowed: ${allowed}`;
    if (Array.isArray(input)) return `${show(input)} is a list, but this takes a single number: ${allowed}`;
    return `${show(input)} is not a number; allowed: ${allowed}`;
  };
  const rangeMsg = (iss: { input?: unknown }): string => `${show(iss.input)} is out of range; allowed: ${allowed}`;
  let s = z.number({ error: (iss) => typeMsg(iss.input) });
  if (r.int) s = s.int({ error: (iss) => typeMsg(iss.input) });
  if (r.above !== undefined) s = s.gt(r.above, { error: rangeMsg });
  else if (r.min !== undefined) s = s.min(r.min, { error: rangeMsg });
  if (r.max !== undefined) s = s.max(r.max, { error: rangeMsg });
  return s;
}

/** A string; names (ids, references) must not be empty, free text (`text: true`) may be. */
export function str(what: string, opts: { maxLength?: number; pattern?: RegExp; patternHelp?: string; text?: boolean } = {}) {
  const maxLength = opts.maxLength ?? 10_000;
  let s = z
    .string({
      error: (iss) => (iss.input === undefined ? `missing; ${what} is required` : `${show(iss.input)} is not text; ${what} is a string in double quotes`),
    })
    .max(maxLength, { error: `too long; ${what} is at most ${maxLength} characters` });
  if (!opts.text) s = s.min(1, { error: `empty; ${what} must not be empty`, abort: true });
  if (opts.pattern) s = s.regex(opts.pattern, { error: (iss) => `${show(iss.input)} is not a valid ${what}: ${opts.patternHelp}` });
  return s;
}

/** One of a few strings; `help` says what the field means. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string, help?: string) {
  const tail = help ? ` (${help})` : '';
  return z.enum(values, {
    error: (iss) =>
      iss.input === undefined
        ? `missing; a ${what} is required: ${listOf(values)}${tail}`
        : `${show(iss.input)} is not a valid ${what}${didYouMean(iss.input, values)}; allowed: ${listOf(values)}${tail}`,
  });
}

/** Marks the message of an unrecognized_keys issue; toRawIssues splits it into one issue per unknown key. */
const ALLOWED_KEYS = '\u0000allowed-keys:';

/** z.strictObject whose refusal of unknown fields lists the allowed ones. */
export function strict<S extends z.ZodRawShape>(shape: S, what: string) {
  const allowed = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === 'unrecognized_keys') return ALLOWED_KEYS + JSON.stringify(allowed);
      if (iss.code === 'invalid_type') {
        return iss.input === undefined ? `missing; ${what} is required` : `${show(iss.input)} is not ${what}; expected an object {${allowed.join(', ')}}`;
      }
      return undefined;
    },
  });
}

export function list<T extends z.ZodType>(item: T, what: string) {
  return z.array(item, {
    error: (iss) =>
      iss.input === undefined ? `missing; ${what} is required (write [] for none)` : `${show(iss.input)} is not a list; ${what} is a list [...]`,
  });
}

/** Discriminated union whose refusal of a bad tag lists the known tags. */
export function tagged<T extends readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]]>(
  tag: string,
  options: T,
  tags: readonly string[],
  what: string,
) {
  return z.discriminatedUnion(tag, options, {
    error: (iss) => {
      // The union also reports non-objects as invalid_type, which its declared issue type leaves out.
      if ((iss.code as string) === 'invalid_type') {
        return iss.input === undefined ? `missing; ${what} is required` : `${show(iss.input)} is not ${what}; expected an object {"${tag}": ..., ...}`;
      }
      if (iss.code === 'invalid_union') {
        const input = iss.input as Record<string, unknown> | undefined;
        const value = input && Object.hasOwn(input, tag) ? input[tag] : undefined;
        if (value === undefined) return `missing; "${tag}" is required: one of ${listOf(tags)}`;
        return `unknown ${tag} ${show(value)}${didYouMean(value, tags)}; allowed: ${listOf(tags)}`;
      }
      return undefined;
    },
  });
}

// ---------------------------------------------------------------- issues

/** Messages for anything a leaf did not word itself (kept general; leaves should cover every case). */
const fallback: z.core.$ZodErrorMap = (iss) => {
  if (iss.code === 'invalid_type')
    return iss.input === undefined
      ? 'missing; this field is required'
      : `${show(iss.input)} is not ${iss.expected === 'object' ? 'an object' : `a ${iss.expected}`}`;
  if (iss.code === 'invalid_value') return `${show(iss.input)} is not allowed; allowed: ${listOf(iss.values.map(String))}`;
  return undefined;
};

export function safeParseWith<T extends z.ZodType>(schema: T, value: unknown) {
  return schema.safeParse(value, { error: fallback });
}

export function toRawIssues(issues: readonly z.core.$ZodIssue[]): RawIssue[] {
  const out: RawIssue[] = [];
  for (const iss of issues) {
    const path = iss.path as JsonPath;
    if (iss.code === 'unrecognized_keys' && iss.message.startsWith(ALLOWED_KEYS)) {
      const allowed = JSON.parse(iss.message.slice(ALLOWED_KEYS.length)) as string[];
      for (const key of iss.keys) {
        out.push({
          path: [...path, key],
          message: `unknown field ${JSON.stringify(key)}${didYouMean(key, allowed)}; allowed fields here: ${allowed.join(', ')}`,
          atKey: true,
        });
      }
    } else if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys) out.push({ path: [...path, key], message: `unknown field ${JSON.stringify(key)}`, atKey: true });
    } else {
      out.push({ path, message: iss.message });
    }
  }
  return out;
}
