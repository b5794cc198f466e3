import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';

/**
 * Issue 8: whatever a user pastes or a script generates ends in exit 0 with valid output, or exit 2
 * with exactly one `llm-plan: error:` line (and an optional `hint:` line) and nothing on stdout.
 * Never an uncaught exception, a stack trace, exit 70, NaN or Infinity. Seeded, so a failure
 * reproduces; at least 10,000 inputs of each kind per run.
 */
const RUNS = 10_000;
const ONE_ERROR = /^llm-plan: error: [^\n]+\n(hint: [^\n]+\n)?$/;

/** Every number anywhere in a JSON document is finite (JSON cannot even carry NaN; null would be the symptom). */
function assertFiniteNumbers(value: unknown, path = '$'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), path).toBe(true);
  else if (Array.isArray(value)) value.forEach((item, index) => assertFiniteNumbers(item, `${path}[${index}]`));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) assertFiniteNumbers(item, `${path}.${key}`);
  }
}

function assertWellBehaved(result: CliResult, argv: readonly string[], json: boolean): void {
  const context = JSON.stringify(argv);
  if (result.code === 0) {
    expect(result.stderr, context).toBe('');
    expect(result.stdout.length, context).toBeGreaterThan(0);
    expect(result.stdout, context).not.toMatch(/NaN|Infinity|undefined/);
    if (json) {
      const document = JSON.parse(result.stdout);
      assertFiniteNumbers(document);
      for (const plan of document.plans ?? []) {
        expect(plan.params, context).toBeGreaterThan(0);
        expect(Math.abs((6 * plan.params * plan.tokens) / document.compute.flops - 1), context).toBeLessThan(1e-9);
      }
    }
  } else {
    expect(result.code, `${context}\n${result.stderr}`).toBe(2);
    expect(result.stdout, context).toBe('');
    expect(result.stderr, context).toMatch(ONE_ERROR);
  }
}

const numberText = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 1e-2, max: 1e7, noNaN: true }).map((value) => value.toPrecision(4)) },
  fc.integer({ min: -10, max: 1e9 }).map(String),
  fc.double({ min: -1e6, max: 1e40, noNaN: true }).map((value) => String(value)),
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: -400, max: 400 })).map(([m, e]) => `${m}e${e}`),
  fc.constantFrom('0', '.5', '5.', '1,000', '12,345,678', '1,00', '00', '1e', 'e5', '--1', '+5', '1_000', '٣', '１２'),
);
const suffix = fc.constantFrom('', 'k', 'K', 'M', 'm', 'B', 'G', 'T', 'P', 'x', 'kk');
const goodUnit = fc.constantFrom('gpuh', 'GPUh', 'gpu-hours', 'gpud', 'flops', 'pfd', 'pf-days', 'usd');
const oddUnit = fc.constantFrom(
  '', 'gpuh', 'GPUh', 'gpu-hours', 'gpu hours', 'gpu_hrs', 'gpud', 'GPU-days', 'flops', 'FLOP', 'pfd', 'pf-days',
  'petaflop/s-days', 'usd', 'USD', 'dollars', 'parsecs', 'h', 'gpu', '__proto__', 'constructor', 'toString', '$',
);
const unit = fc.oneof({ weight: 3, arbitrary: goodUnit }, { weight: 1, arbitrary: oddUnit });
const space = fc.constantFrom('', ' ', '  ', '\t', '\u00a0');
const structuredBudget = fc
  .tuple(fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('$', '$ ', '-', '−') }), numberText, space, suffix, space, unit, space)
  .map((parts) => parts.join(''));
const anyBudget = fc.oneof(
  { weight: 6, arbitrary: structuredBudget },
  { weight: 2, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
);

describe('fuzz: budget strings through the whole CLI', () => {
  it(`${RUNS} generated budgets plan or fail cleanly`, async () => {
    let planned = 0;
    await fc.assert(
      fc.asyncProperty(anyBudget, async (budget) => {
        const argv = ['--budget', budget, '--gpu', 'v100', '--price', '2', '--json'];
        const result = await runCli(argv);
        assertWellBehaved(result, argv, true);
        if (result.code === 0) planned++;
      }),
      { seed: 8, numRuns: RUNS },
    );
    // The generator is meant to reach both outcomes; if it stopped planning, it stopped testing.
    expect(planned).toBeGreaterThan(RUNS / 10);
  }, 120_000);
});

const flagValues: Record<string, fc.Arbitrary<string>> = {
  '--budget': anyBudget,
  '--gpu': fc.constantFrom('v100', 'H100', 'tpu-v4', 't4', 'a100-40gb', 'h10', '', 'gpu', '../etc/passwd', '__proto__', 'constructor'),
  '--precision': fc.constantFrom('bf16', 'fp16', 'fp8', 'fp32', 'tf32', 'int8', '', 'BF16'),
  '--mfu': fc.constantFrom('0.4', '45%', '1', '0', '-1', '1.5', 'NaN', '1e-300', '', '.5'),
  '--rule': fc.constantFrom('openai', 'kaplan', 'deepmind', 'chinchilla', 'optimal', 'all', 'ALL', 'x', ''),
  '--loss': fc.constantFrom('hoffmann2022', 'besiroglu2024', 'kaplan2020', 'x', ''),
  '--price': fc.constantFrom('2.1', '$1', '0', '-2', 'free', '1e309', ''),
};
const flagNames = Object.keys(flagValues);
const argToken = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...flagNames).chain((flag) => (flagValues[flag] ?? fc.constant('')).map((value) => [flag, value])) },
  { weight: 1, arbitrary: fc.constantFrom(['--json'], ['--no-color'], ['-b', '1e22flops'], ['--budget=1e21flops'], ['-g', 'a100']) },
  { weight: 1, arbitrary: fc.constantFrom(['gpus'], ['rules'], ['--bogus'], ['-z'], ['plan'], ['--'], ['-'], ['--help'], ['-V']) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((text) => [text]) },
);

describe('fuzz: argument vectors', () => {
  it(`${RUNS} generated argument vectors end in exit 0 or a clean exit 2`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(argToken, { maxLength: 6 }), fc.boolean(), async (tokens, json) => {
        const argv = [...tokens.flat(), ...(json ? ['--json'] : [])];
        const result = await runCli(argv);
        const printsJson = json && !argv.some((arg) => ['--help', '-h', '-V', '--version'].includes(arg)) && !argv.slice(0, argv.indexOf('--json')).includes('--');
        assertWellBehaved(result, argv, printsJson && result.stdout.startsWith('{'));
      }),
      { seed: 80, numRuns: RUNS },
    );
  }, 120_000);
});
