import { describe, expect, it } from 'vitest';
import type { Architecture } from '../../../src/domain/architecture.js';
import { adviseFit } from '../../../src/core/cluster/advice.js';
import { allReduceSeconds, divisors, estimateLayout, searchLayouts, whatBinds, type ClusterSpec } from '../../../src/core/cluster/layout.js';
import type { TrainingSetup } from '../../../src/core/cluster/memory.js';

const llama = (layers: number, dModel: number, heads: number, kvHeads: number, ffn: number, vocab: number): Architecture => ({
  name: 'test', layers, dModel, heads, kvHeads, headDim: dModel / heads, ffn, vocab,
  mlp: 'swiglu', tiedEmbeddings: false, norm: 'rmsnorm', bias: 'none', positions: 'rope',
});
const gpt = (layers: number, h: number, heads: number): Architecture => ({
  name: 'gpt', layers, dModel: h, heads, kvHeads: heads, headDim: h / heads, ffn: 4 * h, vocab: 51200,
  mlp: 'gelu', tiedEmbeddings: true, norm: 'layernorm', bias: 'all', positions: 'learned', maxSeqLen: 2048,
});
const setupOf = (arch: Architecture, seqLen: number): TrainingSetup => ({ arch, seqLen, precision: 'bf16', optimizer: 'adamw', gradDtype: 'bf16', flashAttention: true });
// H100 SXM: 989.5 TFLOP/s bf16, NVLink 900 GB/s (450 per direction), NDR 400 Gb/s per GPU (50 GB/s).
const h100 = (gpus: number): ClusterSpec => ({ gpus, gpuMemoryBytes: 80e9, peakFlops: 989.5e12, mfu: 0.4, gpusPerNode: 8, intraNodeBytesPerSecond: 450e9, interNodeBytesPerSecond: 50e9 });
// A100 80GB: 312 TFLOP/s, NVLink 600 GB/s (300 per direction), HDR 200 Gb/s per GPU (25 GB/s).
const a100 = (gpus: number): ClusterSpec => ({ gpus, gpuMemoryBytes: 80e9, peakFlops: 312e12, mfu: 0.5, gpusPerNode: 8, intraNodeBytesPerSecond: 300e9, interNodeBytesPerSecond: 25e9 });

describe('layout search', () => {
  it('searches only t | heads within a node, p | layers, t·p·d = GPUs, ZeRO-2/3 without pipelining', () => {
    const arch = llama(80, 8192, 64, 8, 28672, 32000);
    const search = searchLayouts(setupOf(arch, 4096), h100(256), 1024, {}, 1000);
    expect(search.fittingCount).toBeGreaterThan(0);
    for (const { layout, fits, memory } of search.ranked) {
      expect(fits).toBe(true);
      expect(memory.total).toBeLessThanOrEqual(80e9);
      expect(64 % layout.tp).toBe(0);
      expect(layout.tp).toBeLessThanOrEqual(8);
      expect(80 % layout.pp).toBe(0);
      expect(layout.tp * layout.pp * layout.dp).toBe(256);
      if (layout.pp > 1) expect(layout.zero).toBeLessThanOrEqual(1);
    }
    const perToken = search.ranked.map((estimate) => 1 / estimate.tokensPerSecond);
    expect(perToken).toEqual([...perToken].sort((a, b) => a - b));
  });

  it('405B over 16,384 GPUs finds a fitting layout with tensor parallelism inside the node', () => {
    const arch = llama(126, 16384, 128, 8, 53248, 128256);
    const search = searchLayouts(setupOf(arch, 8192), h100(16384), 2048);
    expect(search.ranked.length).toBeGreaterThan(0);
    expect(search.ranked[0]?.layout.tp).toBe(8);
    // Without sharding, 405B of weights, gradients and Adam states (16 B each) cannot fit 128 GPUs of a TP8×PP2 slice.
    expect(whatBinds(search)).toBe('memory');
  });

  it('Megatron-LM’s published layouts fit under this memory model (Narayanan et al. 2021, Table 1)', () => {
    // GPT-3 175B on 1,536 A100: t = 8, p = 8, batch 1,536; 1T (128 × 25600, 160 heads) on 3,072: t = 8, p = 64.
    const g175 = estimateLayout(setupOf(gpt(96, 12288, 96), 2048), a100(1536), { tp: 8, pp: 8, dp: 24, zero: 0, recompute: 'full', microBatch: 1, sequenceParallel: true }, 1536);
    expect(g175.fits).toBe(true);
    const g1t = estimateLayout(setupOf(gpt(128, 25600, 160), 2048), a100(3072), { tp: 8, pp: 64, dp: 6, zero: 0, recompute: 'full', microBatch: 1, sequenceParallel: true }, 3072);
    expect(g1t.fits).toBe(true);
    // …and the unsharded single-node alternative does not: 175B × 16 B over 8 GPUs is 350 GB each.
    const flat = estimateLayout(setupOf(gpt(96, 12288, 96), 2048), a100(1536), { tp: 8, pp: 1, dp: 192, zero: 0, recompute: 'full', microBatch: 1, sequenceParallel: true }, 1536);
    expect(flat.fits).toBe(false);
  });

  it('the 1F1B bubble is (p − 1)/m of the compute (Narayanan et al. 2021, §2.2.1)', () => {
    const arch = llama(32, 4096, 32, 32, 11008, 32000);
    const estimate = estimateLayout(setupOf(arch, 4096), h100(64), { tp: 1, pp: 4, dp: 16, zero: 1, recompute: 'none', microBatch: 1, sequenceParallel: false }, 128);
    expect(estimate.microBatches).toBe(8);
    expect(estimate.step.bubble / estimate.step.compute).toBeCloseTo(3 / 8, 12);
  });

  it('ring all-reduce moves 2(t − 1)/t of the buffer', () => {
    expect(allReduceSeconds(1e9, 8, 1e9)).toBeCloseTo(1.75, 12);
    expect(allReduceSeconds(1e9, 1, 1e9)).toBe(0);
  });

  it('without overheads the run reaches the given MFU; recomputation lowers it by ≈ 1/4', () => {
    const arch = llama(32, 4096, 32, 32, 11008, 32000);
    const base = { tp: 1, pp: 1, dp: 1, zero: 0, microBatch: 1, sequenceParallel: false } as const;
    const one = estimateLayout(setupOf(arch, 4096), { ...h100(1), gpuMemoryBytes: 1e12 }, { ...base, recompute: 'none' }, 4);
    expect(one.achievedMfu).toBeCloseTo(0.4, 12);
    const full = estimateLayout(setupOf(arch, 4096), { ...h100(1), gpuMemoryBytes: 1e12 }, { ...base, recompute: 'full' }, 4);
    expect(full.achievedHfu).toBeCloseTo(0.4, 12);
    expect(full.achievedMfu / one.achievedMfu).toBeCloseTo(0.75, 1);
  });

  it('divisors', () => {
    expect(divisors(126)).toEqual([1, 2, 3, 6, 7, 9, 14, 18, 21, 42, 63, 126]);
  });
});

describe('when nothing fits', () => {
  const arch = llama(80, 8192, 64, 8, 28672, 32000);
  it('Llama-2-70B on 8 H100s: every piece of advice is verified to fit, and 8 GPUs do not', () => {
    const setup = setupOf(arch, 4096);
    expect(searchLayouts(setup, h100(8), 1024).fittingCount).toBe(0);
    const advice = adviseFit(setup, h100(8), 1024);
    expect(advice.map((item) => item.kind)).toContain('more-gpus');
    for (const item of advice) {
      if (item.kind === 'more-gpus') expect(searchLayouts(setup, h100(item.gpus), 1024).fittingCount).toBeGreaterThan(0);
      if (item.kind === 'smaller-model') expect(searchLayouts({ ...setup, arch: item.architecture }, h100(8), 1024).fittingCount).toBeGreaterThan(0);
    }
  });
  it('a fixed recomputation that cannot fit is named as the constraint to drop', () => {
    const setup = setupOf(arch, 4096);
    const advice = adviseFit(setup, h100(64), 1024, { recompute: 'none', tp: 1 });
    expect(advice[0]).toEqual({ kind: 'drop-constraints', dropped: ['recompute', 'tp'] });
  });
  it('names no more GPUs when the batch has no room for more data-parallel ranks', () => {
    // 8 sequences per step: d·b ≤ 10 caps every layout at 8 × 80 pipeline stages × 8 tensor ranks; a 1-layer
    // model at an absurd 1M-token context cannot fit however many GPUs are added.
    const wide = llama(1, 8192, 64, 8, 28672, 32000);
    const advice = adviseFit({ ...setupOf(wide, 1_048_576), flashAttention: false }, h100(8), 8, { recompute: 'none' });
    expect(advice.some((item) => item.kind === 'more-gpus')).toBe(false);
  });
});

describe('peer: cli99/llm-analysis (analysis.py, its documented estimate reproduced by hand)', () => {
  // llm-analysis estimates training time as (6, or 8 with full recomputation)·N·D / (GPUs · peak · efficiency),
  // and counts forward FLOPs as Megatron does, 24·b·L·s·h²·(1 + s/6h + V/12Lh). Our compute term counts the
  // same matmuls plus the attention scores (12·L·s·h per token) and the head instead of the embedding, so for
  // Llama-2-7B at s = 4096 it is longer by 46,084,915,200 / 40,430,493,696 = 1.1399 (8N: 61,184,409,600 /
  // 53,907,324,928 = 1.1350). Same assumption (no bubble, no communication: 1 GPU).
  const arch = llama(32, 4096, 32, 32, 11008, 32000);
  const n = 6_738_415_616;
  const cluster = { ...h100(1), gpuMemoryBytes: 1e12 };
  const base = { tp: 1, pp: 1, dp: 1, zero: 0, microBatch: 1, sequenceParallel: false } as const;
  it.each([
    ['none', 6, 1.1399],
    ['full', 8, 1.135],
  ] as const)('recompute %s: ours / llm-analysis = %d·N·D scaled by %d', (recompute, factor, ratio) => {
    const estimate = estimateLayout(setupOf(arch, 4096), cluster, { ...base, recompute }, 4);
    const tokens = estimate.globalBatch * 4096;
    const theirs = (factor * n * tokens) / (1 * cluster.peakFlops * cluster.mfu);
    expect(estimate.step.compute / theirs).toBeCloseTo(ratio, 3);
  });
});
