import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JobResult } from './report';
import { failureMessage, formatTable, summarize, toJUnit, xmlEscape } from './report';
import { checkWellFormedXml } from './test-helpers/xml';

const run = (file: string, name: string, seed: number, pass: boolean, measured: number | null = 300): JobResult => ({
  file,
  name,
  seed,
  report: {
    scenario: name,
    seed,
    pass,
    simMs: 5000,
    wallMs: 120,
    expectations: [{ name: 'reverses within 1.5 s after head', kind: 'reverses', pass, measured, bound: '≤ 1500', unit: 'ms', detail: 'x' }],
  },
});

describe('reports', () => {
  it('summarizes repeated runs into pass rates and measured ranges', () => {
    const [s] = summarize([run('a', 'A', 1, true, 310), run('a', 'A', 2, false, null), run('a', 'A', 3, true, 390)]);
    expect(s).toMatchObject({ runs: 3, passed: 2, seeds: [1, 2, 3] });
    expect(s.expectations[0]).toMatchObject({ passed: 2, runs: 3, min: 310, max: 390 });
    expect(formatTable([run('a', 'A', 1, true, 310), run('a', 'A', 2, false, null)])).toMatch(/A \[seeds 1\.\.2\]\s+1\/2 \(50%\)/);
  });

  it('failure messages carry expectation, measured value, bound, seed and reproduce command', () => {
    const msg = failureMessage(run('t/a.scenario.yaml', 'A', 9, false, null), 'npx neuroworm scenario run t/a.scenario.yaml --seed 9');
    expect(msg).toBe(
      'scenario "A" (t/a.scenario.yaml) failed with seed 9\n  ✗ reverses within 1.5 s after head\n    measured —, bound ≤ 1500 ms\n    x\nreproduce: npx neuroworm scenario run t/a.scenario.yaml --seed 9',
    );
  });

  it('property: xmlEscape leaves no markup and unescapes back to the (XML-legal part of the) input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const e = xmlEscape(s);
        expect(e).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|apos);)/);
        const back = e
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'")
          .replace(/&amp;/g, '&');
        expect(back).toBe(s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ''));
      }),
    );
  });

  it('property: JUnit XML is well-formed whatever the names, messages and errors', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            file: fc.string(),
            name: fc.string(),
            seed: fc.nat(),
            pass: fc.boolean(),
            error: fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
          }),
          { maxLength: 5 },
        ),
        (runs) => {
          const results = runs.map((r) =>
            r.error !== undefined ? { file: r.file, name: r.name, seed: r.seed, error: r.error } : run(r.file, r.name, r.seed, r.pass),
          );
          const xml = toJUnit(results, (r) => `npx neuroworm scenario run ${r.file} --seed ${r.seed}`);
          checkWellFormedXml(xml);
          expect((xml.match(/<testcase /g) ?? []).length).toBe(runs.length);
        },
      ),
    );
  });

  it('the XML checker itself refuses broken XML', () => {
    for (const bad of ['<a>', '<a></b>', '<a x="1" x="2"/>', '<a>&nbsp;</a>', '<a/><b/>', 'text<a/>', '<a>1 < 2</a>', '<a x=1/>'])
      expect(() => checkWellFormedXml(bad), bad).toThrow(/not well-formed/);
    checkWellFormedXml('<?xml version="1.0"?>\n<a x="&amp;"><b/>t &#169;</a>\n');
  });
});
