import { describe, expect, it } from 'vitest';
import { parseBudget } from '../../src/core/budget.js';
import { PlanError } from '../../src/domain/errors.js';

// Expected amounts by hand: 1 PF-day = 8.64e19 FLOPs, 1 GPU-day = 24 GPU-hours.
describe('parseBudget: every accepted form', () => {
  it.each([
    ['5000gpuh', 'gpu-hours', 5000],
    ['5k gpu-hours', 'gpu-hours', 5000],
    ['5000 GPUh', 'gpu-hours', 5000],
    ['5000 GPU-hours', 'gpu-hours', 5000],
    ['1 gpu hour', 'gpu-hours', 1],
    ['2.5M gpuh', 'gpu-hours', 2.5e6],
    ['200gpud', 'gpu-hours', 4800],
    ['200 GPU-days', 'gpu-hours', 4800],
    ['1e23flops', 'flops', 1e23],
    ['3.6e21 flop', 'flops', 3.6e21],
    ['1.5T FLOPs', 'flops', 1.5e12],
    ['2e+22flops', 'flops', 2e22],
    ['10pfd', 'flops', 8.64e20],
    ['10 pf-days', 'flops', 8.64e20],
    ['10 petaflop/s-days', 'flops', 8.64e20],
    ['0.5pfd', 'flops', 4.32e19],
    ['$50000', 'usd', 50000],
    ['$50k', 'usd', 50000],
    ['$ 1.2M', 'usd', 1.2e6],
    ['50k usd', 'usd', 50000],
    ['50K USD', 'usd', 50000],
    ['7B gpuh', 'gpu-hours', 7e9],
    ['7G gpuh', 'gpu-hours', 7e9],
    ['1T gpuh', 'gpu-hours', 1e12],
    ['  5000gpuh  ', 'gpu-hours', 5000],
    ['.5k gpuh', 'gpu-hours', 500],
    ['1,000 gpuh', 'gpu-hours', 1000],
    ['$50,000', 'usd', 50000],
    ['1,234,567 flops', 'flops', 1234567],
  ])('%s → %s %d', (text, kind, amount) => {
    const budget = parseBudget(text);
    expect(budget.kind).toBe(kind);
    const value = budget.kind === 'flops' ? budget.flops : budget.kind === 'gpu-hours' ? budget.gpuHours : budget.usd;
    expect(value).toBeCloseTo(amount, 6);
    expect(value / amount).toBeCloseTo(1, 12);
  });
});

describe('parseBudget: rejected input names the problem', () => {
  it.each([
    ['5000', /has no unit/],
    ['', /empty/],
    ['   ', /empty/],
    ['-5gpuh', /positive/],
    ['0gpuh', /positive/],
    ['0flops', /positive/],
    ['5 parsecs', /unit/],
    ['gpuh', /cannot read/],
    ['$5 gpuh', /mixes/],
    ['1e400flops', /too large/],
    ['5x gpuh', /unit/],
    ['NaN flops', /cannot read/],
    ['Infinity flops', /cannot read/],
    ['5k', /has no unit/],
    ['1,00 gpuh', /unit/],
    ['1,0000 gpuh', /unit/],
    ['constructor', /cannot read/],
    ['5 __proto__', /unit/],
  ])('%j', (text, message) => {
    let thrown: unknown;
    try {
      parseBudget(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PlanError);
    expect((thrown as PlanError).code).toBe('bad-input');
    expect((thrown as PlanError).message).toMatch(message);
    expect((thrown as PlanError).hint).toMatch(/5000gpuh/);
  });
});
