/**
 * Loading and saving circuits (browser-safe; file IO is in file.ts).
 *
 *   text --JSON with locations--> value --migrate--> current-version doc
 *        --schema + cross-references--> valid doc --resolve--> Circuit
 *
 * Every problem found on the way is collected and thrown at once as a
 * CircuitError that names the file, the line, the path and the fix.
 */
import type { NeuronSpec } from '../neural/types';
import { crossReferenceIssues } from './crossref';
import { DEFAULT_MODELS } from './default-models';
import { CircuitError, MAX_ISSUES, placeIssues, type RawIssue } from './errors';
import type { Issue } from '../text/diagnostics';
import { type LocatedText, readJson } from '../text/located';
import { printJson } from './print-json';
import { resolveDoc, resolveNeuron } from './resolve';
import { cachedCircuitSchema, neuronSchema } from './schema';
import { safeParseWith, toRawIssues } from './schema-leaves';
import { stabilityIssues } from './stability';
import type { Circuit, CircuitDoc, ModelInfo, ModelTable, NeuronEntry } from './types';
import { migrate, VERSIONS, type VersionTable } from './versions';

function defaultModels(): ModelTable {
  if (!DEFAULT_MODELS) throw new Error('no neuron model table is wired into src/circuits/default-models.ts; pass one to the circuit loader');
  return DEFAULT_MODELS;
}

/** Parse and validate a circuit file's text. Throws CircuitError listing every problem. */
export function parseCircuit(text: string, fileName: string, models: ModelTable = defaultModels(), versions: VersionTable = VERSIONS): Circuit {
  const located = parseText(text, fileName);
  return validate(located.text.value, fileName, models, versions, located.text, located.duplicates);
}

/** Validate a document built in memory (the editor's, an importer's) and derive its network. Throws CircuitError. */
export function circuitFromDoc(doc: unknown, fileName: string, models: ModelTable = defaultModels(), versions: VersionTable = VERSIONS): Circuit {
  return validate(doc, fileName, models, versions, undefined, []);
}

/** The file's text: its own fields only (omitted ones stay omitted), in schema order, pretty, ending in a newline. */
export function serializeCircuit(circuit: Circuit): string {
  return `${printJson(circuit.doc)}\n`;
}

/**
 * One neuron entry on its own (the `neuroworm clamp NEURON.json` input), as a
 * complete NeuronSpec. Throws CircuitError.
 */
export function parseNeuronFile(text: string, fileName: string, models: ModelTable = defaultModels()): NeuronSpec {
  const { text: located } = parseText(text, fileName);
  const r = safeParseWith(neuronSchema(models), located.value);
  if (!r.success) throw errorFor(fileName, located.value, toRawIssues(r.error.issues), located);
  const entry = normalizeZeros(r.data) as NeuronEntry;
  return resolveNeuron(entry, models[entry.model] as ModelInfo);
}

/** The file's JSON with positions; keys written twice are kept as issues beside the others. Throws CircuitError for text that is not JSON. */
function parseText(text: string, fileName: string): { text: LocatedText; duplicates: RawIssue[] } {
  const read = readJson(text);
  // A circuit issue is one line: its fix joins the message.
  const oneLine = (i: Issue) => (i.fix === undefined ? i.message : `${i.message}; ${i.fix}`);
  if (!read.text) {
    const at = (i: Issue) => ({ ...(i.line !== undefined && { line: i.line }), ...(i.column !== undefined && { column: i.column }) });
    throw new CircuitError(
      fileName,
      read.issues.map((i) => ({ path: i.path, where: '', message: oneLine(i), ...at(i) })),
    );
  }
  return { text: read.text, duplicates: read.issues.map((i) => ({ path: i.path, atKey: true, message: oneLine(i) })) };
}

function validate(value: unknown, fileName: string, models: ModelTable, versions: VersionTable, located: LocatedText | undefined, extra: RawIssue[]): Circuit {
  const migrated = migrate(value, versions);
  if (!migrated.ok) throw errorFor(fileName, value, [...extra, ...migrated.issues], located);
  // After a migration that moved things the document's paths no longer match the text's, so lines are left out.
  const where = migrated.pathsKept ? located : undefined;
  const doc = migrated.doc;

  const r = safeParseWith(cachedCircuitSchema(models, versions.current), doc);
  const issues = [...extra, ...(r.success ? [] : toRawIssues(r.error.issues)), ...crossReferenceIssues(doc)];
  if (r.success && issues.length === 0) issues.push(...stabilityIssues(r.data as CircuitDoc));
  if (!r.success || issues.length > 0) throw errorFor(fileName, doc, issues, where);

  // The schema's output is a fresh copy in schema key order; its neuron part is
  // built per model table at run time, which is why it is typed here by cast.
  const valid = normalizeZeros(r.data) as CircuitDoc;
  return { fileName, doc: valid, ...resolveDoc(valid, models) };
}

function errorFor(fileName: string, doc: unknown, raw: RawIssue[], located: LocatedText | undefined): CircuitError {
  const placed = placeIssues(raw, doc, located);
  return new CircuitError(fileName, placed.slice(0, MAX_ISSUES), Math.max(0, placed.length - MAX_ISSUES));
}

/** -0 is written as 0 in JSON; make it 0 in memory too so a save and reload give back the same circuit. */
function normalizeZeros<T>(value: T): T {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (Object.is(value[i], -0)) value[i] = 0;
      else normalizeZeros(value[i]);
    }
  } else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (Object.is(o[k], -0)) o[k] = 0;
      else normalizeZeros(o[k]);
    }
  }
  return value;
}
