import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, spawnCli } from '../helpers/cli.js';
import { createTempFiles, runCliWithStdin } from '../helpers/run-with-stdin.js';

const fixture = (name: string): string => `${ROOT}tests/fixtures/check/${name}`;

// Files for the error cases, written once.
const files = createTempFiles({
  'typo.yaml': 'configs:\n  - name: a\n    params: 1B\n    tokenz: 20B\n',
  'both.yaml': '- name: both\n  params: 1B\n  tokens: 20B\n  flops: 1.2e20\n',
  'neither.yaml': 'name: lonely\nparams: 1B\n',
  'gpu.yaml': 'name: g\nparams: 1B\ntokens: 20B\nbudget: 5000gpuh\ngpu: h10\n',
  'nobudget.yaml': 'name: g\nparams: 1B\ntokens: 20B\ngpu: h100\n',
  'broken.yaml': 'configs: [\n',
  'broken.json': '{"params": 1',
  'scalar.yaml': '42\n',
  'empty.yaml': 'configs: []\n',
  'proto.yaml': 'name: p\nparams: 1B\ntokens: 20B\n__proto__:\n  polluted: true\n',
  'path.yaml': 'name: p\nparams: 1B\ntokens: 20B\nbudget: 10gpuh\ngpu: ./my-gpu.json\n',
  'zero.yaml': 'params: 0\ntokens: 20B\n',
  'rule.yaml': 'name: r\nparams: 1B\ntokens: 20B\nrule: all\n',
  'maxday.yaml': 'name: d\nparams: 1B\ntokens: 20B\ngpu: h100\ngpus: 8\nmaxDay: 3\n',
  'nogpus.yaml': 'name: d\nparams: 1B\ntokens: 20B\ngpu: h100\nmaxDays: 3\n',
  'noprice.yaml': 'name: c\nparams: 1B\ntokens: 20B\ngpu: h100\nmaxCost: 1000\n',
  'gpus.yaml': 'name: g\nparams: 1B\ntokens: 20B\ngpus: 8\n',
  'halfgpu.yaml': 'name: g\nparams: 1B\ntokens: 20B\ngpu: h100\ngpus: 0.5\nmaxDays: 3\n',
  // See tests/core/check.test.ts: 6000 V100-hours at MFU 0.4, 2.5 days on 100 GPUs, $12,000 at $2/h.
  'time.yaml': 'name: t\nparams: 3B\ntokens: 60B\ngpu: v100\ngpus: 100\nprice: 2\nmaxDays: 2\nmaxCost: 10000\ntolerance: 10\n',
  // 3e9 × 6e10 × 6 = 1.08e21 FLOPs vs 5000 V100-hours: 5000 × 3600 × 125e12 × 0.4 = 9e20 (20% over);
  // at MFU 0.5 the budget is 1.125e21 and the config fits.
  'budget.yaml': [
    '- {name: v100-40, params: 3B, tokens: 60B, budget: 5000gpuh, gpu: v100, tolerance: 10}',
    '- {name: v100-50, params: 3B, tokens: 60B, budget: 5000gpuh, gpu: v100, mfu: 0.5, tolerance: 10}',
    '',
  ].join('\n'),
});
afterAll(() => files.remove());

describe('llm-plan check', () => {
  it('exits 1 for 70B on 100B tokens with a readable reason, and names the passing config', async () => {
    const result = await runCli(['check', fixture('plans.yaml')], { env: { COLUMNS: '300' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^FAIL llama-70b-short .*\n {2}off-optimum: 70\.0B params on 100B tokens \(1\.43 tokens\/param\) is 3\.74× the deepmind optimum/m);
    expect(result.stdout).toMatch(/^PASS chinchilla /m);
    expect(result.stdout).toContain('1 of 2 configs failed');
    expect(result.stdout).not.toContain('::error');
  });

  it('exits 0 when every config passes (JSON file, tokens from flops)', async () => {
    const result = await runCli(['check', fixture('pass.json'), '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ schema: 'llm-plan/check@1', passed: true, summary: { configs: 2, passed: 2, failed: 0 } });
    // tokens = flops / (6 × params) = 1.2e20 / 6e9 = 2e10.
    expect(report.results[1].tokens).toBeCloseTo(2e10, -1);
  });

  it('prints the check@1 document with --json and still exits 1', async () => {
    const result = await runCli(['check', fixture('plans.yaml'), '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.results.map((entry: { name: string; passed: boolean }) => [entry.name, entry.passed])).toEqual([
      ['llama-70b-short', false],
      ['chinchilla', true],
    ]);
    expect(report.results[0].violations[0].code).toBe('off-optimum');
  });

  it('reads the file from stdin with -', async () => {
    const result = await runCliWithStdin(['check', '-', '--json'], readFileSync(fixture('plans.yaml'), 'utf8'));
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).file).toBe('-');
  });

  it('adds GitHub Actions annotations under GITHUB_ACTIONS=true', async () => {
    const result = await runCli(['check', fixture('plans.yaml')], { env: { GITHUB_ACTIONS: 'true' } });
    // llama-70b-short is lines 3–6 of the fixture, its first key at column 5 (after "  - ").
    const at = `file=${fixture('plans.yaml')},line=3,endLine=6,col=5,title=llama-70b-short%3A off-optimum`;
    expect(result.stdout).toMatch(new RegExp(`^::error ${at.replaceAll('.', '\\.')}::70\\.0B params on 100B tokens .*±25%25$`, 'm'));
    expect(result.stdout.match(/::error/g)).toHaveLength(1);
    // With --json, stdout stays one JSON document and the annotations go to stderr.
    const json = await runCli(['check', fixture('plans.yaml'), '--json'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    expect(json.stderr.startsWith(`::error ${at}::70.0B params`)).toBe(true);
  });

  it('resolves a budget with gpu and mfu through the plan code', async () => {
    const report = JSON.parse((await runCli(['check', files.path('budget.yaml'), '--json'])).stdout);
    expect(report.results[0].budgetFlops).toBeCloseTo(9e20, -8);
    expect(report.results[0].violations.map((violation: { code: string }) => violation.code)).toEqual(['over-budget']);
    expect(report.results[1].budgetFlops).toBeCloseTo(1.125e21, -8);
    expect(report.results[1].passed).toBe(true);
  });

  it('checks maxDays and maxCost on the config\'s GPUs', async () => {
    const result = await runCli(['check', files.path('time.yaml'), '--json']);
    expect(result.code).toBe(1);
    const [config] = JSON.parse(result.stdout).results;
    expect(config.days).toBeCloseTo(2.5, 12);
    expect(config.costUsd).toBeCloseTo(12_000, 6);
    expect(config.violations.map((violation: { code: string }) => violation.code)).toEqual(['days-above-max', 'cost-above-max']);
  });

  it.each([
    ['bad-tokens.yaml', /bad-tokens\.yaml: configs\[1\] \(llama-70b\)\.tokens: expected a number or a string like 1\.4T$/m, true],
    ['typo.yaml', /typo\.yaml: configs\[0\] \(a\): unknown field 'tokenz' \(did you mean 'tokens'\?\)/, false],
    ['both.yaml', /both\.yaml: configs\[0\] \(both\): give tokens or flops, not both/, false],
    ['neither.yaml', /neither\.yaml: config \(lonely\): give tokens \(or flops\) as well as params/, false],
    ['gpu.yaml', /gpu\.yaml: config \(g\)\.gpu: unknown GPU 'h10' \(did you mean 'h100'\?\)/, false],
    ['nobudget.yaml', /nobudget\.yaml: config \(g\)\.gpu: only used to turn a budget into FLOPs/, false],
    ['broken.yaml', /broken\.yaml: not valid YAML/, false],
    ['broken.json', /broken\.json: not valid JSON/, false],
    ['scalar.yaml', /scalar\.yaml: expected a config, a list of configs, or configs: \[\.\.\.\]/, false],
    ['empty.yaml', /empty\.yaml: no configs to check/, false],
    ['rule.yaml', /rule\.yaml: config \(r\)\.rule: unknown rule 'all'/, false],
    ['path.yaml', /path\.yaml: config \(p\)\.gpu: '\.\/my-gpu\.json' is a path; a check file names presets by id/, false],
    ['zero.yaml', /zero\.yaml: config\.params: expected a positive, finite count such as 70B/, false],
    ['proto.yaml', /proto\.yaml: config \(p\): unknown field '__proto__'/, false],
    ['maxday.yaml', /maxday\.yaml: config \(d\): unknown field 'maxDay' \(did you mean 'maxDays'\?\)/, false],
    ['nogpus.yaml', /nogpus\.yaml: config \(d\)\.maxDays: needs gpu \(the accelerator\) and gpus \(how many\); gpus is missing/, false],
    ['noprice.yaml', /noprice\.yaml: config \(c\)\.maxCost: needs gpu \(the accelerator\) and price \(USD per GPU-hour\); price is missing/, false],
    ['gpus.yaml', /gpus\.yaml: config \(g\)\.gpus: needs gpu \(the accelerator\) for maxDays and the layout search; gpu is missing/, false],
    ['halfgpu.yaml', /halfgpu\.yaml: config \(g\)\.gpus: expected a whole number of GPUs such as 256/, false],
  ])('exits 2 for %s, naming the config and field', async (name, message, isFixture) => {
    const result = await runCli(['check', isFixture ? fixture(name) : files.path(name)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^llm-plan: error: /);
    expect(result.stderr).toMatch(message);
  });

  it('a __proto__ key in YAML pollutes nothing', () => {
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('exits 2 for a missing file', async () => {
    const result = await runCli(['check', files.path('nope.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nope\.yaml: no such file/);
  });
});

describe('llm-plan check (built bin, as a CI job runs it)', () => {
  it('fails the job for 70B on 100B tokens, from stdin, with an annotation', () => {
    const result = spawnCli(['check', '-'], { input: readFileSync(fixture('plans.yaml'), 'utf8'), env: { GITHUB_ACTIONS: 'true' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('off-optimum: 70.0B params on 100B tokens (1.43 tokens/param)');
    expect(result.stdout).toContain('(20.0 tokens/param)');
    // From stdin there is no file to point at: the annotation has only its title.
    expect(result.stdout).toContain('::error title=llama-70b-short%3A off-optimum::70.0B params on 100B tokens');
  });
});
