/**
 * The engine against its own past: a corpus of random networks with random
 * edits (every model, mixed networks, weak and stiff gap junctions, delays,
 * depression, the seed's links, the fused LIF path, ablate, cutSynapse, link,
 * setParam, reset, a new dt; test/fixtures/engine-corpus.ts) runs through the
 * engine, and a digest of every number it exposes after every step must equal
 * the one recorded in test/fixtures/engine-golden.json by the engine before it
 * became a compiler and a schedule. Same numbers, bit for bit.
 *
 * A deliberate change of the numbers re-records the file
 * (`npx tsx test/fixtures/engine-corpus.ts --write`) and says why in its commit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpus, digest, GOLDEN_PATH, type Golden, runCase } from '../../test/fixtures/engine-corpus';
import { Network } from './network';

const golden = JSON.parse(readFileSync(GOLDEN_PATH, 'utf8')) as Golden;

describe('the engine gives the numbers it gave before (test/fixtures/engine-golden.json)', () => {
  it(`replays ${golden.count} random networks with edits to the recorded digests`, () => {
    const cases = corpus(golden.count, golden.seed);
    const wrong = cases.flatMap((c, k) => (digest(runCase(Network, c)) === golden.digests[k] ? [] : [`case ${k} (${c.family})`]));
    expect(wrong).toEqual([]);
  });

  it('would notice a change in the last bit of one number', () => {
    const c = corpus(1, golden.seed)[0];
    const r = runCase(Network, c);
    const i = r.numbers.findIndex((x) => x !== 0 && Number.isFinite(x));
    const nudged = r.numbers.slice();
    nudged[i] = nudged[i] + Math.abs(nudged[i]) * Number.EPSILON;
    expect(nudged[i]).not.toBe(r.numbers[i]);
    expect(digest({ numbers: nudged, notes: r.notes })).not.toBe(digest(r));
  });
});
