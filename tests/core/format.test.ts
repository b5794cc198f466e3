import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/core/format.js';

describe('formatNumber', () => {
  it.each([
    [0.4, '0.400'],
    [20, '20.0'],
    [123.456, '123'],
    // toPrecision(3) would print these as 6.81e+3 and 1.49e+3.
    [6805.56, '6810'],
    [1487.0, '1490'],
    [999999, '1000000'],
    [1.5e6, '1.50e6'],
    [0.0001234, '1.23e-4'],
  ])('%d → %s', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });
});
