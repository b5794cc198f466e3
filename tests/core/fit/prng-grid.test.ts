import { describe, expect, it } from 'vitest';
import { createStartGrid } from '../../../src/core/fit/grid.js';
import { createRandom } from '../../../src/core/fit/prng.js';

describe('createRandom (mulberry32)', () => {
  // Reference values from an independent Python implementation of mulberry32 with the same constants.
  it.each([
    [42, [0.6011037519201636, 0.44829055899754167, 0.8524657934904099]],
    [0, [0.26642920868471265, 0.0003297457005828619, 0.2232720274478197]],
  ])('seed %i gives the reference sequence', (seed, expected) => {
    const random = createRandom(seed);
    expect([random(), random(), random()]).toEqual(expected);
  });

  it('stays in [0, 1) with a mean near 1/2', () => {
    const random = createRandom(1);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const value = random();
      expect(value >= 0 && value < 1).toBe(true);
      sum += value;
    }
    // Standard error of the mean of 10k uniforms: sqrt(1/12/1e4) ≈ 0.0029; allow 4 of them.
    expect(Math.abs(sum / 10_000 - 0.5)).toBeLessThan(0.012);
  });
});

describe('createStartGrid', () => {
  it('has the 5·6·6·5·5 = 4500 distinct starts of Hoffmann et al. App. D.2', () => {
    const grid = createStartGrid();
    expect(grid).toHaveLength(4500);
    expect(new Set(grid.map((x) => x.join(','))).size).toBe(4500);
  });

  it.each([
    ['first corner', [-1, 0, 0, 0, 0]],
    ['last corner', [1, 25, 25, 2, 2]],
    ['an inside point', [0.5, 10, 15, 1.5, 0.5]],
  ])('contains the %s', (_, point) => {
    expect(createStartGrid().some((x) => x.join(',') === point.join(','))).toBe(true);
  });
});
