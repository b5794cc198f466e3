import { describe, expect, it } from 'vitest';
import { createFitPlot } from '../../src/core/fit-plot.js';
import { relativeError } from '../helpers/cli.js';

describe('createFitPlot', () => {
  const law = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
  // 6·1e8·1e9 = 6·2e8·5e8 = 6e17 (log10 × 4 = 71.1 → bucket 71); 6·1e9·1e10 = 6e19 (79.1 → bucket 79).
  const runs = [
    { params: 1e9, tokens: 1e10, loss: 2.9 },
    { params: 1e8, tokens: 1e9, loss: 3.7 },
    { params: 2e8, tokens: 5e8, loss: 3.8 },
  ];
  const plot = createFitPlot(runs, law);

  it('groups runs of the same compute, smallest compute first', () => {
    expect(plot.buckets.map((bucket) => bucket.runs.length)).toEqual([2, 1]);
    expect(relativeError(plot.buckets[0]?.flops ?? 0, 6e17)).toBeLessThan(1e-12);
    expect(relativeError(plot.buckets[1]?.flops ?? 0, 6e19)).toBeLessThan(1e-12);
  });

  it('runs the compute-optimal line from the smallest to the largest bucket, through the bottom of each curve', () => {
    const first = plot.optimal[0];
    const last = plot.optimal[plot.optimal.length - 1];
    expect(relativeError(6 * (first?.params ?? 0) * (first?.tokens ?? 0), 6e17)).toBeLessThan(1e-9);
    expect(relativeError(6 * (last?.params ?? 0) * (last?.tokens ?? 0), 6e19)).toBeLessThan(1e-9);
    // A second method: scan 20,001 N on the 6e17 IsoFLOP line for the law's lowest loss.
    let best = { params: 0, loss: Infinity };
    for (let step = 0; step <= 20000; step++) {
      const params = 10 ** (6 + (5 * step) / 20000);
      const tokens = 6e17 / (6 * params);
      const loss = law.E + law.A / params ** law.alpha + law.B / tokens ** law.beta;
      if (loss < best.loss) best = { params, loss };
    }
    expect(relativeError(first?.params ?? 0, best.params)).toBeLessThan(1e-3);
    expect(relativeError(first?.loss ?? 0, best.loss)).toBeLessThan(1e-9);
  });

  it("draws the law along each bucket's compute over its runs' N, a third of a decade wider", () => {
    const curve = plot.buckets[0]?.curve ?? [];
    expect(relativeError(curve[0]?.params ?? 0, 1e8 / 10 ** (1 / 3))).toBeLessThan(1e-12);
    expect(relativeError(curve[curve.length - 1]?.params ?? 0, 2e8 * 10 ** (1 / 3))).toBeLessThan(1e-12);
    expect(curve.every((point) => relativeError(6 * point.params * point.tokens, 6e17) < 1e-12)).toBe(true);
    // At N = 1e8, D = 1e9 (on this curve): 1.69 + 406.4/10^2.72 + 410.7/10^2.52 = 1.69 + 0.77437 + 1.24030 = 3.70467
    const single = createFitPlot([{ params: 1e8, tokens: 1e9, loss: 3.7 }], law, 3).buckets[0]?.curve[1];
    expect(relativeError(single?.params ?? 0, 1e8)).toBeLessThan(1e-12);
    expect(relativeError(single?.loss ?? 0, 3.70467)).toBeLessThan(1e-5);
  });
});
