import { describe, expect, it } from 'vitest';
import { formatCount, formatGrouped, formatHours, formatNumber, formatScientific } from '../../src/core/format.js';

describe('format (human output only)', () => {
  it.each([
    [2.7386e9, '2.74B'],
    [5.477e10, '54.8B'],
    [1.4e12, '1.40T'],
    [7.369e9, '7.37B'],
    [999.96e6, '1.00B'],
    [125e6, '125M'],
    [1500, '1.50k'],
    [20, '20'],
    [0.5, '0.5'],
    [1.23e15, '1.23e15'],
  ])('formatCount(%d) → %s', (value, expected) => expect(formatCount(value)).toBe(expected));

  it.each([
    [9e20, '9.00e20'],
    [5.88e23, '5.88e23'],
    [1e-5, '1.00e-5'],
    // No `e0` (issue 11): 1 is written 1.00, 9.99 as itself.
    [1, '1.00'],
    [9.99, '9.99'],
    [1.2e24, '1.20e24'],
  ])('formatScientific(%d) → %s', (value, expected) => expect(formatScientific(value)).toBe(expected));

  it.each([
    [10.416666, '10.4'],
    [20, '20.0'],
    [0.4, '0.400'],
    // Thousands separators on every integer (issue 11): 2e23 FLOPs = 2,315 PF-days.
    [2314.8, '2,315'],
    [999_999, '999,999'],
    [3.2e7, '3.20e7'],
  ])('formatNumber(%d) → %s', (value, expected) => expect(formatNumber(value)).toBe(expected));

  it.each([
    [23809.5238, 0, '23,810'],
    [5000, 0, '5,000'],
    [999, 0, '999'],
    [1234567.891, 2, '1,234,567.89'],
    [-1234.5, 1, '-1,234.5'],
    [-0.0001, 0, '0'],
    [0, 0, '0'],
  ])('formatGrouped(%d, %d) → %s', (value, decimals, expected) => expect(formatGrouped(value, decimals)).toBe(expected));

  it.each([
    [5, '5.00 h'],
    [47, '47.0 h'],
    [72, '3.00 days'],
  ])('formatHours(%d) → %s', (value, expected) => expect(formatHours(value)).toBe(expected));

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses %d with a TypeError', (value) => {
    expect(() => formatCount(value)).toThrow(TypeError);
    expect(() => formatNumber(value)).toThrow(TypeError);
    expect(() => formatGrouped(value)).toThrow(TypeError);
  });
});
