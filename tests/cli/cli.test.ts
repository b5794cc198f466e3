import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const ONE_ERROR = /^llm-plan: error: [^\n]+\n(hint: [^\n]+\n)?$/;

describe('bad input: exit 2, one error line and a hint, nothing on stdout', () => {
  it.each([
    [['--budget', '5000'], /has no unit/],
    [['--budget', '5000gpuh'], /needs --gpu/],
    [['--budget', '$50k', '--gpu', 'h100'], /needs --price/],
    [['--budget', '0flops'], /positive/],
    [['--budget', '-1e22flops'], /positive/],
    [['--budget', 'lots'], /cannot read/],
    [['--budget', '5000gpuh', '--gpu', 'h10'], /unknown GPU 'h10' \(did you mean 'h100'\?\)/],
    [['--budget', '5000gpuh', '--gpu', 'v100', '--precision', 'bf16'], /has no bf16/],
    [['--budget', '5000gpuh', '--gpu', 'v100', '--mfu', '0'], /--mfu must be in \(0, 1\]/],
    [['--budget', '5000gpuh', '--gpu', 'v100', '--mfu', '1.2'], /--mfu must be in \(0, 1\]/],
    [['--budget', '1e22flops', '--mfu', '0.5'], /--mfu needs --gpu/],
    [['--budget', '1e22flops', '--precision', 'fp8'], /--precision needs --gpu/],
    [['--budget', '1e22flops', '--rule', 'chinchila'], /unknown rule 'chinchila' \(did you mean 'chinchilla'\?\)/],
    [['--budget', '1e22flops', '--loss', 'hoffman2022'], /unknown loss model .*did you mean 'hoffmann2022'/],
    [['--budget', '1e22flops', '--price', 'free', '--gpu', 'h100'], /--price must be a positive number/],
    [['--bugdet', '5gpuh'], /unknown option '--bugdet'/],
    [['--budget'], /argument missing/],
    [['--gpu', 'v100'], /nothing to plan/],
    [['plna'], /unknown command 'plna'/],
    [['gpu'], /unknown command 'gpu' \(did you mean 'gpus'\?\)/],
    [['gpus', '--budget', '5gpuh'], /unknown option '--budget'/],
  ])('%j', async (argv, pattern) => {
    const result = await runCli(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(ONE_ERROR);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr).toContain('hint: ');
  });
});

describe('output and flags', () => {
  it('--help starts with examples and lists every flag and the exit codes', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('Examples:')).toBe(true);
    for (const flag of ['--budget', '--gpu', '--precision', '--mfu', '--rule', '--loss', '--price', '--json', '--no-color', '--version']) {
      expect(result.stdout).toContain(flag);
    }
    expect(result.stdout).toMatch(/Exit codes: 0 [\s\S]* 2 [\s\S]*\s70 /);
  });

  it('--version prints the package version', async () => {
    const result = await runCli(['--version']);
    expect(result).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });

  it('--rule all gives one row per rule, all scored by besiroglu2024', async () => {
    const plan = JSON.parse((await runCli(['--budget', '2e23flops', '--rule', 'all', '--json'])).stdout);
    expect(plan.plans.map((row: { rule: string }) => row.rule)).toEqual(['openai', 'deepmind', 'chinchilla-1', 'chinchilla-2', 'chinchilla-3', 'llama3', 'deepseek', 'optimal']);
    expect(new Set(plan.plans.map((row: { loss: { model: string } }) => row.loss.model))).toEqual(new Set(['besiroglu2024']));
    expect(plan.hardware).toBeNull();
    expect(plan.compute.gpuHours).toBeUndefined();
    // 2e23 / 8.64e19 = 2314.8 PF-days
    expect(plan.compute.pfDays).toBeCloseTo(2314.81, 2);
  });

  it('--budget 10pfd plans 8.64e20 FLOPs without a GPU', async () => {
    const result = await runCli(['--budget', '10pfd']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('8.64e20 FLOPs');
    expect(result.stdout).not.toContain('MFU');
  });

  it("--budget '$50k' --price 2.1 --gpu h100 --mfu 0.45 echoes the input and the cost", async () => {
    const plan = JSON.parse((await runCli(['--budget', '$50k', '--price', '2.1', '--gpu', 'h100', '--mfu', '0.45', '--json'])).stdout);
    expect(plan.input).toEqual({
      budget: '$50k', gpu: 'h100', precision: null, mfu: 0.45, rule: 'deepmind', loss: null, price: 2.1,
      // Issue 4: the inverse queries and --baseline, null when not given.
      params: null, tokens: null, targetLoss: null, baseline: null,
    });
    expect(plan.hardware).toMatchObject({ id: 'h100-sxm5', precision: 'bf16', peakFlops: 989.5e12, mfu: 0.45 });
    // 50000 / 2.1 × 3600 × 989.5e12 × 0.45 = 3.816643e22
    expect(plan.compute.flops / 3.816642857e22).toBeCloseTo(1, 9);
    expect(plan.compute.costUsd).toBeCloseTo(50000, 6);
  });

  it('--loss overrides the rule default', async () => {
    const plan = JSON.parse((await runCli(['--budget', '5000gpuh', '--gpu', 'v100', '--loss', 'besiroglu2024', '--json'])).stdout);
    expect(plan.plans[0].loss.model).toBe('besiroglu2024');
  });

  it('colour: off when piped, on with FORCE_COLOR, off again with NO_COLOR or --no-color', async () => {
    const argv = ['--budget', '5000gpuh', '--gpu', 'v100'];
    const esc = '\u001b[';
    expect((await runCli(argv)).stdout).not.toContain(esc);
    expect((await runCli(argv, { isTTY: true })).stdout).toContain(esc);
    expect((await runCli(argv, { env: { FORCE_COLOR: '1' } })).stdout).toContain(esc);
    expect((await runCli(argv, { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(esc);
    expect((await runCli(argv, { isTTY: true, env: { TERM: 'dumb' } })).stdout).not.toContain(esc);
    expect((await runCli([...argv, '--no-color'], { isTTY: true })).stdout).not.toContain(esc);
    expect((await runCli([...argv, '--json'], { isTTY: true })).stdout).not.toContain(esc);
  });

  it('gpus lists every accelerator with its source; --json gives the presets', async () => {
    const table = await runCli(['gpus', '--wide']);
    expect(table.code).toBe(0);
    for (const id of ['v100-sxm2-32gb', 'h100-sxm5', 'tpu-v5p', 'mi300x']) expect(table.stdout).toContain(id);
    expect(table.stdout).toContain('nvidia.com');
    const json = JSON.parse((await runCli(['gpus', '--json'])).stdout);
    expect(json.schema).toBe('llm-plan/presets@1');
    expect(json.accelerators.length).toBeGreaterThanOrEqual(25);
  });

  it('rules lists the rules with per-10× growth and the loss models with sources', async () => {
    const result = await runCli(['rules'], { columns: 200 });
    expect(result.code).toBe(0);
    // openai: ×5.5 params, ×10/5.5 = ×1.82 tokens; deepmind ×√10 = ×3.16 both
    expect(result.stdout).toMatch(/openai.*×5\.50\s+×1\.82/);
    expect(result.stdout).toMatch(/deepmind.*×3\.16\s+×3\.16/);
    for (const id of ['hoffmann2022', 'besiroglu2024', 'kaplan2020', 'arXiv:2203.15556', 'arXiv:2001.08361', 'arXiv:2404.10102']) {
      expect(result.stdout).toContain(id);
    }
  });

  it('enormous and tiny budgets plan sensibly or refuse with a reason', async () => {
    const huge = await runCli(['--budget', '1e40flops', '--rule', 'all', '--json']);
    expect(huge.code).toBe(0);
    expect(JSON.parse(huge.stdout).notes.join(' ')).toMatch(/extrapolation/);
    // one H100 GPU-second: 1/3600 GPU-hours × 3600 × 989.5e12 × 0.4 = 3.958e14 FLOPs;
    // deepmind: 70e9 · (3.958e14 / 5.88e23)^0.5 = 1.816e6 parameters
    const second = JSON.parse((await runCli(['--budget', `${1 / 3600}gpuh`, '--gpu', 'h100', '--json'])).stdout);
    expect(second.plans[0].params / 1.816e6).toBeCloseTo(1, 3);
    const tiny = await runCli(['--budget', '1flops', '--rule', 'openai']);
    expect(tiny.code).toBe(2);
    expect(tiny.stderr).toMatch(/too small to plan under openai/);
    const beyond = await runCli(['--budget', '1e300flops', '--rule', 'openai']);
    expect(beyond.code).toBe(0);
  });

  it('an internal error exits 70 and says how to report it', async () => {
    const { describeError, exitCodeFor } = await import('../../src/cli/exit-code.js');
    const bug = new TypeError('x is undefined');
    expect(exitCodeFor(bug)).toBe(70);
    expect(describeError(bug, false)).toMatch(/^llm-plan: internal error: x is undefined\nhint: this is a bug in llm-plan; please report it/);
    expect(describeError(bug, false)).not.toContain('at ');
    expect(describeError(bug, true)).toContain('TypeError: x is undefined\n    at ');
  });
});

describe('error lines stay readable', () => {
  it('cuts a pasted megabyte down to one bounded line', async () => {
    const huge = `${'9'.repeat(200_000)}x gpuh`;
    const result = await runCli(['--budget', huge, '--gpu', 'v100']);
    expect(result.code).toBe(2);
    const [errorLine = '', hintLine = ''] = result.stderr.split('\n');
    expect(errorLine.startsWith('llm-plan: error: ')).toBe(true);
    expect(errorLine.length).toBeLessThanOrEqual(1000 + 'llm-plan: error: '.length);
    expect(errorLine).toMatch(/… \(\d+ more characters\)$/);
    expect(hintLine.startsWith('hint: ')).toBe(true);
  });
});

describe('help (issue 11)', () => {
  it('bare llm-plan prints the concise help: examples, then commands; exit 0', async () => {
    const result = await runCli([]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.indexOf('Examples:')).toBeLessThan(result.stdout.indexOf('Commands:'));
    for (const name of ['plan', 'gpus', 'rules', 'sweep', 'check', 'plot', 'schema', 'completion', 'fit']) expect(result.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('llm-plan help is --help; help <command> is <command> --help', async () => {
    expect(await runCli(['help'])).toEqual(await runCli(['--help']));
    expect(await runCli(['help', 'plan'])).toEqual(await runCli(['--help']));
    expect(await runCli(['help', 'sweep'])).toEqual(await runCli(['sweep', '--help']));
    const unknown = await runCli(['help', 'swep']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^llm-plan: error: no help for 'swep': it is not a command\nhint: commands: plan, gpus/);
  });

  it('plan names the default command', async () => {
    expect(await runCli(['plan', '--budget', '1e22flops', '--json'])).toEqual(await runCli(['--budget', '1e22flops', '--json']));
  });

  it('every command help starts with examples; defaults print without quotes', async () => {
    for (const name of ['gpus', 'rules', 'sweep', 'check', 'plot', 'schema', 'completion', 'fit']) {
      const help = await runCli([name, '--help']);
      expect(help.stdout.startsWith('Examples:\n  '), name).toBe(true);
      expect(help.stdout, name).not.toMatch(/default: "/);
      expect(help.stdout, name).not.toMatch(/choices: "/);
    }
    expect((await runCli(['sweep', '--help'])).stdout).toMatch(/\(default: 7\)/);
    expect((await runCli(['--help'])).stdout).toMatch(/choices: 0, 1, 2, 3/);
  });
});
