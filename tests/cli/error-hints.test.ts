import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFittable, outsideStartBox } from '../../src/core/fit/fit.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'llm-plan-hints-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** One error line, one hint line, exit 2, nothing on stdout (BRIEF), and the words of each. */
async function refused(argv: readonly string[]): Promise<{ error: string; hint: string }> {
  const result = await runCli(argv);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const match = /^llm-plan: error: (.*)\nhint: (.*)\n$/.exec(result.stderr);
  expect(match, result.stderr).not.toBeNull();
  return { error: match?.[1] ?? '', hint: match?.[2] ?? '' };
}

describe('every error has a fitting hint (issue 11)', () => {
  it.each([
    [['--budget', '1e22flops', '--gpu', 'a100', '--gpus', '0'], /--gpus must be positive, got '0'/, /--gpus 256/],
    [['--budget', '1e22flops', '--gpu', 'a100', '--days', '-1'], /--days must be positive, got '-1'/, /--days 14/],
    [['--budget', '1e22flops', '--gpu', 'a100', '--days', 'soon'], /--days 'soon' is not a number/, /--days 14/],
    [['--budget', '1e22flops', '--gpu', 'a100', '--gpus', '2.5'], /--gpus must be a whole number/, /--gpus 256/],
    [['--budget', '1e22flops', '--gpu', 'a100', '--days', '1e9'], /--days must be between/, /--days 14/],
    [['--tokens', '-5'], /--tokens must be positive/, /2T/],
    [['--budget', '1e22flops', '--shape', '--vocab', 'big'], /--vocab 'big' is not a number/, /--vocab 32000/],
    [['check'], /missing required argument 'files'/, /llm-plan check --help/],
    [['plot', '--budget', '1e22flops', '--svg', '-', '--json'], /--svg - and --json both write to stdout/, /--svg plot\.svg/],
  ])('%j', async (argv, error, hint) => {
    const told = await refused(argv);
    expect(told.error).toMatch(error);
    expect(told.hint).toMatch(hint);
    expect(told.hint).not.toMatch(/7e9, 7B or 7000M/);
  });

  it('check names file fields, not flags: gpu: and mfu:', async () => {
    const gpuless = file('gpuless.yaml', 'configs:\n  - name: x\n    params: 7B\n    tokens: 140B\n    budget: 1000gpuh\n');
    const told = await refused(['check', gpuless]);
    expect(told.error).toMatch(/configs\[0\] \(x\): a GPU-time budget \('1000gpuh'\) needs a gpu: field$/);
    expect(told.hint).toMatch(/^add gpu: v100 .*budget: 1e21flops$/);
    const mfu = await refused(['check', file('mfu.yaml', 'name: x\nparams: 7B\ntokens: 140B\nbudget: 1000gpuh\ngpu: a100\nmfu: 7\n')]);
    expect(mfu.error).toMatch(/\(x\)\.?: ?mfu must be in \(0, 1\], got '7'/);
    expect(mfu.error).not.toMatch(/--mfu/);
  });
});

describe('fit refuses runs it cannot fit (issue 11)', () => {
  const rows = (pairs: ReadonlyArray<[number, number]>): string => ['params,tokens,loss', ...pairs.map(([n, d], i) => `${n},${d},${(2 + 0.1 * i).toFixed(2)}`)].join('\n');

  it.each([
    ['seven identical rows', Array.from({ length: 7 }, (): [number, number] => [1e9, 2e10]), /1 distinct model size; a fit needs at least 3/],
    ['two model sizes', [[1e8, 1e9], [1e8, 2e9], [1e8, 4e9], [1e9, 1e10], [1e9, 2e10], [1e9, 4e10]] as Array<[number, number]>, /2 distinct model sizes/],
    ['two token counts', [[1e8, 1e9], [2e8, 1e9], [4e8, 1e9], [1e9, 1e10], [2e9, 1e10], [4e9, 1e10]] as Array<[number, number]>, /2 distinct token counts/],
    [
      'five distinct runs repeated',
      [[1e8, 1e9], [2e8, 2e9], [4e8, 4e9], [1e9, 2e9], [2e9, 1e9], [1e8, 1e9], [2e8, 2e9]] as Array<[number, number]>,
      /5 distinct \(N, D\) pairs; the law's five parameters need at least 6/,
    ],
  ])('%s → exit 2 naming the reason', async (_, pairs, reason) => {
    const told = await refused(['fit', file(`${pairs.length}-${Math.random()}.csv`, rows(pairs))]);
    expect(told.error).toMatch(reason);
    expect(told.hint).toMatch(/vary both the model size and the tokens/);
  });

  it('checkFittable accepts an IsoFLOP-like grid of 3 × 3 distinct runs', () => {
    const runs = [1e8, 1e9, 1e10].flatMap((params) => [1e9, 1e10, 1e11].map((tokens) => ({ params, tokens, loss: 2 })));
    expect(() => checkFittable(runs)).not.toThrow();
  });

  it('outsideStartBox names the parameters beyond the starting grid (α, β ∈ [0, 2]; log A, log B ∈ [0, 25]; log E ∈ [−1, 1])', () => {
    // Chinchilla's printed law lies inside: log 406.4 = 6.0, log 410.7 = 6.0, log 1.69 = 0.52.
    expect(outsideStartBox({ E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 })).toEqual([]);
    // β = 2.3 > 2 and A = e^30 > e^25 are outside; E = e^-2 is below e^-1.
    expect(outsideStartBox({ E: Math.exp(-2), A: Math.exp(30), B: 410.7, alpha: 0.34, beta: 2.3 })).toEqual(['E', 'A', 'β']);
  });
});
