import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { relativeError, runCli, spawnCli } from '../helpers/cli.js';

async function planJson(argv: readonly string[]) {
  const result = await runCli([...argv, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

const ONE_ERROR = /^llm-plan: error: [^\n]+\nhint: [^\n]+\n$|^llm-plan: error: [^\n]+\n$/;

describe('a booking, a chosen run, a real model (issue 12)', () => {
  it('--gpu h100 --gpus 256 --days 21: budget = 256 × 504 = 129,024 GPU-hours; a fitting layout and a finish date', async () => {
    const plan = await planJson(['--gpu', 'h100', '--gpus', '256', '--days', '21', '--start', '2026-12-01']);
    expect(plan.input.budget).toBeNull();
    expect(plan.input.booking).toEqual({ gpus: 256, hours: 504, gpuHours: 129_024 });
    expect(plan.compute.gpuHours).toBe(129_024);
    // 129,024 h × 3600 s × 989.5e12 FLOP/s × 0.40
    expect(relativeError(plan.compute.flops, 129_024 * 3600 * 989.5e12 * 0.4)).toBeLessThan(1e-12);
    const [row] = plan.plans;
    expect(row.layout.chosen.fits).toBe(true);
    expect(row.layout.chosen.tp * row.layout.chosen.pp * row.layout.chosen.dp).toBe(256);
    expect(row.layout.startDate).toBe('2026-12-01');
    expect(row.layout.finishDate).toMatch(/^2026-12-2\d$/);
    expect(row.time.targetDays).toBe(21);
  });

  it('--hours 504 is the same booking as --days 21', async () => {
    const days = await planJson(['--gpu', 'h100', '--gpus', '256', '--days', '21', '--start', '2026-12-01']);
    const hours = await planJson(['--gpu', 'h100', '--gpus', '256', '--hours', '504', '--start', '2026-12-01']);
    expect(hours.compute).toEqual(days.compute);
    expect(hours.plans[0].params).toBe(days.plans[0].params);
  });

  it('--params 7B --tokens 2T: compute 6·7e9·2e12 = 8.4e22; over-trained against deepmind’s 20 tokens/param', async () => {
    const plan = await planJson(['--params', '7B', '--tokens', '2T']);
    expect(plan.compute.flops).toBeCloseTo(8.4e22, -18);
    const [row] = plan.plans;
    expect(row.params).toBe(7e9);
    expect(row.tokens).toBe(2e12);
    // deepmind: N_opt = 70e9·(8.4e22/5.88e23)^0.5 = 26.46e9, 20 tokens/param; run 285.7 tokens/param → ×14.3
    expect(relativeError(row.comparison.optimum.params, 70e9 * Math.sqrt(8.4e22 / 5.88e23))).toBeLessThan(1e-9);
    expect(row.comparison.regime).toBe('over-trained');
    expect(row.comparison.tokensPerParamRatio).toBeCloseTo(2e12 / 7e9 / 20, 6);
  });

  it('--model gopher: 280B × 300B against the Chinchilla-optimal split of 5.04e23 FLOPs', async () => {
    const plan = await planJson(['--model', 'gopher']);
    expect(plan.input.model).toBe('gopher');
    expect(plan.compute.flops).toBeCloseTo(6 * 280e9 * 300e9, -19);
    const [row] = plan.plans;
    expect(row.params).toBe(280e9);
    expect(row.comparison.regime).toBe('under-trained');
    // deepmind at 5.04e23: N_opt = 70e9·(5.04e23/5.88e23)^0.5 = 64.8e9 — Chinchilla's 70B at about the same compute.
    expect(relativeError(row.comparison.optimum.params, 64.8e9)).toBeLessThan(0.01);
    expect(row.comparison.lossGap).toBeGreaterThan(0);
  });

  it('--arch with a real Llama config.json reproduces its parameter count exactly', async () => {
    const plan = await planJson(['--budget', '1e23flops', '--gpu', 'h100', '--gpus', '64', '--arch', 'tests/fixtures/arch/llama-2-7b-config.json', '--start', '2026-12-01']);
    expect(plan.plans[0].architecture).toMatchObject({ origin: 'file', params: 6_738_415_616, layers: 32, kvHeads: 32 });
    const big = await planJson(['--model', 'llama-3.1-405b', '--gpu', 'h100', '--gpus', '16384', '--arch', 'tests/fixtures/arch/llama-3.1-405b-config.json', '--start', '2026-12-01']);
    expect(big.plans[0].architecture.params).toBe(405_853_388_800);
    expect(big.plans[0].layout.chosen.fits).toBe(true);
  });

  it('explicit shape flags: Llama-2-70B from --layers --d-model --heads --kv-heads --ffn', async () => {
    const plan = await planJson(['--budget', '1e24flops', '--gpu', 'h100', '--gpus', '512', '--layers', '80', '--d-model', '8192', '--heads', '64', '--kv-heads', '8', '--ffn', '28672']);
    expect(plan.plans[0].architecture).toMatchObject({ origin: 'flags', params: 68_976_648_192 });
  });

  it('seq-len and recomputation change the FLOPs and the time (issue: they changed nothing)', async () => {
    const base = ['--params', '7B', '--tokens', '2T', '--gpu', 'h100', '--gpus', '64', '--arch', 'llama-2-7b', '--start', '2026-12-01'];
    const short = await planJson([...base, '--seq-len', '2048']);
    const long = await planJson([...base, '--seq-len', '32768', '--recompute', 'full']);
    expect(long.plans[0].flopsPerToken.modelPerToken).toBeGreaterThan(short.plans[0].flopsPerToken.modelPerToken * 1.5);
    expect(long.plans[0].flopsPerToken.hardwarePerToken / long.plans[0].flopsPerToken.modelPerToken).toBeGreaterThan(1.25);
    expect(long.plans[0].layout.chosen.days).toBeGreaterThan(short.plans[0].layout.chosen.days * 1.5);
  });

  it('--grad-dtype fp32 doubles the gradient bytes at the same layout', async () => {
    const base = ['--params', '7B', '--tokens', '2T', '--gpu', 'h100', '--gpus', '8', '--arch', 'llama-2-7b', '--layout', 'tp=1,pp=1', '--zero', '1', '--micro-batch', '1', '--recompute', 'full'];
    const bf16 = await planJson(base);
    const fp32 = await planJson([...base, '--grad-dtype', 'fp32']);
    expect(fp32.plans[0].memory.split.gradients).toBe(2 * bf16.plans[0].memory.split.gradients);
    expect(fp32.plans[0].memory.modelStateBytesPerParam).toBe(18);
  });

  it('Llama-2-70B on 8 H100s does not fit; the notes name changes that do, and never ZeRO (already searched)', async () => {
    const plan = await planJson(['--arch', 'llama-2-70b', '--params', '69B', '--tokens', '2T', '--gpu', 'h100', '--gpus', '8']);
    const [row] = plan.plans;
    expect(row.memory.fits).toBe(false);
    expect(row.layout.advice.map((advice: { kind: string }) => advice.kind)).toContain('more-gpus');
    const note = plan.notes.find((text: string) => text.startsWith('No layout fits'));
    expect(note).toMatch(/what would fit: 16 GPUs/);
    expect(note).not.toMatch(/--zero/);
  });

  it('every document validates against llm-plan schema plan (ajv)', async () => {
    const schema = JSON.parse((await runCli(['schema', 'plan'])).stdout);
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    for (const argv of [
      ['--gpu', 'h100', '--gpus', '256', '--days', '21', '--start', '2026-12-01'],
      ['--model', 'gopher', '--gpu', 'a100', '--gpus', '1024'],
      ['--arch', 'llama-2-70b', '--params', '69B', '--tokens', '2T', '--gpu', 'h100', '--gpus', '8'],
      ['--params', '7B', '--tokens', '2T', '--rule', 'all'],
    ]) {
      const document = await planJson(argv);
      expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(Object.keys(schema.properties.plans.items.properties)).toEqual(expect.arrayContaining(['layout', 'architecture', 'flopsPerToken', 'comparison']));
  });
});

describe('bad input exits 2 with one error line', () => {
  it.each([
    [['--budget', '1e23flops', '--gpu', 'h100', '--gpus', '64', '--layout', 'tp=16'], /spans more than one node/],
    [['--budget', '1e23flops', '--gpu', 'h100', '--gpus', '64', '--layout', '8x4'], /--layout takes tp=<n>,pp=<n>/],
    [['--model', 'gohper'], /unknown model 'gohper' \(did you mean 'gopher'\?\)/],
    [['--model', 'gopher', '--budget', '1e23flops'], /--model fixes N and D/],
    [['--budget', '1e23flops', '--gpu', 'h100', '--gpus', '8', '--arch', 'llama-9'], /unknown architecture/],
    [['--gpu', 'h100', '--gpus', '8', '--days', '1', '--hours', '24'], /--days or --hours/],
    [['--budget', '1e23flops', '--hours', '24'], /--hours is the length of a booking/],
    [['--budget', '1e23flops', '--gpu', 'h100', '--gpus', '8', '--layers', '32'], /needs --d-model, --heads, --ffn too/],
    [['--budget', '1e23flops', '--gpu', 'h100', '--gpus', '8', '--start', '2026-02-30'], /--start must be a date/],
    [['--params', '7B', '--tokens', '2T', '--range'], /--range describes the spread/],
    [['--budget', '1e23flops', '--gpu', 'h100', '--gpus', '8', '--arch', 'tests/fixtures/check/plans.yaml'], /.+/],
  ])('%j', async (argv, pattern) => {
    const result = await runCli(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(ONE_ERROR);
    expect(result.stderr).toMatch(pattern);
  });
});

describe('the built bin', () => {
  it('llm-plan --model gopher prints Gopher against its compute-optimal alternative', () => {
    const result = spawnCli(['--model', 'gopher']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Run gopher: 280B parameters × 300B tokens');
    expect(result.stdout).toMatch(/under-trained ×18\.7/);
  });
});

describe('--input carries the cluster fields', () => {
  it('{"model": "gopher", "flashAttn": false, …} plans as the flags do', () => {
    const result = spawnCli(['--input', '-', '--json'], { input: JSON.stringify({ model: 'gopher', gpu: 'a100', gpus: 1024, flashAttn: false, start: '2026-12-01' }) });
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(plan.input.model).toBe('gopher');
    expect(plan.plans[0].flopsPerToken.flashAttention).toBe(false);
    expect(plan.plans[0].layout.finishDate).toMatch(/^20\d\d-\d\d-\d\d$/);
  });
});
