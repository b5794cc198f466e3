import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relativeError, runCli } from '../helpers/cli.js';

async function planJson(argv: readonly string[]) {
  const result = await runCli([...argv, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('inverse queries (issue 4, done-when numbers)', () => {
  it('--params 70e9 --rule deepmind gives 1.4e12 tokens and 5.88e23 FLOPs', async () => {
    // Chinchilla: 6 · 70e9 · 1.4e12 = 5.88e23.
    const plan = await planJson(['--params', '70e9', '--rule', 'deepmind']);
    expect(relativeError(plan.compute.flops, 5.88e23)).toBeLessThan(1e-12);
    expect(relativeError(plan.plans[0].tokens, 1.4e12)).toBeLessThan(1e-12);
    expect(relativeError(plan.plans[0].params, 70e9)).toBeLessThan(1e-12);
    expect(plan.input).toMatchObject({ budget: null, params: 70e9, tokens: null, targetLoss: null });
  });

  it('--tokens 1.4e12 gives 70e9 parameters (default rule deepmind)', async () => {
    const plan = await planJson(['--tokens', '1.4e12']);
    expect(relativeError(plan.plans[0].params, 70e9)).toBeLessThan(1e-12);
    expect(plan.input).toMatchObject({ budget: null, params: null, tokens: 1.4e12 });
  });

  it('--tokens 2T reads the SI suffix', async () => {
    // D = 2e12 under deepmind (20 tokens per parameter): N = 1e11, C = 6 · 1e11 · 2e12 = 1.2e24.
    const plan = await planJson(['--tokens', '2T', '--rule', 'chinchilla']);
    expect(relativeError(plan.plans[0].params, 1e11)).toBeLessThan(1e-12);
    expect(relativeError(plan.compute.flops, 1.2e24)).toBeLessThan(1e-12);
  });

  it('--rule optimal --loss besiroglu2024 --budget 5.76e23flops gives 7.225e10 parameters', async () => {
    const plan = await planJson(['--rule', 'optimal', '--loss', 'besiroglu2024', '--budget', '5.76e23flops']);
    expect(relativeError(plan.plans[0].params, 7.225e10)).toBeLessThan(5e-3);
  });

  it('--params 7e9 --gpu v100 adds GPU-hours', async () => {
    // C = 5.88e23 / 100 = 5.88e21; V100 fp16 125 TFLOP/s × 0.40 = 5e13 FLOP/s; 5.88e21 / (5e13 · 3600) = 32,666.7 h.
    const plan = await planJson(['--params', '7e9', '--gpu', 'v100']);
    expect(relativeError(plan.compute.gpuHours, 32666.6667)).toBeLessThan(1e-6);
  });

  it('--params with --price adds the cost', async () => {
    const plan = await planJson(['--params', '7e9', '--gpu', 'v100', '--price', '2']);
    expect(relativeError(plan.compute.costUsd, 65333.333)).toBeLessThan(1e-6);
  });

  it.each([
    ['deepmind', '2.0'],
    ['openai', '2.2'],
    ['optimal', '2.1'],
  ])('--target-loss then --budget <printed FLOPs> gives the loss back to 1e-4 (%s)', async (rule, target) => {
    const forward = await planJson(['--target-loss', target, '--rule', rule]);
    expect(forward.input.targetLoss).toBe(Number(target));
    expect(Math.abs(forward.plans[0].loss.value - Number(target))).toBeLessThan(1e-9);
    // From the JSON number…
    const back = await planJson(['--budget', `${forward.compute.flops}flops`, '--rule', rule]);
    expect(Math.abs(back.plans[0].loss.value - Number(target))).toBeLessThan(1e-4);
    // …and from the FLOPs the table prints.
    const table = await runCli(['--target-loss', target, '--rule', rule]);
    const printed = /= ([\d.]+e\d+) FLOPs/.exec(table.stdout)?.[1];
    expect(printed).toBeDefined();
    const fromTable = await planJson(['--budget', `${printed}flops`, '--rule', rule]);
    expect(Math.abs(fromTable.plans[0].loss.value - Number(target))).toBeLessThan(1e-4);
  });

  it('prints the question on the compute line', async () => {
    // A wide terminal (COLUMNS), so the compute line is one line.
    const result = await runCli(['--params', '7e9', '--gpu', 'v100'], { env: { COLUMNS: '200' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Compute for 7.00B parameters (deepmind) = 32,667 GPU-hours = 5.88e21 FLOPs = 68.1 PF-days');
    expect(result.stdout).toMatch(/deepmind\s+7\.00B\s+140B\s+20\.0/);
  });

  it.each([
    [['--gpu', 'v100'], /nothing to plan/],
    [['--budget', '1e21flops', '--params', '7e9'], /only one of .* got --budget and --params/],
    [['--tokens', '1T', '--target-loss', '2'], /got --tokens and --target-loss/],
    [['--params', 'seven'], /--params 'seven' is not a number/],
    [['--params', '0'], /--params must be positive/],
    [['--tokens', '-5'], /--tokens must be positive, got '-5'/],
    [['--target-loss', '1.6'], /irreducible loss 1\.69/],
    [['--target-loss', '1.8', '--loss', 'besiroglu2024'], /irreducible loss 1\.8172/],
    [['--target-loss', 'low'], /--target-loss must be a positive loss/],
    [['--params', '7e9', '--rule', 'all'], /one rule at a time/],
    [['--params', '7e9', '--price', '2'], /--price needs --gpu/],
    [['--budget', '1e3gpuh..1e6gpuh'], /is a range/],
  ])('exits 2 with one error line for %j', async (argv, message) => {
    const result = await runCli(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^llm-plan: error: .*\nhint: .*\n$/);
    expect(result.stderr).toMatch(message);
  });
});

describe('--baseline', () => {
  it('anchors openai at the user\'s run, keeping the exponent', async () => {
    // Baseline 1e9 params on 2e10 tokens: C0 = 1.2e20. At 1.2e22 (two decades up) N = 1e9 · 5.5² = 3.025e10.
    const plan = await planJson(['--budget', '1.2e22flops', '--baseline', '1e9:2e10', '--rule', 'openai']);
    expect(relativeError(plan.plans[0].params, 3.025e10)).toBeLessThan(1e-12);
    expect(plan.plans[0].anchor).toEqual({ params: 1e9, tokens: 2e10, flops: 1.2e20, source: 'baseline' });
    expect(plan.input.baseline).toBe('1e9:2e10');
  });

  it('gives back the baseline run at the baseline compute, SI suffixes allowed', async () => {
    const plan = await planJson(['--budget', '1.2e20flops', '--baseline', '1B:20B']);
    expect(relativeError(plan.plans[0].params, 1e9)).toBeLessThan(1e-12);
    expect(relativeError(plan.plans[0].tokens, 2e10)).toBeLessThan(1e-12);
  });

  it('composes with --params', async () => {
    // deepmind (a = 0.5) through 1e9 params at 1.2e20: 4e9 params needs (4)² · 1.2e20 = 1.92e21.
    const plan = await planJson(['--params', '4e9', '--baseline', '1B:20B']);
    expect(relativeError(plan.compute.flops, 1.92e21)).toBeLessThan(1e-12);
  });

  it('shows the published anchor of a power-law rule without --baseline, and none for optimal', async () => {
    const plan = await planJson(['--budget', '1e21flops', '--rule', 'all']);
    const byRule = Object.fromEntries(plan.plans.map((row: { rule: string }) => [row.rule, row]));
    expect(byRule.deepmind.anchor).toEqual({ params: 70e9, tokens: 1.4e12, flops: 5.88e23, source: 'published' });
    expect(byRule.openai.anchor.source).toBe('published');
    expect(byRule.optimal.anchor).toBeUndefined();
  });

  it('re-anchors the power-law rules of --rule all and says optimal stays', async () => {
    const plan = await planJson(['--budget', '1.2e20flops', '--baseline', '1B:20B', '--rule', 'all']);
    const byRule = Object.fromEntries(plan.plans.map((row: { rule: string }) => [row.rule, row]));
    expect(relativeError(byRule.openai.params, 1e9)).toBeLessThan(1e-12);
    expect(relativeError(byRule.deepmind.params, 1e9)).toBeLessThan(1e-12);
    expect(plan.notes.join('\n')).toMatch(/does not move it/);
  });

  it('shows the anchor in the table', async () => {
    const result = await runCli(['--budget', '1e22flops', '--baseline', '1e9:2e10', '--rule', 'openai']);
    expect(result.stdout).toContain('openai anchored at your run: 1.00B parameters on 20.0B tokens (1.20e20 FLOPs), exponent a = 0.740');
  });

  it.each([
    [['--budget', '1e22flops', '--baseline', '1e9:2e10', '--rule', 'optimal'], /optimal has no anchor/],
    [['--budget', '1e22flops', '--baseline', '1e9'], /cannot read --baseline/],
    [['--budget', '1e22flops', '--baseline', '1e9:x'], /--baseline tokens 'x' is not a number/],
  ])('exits 2 for %j', async (argv, message) => {
    const result = await runCli(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/\nhint: /);
  });
});

describe('--loss all', () => {
  it('scores the allocation under every loss model, keeping plans[].loss the primary', async () => {
    const plan = await planJson(['--budget', '5000gpuh', '--gpu', 'v100', '--loss', 'all']);
    const [row] = plan.plans;
    expect(plan.input.loss).toBe('all');
    expect(row.loss.model).toBe('hoffmann2022');
    expect(row.losses.map((entry: { model: string }) => entry.model)).toEqual(['hoffmann2022', 'hoffmann2022-unrounded', 'besiroglu2024', 'kaplan2020']);
    // Issue-2 reference values at N = 2.739e9, D = 5.477e10: hoffmann2022 2.3456; besiroglu2024 by hand:
    // 1.8172 + 482.01/2.739e9^0.3478 + 2085.43/5.477e10^0.3658 = 1.8172 + 0.2528 + 0.2447 = 2.3147.
    expect(relativeError(row.losses[0].value, 2.3456)).toBeLessThan(1e-3);
    expect(relativeError(row.losses[2].value, 2.3147)).toBeLessThan(1e-3);
    expect(row.losses[0].value).toBe(row.loss.value);
  });

  it('prints one loss column per model', async () => {
    const result = await runCli(['--budget', '5000gpuh', '--gpu', 'v100', '--loss', 'all'], { env: { COLUMNS: '200' } });
    expect(result.stdout).toMatch(/rule\s+parameters\s+tokens\s+tokens\/param\s+hoffmann2022\*\s+hoffmann2022-unrounded\s+besiroglu2024\s+kaplan2020/);
    expect(result.stdout).toMatch(/deepmind\s+2\.74B\s+54\.8B\s+20\.0\s+2\.346\s+\d\.\d{3}\s+2\.315\s+\d\.\d{3}/);
  });

  it('suggests all among the loss models for a typo', async () => {
    const result = await runCli(['--budget', '1e21flops', '--loss', 'al']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/did you mean 'all'/);
  });
});

describe('--range', () => {
  it('adds plans[].range around the point with the published variants', async () => {
    const plan = await planJson(['--budget', '5000gpuh', '--gpu', 'v100', '--range']);
    const [row] = plan.plans;
    const { range } = row;
    expect(range.basis).toBe('published');
    expect(range.variants.map((variant: { id: string }) => variant.id)).toEqual(['chinchilla-1', 'chinchilla-2', 'chinchilla-3', 'besiroglu2024']);
    for (const key of ['params', 'tokens'] as const) {
      expect(range[key][0]).toBeLessThanOrEqual(row[key]);
      expect(range[key][1]).toBeGreaterThanOrEqual(row[key]);
    }
    // Approach 3, unrounded, at C = 9e20 (by hand, logs): G = 1.30001, (C/6)^0.456526 = e^(46.4571 · 0.456526) = 1.62513e9,
    // N = 2.1127e9, the smallest; the largest is the plan itself, 70e9 · (9e20/5.88e23)^0.5 = 2.7386e9.
    expect(relativeError(range.params[0], 2.1127e9)).toBeLessThan(2e-3);
    expect(relativeError(range.params[1], 2.7386e9)).toBeLessThan(1e-4);
  });

  it('prints the range with its variants', async () => {
    const result = await runCli(['--budget', '5000gpuh', '--gpu', 'v100', '--range']);
    expect(result.stdout).toMatch(/Range of deepmind across published variants: parameters 2\.11B – 2\.74B/);
    expect(result.stdout).toContain('Chinchilla approach 3 (fit, unrounded)');
  });
});

describe('round trips through the CLI (fast-check)', () => {
  it('--budget C → params → --params N → the same C; → tokens → --tokens D → the same C', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 18, max: 26, noNaN: true }), fc.constantFrom('deepmind', 'openai', 'optimal'), async (log10Flops, rule) => {
        const flops = 10 ** log10Flops;
        const plan = await planJson(['--budget', `${flops}flops`, '--rule', rule]);
        const fromParams = await planJson(['--params', String(plan.plans[0].params), '--rule', rule]);
        const fromTokens = await planJson(['--tokens', String(plan.plans[0].tokens), '--rule', rule]);
        expect(relativeError(fromParams.compute.flops, flops)).toBeLessThan(1e-9);
        expect(relativeError(fromTokens.compute.flops, flops)).toBeLessThan(1e-9);
        expect(relativeError(fromParams.plans[0].tokens, plan.plans[0].tokens)).toBeLessThan(1e-9);
      }),
      { seed: 42, numRuns: 25 },
    );
  });
});

describe('typed sizes come back exactly (issue 11)', () => {
  it('--params 7B → params 7000000000 exactly; tokens = 20 × 7e9 under deepmind (by hand: 1.4e11)', async () => {
    const plan = JSON.parse((await runCli(['--params', '7B', '--json'])).stdout);
    expect(plan.input.params).toBe(7_000_000_000);
    expect(plan.plans[0].params).toBe(7_000_000_000);
    expect(Math.abs(plan.plans[0].tokens / 1.4e11 - 1)).toBeLessThan(1e-12);
    expect(Math.abs(plan.plans[0].flops / (6 * 7e9 * 1.4e11) - 1)).toBeLessThan(1e-12);
  });

  it('--tokens 2T → tokens 2000000000000 exactly; params = 2e12 / 20 = 1e11', async () => {
    const plan = JSON.parse((await runCli(['--tokens', '2T', '--json'])).stdout);
    expect(plan.plans[0].tokens).toBe(2_000_000_000_000);
    expect(Math.abs(plan.plans[0].params / 1e11 - 1)).toBeLessThan(1e-12);
  });

  it('the compute line keeps three significant figures and writes the target loss as typed to 3 decimals', async () => {
    const tokens = await runCli(['--tokens', '2T'], { env: { COLUMNS: '200' } });
    // 6 × 1e11 × 2e12 = 1.2e24 FLOPs = 1.2e24 / 8.64e19 = 13,888.9 PF-days
    expect(tokens.stdout).toContain('= 1.20e24 FLOPs = 13,889 PF-days');
    const loss = await runCli(['--target-loss', '2.0'], { env: { COLUMNS: '200' } });
    expect(loss.stdout).toContain('Compute for loss 2.000 (deepmind, hoffmann2022)');
  });
});
