import { describe, expect, it } from 'vitest';
import { formatCountTick, formatFlopsTick, formatLinearTick, linearTicks, logTicks } from '../../src/core/ticks.js';

describe('logTicks', () => {
  it.each([
    // decades 1e8..1e11 inside [3e7, 2e11]: four, within the limit of five
    [3e7, 2e11, 5, [1e8, 1e9, 1e10, 1e11]],
    // eight decades (1e8..1e15) for at most four ticks: every ceil(8/4) = 2nd decade
    [3e7, 2e15, 4, [1e8, 1e10, 1e12, 1e14]],
    // less than two decades: the 1-2-5 steps inside
    [2e9, 8e9, 5, [2e9, 5e9]],
    [1e21, 1e25, 8, [1e21, 1e22, 1e23, 1e24, 1e25]],
  ])('logTicks(%d, %d, %d) → %j', (low, high, maxTicks, expected) => {
    const ticks = logTicks(low, high, maxTicks);
    expect(ticks).toHaveLength(expected.length);
    ticks.forEach((tick, index) => expect(tick / (expected[index] ?? Number.NaN)).toBeCloseTo(1, 12));
  });
});

describe('linearTicks', () => {
  it.each([
    // (2.75 − 2.3)/5 = 0.09 → step 0.1
    [2.3, 2.75, 5, [2.3, 2.4, 2.5, 2.6, 2.7]],
    // (3.1 − 2.03)/6 = 0.178 → step 0.2
    [2.03, 3.1, 6, [2.2, 2.4, 2.6, 2.8, 3]],
    // 10/5 = 2 → step 2
    [0, 10, 5, [0, 2, 4, 6, 8, 10]],
    // a flat line: one tick, not an endless loop
    [2.5, 2.5, 5, [2.5]],
  ])('linearTicks(%d, %d, %d) → %j', (low, high, count, expected) => {
    expect(linearTicks(low, high, count)).toEqual(expected);
  });
});

describe('tick labels', () => {
  it.each([
    [1e9, '1B'],
    [2.5e8, '250M'],
    [1.5e10, '15B'],
    [3e12, '3T'],
    [1e16, '1e16'],
    [100, '100'],
  ])('formatCountTick(%d) → %s', (value, expected) => expect(formatCountTick(value)).toBe(expected));

  it.each([
    [1e21, '1e21'],
    [3e22, '3e22'],
    [2.5e21, '2.5e21'],
  ])('formatFlopsTick(%d) → %s', (value, expected) => expect(formatFlopsTick(value)).toBe(expected));

  it.each([
    [2.5, 0.1, '2.5'],
    [2, 0.5, '2.0'],
    [3, 0.2, '3.0'],
    [10, 5, '10'],
    [2.04, 0.02, '2.04'],
  ])('formatLinearTick(%d, step %d) → %s', (value, step, expected) => expect(formatLinearTick(value, step)).toBe(expected));
});
