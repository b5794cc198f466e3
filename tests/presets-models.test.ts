import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArchitectureFileSchema, RealModelFileSchema } from '../src/presets/file-schemas.js';
import { countParams } from '../src/core/cluster/params.js';
import { PlanError } from '../src/domain/errors.js';
import { architectureOf, BUILTIN_ARCHITECTURES, BUILTIN_REAL_MODELS, findArchitecture, findRealModel } from '../src/presets/real-models.js';

const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(`../presets/${name}`, import.meta.url), 'utf8'));

describe('presets/models.json and presets/architectures.json', () => {
  it('validate against their zod schemas (what makes the typed casts safe)', () => {
    expect(RealModelFileSchema.parse(readJson('models.json')).models).toEqual(BUILTIN_REAL_MODELS);
    expect(ArchitectureFileSchema.parse(readJson('architectures.json')).architectures).toEqual(BUILTIN_ARCHITECTURES);
  });

  it('ids and aliases are unique, every architecture has an id and a source', () => {
    const ids = BUILTIN_REAL_MODELS.flatMap((model) => [model.id, ...(model.aliases ?? [])]);
    expect(new Set(ids).size).toBe(ids.length);
    const archIds = BUILTIN_ARCHITECTURES.map((arch) => arch.id);
    expect(new Set(archIds).size).toBe(archIds.length);
    for (const arch of BUILTIN_ARCHITECTURES) {
      expect(arch.id).toBeDefined();
      expect(arch.source).toBeTruthy();
      expect(arch.heads * arch.headDim).toBe(arch.dModel);
    }
  });

  // shared/reference/models.md, row by row.
  it.each([
    ['gpt-3', 175e9, 300e9],
    ['gopher', 280e9, 300e9],
    ['chinchilla', 70e9, 1.4e12],
    ['mt-nlg', 530e9, 270e9],
    ['palm', 540e9, 780e9],
    ['bloom', 176e9, 366e9],
    ['llama-65b', 65.2e9, 1.4e12],
    ['llama-2-70b', 70e9, 2.0e12],
    ['falcon-180b', 180e9, 3.5e12],
    ['deepseek-llm-67b', 67e9, 2.0e12],
    ['llama-3-8b', 8.03e9, 15e12],
    ['llama-3-70b', 70.6e9, 15e12],
    ['llama-3.1-405b', 405e9, 15.6e12],
    ['qwen2.5-72b', 72.7e9, 18e12],
    ['olmo-2-7b', 7.3e9, 4e12],
    ['lamda', 137e9, 2.81e12],
    ['glm-130b', 130e9, 400e9],
    ['yuan-1.0', 245.7e9, 180e9],
  ])('%s: N and D as the reference states them (within its rounding)', (id, params, tokens) => {
    const model = findRealModel(id);
    expect(model.params / params).toBeCloseTo(1, 1);
    expect(model.tokens).toBe(tokens);
  });

  it('paper FLOPs where given agree with 6·N·D to within 10% (GPT-3 3.14e23, Chinchilla 5.76e23, Llama 3.1 3.8e25)', () => {
    for (const model of BUILTIN_REAL_MODELS.filter((m) => m.paperFlops !== undefined)) {
      expect((6 * model.params * model.tokens) / (model.paperFlops as number)).toBeGreaterThan(0.9);
      expect((6 * model.params * model.tokens) / (model.paperFlops as number)).toBeLessThan(1.1);
    }
  });

  it('each model’s architecture counts its stated N within 2%, or states the paper’s own count', () => {
    for (const model of BUILTIN_REAL_MODELS) {
      const arch = architectureOf(model);
      if (model.architecture !== undefined) expect(arch).toBeDefined();
      if (!arch) continue;
      const counted = countParams(arch).total;
      if (arch.statedParams === undefined) expect(Math.abs(counted / model.params - 1)).toBeLessThan(0.02);
      else {
        expect(arch.statedParams).toBe(model.params);
        expect(Math.abs(counted / model.params - 1)).toBeLessThan(0.1); // Gopher 259B/280B, Chinchilla 65B/70B
      }
    }
  });

  it('unknown ids suggest the closest', () => {
    expect(() => findRealModel('gohper')).toThrow(PlanError);
    expect(() => findRealModel('gohper')).toThrow(/did you mean 'gopher'/);
    expect(findArchitecture('LLAMA-2-70B').kvHeads).toBe(8);
    expect(findRealModel('gpt3').id).toBe('gpt-3');
  });
});
