import { describe, expect, it } from 'vitest';
import {
  activationBytes,
  estimateMemory,
  minGpusForModelStates,
  modelStateBytes,
  shardedStateBytes,
  type ZeroStage,
} from '../../../src/core/constraints/memory.js';
import { relativeError } from '../../helpers/cli.js';

const MIXED_ADAMW = { weights: 2, gradients: 2, optimizer: 12 };

describe('modelStateBytes (ZeRO §3.1: 2Ψ + 2Ψ + KΨ)', () => {
  it.each([
    ['bf16', 'adamw', { weights: 2, gradients: 2, optimizer: 12 }], // K = 12: fp32 master 4 + m 4 + v 4
    ['fp16', 'adamw', { weights: 2, gradients: 2, optimizer: 12 }],
    ['fp8', 'adamw', { weights: 2, gradients: 2, optimizer: 12 }], // master weights and Adam stay fp32
    ['fp32', 'adamw', { weights: 4, gradients: 4, optimizer: 8 }], // no master copy: m 4 + v 4
    ['tf32', 'adamw', { weights: 4, gradients: 4, optimizer: 8 }],
    ['bf16', 'sgd', { weights: 2, gradients: 2, optimizer: 8 }], // master 4 + momentum 4
    ['fp32', 'sgd', { weights: 4, gradients: 4, optimizer: 4 }],
  ] as const)('%s %s', (precision, optimizer, expected) => {
    expect(modelStateBytes(precision, optimizer)).toEqual(expected);
  });
});

describe('shardedStateBytes reproduces ZeRO Figure 1 (Ψ = 7.5B, N_d = 64, K = 12)', () => {
  // Figure 1: baseline 120 GB, P_os 31.4 GB, P_os+g 16.6 GB, P_os+g+p 1.9 GB.
  //   stage 1: 4·7.5e9 + 12·7.5e9/64 = 30e9 + 1.40625e9 = 31.40625e9
  //   stage 2: 2·7.5e9 + 14·7.5e9/64 = 15e9 + 1.640625e9 = 16.640625e9
  //   stage 3: 16·7.5e9/64 = 1.875e9
  it.each([
    [0, 120e9],
    [1, 31.40625e9],
    [2, 16.640625e9],
    [3, 1.875e9],
  ] as const)('stage %i → %d bytes per GPU', (stage, expected) => {
    expect(relativeError(shardedStateBytes(7.5e9, MIXED_ADAMW, stage, 64), expected)).toBeLessThan(1e-12);
  });
});

describe('minGpusForModelStates (10B parameters, 80 GB GPUs, mixed AdamW: 160 GB of states)', () => {
  it.each([
    [0, null], // 160 GB unsharded never fits in 80 GB
    [1, 3], // 40 GB stays; 120 GB / (80 − 40) = 3
    [2, 3], // 20 GB stays; 140 / 60 = 2.33 → 3
    [3, 2], // 160 / 80 = 2
  ] as const)('stage %i → %s GPUs', (stage, expected) => {
    expect(minGpusForModelStates(10e9, MIXED_ADAMW, stage as ZeroStage, 80e9)).toBe(expected);
  });

  it('is the smallest count that holds the states', () => {
    for (const stage of [1, 2, 3] as const) {
      const gpus = minGpusForModelStates(10e9, MIXED_ADAMW, stage, 80e9) ?? 0;
      expect(shardedStateBytes(10e9, MIXED_ADAMW, stage, gpus)).toBeLessThanOrEqual(80e9);
      if (gpus > 1) expect(shardedStateBytes(10e9, MIXED_ADAMW, stage, gpus - 1)).toBeGreaterThan(80e9);
    }
  });
});

describe('activationBytes (Korthikanti et al. 2022, Eq. 1–2) for GPT-3 175B: s 2048, h 12288, a 96, L 96, b 1', () => {
  // s·b·h = 2048·12288 = 25,165,824; 5·a·s/h = 5·96·2048/12288 = 80.
  const gpt3 = { nLayers: 96, dModel: 12288, nHeads: 96 };
  it.each([
    ['none', 96 * 25_165_824 * (34 + 80)], // 275,414,777,856 B
    ['selective', 96 * 25_165_824 * 34], // 82,141,249,536 B
    ['full', 96 * 25_165_824 * 2], // 4,831,838,208 B
  ] as const)('%s → %d bytes', (recompute, expected) => {
    expect(activationBytes(gpt3, 2048, 1, recompute, 'bf16')).toBe(expected);
  });

  it('scales with the micro-batch and doubles for fp32 activations', () => {
    expect(activationBytes(gpt3, 2048, 4, 'full', 'bf16')).toBe(4 * 96 * 25_165_824 * 2);
    expect(activationBytes(gpt3, 2048, 1, 'full', 'fp32')).toBe(2 * 96 * 25_165_824 * 2);
  });
});

describe('estimateMemory', () => {
  // Llama-2 7B shape, 6.74e9 parameters, bf16 AdamW, 8 × 80 GB, full recomputation:
  //   states ZeRO-0 = 16·6.74e9 = 107.84 GB; activations = 32 · 2·2048·4096 = 536,870,912 B
  const llama7b = { nLayers: 32, dModel: 4096, nHeads: 32 };
  const settings = { precision: 'bf16', optimizer: 'adamw', gpus: 8, gpuMemoryBytes: 80e9, seqLen: 2048, microBatch: 1, recompute: 'full' } as const;

  it('does not fit unsharded, and names ZeRO-1 as the lowest stage that fits', () => {
    const memory = estimateMemory(6.74e9, llama7b, { ...settings, zeroStage: 0 });
    expect(memory.modelStateBytesPerParam).toBe(16);
    expect(relativeError(memory.modelStateBytesPerGpu, 107.84e9)).toBeLessThan(1e-12);
    expect(memory.activationBytesPerGpu).toBe(536_870_912);
    expect(memory.fits).toBe(false);
    expect(memory.minGpusForModelStates).toBeNull();
    // ZeRO-1 on 8: 4·6.74e9 + 12·6.74e9/8 = 26.96e9 + 10.11e9 = 37.07 GB (+0.54) ≤ 80 GB
    expect(memory.lowestFittingZeroStage).toBe(1);
  });

  it('fits with ZeRO-3 over 8 GPUs: 16·6.74e9/8 = 13.48 GB of states', () => {
    const memory = estimateMemory(6.74e9, llama7b, { ...settings, zeroStage: 3 });
    expect(relativeError(memory.modelStateBytesPerGpu, 13.48e9)).toBeLessThan(1e-12);
    expect(relativeError(memory.totalBytesPerGpu, 13.48e9 + 536_870_912)).toBeLessThan(1e-12);
    expect(memory.fits).toBe(true);
    expect(memory.minGpusForModelStates).toBe(2); // 107.84 / 80 = 1.35 → 2
  });

  it('refuses a GPU count that is not a whole number', () => {
    expect(() => estimateMemory(1e9, llama7b, { ...settings, zeroStage: 0, gpus: 0 })).toThrow(/whole number/);
  });
});
