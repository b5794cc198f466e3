import { describe, expect, it } from 'vitest';
import type { CheckDocument, CheckResult } from '../../src/domain/schemas/check.js';
import { renderCheckJunit } from '../../src/render/check-junit.js';
import { renderCheckMarkdown } from '../../src/render/check-markdown.js';

// Hand-built: two files with one config each and a third file that could not be read.
const failing: CheckResult = {
  index: 0, name: 'big <&> "one"', passed: false, params: 7e10, tokens: 1e11, tokensPerParam: 1e11 / 7e10, flops: 4.2e22, file: 'a.yaml',
  rule: 'deepmind', optimalParams: 1.87e10, optimalTokens: 3.74e11, loss: { model: 'hoffmann2022', value: 2.1 }, budgetFlops: null, gpuHours: null, days: null, costUsd: null, layout: null,
  location: { line: 3, column: 5, endLine: 6, endColumn: 12 }, warnings: [],
  violations: [{ code: 'off-optimum', reason: "N is 3.74× N_opt's | 'bound'", value: 3.74, limit: 0.25 }],
};
const passing: CheckResult = {
  index: 0, name: 'small', passed: true, params: 1e9, tokens: 2e10, tokensPerParam: 20, flops: 1.2e20, file: 'b.yaml',
  rule: 'deepmind', optimalParams: 1e9, optimalTokens: 2e10, loss: { model: 'hoffmann2022', value: 2.5 }, budgetFlops: null, gpuHours: null, days: null, costUsd: null, layout: null,
  location: null, warnings: [{ code: 'extrapolation', reason: 'outside the runs' }], violations: [],
};
const report: CheckDocument = {
  schema: 'llm-plan/check@1',
  file: 'a.yaml, b.yaml, c.yaml',
  files: ['a.yaml', 'b.yaml', 'c.yaml'],
  passed: false,
  summary: { configs: 2, passed: 1, failed: 1, warnings: 1, invalidFiles: 1 },
  invalid: [{ file: 'c.yaml', message: 'c.yaml: params: expected a number\u0007', hint: 'write params: 7B', location: { line: 2, column: 9, endLine: 2, endColumn: 12 } }],
  results: [failing, passing],
};

describe('renderCheckJunit', () => {
  it('one testsuite per file, a failure per violation, the invalid file as an error; markup escaped', () => {
    expect(renderCheckJunit(report)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="llm-plan check" tests="3" failures="1" errors="1" time="0">',
        '  <testsuite name="a.yaml" tests="1" failures="1" errors="0" skipped="0" time="0">',
        '    <testcase name="big &lt;&amp;&gt; &quot;one&quot;" classname="llm-plan check.a.yaml" time="0">',
        '      <failure type="off-optimum" message="N is 3.74× N_opt&apos;s | &apos;bound&apos;">a.yaml:3: off-optimum: N is 3.74× N_opt&apos;s | &apos;bound&apos;</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="b.yaml" tests="1" failures="0" errors="0" skipped="0" time="0">',
        '    <testcase name="small" classname="llm-plan check.b.yaml" time="0">',
        '      <system-out>warning extrapolation: outside the runs</system-out>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="c.yaml" tests="1" failures="0" errors="1" skipped="0" time="0">',
        // The BEL control character cannot be carried by XML 1.0: U+FFFD stands in for it.
        '    <testcase name="c.yaml (invalid file)" classname="llm-plan check.c.yaml" time="0">',
        '      <error type="invalid-file" message="c.yaml: params: expected a number\ufffd">c.yaml: params: expected a number\ufffd (line 2, column 9)',
        'write params: 7B</error>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('a passing config says what passed; stdin is named stdin; line breaks in attributes kept as references', () => {
    const one: CheckDocument = {
      ...report,
      file: '-',
      files: ['-'],
      passed: true,
      summary: { configs: 1, passed: 1, failed: 0, warnings: 0, invalidFiles: 0 },
      invalid: [],
      results: [{ ...passing, name: 'two\nlines', file: '-', warnings: [] }],
    };
    expect(renderCheckJunit(one)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="llm-plan check" tests="1" failures="0" errors="0" time="0">',
        '  <testsuite name="stdin" tests="1" failures="0" errors="0" skipped="0" time="0">',
        '    <testcase name="two&#10;lines" classname="llm-plan check.stdin" time="0">',
        '      <system-out>pass: 1.00B params, 20.0B tokens, 1.20e20 FLOPs</system-out>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });
});

describe('renderCheckMarkdown', () => {
  it('a row per config with its file, the invalid file, warnings and totals; pipes escaped', () => {
    expect(renderCheckMarkdown(report)).toBe(
      [
        '### llm-plan check: failed',
        '',
        '| config | file | N | D | compute | tokens/param | loss | result |',
        '|---|---|---:|---:|---:|---:|---:|---|',
        // 1e11 / 7e10 = 1.43 tokens per parameter.
        "| big \\<&\\> \"one\" | a.yaml:3 | 70.0B | 100B | 4.20e22 FLOPs | 1.43 | 2.100 (hoffmann2022) | **fail**: off-optimum (N is 3.74× N\\_opt's \\| 'bound') |",
        '| small | b.yaml | 1.00B | 20.0B | 1.20e20 FLOPs | 20.0 | 2.500 (hoffmann2022) | pass |',
        '| — | c.yaml:2 |  |  |  |  |  | **invalid file**: c.yaml: params: expected a number\u0007 |',
        '',
        '**Warnings**',
        '',
        '- small: extrapolation: outside the runs',
        '',
        '**1 of 2 configs failed; 1 file invalid (a.yaml, b.yaml, c.yaml)**; 1 passed, 1 warning',
        '',
      ].join('\n'),
    );
  });

  it('one file: no file column; passed heading', () => {
    const one: CheckDocument = { ...report, files: ['b.yaml'], file: 'b.yaml', passed: true, summary: { configs: 1, passed: 1, failed: 0, warnings: 0, invalidFiles: 0 }, invalid: [], results: [{ ...passing, warnings: [] }] };
    expect(renderCheckMarkdown(one)).toBe(
      [
        '### llm-plan check: passed',
        '',
        '| config | N | D | compute | tokens/param | loss | result |',
        '|---|---:|---:|---:|---:|---:|---|',
        '| small | 1.00B | 20.0B | 1.20e20 FLOPs | 20.0 | 2.500 (hoffmann2022) | pass |',
        '',
        '**1 of 1 config passed (b.yaml)**; 1 passed, 0 warnings',
        '',
      ].join('\n'),
    );
  });
});
