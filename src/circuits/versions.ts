/**
 * Format versions. A file of an older version is brought up to the current
 * one by applying migrations n → n+1 in turn, before validation; a file of a
 * newer version than this app knows is refused (an old app must not guess at
 * a new format and then save over it).
 *
 * To change the format: bump CURRENT_VERSION, add MIGRATIONS[old] that turns
 * an old document into the new shape, update the schema, docs/circuit-format.md
 * and the built-in circuits.
 */
import type { RawIssue } from './errors';
import { CIRCUIT_FORMAT } from './types';

export const CURRENT_VERSION = 2;

export type JsonObject = Record<string, unknown>;
/** Turns a version-n document into version n+1; it may mutate its argument (a private copy) and return it. */
export type Migration = (doc: JsonObject) => JsonObject;

export interface VersionTable {
  current: number;
  /** migrations[n] turns version n into version n + 1. */
  migrations: Readonly<Record<number, Migration>>;
  /** Versions whose migration only adds fields: every path of the text is where it was, so errors keep their lines. */
  additive?: readonly number[];
}

/**
 * Version 1 → 2 (conductance synapses and the bounded graded neuron;
 * docs/circuit-format.md). Version 2 adds optional synapse fields (`model`,
 * omitted = "current" as before, and the conductance synapse's own) and
 * gives graded neurons a K⁺ outward rectifier by default (gKNs 0.5 nS).
 * Every version-1 file meant the linear graded neuron, so its graded
 * neurons say gKNs 0: the same circuit, the same numbers.
 */
export function v1ToV2(doc: JsonObject): JsonObject {
  if (Array.isArray(doc.neurons)) {
    for (const n of doc.neurons as unknown[]) {
      if (!isObject(n) || n.model !== 'graded') continue;
      if (!Object.hasOwn(n, 'params')) n.params = {};
      if (isObject(n.params) && !Object.hasOwn(n.params, 'gKNs')) n.params.gKNs = 0;
    }
  }
  return doc;
}

const isObject = (x: unknown): x is JsonObject => x !== null && typeof x === 'object' && !Array.isArray(x);

export const MIGRATIONS: Readonly<Record<number, Migration>> = { 1: v1ToV2 };

export const VERSIONS: VersionTable = { current: CURRENT_VERSION, migrations: MIGRATIONS, additive: [1] };

/** The oldest version that has an unbroken chain of migrations to the current one. */
export function oldestReadable(table: VersionTable): number {
  let v = table.current;
  while (Object.hasOwn(table.migrations, v - 1)) v--;
  return v;
}

export type MigrationResult =
  | { ok: true; doc: JsonObject; fromVersion: number /** the text's paths still hold (every migration applied was additive) */; pathsKept: boolean }
  | { ok: false; issues: RawIssue[] };

/** Check the header (format, version) and migrate to the current version. */
export function migrate(value: unknown, table: VersionTable = VERSIONS): MigrationResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(
      [],
      `a circuit file must be a JSON object {"format": "${CIRCUIT_FORMAT}", "version": ${table.current}, "neurons": [...], ...}; this file holds ${kindOf(value)}`,
    );
  }
  const doc = value as JsonObject;
  const header = `add "format": "${CIRCUIT_FORMAT}", "version": ${table.current} at the top`;
  if (!Object.hasOwn(doc, 'format')) return fail(['format'], `missing: this is not marked as a Neuroworm circuit file; ${header}`);
  if (doc.format !== CIRCUIT_FORMAT) {
    return fail(['format'], `${JSON.stringify(doc.format)} is not a Neuroworm circuit file's format; a circuit file has "format": "${CIRCUIT_FORMAT}"`);
  }
  if (!Object.hasOwn(doc, 'version')) return fail(['version'], `missing: the format version is required; add "version": ${table.current}`);
  const version = doc.version;
  const oldest = oldestReadable(table);
  const readable = oldest === table.current ? `version ${table.current}` : `versions ${oldest} to ${table.current}`;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return fail(
      ['version'],
      `${JSON.stringify(version) ?? String(version)} is not a format version; versions are whole numbers and this app reads ${readable}`,
    );
  }
  if (version > table.current) {
    return fail(['version'], `this file has format version ${version}, made by a newer Neuroworm; this app reads ${readable}: update Neuroworm to open it`);
  }
  if (version < oldest) {
    return fail(['version'], `format version ${version} is unknown (too old or never released); this app reads ${readable}`);
  }
  if (version === table.current) return { ok: true, doc, fromVersion: version, pathsKept: true };

  let current: JsonObject = structuredClone(doc);
  let pathsKept = true;
  for (let v = version; v < table.current; v++) {
    pathsKept &&= table.additive?.includes(v) ?? false;
    try {
      current = table.migrations[v](current);
    } catch (e) {
      return fail([], `could not upgrade the file from format version ${v} to ${v + 1}: ${e instanceof Error ? e.message : String(e)}`);
    }
    current.version = v + 1;
  }
  return { ok: true, doc: current, fromVersion: version, pathsKept };
}

function fail(path: RawIssue['path'], message: string): MigrationResult {
  return { ok: false, issues: [{ path, message }] };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
