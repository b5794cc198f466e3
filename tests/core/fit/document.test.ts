import { describe, expect, it } from 'vitest';
import { bootstrapFit } from '../../../src/core/fit/bootstrap.js';
import { createFitDocument, fitId } from '../../../src/core/fit/document.js';
import { fitScalingLaw } from '../../../src/core/fit/fit.js';
import { LossModelSchema } from '../../../src/domain/presets.js';
import { relativeError } from '../../helpers/cli.js';
import { HOFFMANN_LAW, syntheticRuns } from './fixtures.js';

describe('fitId', () => {
  it.each([
    ['runs.csv', 'fit-runs'],
    ['data/My Runs (v2).CSV', 'fit-my-runs-v2'],
    ['C:\\exp\\sweep_01.jsonl', 'fit-sweep_01'],
    ['-', 'fit-stdin'],
    ['___.csv', 'fit-runs'],
    ['.hidden', 'fit-runs'],
    ['grid.1e9.csv', 'fit-grid.1e9'],
  ])('%s → %s', (input, expected) => {
    expect(fitId(input)).toBe(expected);
    expect(expected).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
  });
});

describe('createFitDocument', () => {
  const runs = syntheticRuns(HOFFMANN_LAW, 0.003, 3);
  const fit = fitScalingLaw(runs);
  const context = {
    input: 'exp/runs.csv',
    date: '2026-01-02',
    droppedTopLoss: 2,
    budgets: [
      { text: '1e22flops', flops: 1e22 },
      { text: '1e24flops', flops: 1e24 },
    ],
  };

  it('is a valid loss-model preset that names its input and date', () => {
    const document = createFitDocument(fit, undefined, context);
    expect(LossModelSchema.parse(document)).toEqual(document);
    expect(document).toMatchObject({ schema: 'llm-plan/fit@1', id: 'fit-runs', form: 'chinchilla', parameterCount: 'all', ...fit.params });
    expect(document.source).toContain('exp/runs.csv');
    expect(document.source).toContain('2026-01-02');
    expect(document.dataset).toContain('exp/runs.csv');
    expect(document.fit).toMatchObject({ input: 'exp/runs.csv', date: '2026-01-02', runs: 64, droppedTopLoss: 2, starts: 4500 });
    expect(document.fit?.bootstrap).toBeUndefined();
  });

  it('reports the allocation at every budget, spending each exactly', () => {
    const document = createFitDocument(fit, undefined, context);
    const optimal = document.fit?.optimal ?? [];
    expect(optimal.map((row) => row.budget)).toEqual(['1e22flops', '1e24flops']);
    for (const row of optimal) {
      expect(relativeError(6 * row.params * row.tokens, row.flops)).toBeLessThan(1e-12);
      expect(row.tokensPerParam).toBeCloseTo(row.tokens / row.params, 10);
    }
    // N ∝ C^a: 100× compute multiplies N by 100^a.
    const [small, large] = optimal;
    const a = fit.params.beta / (fit.params.alpha + fit.params.beta);
    expect((large?.params ?? 0) / (small?.params ?? 1)).toBeCloseTo(100 ** a, 8);
  });

  it('carries bootstrap intervals and draws, and intervals for N and D, still as a valid preset', () => {
    const bootstrap = bootstrapFit(runs, fit, { samples: 12, seed: 4 });
    const document = createFitDocument(fit, bootstrap, context);
    expect(LossModelSchema.parse(document)).toEqual(document);
    expect(document.fit?.bootstrap).toMatchObject({ samples: 12, seed: 4, confidence: 0.95 });
    expect(document.fit?.bootstrap?.draws).toHaveLength(12);
    for (const row of document.fit?.optimal ?? []) {
      const [low, high] = row.paramsInterval ?? [Number.NaN, Number.NaN];
      expect(low).toBeLessThan(high);
      const [dLow, dHigh] = row.tokensInterval ?? [Number.NaN, Number.NaN];
      expect(dLow).toBeLessThan(dHigh);
    }
  });
});
