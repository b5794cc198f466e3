import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, relativeError } from '../helpers/cli.js';
import { ONE_ERROR, assertWellBehaved } from '../fuzz/well-behaved.js';

/**
 * Issue 8 §2: enormous (1e40 FLOPs) and tiny (one GPU-second, one FLOP, 1e-300 FLOPs) budgets, in
 * every command that takes a budget, either plan sensibly or refuse with a reason. "Sensibly":
 * a valid document, at least one parameter and one token, C = 6·N·D, finite losses.
 */
const RULES = ['deepmind', 'openai', 'optimal', 'all'];
const LOSSES = [[], ['--loss', 'all']];
// One GPU-second on an H100 SXM5: 0.000277778 h × 3600 s/h × 989.5e12 FLOP/s (bf16 dense, NVIDIA
// datasheet) × 0.40 MFU = 1.0000008 s × 3.958e14 FLOP/s = 3.958003e14 FLOPs.
const GPU_SECOND_FLOPS = 0.000277778 * 3600 * 989.5e12 * 0.4;

describe('plan at the edges of the float range', () => {
  const cases = RULES.flatMap((rule) => LOSSES.map((loss) => [rule, loss] as const));

  it.each(cases)('1e40 FLOPs under %s %j plans, every number finite', async (rule, loss) => {
    const argv = ['--budget', '1e40flops', '--rule', rule, ...loss, '--json'];
    const result = await runCli(argv);
    assertWellBehaved(result, argv, 'json');
    expect(result.code, result.stderr).toBe(0);
    const plan = JSON.parse(result.stdout);
    for (const row of plan.plans) {
      expect(row.params).toBeGreaterThanOrEqual(1);
      expect(row.tokens).toBeGreaterThanOrEqual(1);
    }
    // Far outside every fit: the notes must say so (the numbers alone would mislead).
    expect(plan.notes.join(' ')).toMatch(/extrapolat|outside/i);
  });

  it('1e40 FLOPs under deepmind gives N = √(C/120) (20 tokens per parameter: C = 6·N·20N)', async () => {
    const plan = JSON.parse((await runCli(['--budget', '1e40flops', '--json'])).stdout);
    expect(relativeError(plan.plans[0].params, Math.sqrt(1e40 / 120))).toBeLessThan(1e-9);
  });

  it.each(cases)('one GPU-second on an H100 under %s %j plans a small model', async (rule, loss) => {
    const argv = ['--budget', '0.000277778gpuh', '--gpu', 'h100', '--rule', rule, ...loss, '--json'];
    const result = await runCli(argv);
    assertWellBehaved(result, argv, 'json');
    expect(result.code, result.stderr).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(relativeError(plan.compute.flops, GPU_SECOND_FLOPS)).toBeLessThan(1e-12);
    if (rule === 'deepmind') expect(relativeError(plan.plans[0].params, Math.sqrt(GPU_SECOND_FLOPS / 120))).toBeLessThan(1e-9);
  });

  it.each(RULES.flatMap((rule) => ['1flops', '1e-300flops'].map((budget) => [budget, rule] as const)))(
    '%s under %s is refused as too small, with a reason',
    async (budget, rule) => {
      const result = await runCli(['--budget', budget, '--rule', rule, '--json']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(ONE_ERROR);
      // Regression: 1e-300 FLOPs underflows N to 0 under deepmind and was called "too large".
      expect(result.stderr).toMatch(/^llm-plan: error: a budget of .* FLOPs is too small to plan under \w+\nhint: it buys /);
    },
  );
});

describe('sweep, plot, check and fit at the same edges', () => {
  it.each([
    [['--budget', '1e40flops'], 0],
    [['--budget', '0.000277778gpuh', '--gpu', 'h100'], 0],
    [['--budget', '1e20flops..1e40flops', '--frontier'], 0],
    [['--budget', '1flops'], 2],
    [['--budget', '1e-300flops'], 2],
    [['--budget', '1flops..1e40flops', '--frontier'], 2],
  ] as const)('plot %j exits %i, as JSON, SVG and terminal text', async (budget, code) => {
    for (const output of [['--json'], ['--svg', '-'], []]) {
      const argv = ['plot', ...budget, ...output];
      const result = await runCli(argv);
      assertWellBehaved(result, argv, output[0] === '--json' ? 'json' : 'text');
      expect(result.code, result.stderr).toBe(code);
      if (code === 2) expect(result.stderr).toMatch(/too small to plan/);
    }
  });

  it.each([
    [['--budget', '1e39flops..1e40flops'], 0],
    [['--budget', '0.000277778gpuh..1gpuh', '--gpu', 'h100'], 0],
    [['--budget', '1flops..1e3flops'], 2],
    [['--budget', '1e-300flops..1e20flops'], 2],
  ] as const)('sweep %j --rule all exits %i, cleanly', async (range, code) => {
    for (const format of ['json', 'ndjson', 'csv', 'table']) {
      const argv = ['sweep', ...range, '--steps', '3', '--rule', 'all', '--format', format];
      const result = await runCli(argv);
      assertWellBehaved(result, argv, format === 'json' ? 'json' : format === 'ndjson' ? 'ndjson' : 'text');
      expect(result.code, result.stderr).toBe(code);
      if (code === 2) expect(result.stderr).toMatch(/too small to plan/);
    }
  });

  const dir = mkdtempSync(join(tmpdir(), 'llm-plan-edges-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('check: a config with a 1e40-FLOP budget and one with one GPU-second give a report, not a crash', async () => {
    const path = join(dir, 'edges.json');
    writeFileSync(path, JSON.stringify([
      { name: 'huge', params: 9.1e18, tokens: 1.8e20, budget: '1e40flops' },
      { name: 'tiny', params: 1.8e6, tokens: 3.6e7, budget: '0.000277778gpuh', gpu: 'h100' },
      { name: 'one-flop', params: 1, tokens: 1, budget: '1flops' },
    ]));
    const argv = ['check', path, '--json'];
    const result = await runCli(argv);
    assertWellBehaved(result, argv, 'json', true);
    // Every config is judged; only one-flop fails. huge: 6 · 9.1e18 · 1.8e20 = 9.83e39 ≤ 1e40 at 19.8 tokens
    // per parameter (Chinchilla's 20 within ±25%). tiny: 0.000277778 h × 3600 × 989.5e12 (H100 bf16) × 0.40
    // = 3.96e14 ≥ 6 · 1.8e6 · 3.6e7 = 3.89e14 at 20 tokens/param. one-flop: 6 · 1 · 1 = 6 FLOPs > 1, and
    // 1 token per parameter is not 20.
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { results: Array<{ name: string; violations: Array<{ code: string }> }> };
    expect(report.results.map(({ name, violations }) => [name, violations.map(({ code }) => code)])).toEqual([
      ['huge', []],
      ['tiny', []],
      ['one-flop', ['over-budget', 'off-optimum']],
    ]);
  });

  // The runs follow L = 2 + 400/N^0.34 + 400/D^0.28: N_opt = G·(C/6)^(0.28/0.62) with G = (0.34/0.28)^(1/0.62)
  // = 1.368 (Hoffmann Eq. 4) is 7.065e17 parameters at 1e40 FLOPs, but under one parameter at 1 FLOP.
  it.each([
    ['1e40flops', 0, undefined],
    ['1flops', 2, /--budgets 1flops is too small to plan under the fitted law/],
    ['1e-300flops', 2, /--budgets 1e-300flops is too small to plan under the fitted law/],
  ] as const)('fit --budgets %s exits %i', async (budgets, code, message) => {
    const path = join(dir, 'runs.csv');
    const rows = [[1e7, 1e9], [1e8, 1e9], [1e8, 1e10], [1e9, 1e10], [1e9, 1e11], [1e7, 1e11]];
    // Losses of L = 2 + 400/N^0.34 + 400/D^0.28, so the fit has a law to find.
    writeFileSync(path, `params,tokens,loss\n${rows.map(([n, d]) => `${n},${d},${2 + 400 / (n as number) ** 0.34 + 400 / (d as number) ** 0.28}`).join('\n')}\n`);
    const argv = ['fit', path, '--budgets', budgets, '--json'];
    const result = await runCli(argv);
    assertWellBehaved(result, argv, 'json');
    expect(result.code).toBe(code);
    if (message) expect(result.stderr).toMatch(message);
    else {
      // The losses are exact, so the fit recovers the law and its optimum (to well within 1%).
      const [row] = JSON.parse(result.stdout).fit.optimal;
      expect(Math.abs(row.params / 7.065e17 - 1)).toBeLessThan(0.01);
    }
  }, 20_000);
});
