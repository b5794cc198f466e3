import { describe, expect, it } from 'vitest';
import type { Architecture } from '../../../src/domain/architecture.js';
import { flopsPerToken, narayananIterationFlops } from '../../../src/core/cluster/flops.js';
import { activationUnitsPerLayer, memoryPerGpu, shardedStateBytes, stateBytes, type Layout, type TrainingSetup } from '../../../src/core/cluster/memory.js';

/** A GPT block as Megatron counts it: MHA, 4h GELU MLP, no biases (so Narayanan's closed form holds exactly). */
const gpt = (layers: number, h: number, heads: number, vocab: number): Architecture => ({
  name: 'gpt', layers, dModel: h, heads, kvHeads: heads, headDim: h / heads, ffn: 4 * h, vocab,
  mlp: 'gelu', tiedEmbeddings: true, norm: 'layernorm', bias: 'none', positions: 'rope',
});
const llama2_7b: Architecture = { name: 'Llama-2-7B', layers: 32, dModel: 4096, heads: 32, kvHeads: 32, headDim: 128, ffn: 11008, vocab: 32000, mlp: 'swiglu', tiedEmbeddings: false, norm: 'rmsnorm', bias: 'none', positions: 'rope' };

describe('FLOPs per token (Narayanan et al. 2021 §5.1; PaLM App. B)', () => {
  it.each([
    // Narayanan Table 1 rows: (layers, hidden, heads, batch), s = 2048, V = 51200.
    [96, 12288, 96, 1536],
    [128, 25600, 160, 3072],
    [24, 2304, 24, 512],
  ])('with full recomputation equals 96·B·s·l·h²·(1 + s/6h + V/16lh) for l=%d h=%d', (layers, h, heads, batch) => {
    const perToken = flopsPerToken(gpt(layers, h, heads, 51200), 2048, 'full', false);
    expect((perToken.hardware * batch * 2048) / narayananIterationFlops(batch, 2048, layers, h, 51200)).toBeCloseTo(1, 12);
  });

  it('model FLOPs (no recomputation) are 72·B·s·l·h²·(1 + s/6h + V/12lh): the head is not recomputed', () => {
    const [l, h, V, s] = [96, 12288, 51200, 2048];
    const model = flopsPerToken(gpt(l, h, 96, V), s, 'full', false).model;
    expect(model / (72 * l * h ** 2 * (1 + s / (6 * h) + V / (12 * l * h)))).toBeCloseTo(1, 12);
  });

  it('Llama-2-7B at s = 4096: 6·N_matmul + 12·L·s·h (PaLM App. B), attention ≈ 14% of the total', () => {
    const f = flopsPerToken(llama2_7b, 4096, 'none');
    const matmul = 32 * (4 * 4096 ** 2 + 3 * 4096 * 11008) + 32000 * 4096; // blocks + output head
    expect(f.model).toBe(6 * matmul + 12 * 32 * 4096 * 4096);
    // 12·32·4096² = 6.44e9 of 6·6.607e9 + 6.44e9 = 4.61e10
    expect(f.attention / f.model).toBeCloseTo(0.1398, 3);
    expect(f.hardware).toBe(f.model);
  });

  it('full recomputation costs about one forward pass (≈ +1/3); selective costs nothing with FlashAttention', () => {
    expect(flopsPerToken(llama2_7b, 2048, 'full').recomputeFactor).toBeCloseTo(4 / 3, 1);
    expect(flopsPerToken(llama2_7b, 2048, 'selective', true).recomputeFactor).toBe(1);
    expect(flopsPerToken(llama2_7b, 2048, 'selective', false).recomputeFactor).toBeGreaterThan(1);
  });

  it('GPT-3 175B on 1,024 A100 at 140 TFLOP/s takes ≈ 34 days for 300B tokens (Narayanan §5.1, 8·T·P/(n·X))', () => {
    const gpt3 = gpt(96, 12288, 96, 51200);
    const seconds = (300e9 * flopsPerToken(gpt3, 2048, 'full', false).hardware) / (1024 * 140e12);
    expect(seconds / 86400).toBeGreaterThan(34 * 0.98);
    expect(seconds / 86400).toBeLessThan(34 * 1.06); // + the attention term 8TP leaves out (s/6h ≈ 2.8%)
  });
});

describe('model states (ZeRO, Rajbhandari et al. 2020, Figure 1: Ψ = 7.5B, N_d = 64, K = 12)', () => {
  const bytes = stateBytes('bf16', 'adamw', 'bf16');
  const total = (zero: 0 | 1 | 2 | 3): number => {
    const split = shardedStateBytes(7.5e9, bytes, zero, 64);
    return split.weights + split.gradients + split.optimizer;
  };
  it.each([
    [0, 120e9],
    [1, 31.4e9],
    [2, 16.6e9],
    [3, 1.88e9],
  ] as const)('stage %d → %d bytes per GPU', (zero, expected) => {
    expect(total(zero) / expected).toBeCloseTo(1, 2);
  });
  it('bytes per parameter: adamw 2+2+12, fp32 gradients 2+4+12, adafactor 2+2+4, sgd 2+2+8', () => {
    expect(stateBytes('bf16', 'adamw', 'bf16')).toEqual({ weights: 2, gradients: 2, optimizer: 12 });
    expect(stateBytes('bf16', 'adamw', 'fp32')).toEqual({ weights: 2, gradients: 4, optimizer: 12 });
    expect(stateBytes('bf16', 'adafactor', 'bf16')).toEqual({ weights: 2, gradients: 2, optimizer: 4 });
    expect(stateBytes('bf16', 'sgd', 'bf16')).toEqual({ weights: 2, gradients: 2, optimizer: 8 });
    expect(stateBytes('fp32', 'adamw', 'bf16')).toEqual({ weights: 4, gradients: 4, optimizer: 8 });
  });
});

describe('activations per layer (Korthikanti et al. 2022, Table 2), GPT-3 175B: a = 96, h = 12288, s = 2048, t = 8', () => {
  const arch = gpt(96, 12288, 96, 51200);
  // 5·a·s/h = 5·96·2048/12288 = 80
  it.each([
    ['no parallelism', 1, false, 'none', 34 + 80],
    ['tensor parallel', 8, false, 'none', 10 + 24 / 8 + 80 / 8],
    ['tensor + sequence parallel', 8, true, 'none', (34 + 80) / 8],
    ['tensor + sequence parallel + selective', 8, true, 'selective', 34 / 8],
    ['tensor parallel + selective', 8, false, 'selective', 10 + 24 / 8],
    ['full recomputation', 8, false, 'full', 2],
  ] as const)('%s → s·b·h × %d', (_name, tp, sp, recompute, expected) => {
    expect(activationUnitsPerLayer(arch, 2048, tp, sp, recompute, false)).toBeCloseTo(expected, 12);
  });
  it('FlashAttention drops the 5·a·s/h term', () => {
    expect(activationUnitsPerLayer(arch, 2048, 1, false, 'none', true)).toBe(34);
  });
  it('GQA and SwiGLU generalise it: Llama-2-70B (8 of 64 KV heads, f = 28672) keeps 4 + 7 + 4/8 + 3 + 6·3.5 units', () => {
    const a70: Architecture = { ...llama2_7b, layers: 80, dModel: 8192, heads: 64, kvHeads: 8, ffn: 28672 };
    expect(activationUnitsPerLayer(a70, 4096, 1, false, 'none', true)).toBeCloseTo(4 + 2 + 2 + 0.25 + 0.25 + 2 + 1 + 2 + 6 * 3.5 + 1, 12);
  });
});

describe('memory per GPU of a layout', () => {
  const setup: TrainingSetup = { arch: llama2_7b, seqLen: 4096, precision: 'bf16', optimizer: 'adamw', gradDtype: 'bf16', flashAttention: true };
  const layout = (over: Partial<Layout>): Layout => ({ tp: 1, pp: 1, dp: 8, zero: 1, recompute: 'none', microBatch: 1, sequenceParallel: false, ...over });

  it('1F1B: the first stage holds p micro-batches of L/p layers, about L layers in all (Korthikanti §4.2.3)', () => {
    const p1 = memoryPerGpu(setup, layout({ pp: 1 }), 16, 80e9);
    const p4 = memoryPerGpu(setup, layout({ pp: 4, dp: 2 }), 16, 80e9);
    // SwiGLU with f = 11008: 10 + 8 + 6·11008/4096 = 34.125 units instead of GELU's 34.
    const layers = 32 * 34.125 * 4096 * 4096; // L · 34.125 · s·b·h bytes
    expect(p4.stage).toBe('first');
    expect(p4.activations - layers).toBe(4 * 4096 * 4096); // + the embedding mask of the 4 micro-batches in flight
    expect(p1.activations / layers).toBeCloseTo(1, 1); // + logits 4·s·V bytes on the only stage
  });

  it('tensor parallelism divides weights by t; ZeRO-3 divides them again by d', () => {
    const t1 = memoryPerGpu(setup, layout({}), 1, 80e9);
    const t4 = memoryPerGpu(setup, layout({ tp: 4, dp: 2, sequenceParallel: true }), 1, 80e9);
    expect(t1.weights / t4.weights).toBeCloseTo(4, 6);
    const z3 = memoryPerGpu(setup, layout({ tp: 4, dp: 2, sequenceParallel: true, zero: 3 }), 1, 80e9);
    expect(t4.weights / z3.weights).toBeCloseTo(2, 6);
  });

  it('states a buffer allowance of 10% of the GPU', () => {
    expect(memoryPerGpu(setup, layout({}), 1, 80e9).buffers).toBe(8e9);
  });

  // EleutherAI cookbook calc/calc_transformer_mem.py, its documented formulas reproduced by hand for
  // Llama-2-7B on 8 GPUs, ZeRO-1 (its default), s = 4096, b = 1, --num-mlp-linears 3, ff 2.6875:
  //   params = 2Vh + h·s + 8hL + 2h + 4Lh² + 3·L·h·2.6875·h = 6,755,983,360 (it adds learned positions
  //   and LayerNorm biases Llama lacks: +0.26%); weights 2 B → 13.51 GB; gradients 4 B → 27.02 GB;
  //   optimizer 12 B / 8 GPUs → 10.13 GB; activations with its checkpointing flag 34·s·b·h·L → 18.25 GB.
  it('agrees with the EleutherAI cookbook within 0.3% where the assumptions match; gradients differ by the byte count', () => {
    const ours = memoryPerGpu(setup, layout({}), 1, 80e9);
    const cookbookParams = 2 * 32000 * 4096 + 4096 * 4096 + 8 * 4096 * 32 + 2 * 4096 + 4 * 32 * 4096 ** 2 + 3 * 32 * 4096 * 2.6875 * 4096;
    expect(cookbookParams).toBe(6_755_983_360);
    expect(ours.weights / (cookbookParams * 2)).toBeCloseTo(0.9974, 3);
    expect(ours.optimizer / ((cookbookParams * 12) / 8)).toBeCloseTo(0.9974, 3);
    expect(ours.gradients / (cookbookParams * 4)).toBeCloseTo(0.4987, 3); // 2 B vs its 4 B default
    const fp32Grads = memoryPerGpu({ ...setup, gradDtype: 'fp32' }, layout({}), 1, 80e9);
    expect(fp32Grads.gradients / (cookbookParams * 4)).toBeCloseTo(0.9974, 3);
    // Activations: the cookbook's 34·s·b·h·L (GELU) vs our SwiGLU 34.125, plus our output logits
    // (4·s·b·V) and embedding mask (s·b·h), which it leaves out.
    const cookbookActs = 34 * 4096 * 4096 * 32;
    expect(ours.activations - cookbookActs).toBe(0.125 * 4096 * 4096 * 32 + 4 * 4096 * 32000 + 4096 * 4096);
  });
});
