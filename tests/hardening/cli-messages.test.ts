import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * Fuzz finds of issue 8 in commander's errors, pinned. A known command with one argument too many
 * was reported as "unknown command 'sweep' (did you mean 'sweep'?)".
 */
describe('a known command with extra arguments', () => {
  it.each([
    [['sweep', '--budget', '1e21..1e25flops', 'foo'], "unexpected argument 'foo' for 'sweep'", "see 'llm-plan sweep --help'"],
    [['gpus', 'x', 'y'], "unexpected arguments 'x' 'y' for 'gpus'", "see 'llm-plan gpus --help'"],
    [['fit', 'a.csv', 'b.csv'], "unexpected argument 'b.csv' for 'fit'", "see 'llm-plan fit --help'"],
    [['schema', 'plan', 'sweep'], "unexpected argument 'sweep' for 'schema'", "see 'llm-plan schema --help'"],
  ])('%j names the extra argument', async (argv, message, hint) => {
    const result = await runCli(argv);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `llm-plan: error: ${message}\nhint: ${hint}\n` });
  });

  it('an unknown word at the top is still an unknown command, with a suggestion when close', async () => {
    expect((await runCli(['sweeep'])).stderr).toMatch(/^llm-plan: error: unknown command 'sweeep' \(did you mean 'sweep'\?\)\n/);
  });
});

/**
 * Fuzz find: `plot --gpu ./file.json` was an internal error (exit 70, "preset file was not
 * loaded"): plot resolved presets from the built-in catalog only. Now it loads them as plan does.
 */
describe('plot with user presets', () => {
  const fixture = (name: string): string => new URL(`../fixtures/${name}`, import.meta.url).pathname;

  it('--gpu FILE gives the file’s accelerator: 1000 GPU-hours × 3600 s × 500e12 FLOP/s × 0.40 = 7.2e20 FLOPs', async () => {
    const result = await runCli(['plot', '--budget', '1000gpuh', '--gpu', fixture('presets/my-gpu.json'), '--json']);
    expect(result.code, result.stderr).toBe(0);
    const plot = JSON.parse(result.stdout);
    expect(plot.input.gpu).toBe(fixture('presets/my-gpu.json'));
    expect(plot.curves[0].flops).toBeCloseTo(7.2e20, -15);
  });

  it('--rule FILE and --loss FILE, and ids from LLM_PLAN_PRESETS', async () => {
    const byPath = await runCli(['plot', '--budget', '1e22flops', '--rule', fixture('presets/my-rule.json'), '--loss', fixture('sardana2023-loss.json'), '--json']);
    expect(byPath.code, byPath.stderr).toBe(0);
    const byId = await runCli(['plot', '--budget', '1e22flops', '--rule', 'twenty-at-1e20', '--json'], { env: { LLM_PLAN_PRESETS: fixture('presets') } });
    expect(byId.code, byId.stderr).toBe(0);
  });

  it('a bad preset file is an exit-2 error naming it, not an internal error', async () => {
    const result = await runCli(['plot', '--budget', '1e22flops', '--gpu', fixture('check/pass.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^llm-plan: error: .*check\/pass\.json: /);
  });
});

describe('fit: too few runs names the input', () => {
  it('a one-run file is an error naming the file (the core check cannot know the name)', async () => {
    const { createTempFiles } = await import('../helpers/run-with-stdin.js');
    const files = createTempFiles({ 'one.csv': 'params,tokens,loss\n1e8,1e9,3\n' });
    try {
      const result = await runCli(['fit', files.path('one.csv')]);
      expect(result).toEqual({
        code: 2,
        stdout: '',
        stderr: `llm-plan: error: ${files.path('one.csv')}: a fit needs at least 6 runs, got 1\nhint: the law has five parameters; give more runs (or drop fewer)\n`,
      });
    } finally {
      files.remove();
    }
  });
});

/**
 * Found probing long flag values: folding newlines with /\s*\n\s*\/g rescanned each run of spaces
 * from every position, so 100,000 spaces in a budget took 5 s to report (a million, minutes).
 */
describe('error lines from very long values', () => {
  it('a budget of 300,000 spaces and a letter is reported at once, on one line', async () => {
    const result = await runCli(['--budget', `${' '.repeat(300_000)}x`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^llm-plan: error: cannot read the budget '/);
    expect(result.stderr.split('\n')).toHaveLength(3);
  }, 3_000);
});
