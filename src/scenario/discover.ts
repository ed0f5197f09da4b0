/** Finding scenario files: files as given, folders searched recursively for *.scenario.yaml|yml|json. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SCENARIO_FILE_RE } from './load';

export class DiscoveryError extends Error {}

export function findScenarioFiles(paths: readonly string[]): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      throw new DiscoveryError(`${p}: no such file or folder (give scenario files or folders that hold *.scenario.yaml files)`);
    }
    if (st.isDirectory()) {
      const found = walk(p);
      if (found.length === 0) throw new DiscoveryError(`${p}: no *.scenario.yaml, *.scenario.yml or *.scenario.json files in this folder`);
      found.forEach((f) => out.add(f));
    } else out.add(p);
  }
  return [...out];
}

function walk(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(p));
    else if (SCENARIO_FILE_RE.test(entry.name)) files.push(p);
  }
  return files;
}

/** A path as shown in reports: relative to the working directory when inside it. */
export function displayPath(p: string, cwd = process.cwd()): string {
  const r = relative(cwd, p);
  return r.startsWith('..') || r === '' ? p : r;
}
