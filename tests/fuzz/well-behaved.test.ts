import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { assertValidDocument, assertWellBehaved, outputKindOf } from './well-behaved.js';

/** The fuzz oracle must be able to fail: each defect it exists to catch, planted by hand. */
describe('the fuzz oracle', () => {
  const planOf = async (): Promise<Record<string, any>> => JSON.parse((await runCli(['--budget', '1e22flops', '--json'])).stdout);

  it('accepts a real plan', async () => {
    const plan = await planOf();
    expect(() => assertValidDocument(plan, 'real')).not.toThrow();
  });

  it.each([
    ['null where the schema promises a number', (plan: Record<string, any>) => void (plan.plans[0].params = null)],
    ['a string where the schema promises a number', (plan: Record<string, any>) => void (plan.compute.flops = '1e22')],
    ['C ≠ 6·N·D', (plan: Record<string, any>) => void (plan.plans[0].tokens *= 2)],
    ['a required field missing', (plan: Record<string, any>) => void delete plan.plans[0].loss],
  ])('rejects %s', async (_name, spoil) => {
    const plan = await planOf();
    spoil(plan);
    expect(() => assertValidDocument(plan, 'spoiled')).toThrow();
  });

  it.each([
    ['exit 70', { code: 70, stdout: '', stderr: 'llm-plan: internal error: x\nhint: y\n' }],
    ['two error lines', { code: 2, stdout: '', stderr: 'llm-plan: error: a\nllm-plan: error: b\n' }],
    ['output on stdout with an error', { code: 2, stdout: '{}', stderr: 'llm-plan: error: a\n' }],
    ['a stack trace', { code: 2, stdout: '', stderr: 'llm-plan: error: a\n    at run (src/cli/run.ts:1:1)\n' }],
    ['NaN in a table', { code: 0, stdout: 'params NaN\n', stderr: '' }],
    ['exit 1 outside check', { code: 1, stdout: 'x\n', stderr: '' }],
    ['a self-suggestion', { code: 2, stdout: '', stderr: "llm-plan: error: unknown command 'sweep' (did you mean 'sweep'?)\n" }],
  ])('rejects %s', (_name, result) => {
    expect(() => assertWellBehaved(result, ['x'], 'text')).toThrow();
  });

  it.each([
    [['--budget', '1', '--json'], 'json'],
    [['sweep', '--format', 'ndjson'], 'ndjson'],
    [['--json', '--format', 'csv'], 'text'],
    [['--json', '--help'], 'text'],
    [['--', '--json'], 'text'],
  ] as const)('reads the output kind of %j as %s', (argv, kind) => {
    expect(outputKindOf(argv)).toBe(kind);
  });
});
