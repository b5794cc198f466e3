import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * The constraint flags with any values: exit 0 with finite JSON numbers, or exit 2 with one error
 * line. Never exit 70, NaN or Infinity. Seeded; a few hundred runs keep the suite fast.
 */
const ONE_ERROR = /^llm-plan: error: [^\n]+\n(hint: [^\n]+\n)?$/;

function assertFiniteNumbers(value: unknown, path = '$'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), path).toBe(true);
  else if (Array.isArray(value)) value.forEach((item, index) => assertFiniteNumbers(item, `${path}[${index}]`));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) assertFiniteNumbers(item, `${path}.${key}`);
}

const quantity = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: -320, max: 320 })).map(([m, e]) => `${m}e${e}`),
  fc.double({ min: 0, max: 1e6, noNaN: true }).map((value) => value.toPrecision(3)),
  fc.constantFrom('0', '1', '2.5', '300B', '2T', '-1', 'lots', '1e400', '8'),
);
const flag = fc.oneof(
  fc.tuple(fc.constantFrom('--gpus', '--days', '--seq-len', '--micro-batch', '--vocab', '--unique-tokens', '--inference-tokens'), quantity),
  fc.tuple(fc.constant('--zero'), fc.constantFrom('0', '1', '2', '3', '4', 'x')),
  fc.tuple(fc.constant('--recompute'), fc.constantFrom('none', 'selective', 'full', 'some')),
  fc.tuple(fc.constant('--optimizer'), fc.constantFrom('adamw', 'sgd', 'lion')),
  fc.constantFrom(['--shape'], ['--hyperparams']),
);
const base = fc.constantFrom(
  ['--budget', '1e23flops'],
  ['--budget', '50000gpuh', '--gpu', 'a100'],
  ['--budget', '1e12flops', '--gpu', 't4'],
  ['--budget', '1e30flops', '--gpu', 'h100', '--rule', 'all'],
  ['--budget', '$1000', '--gpu', 'h100', '--price', '2'],
);

describe('constraint flags never crash', () => {
  it('exit 0 with finite JSON, or exit 2 with one error line', async () => {
    await fc.assert(
      fc.asyncProperty(base, fc.array(flag, { maxLength: 4 }), async (start, flags) => {
        const argv = [...start, ...flags.flat(), '--json'];
        const result = await runCli(argv);
        if (result.code === 0) {
          expect(result.stderr).toBe('');
          assertFiniteNumbers(JSON.parse(result.stdout));
        } else {
          expect(result.code, `${JSON.stringify(argv)}\n${result.stderr}`).toBe(2);
          expect(result.stdout).toBe('');
          expect(result.stderr).toMatch(ONE_ERROR);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
