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

  it.each([
    // Just below and at the rounding edge of each suffix: 3 significant digits of 999.4e6 stay
    // 999M; from 999.5e6 on they round to 1.00B (round-half-even of the binary value aside).
    [999.4e6, '999M'],
    [999.5e6, '1.00B'],
    [999.49e9, '999B'],
    [999.51e9, '1.00T'],
    [999.4, '999'],
    [999.6, '1.00k'],
    [-2.7386e9, '-2.74B'],
    [0, '0'],
  ])('formatCount(%d) → %s at the edges of the suffixes', (value, expected) => expect(formatCount(value)).toBe(expected));

  it('formatCount agrees with its first, toPrecision-only form (issue 16 skips the calls that cannot change it)', () => {
    // The form before issue 16: every suffix tried with toPrecision, as a second formula to compare with.
    const units: Array<[number, string]> = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'k']];
    const reference = (value: number): string => {
      const magnitude = Math.abs(value);
      if (magnitude >= 1e15) return formatScientific(value);
      for (const [scale, suffix] of units) {
        if (Number((magnitude / scale).toPrecision(3)) >= 1) {
          const scaled = Number((value / scale).toPrecision(3));
          if (Math.abs(scaled) < 1000) return `${scaled.toPrecision(3)}${suffix}`;
        }
      }
      if (magnitude < 1e-3 && magnitude > 0) return formatScientific(value);
      return Number(value.toPrecision(3)).toString();
    };
    const values: number[] = [];
    // Log-spaced over the whole range, and dense around every place where the suffix changes.
    for (let exponent = -4; exponent < 16; exponent += 0.001) values.push(10 ** exponent, -(10 ** exponent));
    for (const edge of [1, 1e3, 1e6, 1e9, 1e12, 1e15]) {
      for (let step = -2000; step <= 2000; step++) values.push(edge * (1 + step * 1e-6));
    }
    const differing = values.filter((value) => formatCount(value) !== reference(value));
    expect(differing).toEqual([]);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses %d with a TypeError', (value) => {
    expect(() => formatCount(value)).toThrow(TypeError);
    expect(() => formatNumber(value)).toThrow(TypeError);
    expect(() => formatGrouped(value)).toThrow(TypeError);
  });
});
