import { describe, expect, it } from 'vitest';
import { renderCheckText, renderGithubAnnotations } from '../../src/render/check-text.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { PLAIN_STYLE } from '../../src/render/style.js';
import type { CheckDocument } from '../../src/domain/schemas/check.js';
import type { PlanDocument } from '../../src/core/plan-document.js';

const report: CheckDocument = {
  schema: 'llm-plan/check@1',
  file: 'plans.yaml',
  files: ['plans.yaml'],
  passed: false,
  summary: { configs: 2, passed: 1, failed: 1, warnings: 0, invalidFiles: 0 },
  invalid: [],
  results: [
    {
      index: 0, name: 'a', passed: false, params: 7e10, tokens: 1e11, tokensPerParam: 1e11 / 7e10, flops: 4.2e22,
      rule: 'deepmind', optimalParams: 1.87e10, optimalTokens: 3.74e11, loss: { model: 'hoffmann2022', value: 2.1 }, budgetFlops: null, gpuHours: null, days: null, costUsd: null, layout: null, location: null, warnings: [],
      violations: [{ code: 'off-optimum', reason: 'off by 274%\nsecond line', value: 2.74, limit: 0.25 }],
    },
    {
      index: 1, name: 'b', passed: true, params: 7e10, tokens: 1.4e12, tokensPerParam: 20, flops: 5.88e23,
      rule: 'deepmind', optimalParams: 7e10, optimalTokens: 1.4e12, loss: { model: 'hoffmann2022', value: 1.94 }, budgetFlops: null, gpuHours: null, days: null, costUsd: null, layout: null, location: null, warnings: [], violations: [],
    },
  ],
};

describe('renderCheckText', () => {
  it('prints a verdict line per config, reasons under failures, and a summary', () => {
    expect(renderCheckText(report, PLAIN_STYLE)).toMatchInlineSnapshot(`
      "FAIL a  70.0B params, 100B tokens, 4.20e22 FLOPs
        off-optimum: off by 274%
      second line
      PASS b  70.0B params, 1.40T tokens, 5.88e23 FLOPs

      1 of 2 configs failed (plans.yaml)
      "
    `);
  });
});

describe('renderGithubAnnotations', () => {
  it('writes one ::error per violation, escaping %, CR and LF as the runner expects', () => {
    expect(renderGithubAnnotations(report)).toBe('::error file=plans.yaml,title=a%3A off-optimum::off by 274%25%0Asecond line\n');
    // Properties end at ',' and ':' as well: a file name with either is escaped.
    const located = { ...report, files: ['a,b:c.yaml'], results: [{ ...report.results[0]!, file: 'a,b:c.yaml', location: { line: 3, column: 5, endLine: 6, endColumn: 12 } }] };
    expect(renderGithubAnnotations(located)).toBe('::error file=a%2Cb%3Ac.yaml,line=3,endLine=6,col=5,title=a%3A off-optimum::off by 274%25%0Asecond line\n');
  });
});

describe('renderPlanMarkdown', () => {
  it('escapes text that would break the table', () => {
    const plan = {
      schema: 'llm-plan/plan@1',
      input: { budget: '1e22|flops', gpu: null, precision: null, mfu: null, rule: 'x', loss: null, price: null },
      hardware: null,
      compute: { flops: 1e22, pfDays: 1e22 / 8.64e19 },
      plans: [{ rule: 'my|rule', params: 1e9, tokens: 2e10, tokensPerParam: 20, flops: 1.2e20, paramsExponent: 0.5, loss: { model: 'm', value: 2 } }],
      notes: ['a *note*'],
    } satisfies PlanDocument;
    const text = renderPlanMarkdown(plan);
    expect(text).toContain('| my\\|rule | 1.00B | 20.0B | 20.0 | 2.000 | m |');
    expect(text).toContain('**Budget** 1e22\\|flops');
    expect(text).toContain('- a \\*note\\*');
  });
});
