/**
 * Output paths of the CLI (`--json`, `--junit`, `--plot`, `-o`): checked
 * before any work starts, so a long run is never lost to a typo in a path.
 * Missing parent folders are made; a path that cannot be written, or that is
 * one of the command's inputs, is refused with the path and the reason.
 */
import { accessSync, closeSync, constants, mkdirSync, openSync, realpathSync, statSync, unlinkSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CommanderError } from 'commander';
import type { CliIo } from './io';

export interface OutputPath {
  /** The option as the user wrote it, e.g. `--junit`. */
  flag: string;
  path: string;
  /** A file to write, or a folder to write files into. */
  kind: 'file' | 'folder';
}

function stat(p: string) {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

function same(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

function code(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? String(e);
}

function writable(p: string): boolean {
  try {
    accessSync(p, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why `out` cannot be written (undefined when it can); makes its missing parent folders. */
export function outputProblem(out: OutputPath, inputs: readonly string[]): string | undefined {
  const input = inputs.find((i) => same(i, out.path));
  if (input !== undefined) return `it is also an input of this command (${input}); writing it would destroy the input: give another path`;
  const st = stat(out.path);
  if (out.kind === 'file' && st?.isDirectory()) return 'it is a folder; give a file name';
  if (out.kind === 'folder' && st && !st.isDirectory()) return 'it is a file; give a folder (it is made if missing)';
  if (st && !writable(out.path)) return 'permission denied';
  const folder = out.kind === 'folder' ? out.path : dirname(out.path);
  // The nearest existing ancestor must be a folder we can write into.
  let up = resolve(folder);
  while (!stat(up) && dirname(up) !== up) up = dirname(up);
  const anc = stat(up);
  if (anc && !anc.isDirectory()) return `${up} is a file, not a folder`;
  if (!writable(up)) return `cannot write into ${up} (permission denied)`;
  try {
    mkdirSync(folder, { recursive: true });
  } catch (e) {
    return `cannot make the folder ${folder} (${code(e)})`;
  }
  if (out.kind === 'file' && !st) {
    // Make and remove the file: catches what no check above can (a name too long, a read-only disk).
    try {
      closeSync(openSync(out.path, 'wx'));
      unlinkSync(out.path);
    } catch (e) {
      return `cannot create it (${code(e)})`;
    }
  }
  return undefined;
}

/**
 * Check every output before the command does any work: prints each problem
 * (`command: --junit out/x.xml: why`) and exits 2 if there is one. Two
 * outputs on one path are refused too.
 */
export function checkOutputs(command: string, outputs: ReadonlyArray<OutputPath | undefined>, inputs: readonly string[], io: CliIo): void {
  const given = outputs.filter((o): o is OutputPath => o !== undefined);
  const problems: string[] = [];
  given.forEach((o, i) => {
    const twin = given.slice(0, i).find((p) => same(p.path, o.path));
    const why = twin ? `${twin.flag} writes the same path` : outputProblem(o, inputs);
    if (why !== undefined) problems.push(`${command}: ${o.flag} ${o.path}: ${why}`);
  });
  if (problems.length === 0) return;
  for (const p of problems) io.err(`${p}\n`);
  throw new CommanderError(2, 'neuroworm.output', problems.join('\n'));
}
