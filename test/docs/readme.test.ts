/**
 * The README's command examples, run as written: every `npx neuroworm …`
 * line of its sh blocks runs in a scratch folder that holds the repository's
 * files (linked, so outputs such as out/scenarios.xml land in the scratch
 * folder), and must exit 0. Every repository file a command names must be
 * tracked by git, so the examples work on a fresh clone.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Lines of the README's sh code blocks that run the CLI (comments and other commands left out). */
function cliExamples(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.flatMap((b) => b.split('\n').filter((l) => /^npx neuroworm\b/.test(l.trim()))).map((l) => l.trim());
}

/** Arguments that name files of the repository (relative paths that exist there). */
function repoPaths(command: string): string[] {
  return command
    .split(/\s+/)
    .filter((w) => /^[\w.-]+\/[\w./-]+$/.test(w))
    .filter((w) => existsSync(join(ROOT, w)));
}

const scratch = mkdtempSync(join(tmpdir(), 'nw-readme-'));
for (const entry of readdirSync(ROOT)) if (entry !== '.git' && entry !== 'out') symlinkSync(join(ROOT, entry), join(scratch, entry));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const examples = cliExamples(README);
const inGit = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() === 'true';

describe("README's command examples", () => {
  it('has the five examples of its Command line section', () => {
    expect(examples.map((e) => e.split(/\s+/)[2])).toEqual(['trace', 'clamp', 'scenario', 'experiment', 'import-connectome']);
  });

  it.skipIf(!inGit)('names only files that git tracks (a fresh clone has them)', () => {
    const paths = [...new Set(examples.flatMap(repoPaths))];
    expect(paths.length).toBeGreaterThan(3);
    const tracked = execFileSync('git', ['ls-files', '--', ...paths], { cwd: ROOT, encoding: 'utf8' })
      .trim()
      .split('\n');
    const folders = paths.filter((p) => !tracked.includes(p));
    for (const p of folders)
      expect(
        tracked.some((t) => t.startsWith(`${p}/`)),
        `${p} is not tracked by git`,
      ).toBe(true);
  });

  it.each(examples)(
    '%s',
    (command) => {
      const r = spawnSync('sh', ['-c', command], { cwd: scratch, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(r.status, `${command}\nstdout:\n${r.stdout.slice(-2000)}\nstderr:\n${r.stderr.slice(-2000)}`).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(0);
      // Whatever a command writes with -o or --junit lands in the scratch folder, and loads.
      const out = /(?:-o|--junit|--csv) (\S+)/.exec(command)?.[1];
      if (out !== undefined) expect(readFileSync(join(scratch, out), 'utf8').length).toBeGreaterThan(0);
      // Whole CLI runs: `scenario run --repeat 5` simulates ~100 worm-minutes (45 s quiet, 205 s at load 12).
    },
    900_000,
  );
});
