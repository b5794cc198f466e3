import { describe, expect, it } from 'vitest';
import { relativeError, runCli } from '../helpers/cli.js';

const ONE_ERROR = /^llm-plan: error: [^\n]+\nhint: [^\n]+\n$|^llm-plan: error: [^\n]+\n$/;

async function planJson(argv: readonly string[]) {
  const result = await runCli([...argv, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

// The budget: 50,000 A100 GPU-hours = 50000·3600·312e12·0.40 = 2.2464e22 FLOPs;
// deepmind: N = 70e9·(2.2464e22/5.88e23)^0.5 = 13.682e9, D = 20·N = 273.64e9.
describe('constraint sections in --json', () => {
  it('--gpus 256 --layout tp=1,pp=1 --zero 0: wall clock 50000/256 = 8.14 days; 16 B × N per GPU does not fit', async () => {
    const plan = await planJson(['--budget', '50000gpuh', '--gpu', 'a100', '--gpus', '256', '--layout', 'tp=1,pp=1', '--zero', '0']);
    const [row] = plan.plans;
    expect(row.time).toEqual({ gpuHours: 50_000, gpus: 256, wallClockHours: 195.3125, wallClockDays: 195.3125 / 24 });
    // The proposed shape's exact N (≈ 13.682e9 · (1 − 0.2%)); states 16 B × N ≈ 219 GB > 80 GB.
    const n = row.architecture.params;
    expect(relativeError(n, 13.682e9)).toBeLessThan(0.01);
    expect(relativeError(row.memory.modelStateBytesPerGpu, 16 * n)).toBeLessThan(1e-12);
    expect(row.memory).toMatchObject({ zeroStage: 0, gpus: 256, fits: false, gpuMemoryBytes: 80e9, seqLen: 2048, tensorParallel: 1, pipelineParallel: 1 });
    // The fixed layout is what cannot fit: the advice is to let the search choose.
    expect(row.layout.advice[0]).toEqual({ kind: 'drop-constraints', dropped: ['tp', 'pp', 'zero'] });
    expect(plan.notes.join('\n')).toMatch(/No layout fits in 80\.0 GB per GPU: .*let the search choose --layout and --zero/);
    expect(row.cost).toBeUndefined();
    expect(row.shape).toBeUndefined();
  });

  it('--layout tp=1,pp=1 --zero 1 over 256: 4·N + 12·N/256 of states, fits', async () => {
    const plan = await planJson(['--budget', '50000gpuh', '--gpu', 'a100', '--gpus', '256', '--layout', 'tp=1,pp=1', '--zero', '1']);
    const { memory, architecture } = plan.plans[0];
    const n = architecture.params;
    expect(relativeError(memory.modelStateBytesPerGpu, 4 * n + (12 * n) / 256)).toBeLessThan(1e-12);
    expect(memory.fits).toBe(true);
    expect(plan.notes.join('\n')).not.toMatch(/No layout fits/);
  });

  it('--days 14: ceil(50000 / 336) = 149 GPUs, and memory on those 149', async () => {
    const plan = await planJson(['--budget', '50000gpuh', '--gpu', 'a100', '--days', '14']);
    expect(plan.plans[0].time).toEqual({ gpuHours: 50_000, targetDays: 14, gpusForTargetDays: 149 });
    expect(plan.plans[0].memory.gpus).toBe(149);
  });

  it('--price 1.8: $90,000 in plans[].cost and compute.costUsd', async () => {
    const plan = await planJson(['--budget', '50000gpuh', '--gpu', 'a100', '--price', '1.8']);
    expect(plan.compute.costUsd).toBe(90_000);
    expect(plan.plans[0].cost).toEqual({ usd: 90_000, gpuHours: 50_000, pricePerGpuHour: 1.8 });
  });

  it('a $ budget gets a cost section equal to the budget', async () => {
    const plan = await planJson(['--budget', '$90000', '--gpu', 'a100', '--price', '1.8']);
    expect(relativeError(plan.plans[0].cost.usd, 90_000)).toBeLessThan(1e-12);
    expect(relativeError(plan.plans[0].cost.gpuHours, 50_000)).toBeLessThan(1e-12);
  });

  it('--shape: a Llama-like shape within 5% of N', async () => {
    const plan = await planJson(['--budget', '1e23flops', '--shape']);
    const [row] = plan.plans;
    expect(Math.abs(row.shape.params / row.params - 1)).toBeLessThanOrEqual(0.05);
    expect(row.shape.dModel % 128).toBe(0);
    expect(row.shape.nHeads * 128).toBe(row.shape.dModel);
    expect(row.shape.vocabSize).toBe(32_000);
    expect(row.shape.tiedEmbeddings).toBe(false);
  });

  it('--shape --vocab 50257 uses that vocabulary', async () => {
    const plan = await planJson(['--budget', '1e23flops', '--shape', '--vocab', '50257']);
    expect(plan.plans[0].shape.vocabSize).toBe(50_257);
  });

  it("--hyperparams at 1e23 FLOPs: DeepSeek's η = 4.158e-4, B = 9.743e6 tokens", async () => {
    const plan = await planJson(['--budget', '1e23flops', '--hyperparams']);
    const { hyperparams } = plan.plans[0];
    expect(hyperparams.source).toBe('deepseek2024');
    expect(relativeError(hyperparams.peakLearningRate, 4.15792e-4)).toBeLessThan(1e-5);
    expect(relativeError(hyperparams.batchTokens, 9.7428e6)).toBeLessThan(1e-4);
    expect(plan.notes.join('\n')).toMatch(/DeepSeek LLM/);
  });

  it('--unique-tokens 300B at 1e23 FLOPs: epochs = D/U, an optimum at the same compute', async () => {
    const plan = await planJson(['--budget', '1e23flops', '--unique-tokens', '300B']);
    const [row] = plan.plans;
    const section = row.dataConstrained;
    expect(section.uniqueTokens).toBe(300e9);
    expect(relativeError(section.epochs, row.tokens / 300e9)).toBeLessThan(1e-12);
    expect(relativeError(6 * section.optimal.params * section.optimal.tokens, 1e23)).toBeLessThan(1e-9);
    expect(section.optimal.loss).toBeLessThanOrEqual(section.loss);
    expect(section.moreComputeHelps).toBe(true);
  });

  it('--unique-tokens 30B warns beyond 16 epochs and says more compute no longer helps', async () => {
    const plan = await planJson(['--budget', '1e23flops', '--unique-tokens', '30B']);
    const notes = plan.notes.join('\n');
    expect(notes).toMatch(/19\.2 epochs over 30\.0B unique tokens/);
    expect(notes).toMatch(/More compute no longer helps with 30\.0B unique tokens: .* Find more unique data\./);
    expect(plan.plans[0].dataConstrained.moreComputeHelps).toBe(false);
  });

  it('does not blame the data when the law itself has flattened (1e30 FLOPs, 1e30 unique tokens)', async () => {
    const plan = await planJson(['--budget', '1e30flops', '--unique-tokens', '1e30']);
    expect(plan.notes.join('\n')).toMatch(/unlimited data would not change that/);
    expect(plan.notes.join('\n')).not.toMatch(/Find more unique data/);
  });

  it('--unique-tokens 120B warns beyond 4 epochs (577B / 120B = 4.8)', async () => {
    const plan = await planJson(['--budget', '1e23flops', '--unique-tokens', '120B']);
    expect(plan.notes.join('\n')).toMatch(/4\.81 epochs .*beyond ~4 epochs/);
  });

  it('--inference-tokens 2T: a smaller model at the same loss, less lifetime compute', async () => {
    const plan = await planJson(['--budget', '1e23flops', '--inference-tokens', '2T']);
    const [row] = plan.plans;
    const { inference } = row;
    expect(inference.inferenceTokens).toBe(2e12);
    expect(inference.baseline.params).toBe(row.params);
    expect(inference.params).toBeLessThan(row.params);
    expect(inference.trainingTokens).toBeGreaterThan(row.tokens);
    expect(relativeError(inference.loss, row.loss.value)).toBeLessThan(1e-12);
    expect(inference.lifetimeFlops).toBeLessThan(inference.baseline.lifetimeFlops);
    expect(relativeError(inference.baseline.lifetimeFlops, 6 * row.params * row.tokens + 2 * row.params * 2e12)).toBeLessThan(1e-12);
  });

  it('adds nothing to a plain plan', async () => {
    const plan = await planJson(['--budget', '5000gpuh', '--gpu', 'v100']);
    for (const key of ['memory', 'time', 'cost', 'shape', 'hyperparams', 'dataConstrained', 'inference']) {
      expect(plan.plans[0], key).not.toHaveProperty(key);
    }
  });

  it('gives every rule its sections with --rule all', async () => {
    const plan = await planJson(['--budget', '1e22flops', '--rule', 'all', '--shape', '--inference-tokens', '1T']);
    expect(plan.plans).toHaveLength(8);
    for (const row of plan.plans) {
      // A Llama-style decoder (SwiGLU, RMSNorm, untied embeddings): per layer 4·d² attention + 3·d·ffn MLP
      // + 2·d norms, a final norm, and input and output embeddings of V·d each.
      const { nLayers: layers, dModel: d, ffnDim: ffn, vocabSize: vocab, nHeads, headDim } = row.shape;
      expect(row.shape.params).toBe(layers * (4 * d * d + 3 * d * ffn + 2 * d) + d + 2 * vocab * d);
      expect(nHeads * headDim).toBe(d);
      expect(Math.abs(row.shape.params / row.params - 1)).toBeLessThanOrEqual(0.05);
      // Serving 1T tokens costs 2·N FLOPs per token (Sardana et al. 2023), so the lifetime-optimal model is
      // smaller than the compute-optimal one and spends fewer FLOPs over its life than that one would.
      const { inference } = row;
      expect(inference.baseline.params).toBe(row.params);
      expect(inference.params).toBeLessThan(row.params);
      expect(inference.inferenceFlops).toBeCloseTo(2 * inference.params * 1e12, -10);
      expect(inference.trainingFlops).toBeCloseTo(6 * inference.params * inference.trainingTokens, -10);
      expect(inference.lifetimeFlops).toBeLessThan(inference.baseline.lifetimeFlops);
    }
  });
});

describe('constraint sections in the table', () => {
  it('shows each asked-for section', async () => {
    const result = await runCli(['--budget', '50000gpuh', '--gpu', 'a100', '--gpus', '256', '--price', '1.8', '--shape', '--hyperparams', '--unique-tokens', '300B', '--inference-tokens', '2T']);
    expect(result.code).toBe(0);
    for (const title of ['Time', 'Cost', 'Memory per GPU', 'Shape', 'Hyperparameters', 'Limited data', 'Inference demand']) {
      expect(result.stdout).toContain(title);
    }
    expect(result.stdout).toMatch(/deepmind\s+50,000\s+256\s+8\.14 days/);
    expect(result.stdout).toMatch(/deepmind\s+50,000\s+\$1\.80\s+\$90,000/);
    expect(result.stdout).toMatch(/Memory per GPU t\d+·p\d+·d\d+ · ZeRO-\d/);
  });

  it('shows none of them for a plain plan', async () => {
    const result = await runCli(['--budget', '5000gpuh', '--gpu', 'v100']);
    expect(result.stdout).not.toMatch(/Time|Memory|Shape|Limited data|Inference demand/);
  });
});

describe('constraint flags: bad input exits 2 with one error line', () => {
  it.each([
    [['--budget', '1e23flops', '--gpus', '8'], /need --gpu/],
    [['--budget', '1e23flops', '--days', '14'], /need --gpu/],
    [['--budget', '1e23flops', '--zero', '3'], /need --gpu/],
    [['--budget', '1e23flops', '--gpu', 'a100', '--gpus', '0'], /--gpus must be positive/],
    [['--budget', '1e23flops', '--gpu', 'a100', '--gpus', '2.5'], /--gpus must be a whole number/],
    [['--budget', '1e23flops', '--gpu', 'a100', '--days', 'soon'], /--days 'soon' is not a number/],
    [['--budget', '1e23flops', '--gpu', 'a100', '--gpus', '8', '--zero', '4'], /'--zero <stage>' argument '4' is invalid. Allowed choices are 0, 1, 2, 3/],
    [['--budget', '1e23flops', '--gpu', 'a100', '--gpus', '8', '--recompute', 'some'], /'--recompute <mode>' argument 'some' is invalid. Allowed choices are none, selective, full/],
    [['--budget', '1e23flops', '--gpu', 'a100', '--gpus', '8', '--optimizer', 'lion'], /'--optimizer <name>' argument 'lion' is invalid. Allowed choices are adamw, adafactor, sgd/],
    [['--budget', '1e23flops', '--vocab', '50000'], /--vocab needs --shape/],
    [['--budget', '1e23flops', '--unique-tokens', 'lots'], /--unique-tokens 'lots' is not a number/],
    [['--budget', '1e23flops', '--rule', 'openai', '--unique-tokens', '300B'], /kaplan2020 is Kaplan's form/],
    [['--budget', '1e23flops', '--loss', 'kaplan2020', '--inference-tokens', '2T'], /kaplan2020 is Kaplan's form/],
  ])('%j', async (argv, pattern) => {
    const result = await runCli(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(ONE_ERROR);
    expect(result.stderr).toMatch(pattern);
  });

  it('the Kaplan-form error hints at a chinchilla-form model', async () => {
    const result = await runCli(['--budget', '1e23flops', '--rule', 'openai', '--unique-tokens', '300B']);
    expect(result.stderr).toMatch(/hint: .*--loss hoffmann2022/);
  });
});

describe('constraint flags from --input and in completion', () => {
  it('a plan request file may carry the constraint flags', async () => {
    const { runCliWithStdin } = await import('../helpers/run-with-stdin.js');
    const result = await runCliWithStdin(['--input', '-', '--json'], '{"budget": "50000gpuh", "gpu": "a100", "gpus": 256, "shape": true}');
    expect(result.code).toBe(0);
    const [row] = JSON.parse(result.stdout).plans;
    expect(row.time.gpus).toBe(256);
    expect(row.shape).toBeDefined();
  });
});
