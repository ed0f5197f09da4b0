/**
 * The committed WebAssembly bytes are those of the .wat beside them: each
 * generated <name>-bytes.ts records the SHA-256 of the .wat it was built
 * from (scripts/build-wasm.mjs), checked here without wat2wasm; where wat2wasm
 * is installed, the bytes themselves are rebuilt and compared too.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = new URL('.', import.meta.url).pathname;
const REBUILD = 'rebuild them: node scripts/build-wasm.mjs (needs wabt: apt-get install wabt)';
const WATS = readdirSync(DIR).filter((f) => f.endsWith('.wat'));

const sha256 = (text: string) => createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');

function hasWat2wasm(): boolean {
  try {
    execFileSync('wat2wasm', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('committed WebAssembly bytes', () => {
  it('there is a .wat to check', () => expect(WATS.length).toBeGreaterThan(0));

  it.each(WATS)('%s: its -bytes.ts was built from this very source', async (wat) => {
    const generated = (await import(`./${wat.slice(0, -4)}-bytes.ts`)) as { SOURCE_SHA256?: string; BYTES: string };
    const now = sha256(readFileSync(join(DIR, wat), 'utf8'));
    expect(generated.SOURCE_SHA256, `${wat} changed since ${wat.slice(0, -4)}-bytes.ts was built: ${REBUILD}`).toBe(now);
  });

  it.skipIf(!hasWat2wasm()).each(WATS)('%s: wat2wasm gives the committed bytes', async (wat) => {
    const { BYTES } = (await import(`./${wat.slice(0, -4)}-bytes.ts`)) as { BYTES: string };
    const tmp = mkdtempSync(join(tmpdir(), 'neuroworm-wasm-test-'));
    try {
      execFileSync('wat2wasm', [join(DIR, wat), '-o', join(tmp, 'out.wasm')]);
      expect(readFileSync(join(tmp, 'out.wasm')).toString('base64'), `${wat}: ${REBUILD}`).toBe(BYTES);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
