import { describe, expect, it } from 'vitest';
import { parseBudgetRange } from '../../src/core/budget-range.js';

// A unit written on HI alone applies to LO. The number on HI must not give digits back to the
// unit: '5000gpuh' once read as 500 + '0gpuh', making LO '1e30gpuh' and the range run backwards.
describe('parseBudgetRange with the unit on HI only (the ranges plot --frontier takes)', () => {
  it.each([
    ['1e21..1e25flops', '1e21flops', '1e25flops'],
    ['1e3..5000gpuh', '1e3gpuh', '5000gpuh'],
    ['1e3..1e6gpuh', '1e3gpuh', '1e6gpuh'],
  ])('%s → %s .. %s', (text, low, high) => {
    const range = parseBudgetRange(text);
    expect([range.low.text, range.high.text]).toEqual([low, high]);
  });
});
