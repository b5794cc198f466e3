import { describe, expect, it } from 'vitest';
import { PlanError } from '../../src/domain/errors.js';
import type { PlanRequest } from '../../src/domain/request.js';
import { CLUSTER_MODEL } from '../../src/request/cluster-model.js';
import { needsClusterModel, planDocument } from '../../src/request/plan.js';
import { BUILTIN_CATALOG } from '../../src/presets/catalog.js';

// The CLI loads the cluster model (src/request/cluster-model.ts) only when needsClusterModel says a
// request needs it (issue 16). These check the predicate against what the pipeline really uses:
// every field that reaches the cluster model is flagged, and every request it does not flag plans
// the same without the model as with it.
const base = { budget: '20000gpuh', gpu: 'a100', start: '2026-01-05' } as const;

describe('needsClusterModel', () => {
  it.each<[string, PlanRequest]>([
    ['gpus', { ...base, gpus: 64 }],
    ['days', { ...base, days: 14 }],
    ['hours (a booking)', { gpu: 'a100', gpus: 64, hours: 100, start: '2026-01-05' }],
    ['zero', { ...base, zero: 1 }],
    ['seqLen', { ...base, seqLen: 4096 }],
    ['microBatch', { ...base, microBatch: 2 }],
    ['recompute', { ...base, recompute: 'full' }],
    ['optimizer', { ...base, optimizer: 'sgd' }],
    ['gradDtype', { ...base, gradDtype: 'fp32' }],
    ['flashAttn: false', { ...base, flashAttn: false }],
    ['layout', { ...base, gpus: 64, layout: 'tp=8' }],
    ['gpusPerNode', { ...base, gpusPerNode: 4 }],
    ['globalBatch', { ...base, globalBatch: 512 }],
    ['arch', { ...base, arch: 'llama-2-7b' }],
    ['the shape flags', { ...base, layers: 32, dModel: 4096, heads: 32, ffn: 11008 }],
    ['model', { model: 'gopher' }],
  ])('%s: flagged, planned with the model, and an internal error without it', (_, request) => {
    expect(needsClusterModel(request)).toBe(true);
    expect(() => planDocument(request, BUILTIN_CATALOG, CLUSTER_MODEL)).not.toThrow();
    const error = (() => {
      try {
        planDocument(request, BUILTIN_CATALOG);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).code).toBe('internal');
  });

  it.each<[string, PlanRequest]>([
    ['a budget alone', base],
    ['every rule, every loss, the range', { ...base, rule: 'all', loss: 'all', range: true }],
    ['a price (the cost section)', { ...base, budget: '$50000', price: 2.5 }],
    ['shape, vocab and hyper-parameters', { ...base, shape: true, vocab: 50257, hyperparams: true }],
    ['unique and inference tokens', { ...base, uniqueTokens: '100B', inferenceTokens: 1e12 }],
    ['params and tokens (a chosen run)', { params: 7e9, tokens: '2T', gpu: 'h100' }],
    ['flashAttn: true (the default)', { ...base, flashAttn: true }],
  ])('%s: not flagged, and the same document without the model', (_, request) => {
    expect(needsClusterModel(request)).toBe(false);
    expect(planDocument(request, BUILTIN_CATALOG)).toEqual(planDocument(request, BUILTIN_CATALOG, CLUSTER_MODEL));
  });
});
