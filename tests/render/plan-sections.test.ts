import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/core/format-bytes.js';
import type { PlanDocument } from '../../src/core/plan-document.js';
import { renderPlanSections } from '../../src/render/plan-sections.js';
import { PLAIN_STYLE } from '../../src/render/style.js';

describe('formatBytes (decimal units, as datasheets)', () => {
  it.each([
    [2.192e11, '219 GB'],
    [8e10, '80.0 GB'],
    [1.5e12, '1.50 TB'],
    [536_870_912, '537 MB'],
    [999.96e9, '1.00 TB'],
    [512, '512 B'],
    // Up to PB (issue 11): 2.5e15 bytes is 2.50 PB, not 2500 TB.
    [2.5e15, '2.50 PB'],
    [1.2e19, '12,000 PB'],
  ])('%d → %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});

// A hand-built document: the renderer's only input. Numbers are round so the table reads plainly.
const base: PlanDocument = {
  schema: 'llm-plan/plan@1',
  input: { budget: '50000gpuh', gpu: 'a100', precision: null, mfu: null, rule: 'deepmind', loss: null, price: 2 },
  hardware: null,
  compute: { flops: 2.2464e22, pfDays: 260, gpuHours: 50_000, costUsd: 100_000 },
  plans: [
    {
      rule: 'deepmind',
      params: 13.7e9,
      tokens: 274e9,
      tokensPerParam: 20,
      flops: 2.2464e22,
      paramsExponent: 0.5,
      loss: { model: 'hoffmann2022', value: 2.093 },
      time: { gpuHours: 50_000, gpus: 250, wallClockHours: 200, wallClockDays: 200 / 24 },
      cost: { usd: 100_000, gpuHours: 50_000, pricePerGpuHour: 2 },
      memory: {
        precision: 'bf16', optimizer: 'adamw', zeroStage: 1, gpus: 250, seqLen: 2048, microBatch: 1, recompute: 'selective',
        modelStateBytesPerParam: 16, modelStateBytesPerGpu: 55.5e9, activationBytesPerGpu: 15e9, totalBytesPerGpu: 70.5e9,
        gpuMemoryBytes: 80e9, fits: true, minGpusForModelStates: 7, lowestFittingZeroStage: 1, assumedShape: { nLayers: 42, dModel: 5120, nHeads: 40 },
        gradDtype: 'bf16', tensorParallel: 1, pipelineParallel: 1, bufferBytesPerGpu: 8e9,
        split: { weights: 27.4e9, gradients: 27.4e9, optimizer: 0.7e9, activations: 15e9, buffers: 8e9 },
      },
    },
  ],
  notes: [],
};

describe('renderPlanSections', () => {
  it('renders time, cost and memory', () => {
    expect(renderPlanSections(base, PLAIN_STYLE)).toMatchInlineSnapshot(`
      "Time
      rule      GPU-hours  GPUs  wall clock
      deepmind     50,000   250   8.33 days

      Cost
      rule      GPU-hours  USD/GPU-hour      cost
      deepmind     50,000         $2.00  $100,000

      Memory per GPU · ZeRO-1 over 250 GPUs · bf16 adamw (16 B/param) · seq 2048 × micro-batch 1 · selective recomputation
      rule      layers × d_model  model states  activations    total  GPU memory  fits  min GPUs (states)
      deepmind         42 × 5120       55.5 GB      15.0 GB  70.5 GB     80.0 GB  yes                   7"
    `);
  });

  it('renders nothing for a plan without sections', () => {
    const [row] = base.plans;
    if (!row) throw new Error('fixture');
    const { time: _time, cost: _cost, memory: _memory, ...plain } = row;
    expect(renderPlanSections({ ...base, plans: [plain] }, PLAIN_STYLE)).toBe('');
  });
});
