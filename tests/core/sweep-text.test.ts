import { describe, expect, it } from 'vitest';
import { shortestOf } from '../../src/core/sweep.js';

describe('shortestOf (a sweep budget\'s text without a second number conversion)', () => {
  it.each([
    ['1.00000000000000e+18', '1000000000000000000'],
    ['9.99907899916706e+21', '9.99907899916706e21'],
    ['3162.27766016838', '3162.27766016838'],
    ['1000.00000000000', '1000'],
    ['0.500000000000000', '0.5'],
    ['0.00000123000000000000', '0.00000123'],
    ['1.23000000000000e-7', '1.23e-7'],
    ['1.00000000000000e+21', '1e21'],
    ['7.50116556523152e+18', '7501165565231520000'],
  ])('%s → %s', (text, expected) => expect(shortestOf(text)).toBe(expected));

  it('writes what String(Number(text)) writes, for every toPrecision(15) text of positive numbers over 52 decades', () => {
    // The second formula: JavaScript's own shortest round-trip text of the parsed number.
    const reference = (text: string): string => String(Number(text)).replace('e+', 'e');
    const values: number[] = [];
    for (let exponent = -12; exponent < 40; exponent += 0.0007) values.push(10 ** exponent);
    for (let power = -10; power < 35; power++) values.push(10 ** power, 2 * 10 ** power, 10 ** power * (1 - 1e-16), 10 ** power * (1 + 1e-15));
    for (let whole = 1; whole < 5000; whole++) values.push(whole);
    // A fixed pseudo-random walk over 1e-17…1e48 (a linear congruential generator, so every run checks the same values).
    let seed = 12345;
    for (let step = 0; step < 50_000; step++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      values.push(Math.exp((seed / 2 ** 31) * 150 - 40));
    }
    const differing = values.map((value) => value.toPrecision(15)).filter((text) => shortestOf(text) !== reference(text));
    expect(differing).toEqual([]);
  });
});
