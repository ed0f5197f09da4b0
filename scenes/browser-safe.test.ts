import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const NODE_ONLY = /^(node:.*|fs|path|os|url|module|child_process|worker_threads|readline|crypto|stream|util)(\/.*)?$/;

/** Value imports and re-exports of a TS file (type-only ones vanish at build time). */
function importsOf(text: string): string[] {
  const out: string[] = [];
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (!m[2]) out.push(m[3]);
  const dyn = /import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (let m = dyn.exec(text); m; m = dyn.exec(text)) out.push(m[1]);
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const p of [base, `${base}.ts`, join(base, 'index.ts')]) if (existsSync(p) && !p.endsWith('/') && /\.(ts|json)$/.test(p)) return p;
  return null;
}

/** Every module the game's entry reaches, and the Node built-ins any of them import (with the chain that got there). */
function walk(entry: string): { files: Set<string>; offenders: string[] } {
  const files = new Set<string>();
  const offenders: string[] = [];
  const stack: { file: string; chain: string[] }[] = [{ file: entry, chain: [] }];
  while (stack.length) {
    const { file, chain } = stack.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (file.endsWith('.json')) continue;
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const here = [...chain, relative(process.cwd(), file)];
      if (NODE_ONLY.test(spec)) offenders.push(`${here.join(' → ')} imports ${spec}`);
      else if (spec.startsWith('.')) {
        const next = resolveLocal(file, spec);
        if (next) stack.push({ file: next, chain: here });
      }
    }
  }
  return { files, offenders };
}

describe('the game bundles only browser-safe modules', () => {
  test('nothing reachable from scenes/main.ts imports a Node built-in', () => {
    const { files, offenders } = walk(resolve('scenes/main.ts'));
    expect(files.size).toBeGreaterThan(50);
    // The game does reach the simulation core.
    expect([...files].some((f) => f.endsWith('src/sim/simulation.ts'))).toBe(true);
    expect(offenders).toEqual([]);
  });

  test('the check sees value imports and re-exports, not type-only ones', () => {
    expect(importsOf("import { a } from 'node:fs';\nimport type { B } from './b';\nexport * from './c';\nexport { d } from \"path\";")).toEqual([
      'node:fs',
      './c',
      'path',
    ]);
    // A module that reaches Node file IO is caught (src/circuits/file.ts reads files).
    expect(walk(resolve('src/circuits/file.ts')).offenders.length).toBeGreaterThan(0);
  });
});
