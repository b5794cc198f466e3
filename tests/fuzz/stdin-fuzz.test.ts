import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCliWithStdin } from '../helpers/run-with-stdin.js';
import { assertWellBehaved, outputKindOf } from './well-behaved.js';

/**
 * Generated documents on stdin (`-`) for every reader that takes one: --input, check and fit. Each
 * ends in a result or one error line, and none reaches Object.prototype. Seeded.
 */
const key = fc.constantFrom('budget', 'gpu', 'rule', 'loss', 'params', 'tokens', 'flops', 'loss', 'N', 'D', 'name', 'configs', 'maxLoss', 'range', '__proto__', 'constructor', 'prototype', 'toString', 'polluted');
const scalar = fc.oneof(
  fc.constantFrom<unknown>('1e22flops', '5000gpuh', 'v100', 'deepmind', '70B', '1.4T', 2, 1e9, 3.1, -1, 0, true, null, '', 'NaN', 1e308),
  fc.string({ maxLength: 8 }),
);
const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(key, tie('value'), { maxKeys: 4 })),
})).value;
const asText = fc.oneof(
  { weight: 4, arbitrary: value.map((item) => JSON.stringify(item) ?? '') },
  { weight: 1, arbitrary: fc.array(value, { maxLength: 8 }).map((items) => items.map((item) => JSON.stringify(item)).join('\n')) },
  { weight: 1, arbitrary: fc.array(fc.tuple(key, scalar), { maxLength: 5 }).map((pairs) => pairs.map(([k, v]) => `${k}: ${String(v)}`).join('\n')) },
  { weight: 1, arbitrary: fc.array(fc.array(scalar.map(String), { minLength: 1, maxLength: 4 }), { maxLength: 8 }).map((rows) => ['params,tokens,loss', ...rows.map((row) => row.join(','))].join('\n')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('\ufeff', '', '&a [*a]', 'a: &x 1\nb: *y', '!!js/function "x"', '{"a":1,"a":2}', '---\n---\n', '[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]') },
);
const command = fc.constantFrom<string[]>(['--input', '-', '--json'], ['--budget', '1e22flops', '--input', '-', '--json'], ['check', '-', '--json'], ['check', '-'], ['fit', '-', '--json']);

describe('fuzz: documents on stdin', () => {
  it('1,500 generated documents through --input -, check - and fit - end cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(command, asText, async (argv, stdin) => {
        const result = await runCliWithStdin(argv, stdin);
        assertWellBehaved(result, [...argv, `<stdin: ${JSON.stringify(stdin).slice(0, 200)}>`], outputKindOf(argv), argv[0] === 'check');
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { seed: 86, numRuns: 1_500 },
    );
  }, 60_000);
});
