import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countShapeParams, proposeShape, swigluWidth } from '../../../src/core/constraints/shape.js';

describe('swigluWidth: 8/3·d rounded up to a multiple of 256 (Llama)', () => {
  it.each([
    [4096, 11008], // Llama-2 7B's ffn_dim: 10922.7 → 43·256
    [5120, 13824], // Llama-2 13B's: 13653.3 → 54·256
    [768, 2048], // 2048 exactly
  ])('%i → %i', (dModel, expected) => {
    expect(swigluWidth(dModel)).toBe(expected);
  });
});

describe('countShapeParams matches published parameter counts', () => {
  // Hugging Face model cards (meta-llama/Llama-2-7b-hf, -13b-hf) list 6,738,415,616 and 13,015,864,320.
  // By hand for 7B: 32·(4·4096² + 3·4096·11008 + 2·4096) + 4096 + 2·32000·4096
  //   = 32·(67,108,864 + 135,266,304 + 8,192) + 4,096 + 262,144,000 = 6,738,415,616
  it.each([
    [32, 4096, 6_738_415_616],
    [40, 5120, 13_015_864_320],
  ])('%i layers × %i', (nLayers, dModel, expected) => {
    expect(countShapeParams(nLayers, dModel, 32_000)).toBe(expected);
  });
});

describe('proposeShape against real models (shared/reference/scaling-laws.md)', () => {
  it.each([
    ['Llama-2 7B', 6.74e9, 32, 4096, 32],
    ['Llama-2 13B', 13.0e9, 40, 5120, 40],
    ['GPT-3 175B', 175e9, 96, 12288, 96],
  ])('%s: exactly its layers, width and heads', (_name, params, nLayers, dModel, nHeads) => {
    const shape = proposeShape(params);
    expect([shape.nLayers, shape.dModel, shape.nHeads]).toEqual([nLayers, dModel, nHeads]);
  });

  // Llama-2 70B (GQA, FFN 28672) and Chinchilla 70B (4d MLP, tied) put more parameters per layer
  // than this block, so the same count lands on a slightly wider, shallower shape.
  it.each([
    ['Llama-2 70B', 70e9],
    ['Chinchilla 70B', 70e9],
  ])('%s: near 80 layers × 8192 (within 10%%)', (_name, params) => {
    const shape = proposeShape(params);
    expect(Math.abs(shape.nLayers / 80 - 1)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(shape.dModel / 8192 - 1)).toBeLessThanOrEqual(0.1);
  });

  it('keeps the count within 5% and the rules of the shape for any size from 100M to 10T', () => {
    fc.assert(
      fc.property(fc.double({ min: 8, max: 13, noNaN: true }), (log10Params) => {
        const target = 10 ** log10Params;
        const shape = proposeShape(target);
        expect(shape.withinTolerance).toBe(true);
        expect(Math.abs(shape.params / target - 1)).toBeLessThanOrEqual(0.05);
        expect(shape.dModel % 128).toBe(0);
        expect(shape.nHeads * 128).toBe(shape.dModel);
        expect(shape.ffnDim % 256).toBe(0);
        expect(shape.ffnDim).toBeGreaterThanOrEqual((8 / 3) * shape.dModel);
        expect(shape.params).toBe(countShapeParams(shape.nLayers, shape.dModel, shape.vocabSize, shape.ffnDim));
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('stays in the 100–128 aspect band from 1B up', () => {
    for (const params of [1e9, 3e9, 7e9, 30e9, 70e9, 300e9, 1e12]) {
      const { aspectRatio } = proposeShape(params);
      expect(aspectRatio).toBeGreaterThanOrEqual(100);
      expect(aspectRatio).toBeLessThanOrEqual(128);
    }
  });

  it('counts the vocabulary it is given', () => {
    const shape = proposeShape(1e9, 50_257);
    expect(shape.vocabSize).toBe(50_257);
    expect(shape.embeddingParams).toBe(2 * 50_257 * shape.dModel);
  });

  it('says so when no shape comes within 5% (1M parameters: 32000·128·2 = 8.2M of embeddings alone)', () => {
    const shape = proposeShape(1e6);
    expect(shape.withinTolerance).toBe(false);
    expect(shape.paramsRelativeError).toBeGreaterThan(0.05);
  });
});
