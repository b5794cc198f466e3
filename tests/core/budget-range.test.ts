import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetAmount, logSpace, parseBudgetRange, withAmount } from '../../src/core/budget-range.js';
import { parseBudget } from '../../src/core/budget.js';
import { PlanError } from '../../src/domain/errors.js';
import { MAX_SWEEP_STEPS, parseSteps, sweepBudgets } from '../../src/core/sweep.js';

describe('parseBudgetRange', () => {
  it.each([
    ['1e3gpuh..1e6gpuh', 'gpu-hours', 1e3, 1e6],
    ['1e3..1e6gpuh', 'gpu-hours', 1e3, 1e6],
    ['1k..1Mgpuh', 'gpu-hours', 1e3, 1e6],
    ['1..10k gpu-hours', 'gpu-hours', 1, 1e4],
    ['1e21..1e22flops', 'flops', 1e21, 1e22],
    ['1e21flops..1e25flops', 'flops', 1e21, 1e25],
    // 1 PF-day = 8.64e19 FLOPs.
    ['1..100pfd', 'flops', 8.64e19, 8.64e21],
    ['10gpud..100gpud', 'gpu-hours', 240, 2400],
    ['$1k..$1M', 'usd', 1e3, 1e6],
    ['1k..$1M', 'usd', 1e3, 1e6],
    ['1k..1M usd', 'usd', 1e3, 1e6],
    [' 1e3gpuh .. 1e6gpuh ', 'gpu-hours', 1e3, 1e6],
  ])('%j → %s from %d to %d', (text, kind, low, high) => {
    const range = parseBudgetRange(text);
    expect(range.low.kind).toBe(kind);
    expect(range.high.kind).toBe(kind);
    expect(budgetAmount(range.low)).toBeCloseTo(low, 6);
    expect(budgetAmount(range.high)).toBeCloseTo(high, 6);
  });

  it.each([
    ['1e3gpuh', /cannot read the range/],
    ['1..2..3gpuh', /cannot read the range/],
    ['1e6gpuh..1e3gpuh', /from low to high/],
    ['1e3gpuh..1e3gpuh', /from low to high/],
    ['1e3gpuh..1e25flops', /different kinds/],
    ['1e3..1e6', /no unit/],
    ['..1e6gpuh', /cannot read the budget/],
  ])('refuses %j', (text, message) => {
    expect(() => parseBudgetRange(text)).toThrow(message);
    expect(() => parseBudgetRange(text)).toThrow(PlanError);
  });
});

describe('logSpace', () => {
  it.each([
    [1e3, 1e6, 4, [1e3, 1e4, 1e5, 1e6]],
    [1, 100, 3, [1, 10, 100]],
    [2, 8, 3, [2, 4, 8]],
    [5, 7, 2, [5, 7]],
  ])('logSpace(%d, %d, %d)', (low, high, steps, expected) => {
    const values = logSpace(low, high, steps);
    expect(values).toHaveLength(expected.length);
    values.forEach((value, index) => expect(value).toBeCloseTo(expected[index] ?? Number.NaN, 9));
  });

  it('keeps both ends exact and rises strictly (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 30, noNaN: true }), fc.double({ min: 1e-6, max: 10, noNaN: true }), fc.integer({ min: 2, max: 500 }), (log10Low, decades, steps) => {
        const low = 10 ** log10Low;
        const high = 10 ** (log10Low + decades);
        const values = logSpace(low, high, steps);
        expect(values[0]).toBe(low);
        expect(values.at(-1)).toBe(high);
        for (let index = 1; index < values.length; index++) expect(values[index]).toBeGreaterThan(values[index - 1] ?? Infinity);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it.each([1, 0, 2.5, Number.NaN])('refuses %d steps', (steps) => {
    expect(() => logSpace(1, 10, steps)).toThrow(/--steps/);
  });
});

describe('withAmount', () => {
  it.each([
    [parseBudget('1e21flops'), { kind: 'flops', flops: 5, text: 't' }],
    [parseBudget('10gpuh'), { kind: 'gpu-hours', gpuHours: 5, text: 't' }],
    [parseBudget('$10'), { kind: 'usd', usd: 5, text: 't' }],
  ])('keeps the kind of %j', (like, expected) => {
    expect(withAmount(like, 5, 't')).toEqual(expected);
  });
});

describe('sweepBudgets', () => {
  it('writes each budget as a text that parses back to the same amount', () => {
    const budgets = sweepBudgets(parseBudgetRange('1e3gpuh..1e6gpuh'), 7);
    expect(budgets.map((budget) => budget.text).slice(0, 3)).toEqual(['1000gpuh', '3162.27766016838gpuh', '10000gpuh']);
    for (const budget of budgets) expect(parseBudget(budget.text)).toEqual(budget);
  });

  it.each(['1e18flops..1e26flops', '1..100pfd', '$1k..$1M', '0.001gpuh..1e9gpuh'])('round-trips every text of %s', (text) => {
    for (const budget of sweepBudgets(parseBudgetRange(text), 101)) expect(parseBudget(budget.text)).toEqual(budget);
  });
});

describe('parseSteps', () => {
  it.each([['2', 2], ['7', 7], [' 100000 ', 100000], [String(MAX_SWEEP_STEPS), MAX_SWEEP_STEPS]])('%j → %d', (text, steps) => {
    expect(parseSteps(text)).toBe(steps);
  });
  it.each(['1', '0', '-3', '2.5', 'seven', '', '1e3', String(MAX_SWEEP_STEPS + 1)])('refuses %j', (text) => {
    expect(() => parseSteps(text)).toThrow(/--steps must be a whole number/);
  });
});
